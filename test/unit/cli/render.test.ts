import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../../../src/cli/io';
import { render } from '../../../src/cli/render';
import { listPages } from '../../support/listPages';

const EXAMPLE = readFileSync(new URL('../../fixtures/pages/teleconsultation.md', `file://${__filename}`), 'utf8');

async function run(args: string[], cwd: string, env: Record<string, string | undefined> = { LANG: 'fr_FR.UTF-8' }, stdin = '') {
  const out = { code: -1, stdout: '', stderr: '' };
  const io: CliIo = {
    cwd,
    env,
    stdinIsTTY: false,
    readStdin: async () => stdin,
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
  };
  out.code = await render(args, io);
  return out;
}

describe('cli/render', () => {
  let site: string;
  before(() => {
    site = mkdtempSync(join(tmpdir(), 'medguide-render-'));
    mkdirSync(join(site, 'content', 'outils'), { recursive: true });
    mkdirSync(join(site, 'content', 'pratique'), { recursive: true });
    writeFileSync(join(site, 'content', 'pratique', 'teleconsultation.md'), EXAMPLE);
    writeFileSync(join(site, 'content', 'outils', 'e-cps.md'), '+++\ntitle = "e-CPS"\n+++\n');
    writeFileSync(join(site, 'content', 'outils', '_index.md'), '');
    writeFileSync(join(site, 'content', 'pratique', 'liens.md'), '[carte]({{< relref "e-cps" >}}) [absent]({{< relref "absent.md" >}}) [ici]({{< ref "#matériel" >}})\n');
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  it('lists the pages of content/', () => {
    assert.deepEqual(listPages(join(site, 'content')), ['outils/_index.md', 'outils/e-cps.md', 'pratique/liens.md', 'pratique/teleconsultation.md']);
  });

  it('prints the preview HTML, with relrefs linking to the .md files relative to the page', async () => {
    const r = await run(['content/pratique/liens.md'], site);
    assert.equal(r.code, EXIT_OK, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      '<p><a href="../outils/e-cps.md" class="medguide-relref">carte</a> ' +
        '<span class="medguide-broken-ref" title="Référence introuvable : « absent.md » (cherchée depuis la page, depuis content/ puis par nom de fichier)">absent</span> ' +
        '<a href="#mat%C3%A9riel" class="medguide-relref">ici</a></p>\n',
    );
  });

  it('renders the example page with the card, sections and alerts', async () => {
    const r = await run(['teleconsultation.md', '--lang', 'en'], join(site, 'content', 'pratique'));
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.stdout.startsWith('<header class="medguide-front-matter medguide-front-matter-card">'), r.stdout);
    assert.ok(r.stdout.includes('<h2 id="envoyer-lordonnance">Envoyer l\'ordonnance</h2>'));
    assert.ok(r.stdout.includes('<a href="../outils/e-cps.md" class="medguide-relref">la carte e-CPS</a>'));
    assert.ok(r.stdout.includes('<span class="medguide-alert-label">Warning</span>'));
    assert.ok(!r.stdout.includes('imageSrc'));
  });

  it('follows --front-matter and --collapse', async () => {
    const hidden = await run(['--front-matter=hide', '--collapse', 'closed', 'content/pratique/teleconsultation.md'], site);
    assert.ok(hidden.stdout.startsWith('<p class="lead">'), hidden.stdout.slice(0, 100));
    assert.ok(hidden.stdout.includes('<details class="medguide-collapse">'));
    const table = await run(['--front-matter', 'table', 'content/pratique/teleconsultation.md'], site);
    assert.ok(table.stdout.startsWith('<table class="medguide-front-matter medguide-front-matter-table">'));
  });

  it('wraps a standalone page with charset, language and the styles inline', async () => {
    const r = await run(['--standalone', 'content/pratique/teleconsultation.md'], site, { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' });
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'), r.stdout.slice(0, 200));
    assert.ok(r.stdout.includes('<title>Téléconsultation en médecine générale</title>'));
    assert.ok(r.stdout.includes('.medguide-alert-warning {'));
    assert.ok(r.stdout.includes('<span class="medguide-alert-label">Warning</span>'));
    assert.ok(r.stdout.endsWith('</body>\n</html>\n'));
  });

  it('takes the language from LC_ALL, LC_MESSAGES then LANG', async () => {
    const fr = await run(['content/pratique/teleconsultation.md'], site, { LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US' });
    assert.ok(fr.stdout.includes('<span class="medguide-alert-label">Attention</span>'));
    const en = await run(['content/pratique/teleconsultation.md'], site, { LANG: 'C.UTF-8' });
    assert.ok(en.stdout.includes('<span class="medguide-alert-label">Warning</span>'));
  });

  it('reads the page from stdin with -', async () => {
    const r = await run(['-'], site, {}, '> [!TIP]\n> x\n');
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.stdout.includes('<span class="medguide-alert-label">Tip</span>'));
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [[], ['a.md', 'b.md'], ['--lang', 'de', 'a.md'], ['--bogus', 'a.md'], ['a.md', '--front-matter']]) {
      const r = await run(args, site, { LANG: 'en_US' });
      assert.equal(r.code, EXIT_USAGE, args.join(' '));
      assert.ok(r.stderr.includes('Usage: medguide render'), r.stderr);
      assert.equal(r.stdout, '');
    }
    const help = await run(['--help'], site);
    assert.equal(help.code, EXIT_OK);
    assert.ok(help.stdout.startsWith('Usage : medguide render'));
  });

  it('exits 1 when the page cannot be read', async () => {
    const r = await run(['absente.md'], site, { LANG: 'en' });
    assert.equal(r.code, EXIT_PROBLEMS);
    assert.equal(r.stderr, 'Cannot read absente.md: ENOENT\n');
  });
});
