// A page's anchors (what a relref's `#fragment` may name): the ids in the HTML Hugo writes for each
// page are the ids MedGuide's site model reads from its text, heading by heading, on a site that
// writes raw HTML (`markup.goldmark.renderer.unsafe = true`) and on one that does not (Hugo's
// default). Found on real sites (nginx docs): ids with dots (`{#r37.0}`), code spans holding `<…>`
// in a heading, raw HTML headings, a code fence left open inside a `{{< >}}` shortcode.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeHost } from '../../src/cli/nodeHost';
import { openHugoSite } from '../../src/core/site';
import { hugoBinary } from './site';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const page = (title: string, ...body: string[]) => lines('+++', `title = "${title}"`, '+++', ...body);

/** Each page alone in its folder: `a/index.md` is written to `public/a/index.html`. */
const PAGES: Record<string, string> = {
  'explicites/index.md': page(
    'Identifiants donnés',
    '## Version PLS.37.0.0.1 {#r37.0}',
    '## Espace de noms {#ns:titre}',
    '## Virgule {#a,b}',
    '## Barre {#a/b}',
    '## Exclamation {#vite!}',
    '## Accent {#é.x}',
    '## Clé {id="cle-valeur"}',
    '## Classe d’abord {.note #apres-classe}',
    '## Deux {#premier #second}',
    '## Suivi {#pas-un-id} de texte',
    '## Accolade {b} puis {#vrai}',
    '## Échappée \\{#echap}',
    '## Mauvaise puis bonne {#x,y} {#bonne}',
    '## Vide {}',
    "## Apostrophes {id='ap'}",
    '## Nu {id=nu}',
    '## Nombre {data-n=1 #avec-nombre}',
    '## Sans valeur {data-x #sv}',
    '## Liste {#l1, .c}',
  ),
  'automatiques/index.md': page(
    'Identifiants calculés',
    '## Voir [la fiche](e-cps.md) ici',
    '## Un *accent* et __gras__',
    '## Échappé \\* étoile',
    '## Image ![texte](img.png) là',
    '## Entité &amp; et &eacute;',
    '## Lien <https://exemple.fr/x>',
    '### -option `<valeur>`',
    '### Code `a_b` et <em>balise</em>',
    '',
    'Première ligne',
    'Deuxième [lien](http://u.v/w)',
    '---',
    '',
    'Titre *souligné*',
    '===',
    '',
    '## Même',
    '## Même',
    '## Même {#même-1}',
    '## Même',
    '## Même ##',
  ),
  'boites/index.md': page(
    'Boîtes',
    '{{< boite >}}',
    '```sh',
    'echo "jamais fermé"',
    '{{< /boite >}}',
    '',
    '## Après la boîte',
    '',
    '{{< boite >}}',
    '',
    '    indenté',
    '{{< /boite >}}',
    '## Collé à la boîte',
    '',
    '{{% boite %}}',
    'texte',
    '{{% /boite %}}',
    '',
    '## Fin',
  ),
  'html/index.md': page(
    'HTML brut',
    '<h3 id="passerelle.exemple/v1.Filtre">Filtre</h3>',
    '',
    'Un <span id="en-ligne">mot</span> et <a name="ancien-nom"></a>.',
    '',
    'Le code `<span id="dans-le-code">` n’en est pas un.',
    '',
    '```html',
    '<div id="dans-un-bloc"></div>',
    '```',
    '',
    '    <div id="indente"></div>',
    '',
    '<!-- <div id="commente"></div> -->',
    '',
    "<div id='apostrophes' class=\"x\"></div>",
    '',
    '<p id="r&amp;d">x</p>',
    '',
    '## Titre après le HTML',
  ),
};

/** The ids a browser finds in Hugo's HTML: `id` attributes and `<a name>`, outside comments, entities decoded. */
function idsInHtml(html: string): string[] {
  const visible = html.replace(/<!--[\s\S]*?-->/g, '');
  const out = new Set<string>();
  for (const m of visible.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
    for (const a of m[2].matchAll(/\s([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const name = a[1].toLowerCase();
      if (name === 'id' || (name === 'name' && m[1].toLowerCase() === 'a')) out.add((a[2] ?? a[3]).replace(/&amp;/g, '&'));
    }
  }
  return [...out].sort();
}

describe('Checked against Hugo: the anchors of a page', function () {
  this.timeout(120_000);
  const hugo = hugoBinary();
  let tmp: string;

  before(function () {
    if (!hugo) throw new Error('hugo is not installed: run `node scripts/tools.mjs` (Debian package hugo 0.111.3)');
    tmp = mkdtempSync(join(tmpdir(), 'medguide-anchors-'));
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  for (const unsafe of [false, true]) {
    describe(unsafe ? 'raw HTML written (unsafe = true)' : 'raw HTML left out (Hugo’s default)', () => {
      let dir: string;
      before(() => {
        dir = join(tmp, unsafe ? 'unsafe' : 'default');
        const files: Record<string, string> = {
          // The Markdown settings in config/_default/markup.toml, where real sites keep them.
          'hugo.toml': lines('baseURL = "https://example.org/"', 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]'),
          'config/_default/markup.toml': lines('[goldmark.renderer]', `unsafe = ${unsafe}`),
          'layouts/_default/single.html': '{{ .Content }}',
          'layouts/_default/list.html': '{{ .Content }}',
          'layouts/shortcodes/boite.html': '<div class="boite">{{ .Inner }}</div>',
          ...Object.fromEntries(Object.entries(PAGES).map(([p, text]) => [`content/${p}`, text])),
        };
        for (const [f, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, f)), { recursive: true });
          writeFileSync(join(dir, f), text);
        }
        const r = spawnSync(hugo!, ['--source', dir, '--destination', join(dir, 'public'), '--quiet'], { encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
      });

      for (const p of Object.keys(PAGES)) {
        it(p, async () => {
          const byHugo = idsInHtml(readFileSync(join(dir, 'public', dirname(p), 'index.html'), 'utf8'));
          const site = await openHugoSite(new NodeHost(), dir);
          const byMedGuide = [...((await site.anchors(join(dir, 'content', p))) ?? [])].sort();
          assert.deepEqual(byMedGuide, byHugo);
        });
      }
    });
  }
});
