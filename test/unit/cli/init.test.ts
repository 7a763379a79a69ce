import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check } from '../../../src/cli/check';
import { init } from '../../../src/cli/init';
import { runCli } from '../../support/runCli';
import { conventionsSite } from '../conventions/fixture';

const run = (command: typeof check, args: string[], cwd: string) => runCli(command, args, cwd);

describe('cli init and check --explain (the site\'s own conventions)', () => {
  let root: string;
  let site: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'medguide-init-'));
    site = path.join(root, 'conventions');
    for (const [p, text] of Object.entries(conventionsSite(site))) {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, text);
    }
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('check, without .medguide.toml, reports the outliers against the site\'s own conventions', async () => {
    const r = await run(check, ['--today', '2025-01-15'], site);
    // Inferred rules are guesses: their findings are warnings, which do not fail the run.
    assert.equal(r.code, 0);
    const lines = r.out.trim().split('\n');
    assert.deepEqual(lines.map((l) => l.split(' ').slice(0, 3).join(' ')), [
      'content/fiches/chaleur.md:1:1 information frontmatter-not-toml',
      'content/fiches/vaccins.md:8:8 warning type',
      'content/recommandations/asthme.md:6:16 warning not-allowed-value',
      'content/recommandations/diabete.md:1:1 warning required',
      'content/recommandations/diabete.md:4:1 warning unknown-key',
      'content/recommandations/hta.md:1:1 warning required',
    ]);
    assert.match(lines[5], /Inferred from the site: 19 of 20 pages in `recommandations\/` have `sources`\.$/);
    assert.equal(r.err, '44 file(s) checked: 0 error(s), 5 warning(s), 1 information(s).\n');
  });

  it('check --explain prints each rule of each section with its source, and checks nothing', async () => {
    const r = await run(check, ['--explain'], site);
    assert.equal(r.code, 0);
    assert.match(r.out, /^\.\nRule sources, strongest first: \.medguide\.toml > frontmatter\.json > inferred from the pages > built-in dialect\.\n {2}\.medguide\.toml: absent\n {2}frontmatter\.json: absent\n {2}inferred from the pages: 40 pages read\n/);
    assert.match(r.out, /\nPages `content\/recommandations\/\*\*`:\n/);
    assert.match(r.out, /\n {2}niveauPreuve: required \[inferred from the site's pages\]\n {6}Inferred from the site: 20 of 20 pages in `recommandations\/` have `niveauPreuve`\.\n/);
    assert.equal(r.err, '');
  });

  it('init writes a commented .medguide.toml that check then applies, and never overwrites it without --force', async () => {
    const r = await run(init, ['--today', '2025-01-15'], site);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, 'Wrote .medguide.toml: 8 key rule(s), 3 section(s), 1 content type(s).\n');
    const file = path.join(site, '.medguide.toml');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# \.medguide\.toml — this site's rules for MedGuide/);
    assert.match(text, /\[sections\.keys\.sources\]\nrequired = true {3}# Inferred from the site: 19 of 20 pages in `recommandations\/` have `sources`\./);

    const checked = await run(check, ['--today', '2025-01-15'], site);
    assert.equal(checked.code, 1);
    assert.match(checked.out, /content\/recommandations\/hta\.md:1:1 error required Missing required key: `sources` \(array of strings\)\.\n/, 'now a rule of .medguide.toml: no "inferred" reason');
    const explained = await run(check, ['--explain'], site);
    assert.match(explained.out, /\.medguide\.toml: .*\.medguide\.toml\n {2}frontmatter\.json: absent\n {2}inferred from the pages: no \(\.medguide\.toml present, without `\[infer\]`\)/);

    writeFileSync(file, '# mine\n');
    const again = await run(init, [], site);
    assert.equal(again.code, 2);
    assert.equal(again.err, '.medguide.toml already exists: not replaced (--force to replace it, --stdout to see the new one).\n');
    assert.equal(readFileSync(file, 'utf8'), '# mine\n');
    const shown = await run(init, ['--stdout', '--today', '2025-01-15'], site);
    assert.equal(shown.code, 0);
    assert.equal(shown.out, text, 'the rules of the pages, whatever the file says');
    assert.equal((await run(init, ['--force', '--today', '2025-01-15'], site)).code, 0);
    assert.equal(readFileSync(file, 'utf8'), text);
  });

  it('init on a site too small to infer from says so', async () => {
    const small = path.join(root, 'petit');
    mkdirSync(path.join(small, 'content'), { recursive: true });
    writeFileSync(path.join(small, 'hugo.toml'), 'title = "x"\n');
    writeFileSync(path.join(small, 'content', 'a.md'), '+++\ntitle = "A"\n+++\n');
    const r = await run(init, ['--lang', 'en'], small);
    assert.equal(r.code, 0);
    assert.match(r.err, /^The site has only 1 page\(s\): too few to infer conventions from \(20 needed\)/);
    assert.ok(existsSync(path.join(small, '.medguide.toml')));
  });
});
