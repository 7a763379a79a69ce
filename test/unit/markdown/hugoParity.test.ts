import { strict as assert } from 'node:assert';
import { makeMd } from './helpers';

/** Fixes found by the parity test against Hugo 0.111 (test/parity/hugo.test.ts); outputs checked with Hugo. */
describe('markdown/Hugo parity fixes', () => {
  describe('Markdown heading ids (Goldmark autoHeadingID, GitHub style)', () => {
    it('anchorizes the source text of the heading, markup and link URLs included, as Goldmark does', () => {
      const md = makeMd();
      assert.equal(md.render('## Sigles du cabinet'), '<h2 id="sigles-du-cabinet">Sigles du cabinet</h2>\n');
      assert.equal(
        md.render('### Un titre avec **du gras** et `du code`'),
        '<h3 id="un-titre-avec-du-gras-et-du-code">Un titre avec <strong>du gras</strong> et <code>du code</code></h3>\n',
      );
      // Hugo 0.111: <h2 id="voir-la-fichehttpsxorga-amp">
      assert.match(md.render('## Voir [la fiche](https://x.org/a) &amp;'), /^<h2 id="voir-la-fichehttpsxorga-amp">/);
      assert.equal(md.render('## Après les sections ##'), '<h2 id="après-les-sections">Après les sections</h2>\n');
      // Hugo 0.111: a setext heading's id comes from its last line (<h2 id="deuxième-lienhttpuvw">).
      assert.match(md.render('Première ligne\nDeuxième [lien](http://u.v/w)\n---'), /^<h2 id="deuxième-lienhttpuvw">/);
    });

    it('numbers repeats, keeps and reserves explicit ids, names an empty heading "heading"', () => {
      const html = makeMd().render('## Titre {#explicite}\n\n## Explicite\n\n## Explicite\n\n##\n\n## Titre {.x}\n\n## Titre\n');
      assert.deepEqual(
        [...html.matchAll(/<h2([^>]*)>/g)].map((m) => m[1]),
        [' id="explicite"', ' id="explicite-1"', ' id="explicite-2"', ' id="heading"', ' class="x" id="titre"', ' id="titre-1"'],
      );
    });

    it('does not count collapse section ids (a template anchorize on the site, unseen by Goldmark)', () => {
      const html = makeMd().render('{{% collapse "Titre" %}}\n## Titre\n{{% /collapse %}}\n\n## Titre\n');
      assert.deepEqual(
        [...html.matchAll(/<h2 id="([^"]*)"/g)].map((m) => m[1]),
        ['titre', 'titre', 'titre-1'],
      );
    });
  });

  describe('attribute line after a nested list', () => {
    const wrapped = (html: string) => [...html.matchAll(/<(ul|ol) class="alert alert-(\w+)">/g)].map((m) => `${m[1]}.${m[2]}`);

    it('at column 0 it goes to the outermost list, as in Goldmark', () => {
      const html = makeMd().render('- premier\n- second :\n  - A\n  - B\n{.alert .alert-info}\n');
      assert.deepEqual(wrapped(html), ['ul.info']);
      assert.match(html, /^<div class="medguide-alert medguide-alert-info" role="note">\n<p class="medguide-alert-title">.*<\/p>\n<ul class="alert alert-info">/);
      const ordered = makeMd().render('1. un\n2. deux\n   - trois\n     - quatre\n{.alert .alert-danger}\n');
      assert.deepEqual(wrapped(ordered), ['ol.danger']);
    });

    it('indented into an item it goes to the list inside that item', () => {
      assert.deepEqual(wrapped(makeMd().render('- a\n- b\n  - c\n  {.alert .alert-tip}\n')), ['ul.tip']);
      const html = makeMd().render('- x\n  - y\n    - z\n  {.alert .alert-success}\n');
      assert.match(html, /<li>x<div class="medguide-alert medguide-alert-success"[^]*<ul class="alert alert-success">\n<li>y\n<ul>\n<li>z/);
    });

    it('inside a section it stays inside the section', () => {
      const html = makeMd().render('{{% collapse "S" %}}\n- a\n  - b\n{.alert .alert-warning}\n{{% /collapse %}}\n\nAprès\n');
      assert.match(html, /<\/h2>\n<\/summary>\n<div class="medguide-alert medguide-alert-warning"[^]*<\/ul>\n<\/div>\n<\/details>\n<p>Après<\/p>\n$/);
    });

    it('a flat list is unchanged', () => {
      assert.equal(
        makeMd().render('- a\n- b\n{.x}\n'),
        '<ul class="x">\n<li>a</li>\n<li>b</li>\n</ul>\n',
      );
    });
  });
});
