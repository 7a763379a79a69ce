import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check, MAX_PAGE_BYTES } from '../../../src/cli/check';
import { runCli, type CliRun } from '../../support/runCli';

function run(args: string[], cwd: string, env?: Record<string, string>): Promise<CliRun> {
  return runCli(check, args, cwd, env);
}

const GOOD = [
  '+++',
  'title = "Téléconsultation en médecine générale"',
  'description = "Organiser une téléconsultation au cabinet : conditions, matériel et consentement."',
  'auteurs = ["Camille DURAND"]',
  'date = "2023-03-14T09:30:00+01:00"',
  'publishdate = "2023-03-20"',
  'lastmod = "2024-11-05"',
  '+++',
  '',
  'Corps.',
  '',
].join('\n');

/** Writes a file under `dir`, its folders made as needed. */
function writerIn(dir: string): (rel: string, text: string) => void {
  return (rel, text) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
}

describe('cli check', () => {
  let root: string;
  let site: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'medguide-check-'));
    site = path.join(root, 'site');
    const w = writerIn(site);
    w('hugo.toml', 'baseURL = "https://example.invalid/"\n');
    w('.medguide.toml', 'skip = ["content/snippets/**"]\n[[sections]]\npaths = ["content/rec/**"]\nkeys = { id = { required = true } }\n');
    w('content/good.md', GOOD);
    w('content/rec/hta.md', GOOD.replace('lastmod = "2024-11-05"', 'lastmod = "2024-11-05"\ntitel = "x"'));
    w('content/snippets/bout.md', 'Un bout de texte inclus ailleurs.\n');
    w('content/yaml.md', '---\ntitle: x\n---\n');
    w('content/notes.txt', 'not a page');
    w('content/.hidden/x.md', 'hidden');
    // A second site, with a broken configuration.
    const other = path.join(root, 'other');
    mkdirSync(path.join(other, 'content'), { recursive: true });
    writeFileSync(path.join(other, '.medguide.toml'), '[severity\n');
    writeFileSync(path.join(other, 'content', 'p.md'), GOOD);
    mkdirSync(path.join(root, 'nosite'));
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('checks the content folder of the site around the working folder', async () => {
    const r = await run([], path.join(site, 'content', 'rec'));
    assert.equal(r.out, [
      'hta.md:1:1 error required Missing required key: `id` (any value).',
      'hta.md:8:1 warning unknown-key Unknown key: `titel`. Did you mean `title`?',
      '../yaml.md:1:1 information frontmatter-not-toml YAML front matter: this validator reads TOML (between `+++` lines) only; the page is not checked.',
      '',
    ].join('\n'));
    assert.equal(r.err, '3 file(s) checked: 1 error(s), 1 warning(s), 1 information(s).\n');
    assert.equal(r.code, 1);
  });

  it('prints one JSON array with 1-based positions', async () => {
    const r = await run(['--format', 'json', 'content/rec/hta.md'], site);
    assert.deepEqual(JSON.parse(r.out), [
      { file: 'content/rec/hta.md', line: 1, column: 1, endLine: 1, endColumn: 4, severity: 'error', code: 'required', message: 'Missing required key: `id` (any value).' },
      { file: 'content/rec/hta.md', line: 8, column: 1, endLine: 8, endColumn: 6, severity: 'warning', code: 'unknown-key', message: 'Unknown key: `titel`. Did you mean `title`?' },
    ]);
    assert.equal(r.code, 1);
  });

  it('takes the language from LC_ALL, LC_MESSAGES, LANG, and --lang over them', async () => {
    const fr = await run(['content/yaml.md'], site, { LC_ALL: '', LC_MESSAGES: 'fr_FR.UTF-8', LANG: 'en_US' });
    assert.equal(fr.err, '1 fichier(s) vérifié(s) : 0 erreur(s), 0 avertissement(s), 1 information(s).\n');
    assert.match(fr.out, /^content\/yaml\.md:1:1 information frontmatter-not-toml Front matter YAML : /);
    const en = await run(['--lang=en', 'content/yaml.md'], site, { LANG: 'fr_FR' });
    assert.match(en.out, /YAML front matter: /);
    assert.equal(en.code, 0);
  });

  it('exits 0 on a clean page and prints nothing but the summary', async () => {
    const r = await run(['content/good.md'], site);
    assert.deepEqual(r, { code: 0, out: '', err: '1 file(s) checked: 0 error(s), 0 warning(s), 0 information(s).\n' });
  });

  it('skips pages listed in skip, and reports oversized files once', async () => {
    const skipped = await run(['content/snippets'], site);
    assert.deepEqual(skipped, { code: 0, out: '', err: '0 file(s) checked: 0 error(s), 0 warning(s), 0 information(s).\n' });
    const big = path.join(root, 'big.md');
    writeFileSync(big, GOOD + 'x'.repeat(MAX_PAGE_BYTES));
    const r = await run([big], root);
    assert.equal(r.out, 'big.md:1:1 information file-too-large File of 2.0 MB, over the 2 MB limit: not checked.\n');
    assert.equal(r.code, 0);
  });

  it('applies --today to the future-date checks', async () => {
    const r = await run(['--today', '2024-01-01', 'content/good.md'], site);
    assert.equal(r.out, 'content/good.md:7:11 warning date-future `lastmod` is in the future (2024-11-05).\n');
    assert.equal(r.code, 0);
  });

  it('exits 2 on a broken configuration, still checking pages with the defaults', async () => {
    const r = await run([], path.join(root, 'other'));
    assert.equal(r.out, '.medguide.toml:1:1 error toml-syntax TOML syntax error: illegal character in key. The default rules apply to pages.\n');
    assert.equal(r.err, '1 file(s) checked: 1 error(s), 0 warning(s), 0 information(s).\n');
    assert.equal(r.code, 2);
  });

  it('uses the file given with --config', async () => {
    writeFileSync(path.join(root, 'strict.toml'), '[keys.tags]\nrequired = true\n');
    const r = await run(['--config', 'strict.toml', 'site/content/good.md'], root);
    assert.equal(r.out, 'site/content/good.md:1:1 error required Missing required key: `tags` (array of strings).\n');
    assert.equal(r.code, 1);
    const missing = await run(['--config', 'nope.toml', 'site/content/good.md'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.out, /^nope\.toml:1:1 error config-unreadable Cannot read the configuration: /);
  });

  it('exits 2 on usage problems', async () => {
    for (const args of [['--bad'], ['--format', 'xml'], ['--lang'], ['--today', 'demain']]) {
      const r = await run(args, site);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /Usage: medguide check/);
      assert.equal(r.out, '');
    }
    const missing = await run(['content/nope.md'], site);
    assert.deepEqual(missing, { code: 2, out: '', err: 'Path not found: content/nope.md\n' });
    const nosite = await run([], path.join(root, 'nosite'));
    assert.equal(nosite.code, 2);
    assert.match(nosite.err, /^No Hugo site found around /);
  });

  it('reports a broken Hugo configuration in its file and still checks the pages', async () => {
    const broken = path.join(root, 'hugo-casse');
    mkdirSync(path.join(broken, 'config', '_default'), { recursive: true });
    mkdirSync(path.join(broken, 'content'), { recursive: true });
    writeFileSync(path.join(broken, 'config', '_default', 'hugo.toml'), 'title = "Casse"\n');
    writeFileSync(path.join(broken, 'config', '_default', 'params.yaml'), 'a: [1, 2\n');
    writeFileSync(path.join(broken, 'content', 'p.md'), GOOD.replace('lastmod = "2024-11-05"', 'lastmod = "2024-11-05"\ntitel = "x"'));
    const r = await run(['--format', 'json'], broken);
    assert.equal(r.code, 2, r.err);
    const rows = JSON.parse(r.out) as { file: string; code: string; severity: string; line: number }[];
    assert.deepEqual(
      rows.map((d) => `${d.file} ${d.code} ${d.severity}`),
      ['config/_default/params.yaml hugo-config-syntax error', 'content/p.md unknown-key warning'],
    );
  });

  it('reads a site the way Hugo does: config/_default/, a content folder per language, bundles, drafts', async () => {
    const ml = path.join(root, 'multi');
    const w = writerIn(ml);
    w('config/_default/hugo.toml', 'defaultContentLanguage = "fr"\n');
    w('config/_default/languages.toml', '[fr]\ncontentDir = "content/fr"\nweight = 1\n[en]\ncontentDir = "content/en"\nweight = 2\n');
    w('content/fr/guide/a.md', GOOD + '{{< relref "b" >}} {{< relref "/guide/b.md" >}} {{< relref "lot" >}} {{< relref path="en-seul" lang="en" >}} {{< relref "brouillon" >}}\n');
    w('content/fr/guide/b.md', GOOD);
    w('content/fr/guide/brouillon.md', GOOD.replace('+++\n\nCorps', 'draft = true\n+++\n\nCorps'));
    w('content/fr/lot/index.md', GOOD);
    w('content/fr/lot/extrait.md', 'Un extrait sans front matter.\n');
    w('content/en/en-seul.md', GOOD);
    const r = await run(['--format', 'json', '--today', '2025-01-01'], ml);
    const rows = (JSON.parse(r.out) as { file: string; code: string; message: string }[]).map((d) => `${d.file} ${d.code} ${d.message}`);
    assert.deepEqual(rows, [
      'content/fr/guide/a.md relref-not-found “brouillon” names guide/brouillon.md, which Hugo does not build (a draft: draft = true): Hugo will stop building the site (REF_NOT_FOUND).',
    ]);
    assert.match(r.err, /^6 file\(s\) checked: 1 error\(s\)/);
  });

  it('checks a ref’s #anchor against the other page’s headings, and the page’s own', async () => {
    const s = path.join(root, 'anchors');
    const w = writerIn(s);
    w('hugo.toml', 'baseURL = "https://example.invalid/"\n');
    w('content/a.md', `${GOOD}\n## Suivi\n\n{{< relref "b#conduite" >}} {{< relref "b#conduit" >}} {{< relref "b#absente" >}} {{< relref "#suivi" >}} {{< relref "#suvi" >}}\n`);
    w('content/b.md', `${GOOD}\n## Conduite à tenir {#conduite}\n`);
    const r = await run(['--format', 'json'], s);
    const rows = (JSON.parse(r.out) as { file: string; line: number; column: number; code: string; message: string }[]).map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    assert.deepEqual(rows, [
      'content/a.md:14:43 relref-anchor The page “b.md” has no heading or section with the id “conduit”. Did you mean “conduite”?',
      'content/a.md:14:70 relref-anchor The page “b.md” has no heading or section with the id “absente”.',
      'content/a.md:14:120 relref-anchor The page “a.md” has no heading or section with the id “suvi”. Did you mean “suivi”?',
    ]);
  });

  it('prints help on --help', async () => {
    const r = await run(['--help'], site, { LANG: 'fr_FR.UTF-8' });
    assert.equal(r.code, 0);
    assert.match(r.out, /^Utilisation : medguide check/);
  });
});
