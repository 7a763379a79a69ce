import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { makeMd } from './helpers';
import { parseSimpleYaml } from '../../../src/core/markdown/frontMatter';

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
});
