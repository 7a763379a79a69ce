import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { makeMd } from './helpers';
import { parse as parseToml } from 'smol-toml';
import { parseFrontMatter, parseSimpleYaml } from '../../../src/core/markdown/frontMatter';

const EXAMPLE = readFileSync(new URL('../../fixtures/pages/teleconsultation.md', `file://${__filename}`), 'utf8');
const TOML = '+++\ntitle = "Titre <b>"\ndescription = "Desc"\nauteurs = ["Camille DURAND", "Léa MARTIN"]\ndate = 2023-03-14T09:30:00+01:00\npublishdate = "2023-03-20"\nlastmod = 2024-11-05\ntags = ["a", "b"]\ndraft = true\n[menu.main]\nweight = 2\n+++\n\nCorps\n';

describe('markdown/frontMatter', () => {
  it('shows a compact card by default, in the user language', () => {
    assert.equal(
      makeMd({ lang: 'fr' }).render(TOML),
      '<header class="medguide-front-matter medguide-front-matter-card"><p class="medguide-fm-title">Titre &lt;b&gt;</p>' +
        '<p class="medguide-fm-description">Desc</p><p class="medguide-fm-meta"><span class="medguide-fm-authors" title="Auteurs">Camille DURAND, Léa MARTIN</span>' +
        ' <span aria-hidden="true">·</span> <span class="medguide-fm-date medguide-fm-created">Créé le 2023-03-14</span>' +
        ' <span aria-hidden="true">·</span> <span class="medguide-fm-date medguide-fm-published">Publié le 2023-03-20</span>' +
        ' <span aria-hidden="true">·</span> <span class="medguide-fm-date medguide-fm-updated">Mis à jour le 2024-11-05</span>' +
        ' <span aria-hidden="true">·</span> <span class="medguide-fm-badge">Brouillon</span></p>' +
        '<ul class="medguide-fm-tags" aria-label="Mots-clés"><li>a</li><li>b</li></ul></header>\n<p>Corps</p>\n',
    );
  });

  it('shows every key in table mode and nothing in hide mode', () => {
    const table = makeMd({ frontMatter: 'table', lang: 'en' }).render('+++\ntitle = "T"\ntags = ["x", "y"]\n[menu.main]\nweight = 2\n+++\nCorps');
    assert.equal(
      table,
      '<table class="medguide-front-matter medguide-front-matter-table"><thead><tr><th>Key</th><th>Value</th></tr></thead><tbody>' +
        '<tr><th scope="row">title</th><td>T</td></tr><tr><th scope="row">tags</th><td>x, y</td></tr>' +
        '<tr><th scope="row">menu</th><td>{ main = { weight = 2 } }</td></tr></tbody></table>\n<p>Corps</p>\n',
    );
    assert.equal(makeMd({ frontMatter: 'hide' }).render(TOML), '<p>Corps</p>\n');
  });

  it('never shows the block as text, whatever the spacing', () => {
    const md = makeMd({ frontMatter: 'hide' });
    assert.equal(md.render('\n\n+++  \ntitle = "T"\n+++ \nCorps'), '<p>Corps</p>\n');
    assert.equal(md.render('+++\r\ntitle = "T"\r\n+++\r\nCorps\r\n'), '<p>Corps</p>\n');
    assert.equal(md.render('\uFEFF+++\ntitle = "T"\n+++\nCorps'), '<p>Corps</p>\n');
    assert.equal(md.render('---\ntitle: T\n---\nCorps'), '<p>Corps</p>\n');
    assert.equal(md.render(EXAMPLE).includes('imageSrc'), false);
  });

  it('keeps the token on the source lines', () => {
    const tokens = makeMd().parse('+++\ntitle = "T"\n+++\n\nCorps', {});
    assert.deepEqual([tokens[0].type, tokens[0].map, tokens[1].map], ['medguide_front_matter', [0, 3], [4, 5]]);
  });

  it('shows a notice for broken TOML instead of failing', () => {
    const html = makeMd({ lang: 'en' }).render('+++\ntitle = "T\n+++\nCorps');
    assert.ok(html.startsWith('<div class="medguide-front-matter medguide-front-matter-card medguide-front-matter-invalid" role="note">'), html);
    assert.ok(html.includes('Front matter invalid<span class="medguide-front-matter-error-detail">'), html);
    assert.ok(html.endsWith('</div>\n<p>Corps</p>\n'), html);
  });

  it('is only front matter at the top of the page', () => {
    assert.equal(makeMd().render('Texte\n\n+++\ntitle = "T"\n+++\n'), '<p>Texte</p>\n<p>+++\ntitle = “T”\n+++</p>\n');
    assert.equal(makeMd().render('---\nnot closed'), '<hr>\n<p>not closed</p>\n');
  });

  it('reads the YAML the card needs', () => {
    assert.deepEqual(parseSimpleYaml('title: "T: x"\ntags: [a, "b, c"]\nauteurs:\n  - Camille\n  - Léa\ndraft: true\n# comment\n'), {
      title: 'T: x',
      tags: ['a', 'b, c'],
      auteurs: ['Camille', 'Léa'],
      draft: true,
    });
  });

  it('reads a front matter line by line as the parser reads the whole of it', () => {
    // Lines are kept from one document to the next: each document gets a line of its own, then
    // is read with every other line already seen. The data (keys, order, values, prototype) or the
    // error must be the parser's for the whole text.
    const docs = [
      'title = "T"\ntags = ["a", "b"]\ndate = 2024-01-01\ndraft = true\n',
      'title = "T"\n\nn = 1_000\nf = 1.5e3\nx = 0x1F\nt = 07:32:00\nd = 1979-05-27T07:32:00-08:00\n',
      'title = "T"\ntags = [\n  "a",\n  "b",\n]\n',
      'title = """\ntags = ["x"]\n"""\nlang = "en"\n',
      "title = '''\nlang = \"en\"\n'''\n",
      'title = "T"\ntitle = "U"\n',
      'title = "T"\n[menu.main]\nweight = 2\n',
      'a.b = 1\na.c = 2\n',
      '"quoted key" = 1\ntitle = "T"\n',
      '# a comment\ntitle = "T" # another\n',
      '  title = "indented"\n',
      'title = \n',
      'inline = { x = 1, y = [1, 2] }\ntitle = "T"\n',
      '__proto__ = 1\ntitle = "T"\n',
      'constructor = 1\n',
      'title = "a" "b"\n',
      'title = "unterminated\n',
      'tags = ["a",\n',
      '',
    ];
    const expected = (doc: string) => {
      try {
        const data = parseToml(doc) as Record<string, unknown>;
        return { keys: Reflect.ownKeys(data), json: JSON.stringify(data), proto: Object.getPrototypeOf(data) as unknown };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    const actual = (doc: string) => {
      const meta = parseFrontMatter(doc, 'toml');
      return meta.data
        ? { keys: Reflect.ownKeys(meta.data), json: JSON.stringify(meta.data), proto: Object.getPrototypeOf(meta.data) as unknown }
        : { error: meta.error };
    };
    for (const round of [0, 1]) {
      docs.forEach((doc, i) => {
        const variant = `${doc}round${round}_${i} = 0\n`;
        assert.deepEqual(actual(variant), expected(variant), JSON.stringify(variant));
      });
    }
  });

  it('makes the card again when a value it shows changes, whatever else stays', () => {
    const md = makeMd({ lang: 'en' });
    const page = (title: string, tags: string, date: string) => `+++\ntitle = "${title}"\ntags = ${tags}\ndate = ${date}\nauteurs = ["A"]\n+++\n`;
    const a = md.render(page('One', '["x"]', '2024-01-01'));
    assert.match(a, /medguide-fm-title">One<.*Created 2024-01-01.*<li>x<\/li>/);
    assert.match(md.render(page('Two', '["x"]', '2024-01-01')), /medguide-fm-title">Two<.*Created 2024-01-01.*<li>x<\/li>/);
    assert.match(md.render(page('Two', '["y", "z"]', '2024-01-01')), /<li>y<\/li><li>z<\/li>/);
    assert.match(md.render(page('Two', '["y", "z"]', '2025-02-02')), /Created 2025-02-02/);
    assert.match(makeMd({ lang: 'fr' }).render(page('Two', '["y", "z"]', '2025-02-02')), /Créé le 2025-02-02/);
    assert.equal(md.render(page('One', '["x"]', '2024-01-01')), a);
  });
});
