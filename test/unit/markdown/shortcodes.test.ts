import { strict as assert } from 'node:assert';
import { makeMd, siteMd } from './helpers';

describe('markdown/shortcodes', () => {
  it('shows unknown shortcodes as labelled placeholders, escaped, inline or alone', () => {
    assert.equal(
      makeMd().render('Voir {{< figure src="a.png" alt="<b>" >}} ici'),
      '<p>Voir <span class="medguide-shortcode" title="Shortcode Hugo « figure »" data-shortcode="figure">' +
        '<span class="medguide-shortcode-name">figure</span> <span class="medguide-shortcode-args">src=&quot;a.png&quot; alt=&quot;&lt;b&gt;&quot;</span></span> ici</p>\n',
    );
    assert.equal(
      makeMd({ lang: 'en' }).render('{{< youtube />}}'),
      '<p><span class="medguide-shortcode" title="Hugo shortcode “youtube”" data-shortcode="youtube"><span class="medguide-shortcode-name">youtube</span></span></p>\n',
    );
  });

  it('shows the inner Markdown of an unknown pair in a labelled frame', () => {
    assert.equal(
      makeMd().render('{{% boite "x" %}}\n**gras**\n{{% /boite %}}'),
      '<div class="medguide-shortcode-frame">\n<div class="medguide-shortcode-label" title="Shortcode Hugo « boite »"><span class="medguide-shortcode-name">boite</span>' +
        ' <span class="medguide-shortcode-args">&quot;x&quot;</span></div>\n<p><strong>gras</strong></p>\n</div>\n',
    );
    assert.equal(
      makeMd().render('a {{< kbd >}}*Ctrl*{{< /kbd >}} b'),
      '<p>a <span class="medguide-shortcode-frame medguide-shortcode-frame-inline"><span class="medguide-shortcode-label" title="Shortcode Hugo « kbd »">' +
        '<span class="medguide-shortcode-name">kbd</span></span> <em>Ctrl</em></span> b</p>\n',
    );
  });

  it('marks a stray closing tag', () => {
    assert.equal(
      makeMd().render('x {{% /collapse %}}'),
      '<p>x <span class="medguide-shortcode medguide-shortcode-stray" title="Fermeture « /collapse » sans ouverture correspondante" data-shortcode="collapse">' +
        '<span class="medguide-shortcode-name">/collapse</span></span></p>\n',
    );
  });

  it('prints the comment form literally, in text and in code', () => {
    assert.equal(makeMd().render('Écrire {{</* collapse "Titre" */>}}.'), '<p>Écrire {{&lt; collapse &quot;Titre&quot; &gt;}}.</p>\n');
    assert.equal(makeMd().render('```\n{{%/* notice */%}}\n```'), '<pre><code>{{% notice %}}\n</code></pre>\n');
    assert.equal(makeMd().render('`{{</* x */>}}`'), '<p><code>{{&lt; x &gt;}}</code></p>\n');
  });

  it('renders highlight as a code block', () => {
    assert.equal(
      makeMd().render('{{< highlight toml >}}\ntitle = "<x>"\n{{< /highlight >}}'),
      '<pre><code class="language-toml">title = &quot;&lt;x&gt;&quot;\n</code></pre>\n',
    );
  });

  it('links relref destinations to the file, relative to the page', () => {
    assert.equal(
      siteMd({}, 'recommandations/hta/index.md').render('Voir [la carte e-CPS]({{< relref "e-cps.md" >}}) et [ici]({{% ref "/outils/e-cps#carte" %}} "Titre").'),
      '<p>Voir <a href="../../outils/e-cps.md" class="medguide-relref">la carte e-CPS</a> et ' +
        '<a href="../../outils/e-cps.md#carte" class="medguide-relref" title="Titre">ici</a>.</p>\n',
    );
    assert.equal(
      siteMd().render('{{% relref "e-cps.md#ancre" %}} {{< relref "#matériel" >}}'),
      '<p><a href="outils/e-cps.md#ancre" class="medguide-relref">e-cps.md#ancre</a> <a href="#mat%C3%A9riel" class="medguide-relref">#matériel</a></p>\n',
    );
  });

  it('shows missing and ambiguous refs broken, with the reason', () => {
    assert.equal(
      siteMd({ lang: 'en' }).render('[x]({{< relref "absente.md" >}}) [y]({{< ref "dup" >}})'),
      '<p><span class="medguide-broken-ref" title="Reference not found: “absente.md” (looked up from the page, from content/ and by file name)">x</span> ' +
        '<span class="medguide-broken-ref" title="Ambiguous reference: “dup” matches several pages: a/dup.md, b/dup.md">y</span></p>\n',
    );
    assert.equal(
      siteMd().render('{{< relref "a\\"<b>" >}}'),
      '<p><span class="medguide-broken-ref" title="Référence introuvable : « a&quot;&lt;b&gt; » (cherchée depuis la page, depuis content/ puis par nom de fichier)">a&quot;&lt;b&gt;</span></p>\n',
    );
  });

  it('uses the resolveHref callback and leaves refs unchecked without an index', () => {
    // The href still goes through md.validateLink (VS Code's engine replaces it to allow its own schemes).
    const custom = makeMd({}, {
      getPageIndex: () => ['outils/e-cps.md'],
      getCurrentPage: () => undefined,
      resolveHref: (path, anchor) => `/site/content/${path}${anchor ? `#${anchor}` : ''}`,
    });
    assert.equal(custom.render('[a]({{< relref "e-cps" >}})'), '<p><a href="/site/content/outils/e-cps.md" class="medguide-relref">a</a></p>\n');
    assert.equal(makeMd().render('[a]({{< relref "e-cps.md" >}})'), '<p><a href="e-cps.md" class="medguide-relref medguide-relref-unchecked">a</a></p>\n');
    const evil = makeMd({}, { getPageIndex: () => ['x.md'], resolveHref: () => 'javascript:alert(1)' });
    assert.equal(evil.render('[a]({{< relref "x.md" >}})'), '<p><span class="medguide-broken-ref" title="Lien refusé : « x.md »">a</span></p>\n');
  });
});
