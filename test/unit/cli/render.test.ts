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

describe('cli/render: the page’s language and a standalone page sent to a reviewer', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const EN = { LANG: 'en_US.UTF-8' };
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'medguide-render-lang-'));
    // A French one-language site with a baseURL, as the example site.
    write('fr/hugo.toml', 'baseURL = "https://guide.example.org/"\nlanguageCode = "fr-fr"\ntitle = "Guide"\n');
    write('fr/content/cabinet/_index.md', '+++\ntitle = "Cabinet"\n+++\n');
    write('fr/content/cabinet/e-cps.md', '+++\ntitle = "La carte e-CPS"\ndate = 2024-03-04\npublishdate = 2024-03-11\n+++\n\n## Réagir vite\n\nTexte.\n');
    write('fr/content/cabinet/mon dossier/index.md', '+++\ntitle = "Bundle"\n+++\n');
    write('fr/content/cabinet/slug.md', '+++\ntitle = "Avec slug"\nslug = "Autre Nom"\n+++\n');
    write(
      'fr/content/cabinet/liens.md',
      '+++\ntitle = "Liens"\ndate = 2024-01-01\n+++\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nNote.\n{.alert .alert-info}\n\n' +
        '{{% notice tip %}}\nCorps.\n{{% /notice %}}\n\n' +
        '[carte]({{< relref "e-cps" >}}), [ancre]({{< relref "e-cps.md#réagir-vite" >}}), [section]({{< relref "/cabinet" >}}), ' +
        '[bundle]({{< relref "mon dossier" >}}), [slug]({{< relref "slug.md" >}}), [ici]({{< relref "#haut" >}})\n',
    );
    write('fr/content/cabinet/english.md', '+++\ntitle = "In English"\nlang = "en-GB"\ndate = 2024-01-01\n+++\n\n> [!WARNING]\n> x\n');
    // A multilingual site: French by default, an English translation.
    write('multi/hugo.toml', 'defaultContentLanguage = "fr"\n[languages.fr]\nweight = 1\nlanguageCode = "fr-FR"\n[languages.en]\nweight = 2\n');
    write('multi/content/page.md', '+++\ntitle = "Page"\ndate = 2024-01-01\n+++\n\n[en]({{< relref path="page.md" lang="en" >}})\n\n> [!WARNING]\n> x\n');
    write('multi/content/page.en.md', '+++\ntitle = "Page"\ndate = 2024-01-01\n+++\n\n[fr]({{< relref path="page.md" lang="fr" >}})\n\n> [!WARNING]\n> x\n');
    // A site that says nothing about its language: the environment decides.
    write('silent/hugo.toml', 'title = "x"\n');
    write('silent/content/p.md', '> [!WARNING]\n> x\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('labels a French page in French in an English environment, and writes its language in <html lang>', async () => {
    const r = await run(['--standalone', 'content/cabinet/e-cps.md'], join(root, 'fr'), EN);
    assert.equal(r.code, EXIT_OK, r.stderr);
    assert.ok(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="fr-fr">\n'), r.stdout.slice(0, 80));
    assert.ok(r.stdout.includes('Créé le 2024-03-04') && r.stdout.includes('Publié le 2024-03-11'), r.stdout);
    const body = await run(['content/cabinet/liens.md'], join(root, 'fr'), EN);
    assert.ok(body.stdout.includes('<span class="medguide-alert-label">Astuce</span>'));
    assert.ok(body.stdout.includes('<span class="medguide-alert-label">Information</span>'));
  });

  it('follows a translation’s own language, and the page’s `lang` front matter', async () => {
    const fr = await run(['--standalone', 'content/page.md'], join(root, 'multi'), EN);
    assert.ok(fr.stdout.includes('<html lang="fr-FR">') && fr.stdout.includes('>Attention</span>'), fr.stdout.slice(0, 100));
    const en = await run(['--standalone', 'content/page.en.md'], join(root, 'multi'), { LANG: 'fr_FR.UTF-8' });
    assert.ok(en.stdout.includes('<html lang="en">') && en.stdout.includes('>Warning</span>'), en.stdout.slice(0, 100));
    const own = await run(['--standalone', 'content/cabinet/english.md'], join(root, 'fr'), { LANG: 'fr_FR.UTF-8' });
    assert.ok(own.stdout.includes('<html lang="en-GB">') && own.stdout.includes('>Warning</span>'));
  });

  it('falls back to --lang or the environment when the site says nothing', async () => {
    assert.ok((await run(['--standalone', 'content/p.md'], join(root, 'silent'), EN)).stdout.includes('<html lang="en">'));
    const fr = await run(['--standalone', '--lang', 'fr', 'content/p.md'], join(root, 'silent'), EN);
    assert.ok(fr.stdout.includes('<html lang="fr">') && fr.stdout.includes('>Attention</span>'));
  });

  it('links to the pages’ addresses on the published site (baseURL + Hugo’s URL), not to .md files', async () => {
    const r = await run(['--standalone', 'content/cabinet/liens.md'], join(root, 'fr'), EN);
    const hrefs = [...r.stdout.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, [
      'https://guide.example.org/cabinet/e-cps/',
      'https://guide.example.org/cabinet/e-cps/#r%C3%A9agir-vite',
      'https://guide.example.org/cabinet/',
      'https://guide.example.org/cabinet/mon-dossier/',
      'https://guide.example.org/cabinet/autre-nom/',
      '#haut',
    ]);
    // Without --standalone the links stay on the .md files, which VS Code and a local checkout open.
    const plain = await run(['content/cabinet/liens.md'], join(root, 'fr'), EN);
    assert.ok(plain.stdout.includes('<a href="e-cps.md" class="medguide-relref">carte</a>'), plain.stdout);
    // A multilingual site puts the other language in its folder; no baseURL: from the site's root.
    const multi = await run(['--standalone', 'content/page.md'], join(root, 'multi'), EN);
    assert.ok(multi.stdout.includes('<a href="/en/page/" class="medguide-relref">en</a>'), multi.stdout);
    const back = await run(['--standalone', 'content/page.en.md'], join(root, 'multi'), EN);
    assert.ok(back.stdout.includes('<a href="/page/" class="medguide-relref">fr</a>'), back.stdout);
  });

  it('draws icons as inline SVG (no emoji font needed) and spaces boxes as VS Code does', async () => {
    const r = await run(['--standalone', 'content/cabinet/liens.md'], join(root, 'fr'), EN);
    assert.ok(!/[\u2139\u270e\u2714\u26a0\u26d4\u2757]|\p{Extended_Pictographic}/u.test(r.stdout.replace(/<style>[\s\S]*<\/style>/, '')), 'no emoji or symbol-font icon');
    assert.match(r.stdout, /<span class="medguide-alert-icon" aria-hidden="true"><svg class="medguide-icon" viewBox="0 0 16 16"/);
    // The table above the information box has a bottom margin; a box's text starts right under its title.
    assert.ok(r.stdout.includes('table{border-collapse:collapse;margin-bottom:1em}'));
    assert.ok(r.stdout.includes('h1,h2,h3,h4,h5,h6,p,ol,ul,dl,pre{margin-top:0}'));
    assert.ok(r.stdout.includes('.medguide-alert-title + * {\n  margin-top: 0;\n}'));
  });
});
