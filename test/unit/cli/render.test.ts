import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../../../src/cli/io';
import { render } from '../../../src/cli/render';
import { listPages } from '../../support/listPages';
import { runCli, type CliRun } from '../../support/runCli';

const EXAMPLE = readFileSync(new URL('../../fixtures/pages/teleconsultation.md', `file://${__filename}`), 'utf8');

function run(args: string[], cwd: string, env: CliIo['env'] = { LANG: 'fr_FR.UTF-8' }, stdin = ''): Promise<CliRun> {
  return runCli(render, args, cwd, env, stdin);
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
    assert.equal(r.code, EXIT_OK, r.err);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      '<p><a href="../outils/e-cps.md" class="medguide-relref">carte</a> ' +
        '<span class="medguide-broken-ref" title="Référence introuvable : « absent.md » (cherchée depuis la page, depuis content/ puis par nom de fichier)">absent</span> ' +
        '<a href="#mat%C3%A9riel" class="medguide-relref">ici</a></p>\n',
    );
  });

  it('renders the example page with the card, sections and alerts', async () => {
    const r = await run(['teleconsultation.md', '--lang', 'en'], join(site, 'content', 'pratique'));
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.out.startsWith('<header class="medguide-front-matter medguide-front-matter-card">'), r.out);
    assert.ok(r.out.includes('<h2 id="envoyer-lordonnance">Envoyer l\'ordonnance</h2>'));
    assert.ok(r.out.includes('<a href="../outils/e-cps.md" class="medguide-relref">la carte e-CPS</a>'));
    assert.ok(r.out.includes('<span class="medguide-alert-label">Warning</span>'));
    assert.ok(!r.out.includes('imageSrc'));
  });

  it('follows --front-matter and --collapse', async () => {
    const hidden = await run(['--front-matter=hide', '--collapse', 'closed', 'content/pratique/teleconsultation.md'], site);
    assert.ok(hidden.out.startsWith('<p class="lead">'), hidden.out.slice(0, 100));
    assert.ok(hidden.out.includes('<details class="medguide-collapse">'));
    const table = await run(['--front-matter', 'table', 'content/pratique/teleconsultation.md'], site);
    assert.ok(table.out.startsWith('<table class="medguide-front-matter medguide-front-matter-table">'));
  });

  it('wraps a standalone page with charset, language and the styles inline', async () => {
    const r = await run(['--standalone', 'content/pratique/teleconsultation.md'], site, { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' });
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.out.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'), r.out.slice(0, 200));
    assert.ok(r.out.includes('<title>Téléconsultation en médecine générale</title>'));
    assert.ok(r.out.includes('.medguide-alert-warning {'));
    assert.ok(r.out.includes('<span class="medguide-alert-label">Warning</span>'));
    assert.ok(r.out.endsWith('</body>\n</html>\n'));
  });

  it('takes the language from LC_ALL, LC_MESSAGES then LANG', async () => {
    const fr = await run(['content/pratique/teleconsultation.md'], site, { LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US' });
    assert.ok(fr.out.includes('<span class="medguide-alert-label">Attention</span>'));
    const en = await run(['content/pratique/teleconsultation.md'], site, { LANG: 'C.UTF-8' });
    assert.ok(en.out.includes('<span class="medguide-alert-label">Warning</span>'));
  });

  it('reads the page from stdin with -', async () => {
    const r = await run(['-'], site, {}, '> [!TIP]\n> x\n');
    assert.equal(r.code, EXIT_OK);
    assert.ok(r.out.includes('<span class="medguide-alert-label">Tip</span>'));
  });

  it('exits 2 with the usage on bad arguments', async () => {
    for (const args of [[], ['a.md', 'b.md'], ['--lang', 'de', 'a.md'], ['--bogus', 'a.md'], ['a.md', '--front-matter']]) {
      const r = await run(args, site, { LANG: 'en_US' });
      assert.equal(r.code, EXIT_USAGE, args.join(' '));
      assert.ok(r.err.includes('Usage: medguide render'), r.err);
      assert.equal(r.out, '');
    }
    const help = await run(['--help'], site);
    assert.equal(help.code, EXIT_OK);
    assert.ok(help.out.startsWith('Usage : medguide render'));
  });

  it('exits 1 when the page cannot be read', async () => {
    const r = await run(['absente.md'], site, { LANG: 'en' });
    assert.equal(r.code, EXIT_PROBLEMS);
    assert.equal(r.err, 'Cannot read absente.md: ENOENT\n');
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
    assert.equal(r.code, EXIT_OK, r.err);
    assert.ok(r.out.startsWith('<!DOCTYPE html>\n<html lang="fr-fr">\n'), r.out.slice(0, 80));
    assert.ok(r.out.includes('Créé le 2024-03-04') && r.out.includes('Publié le 2024-03-11'), r.out);
    const body = await run(['content/cabinet/liens.md'], join(root, 'fr'), EN);
    assert.ok(body.out.includes('<span class="medguide-alert-label">Astuce</span>'));
    assert.ok(body.out.includes('<span class="medguide-alert-label">Information</span>'));
  });

  it('follows a translation’s own language, and the page’s `lang` front matter', async () => {
    const fr = await run(['--standalone', 'content/page.md'], join(root, 'multi'), EN);
    assert.ok(fr.out.includes('<html lang="fr-FR">') && fr.out.includes('>Attention</span>'), fr.out.slice(0, 100));
    const en = await run(['--standalone', 'content/page.en.md'], join(root, 'multi'), { LANG: 'fr_FR.UTF-8' });
    assert.ok(en.out.includes('<html lang="en">') && en.out.includes('>Warning</span>'), en.out.slice(0, 100));
    const own = await run(['--standalone', 'content/cabinet/english.md'], join(root, 'fr'), { LANG: 'fr_FR.UTF-8' });
    assert.ok(own.out.includes('<html lang="en-GB">') && own.out.includes('>Warning</span>'));
  });

  it('falls back to --lang or the environment when the site says nothing', async () => {
    assert.ok((await run(['--standalone', 'content/p.md'], join(root, 'silent'), EN)).out.includes('<html lang="en">'));
    const fr = await run(['--standalone', '--lang', 'fr', 'content/p.md'], join(root, 'silent'), EN);
    assert.ok(fr.out.includes('<html lang="fr">') && fr.out.includes('>Attention</span>'));
  });

  it('links to the pages’ addresses on the published site (baseURL + Hugo’s URL), not to .md files', async () => {
    const r = await run(['--standalone', 'content/cabinet/liens.md'], join(root, 'fr'), EN);
    const hrefs = [...r.out.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
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
    assert.ok(plain.out.includes('<a href="e-cps.md" class="medguide-relref">carte</a>'), plain.out);
    // A multilingual site puts the other language in its folder; no baseURL: from the site's root.
    const multi = await run(['--standalone', 'content/page.md'], join(root, 'multi'), EN);
    assert.ok(multi.out.includes('<a href="/en/page/" class="medguide-relref">en</a>'), multi.out);
    const back = await run(['--standalone', 'content/page.en.md'], join(root, 'multi'), EN);
    assert.ok(back.out.includes('<a href="/page/" class="medguide-relref">fr</a>'), back.out);
  });

  it('draws icons as inline SVG (no emoji font needed) and spaces boxes as VS Code does', async () => {
    const r = await run(['--standalone', 'content/cabinet/liens.md'], join(root, 'fr'), EN);
    assert.ok(!/[\u2139\u270e\u2714\u26a0\u26d4\u2757]|\p{Extended_Pictographic}/u.test(r.out.replace(/<style>[\s\S]*<\/style>/, '')), 'no emoji or symbol-font icon');
    assert.match(r.out, /<span class="medguide-alert-icon" aria-hidden="true"><svg class="medguide-icon" viewBox="0 0 16 16"/);
    // The table above the information box has a bottom margin; a box's text starts right under its title.
    assert.ok(r.out.includes('table{border-collapse:collapse;margin-bottom:1em}'));
    assert.ok(r.out.includes('h1,h2,h3,h4,h5,h6,p,ol,ul,dl,pre{margin-top:0}'));
    assert.ok(r.out.includes('.medguide-alert-title + * {\n  margin-top: 0;\n}'));
  });
});
