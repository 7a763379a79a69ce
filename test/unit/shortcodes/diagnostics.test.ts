import { strict as assert } from 'node:assert';
import type { Diagnostic } from '../../../src/core/diagnostic';
import { checkShortcodes, type CheckShortcodesOptions } from '../../../src/core/shortcodes';

/** [code, severity, startLine, startChar, endLine, endChar]: what every test pins. */
type Row = [string, string, number, number, number, number];

function rows(list: readonly Diagnostic[]): Row[] {
  return list.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
}

function check(text: string, options: Partial<CheckShortcodesOptions> = {}): Diagnostic[] {
  return checkShortcodes(text, { lang: 'fr', ...options });
}

const FRONT = '+++\ntitle = "Page {{< pas-un-shortcode >}}"\n+++\n';

describe('shortcodes/diagnostics: structure', () => {
  it('accepts a well-formed page: nested pairs, one-line pairs, self-closing, comment form', () => {
    const text = [
      FRONT,
      '{{%collapse "Définitions" %}}',
      '{{% notice info %}}Dans une ligne{{% /notice %}}',
      '{{< tabs >}}{{< tab "A" >}}a{{< / tab >}}{{</tabs>}}',
      '{{< tab "B" />}}',
      '{{</* collapse "montré tel quel" */>}}',
      '{{%/ collapse  %}}',
    ].join('\n');
    assert.deepEqual(rows(check(text)), []);
  });

  it('reports an unclosed collapse on its opening tag, in French and English', () => {
    const text = `${FRONT}\n{{% collapse "Suivi" %}}\ntexte\n`;
    const [fr] = check(text);
    assert.deepEqual(rows([fr]), [['shortcode-unclosed', 'error', 4, 0, 4, 24]]);
    assert.equal(fr.message, 'Le shortcode « collapse » n’est jamais fermé : ajoutez « {{% /collapse %}} » à la fin de son contenu.');
    const [en] = check(text, { lang: 'en' });
    assert.equal(en.message, 'The shortcode “collapse” is never closed: add “{{% /collapse %}}” after its content.');
  });

  it('reports closing tags with no opening, whatever their spelling', () => {
    const text = 'a\n{{</highlight>}}\n{{< / tab >}}\n{{%/ notice  %}}\n';
    assert.deepEqual(rows(check(text)), [
      ['shortcode-unexpected-close', 'error', 1, 0, 1, 16],
      ['shortcode-unexpected-close', 'error', 2, 0, 2, 13],
      ['shortcode-unexpected-close', 'error', 3, 0, 3, 16],
    ]);
    assert.equal(check(text)[0].message, '« {{</highlight>}} » ferme un shortcode « highlight » qui n’est pas ouvert.');
    assert.equal(check(text, { lang: 'en' })[2].message, '“{{%/ notice %}}” closes a “notice” shortcode that is not open.');
  });

  it('reports a close that ends an outer pair while an inner one is open (mismatch), on the close', () => {
    const text = '{{% collapse "A" %}}\n{{% note %}}\ntexte\n{{% /collapse %}}\n';
    const list = check(text);
    assert.deepEqual(rows(list), [['shortcode-mismatch', 'error', 3, 0, 3, 17]]);
    assert.equal(list[0].message, '« {{% /collapse %}} » ferme « collapse » alors que « note », ouvert ligne 2, n’est pas fermé : fermez-le d’abord avec « {{% /note %}} ».');
    assert.equal(
      check(text, { lang: 'en' })[0].message,
      '“{{% /collapse %}}” closes “collapse” while “note”, opened on line 2, is still open: close it first with “{{% /note %}}”.',
    );
    assert.deepEqual(list[0].data, { open: 'note', openLine: 1 });
  });

  it('reports crossed pairs: the mismatch, then the orphan close', () => {
    const text = '{{% collapse "A" %}}{{% alert %}}x{{% /collapse %}}{{% /alert %}}';
    assert.deepEqual(rows(check(text)), [
      ['shortcode-mismatch', 'error', 0, 34, 0, 51],
      ['shortcode-unexpected-close', 'error', 0, 51, 0, 65],
    ]);
  });

  it('gives exact ranges on CRLF pages', () => {
    const text = '+++\r\ntitle = "x"\r\n+++\r\n\r\n{{% collapse "A" %}}\r\ntexte\r\n{{% /note %}}\r\n';
    assert.deepEqual(rows(check(text)), [
      ['shortcode-unclosed', 'error', 4, 0, 4, 20],
      ['shortcode-unexpected-close', 'error', 6, 0, 6, 13],
    ]);
  });

  it('still counts shortcodes inside fenced code, as Hugo expands them first', () => {
    const text = '```\n{{% collapse "dans le code" %}}\n```\n';
    assert.deepEqual(rows(check(text)), [['shortcode-unclosed', 'error', 1, 0, 1, 31]]);
  });

  it('ignores the comment form and the front matter', () => {
    assert.deepEqual(rows(check(`${FRONT}{{</* /collapse */>}}\n{{%/* collapse "x" */%}}\n`)), []);
    assert.deepEqual(rows(check('+++\ntitle = "{{% /collapse %}}"\n+++\n', { templates: new Set() })), []);
  });

  it('reports a tag that never ends, once, without an extra error for its closing tag', () => {
    const text = '{{% collapse "Titre\ncorps\n{{% /collapse %}}\n';
    const list = check(text);
    assert.deepEqual(rows(list), [['shortcode-unterminated', 'error', 0, 0, 0, 12]]);
    assert.equal(list[0].message, 'La balise « {{% collapse » n’est pas terminée : il manque « %}} ».');
    assert.equal(check(text, { lang: 'en' })[0].message, 'The tag “{{% collapse” is not terminated: “%}}” is missing.');
  });

  it('treats extra paired names as taking a body', () => {
    assert.deepEqual(rows(check('{{< boite >}}\n')), []);
    assert.deepEqual(rows(check('{{< boite >}}\n', { paired: ['Boite'] })), [['shortcode-unclosed', 'error', 0, 0, 0, 13]]);
  });
});

describe('shortcodes/diagnostics: arguments', () => {
  it('asks a title of collapse, on its name', () => {
    const text = 'x\n{{% collapse %}}\ny\n{{% /collapse %}}\n{{% collapse "" "show" %}}\n{{% /collapse %}}';
    const list = check(text);
    assert.deepEqual(rows(list), [
      ['shortcode-args', 'warning', 1, 4, 1, 12],
      ['shortcode-args', 'warning', 4, 4, 4, 12],
    ]);
    assert.equal(list[0].message, 'Une section « collapse » a besoin d’un titre : {{% collapse "Titre de la section" %}}.');
    assert.equal(check(text, { lang: 'en' })[0].message, 'A “collapse” section needs a title: {{% collapse "Section title" %}}.');
    assert.deepEqual(list[0].data, { reason: 'missing-title' });
  });

  it('accepts a collapse titled by name (themes that use title="…")', () => {
    assert.deepEqual(rows(check('{{% collapse title="Suivi" %}}\n{{% /collapse %}}')), []);
  });

  it('reports mixed positional and named arguments over the arguments', () => {
    const list = check('{{< alert warning title="Attention" >}}x{{< /alert >}}');
    assert.deepEqual(rows(list), [['shortcode-args', 'warning', 0, 10, 0, 35]]);
    assert.equal(list[0].message, 'Arguments positionnels et nommés mélangés : Hugo n’accepte que l’une des deux formes dans un même shortcode.');
    assert.equal(
      check('{{< x a b=1 >}}', { lang: 'en' })[0].message,
      'Positional and named arguments are mixed: Hugo accepts only one of the two forms in a shortcode.',
    );
  });

  it('reports an unterminated string over the string', () => {
    const list = check('{{% collapse "Titre %}}\ncorps\n{{% /collapse %}}');
    assert.deepEqual(rows(list), [['shortcode-args', 'warning', 0, 13, 0, 19]]);
    assert.equal(list[0].message, 'Chaîne non terminée : il manque le guillemet fermant (").');
    assert.equal(check('{{< x "a >}}', { lang: 'en' })[0].message, 'Unterminated string: the closing quote (") is missing.');
  });

  it('asks a path of relref', () => {
    const list = check('[a]({{< relref >}})', { pageIndex: ['a.md'] });
    assert.deepEqual(rows(list), [['shortcode-args', 'warning', 0, 8, 0, 14]]);
    assert.equal(list[0].message, '« relref » attend le chemin d’une page : {{< relref "dossier/page.md" >}}.');
  });
});

describe('shortcodes/diagnostics: unknown names', () => {
  const templates = new Set(['collapse', 'notice', 'boxes/info']);

  it('is silent when the site templates are not known', () => {
    assert.deepEqual(rows(check('{{< inconnu >}}')), []);
  });

  it('knows site templates (case-insensitive, sub-folders) and Hugo built-ins', () => {
    const text = '{{% Collapse "A" %}}{{% /Collapse %}}{{< boxes/info >}}{{< youtube id >}}{{< figure src="a" >}}{{< highlight go >}}x{{< /highlight >}}{{< ref "a.md" >}}';
    assert.deepEqual(rows(check(text, { templates })), []);
  });

  // Checked with Hugo 0.111.3: `{{< mynote >}}` with layouts/shortcodes/myNote.html, and
  // `{{< relRef >}}`, stop the build ("template for shortcode "mynote" not found"); Hugo 0.146 and
  // later look names up in lower case and build both.
  it('says which names only Hugo 0.146 and later find (another case than the template file), with the edits', () => {
    const spellings = new Map([
      ['collapse', ['collapse']],
      ['mynote', ['myNote']],
    ]);
    const text = '{{< mynote >}}\nx\n{{< /mynote >}}\n{{< myNote >}}y{{< /myNote >}} {{< relRef "a.md" >}} {{< Figure src="a" >}} {{% collapse "A" %}}z{{% /collapse %}}';
    const list = check(text, { templates: new Set(['collapse', 'mynote']), templateSpellings: spellings });
    assert.deepEqual(rows(list), [
      ['shortcode-hugo-version', 'information', 0, 4, 0, 10],
      ['shortcode-hugo-version', 'information', 3, 35, 3, 41],
      ['shortcode-hugo-version', 'information', 3, 57, 3, 63],
    ]);
    assert.equal(
      list[0].message,
      'Hugo 0.146 et suivants trouvent le shortcode « myNote » pour « mynote » ; Hugo 0.111 à 0.145 arrêtent la construction du site (template for shortcode “mynote” not found) : écrivez « myNote » pour les deux.',
    );
    assert.deepEqual(list[0].data, {
      name: 'mynote',
      spelling: 'myNote',
      edits: [
        { range: { start: { line: 0, character: 4 }, end: { line: 0, character: 10 } }, newText: 'myNote' },
        { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 11 } }, newText: 'myNote' },
      ],
    });
    assert.deepEqual(list[1].data, { name: 'relRef', spelling: 'relref', edits: [{ range: { start: { line: 3, character: 35 }, end: { line: 3, character: 41 } }, newText: 'relref' }] });
    const en = check(text, { templates: new Set(['collapse', 'mynote']), templateSpellings: spellings, lang: 'en' });
    assert.equal(
      en[2].message,
      'Hugo 0.146 and later find the shortcode “figure” for “Figure”; Hugo 0.111 to 0.145 stop building the site (template for shortcode “Figure” not found): write “figure” for both.',
    );
    // Without the spellings (a caller that read only the names), nothing is said.
    assert.deepEqual(rows(check(text, { templates: new Set(['collapse', 'mynote']) })), []);
  });

  // Checked with Hugo 0.111.3 (and the lexer of the current Hugo): "closing tag for shortcode
  // 'mynote' does not match start tag".
  it('reports a close in another case than its open tag, which no Hugo takes as its close, with the edit', () => {
    const text = '{{< myNote >}}\nx\n{{< /mynote >}}';
    const list = check(text, { templates: new Set(['mynote']), paired: ['mynote'] });
    assert.deepEqual(rows(list), [
      ['shortcode-unclosed', 'error', 0, 0, 0, 14],
      ['shortcode-unexpected-close', 'error', 2, 0, 2, 15],
    ]);
    assert.equal(
      list[1].message,
      '« {{< /mynote >}} » ne ferme pas « myNote » (ligne 1) : Hugo ne ferme un shortcode que sous le nom avec lequel il a été ouvert, casse comprise, et arrête la construction du site (closing tag does not match start tag). Écrivez « myNote ».',
    );
    assert.deepEqual(list[1].data, { name: 'mynote', open: 'myNote', edits: [{ range: { start: { line: 2, character: 5 }, end: { line: 2, character: 11 } }, newText: 'myNote' }] });
    assert.equal(
      check(text, { templates: new Set(['mynote']), paired: ['mynote'], lang: 'en' })[1].message,
      '“{{< /mynote >}}” does not close “myNote” (line 1): Hugo closes a shortcode only under the name it was opened with, case included, and stops building the site (closing tag does not match start tag). Write “myNote”.',
    );
  });

  it('warns on the name of an unknown shortcode, with a suggestion when one is close', () => {
    const text = '{{% colapse "A" %}}\n{{% /colapse %}}\n{{< galerie />}}';
    const list = check(text, { templates });
    assert.deepEqual(rows(list), [
      ['shortcode-unknown', 'warning', 0, 4, 0, 11],
      ['shortcode-unknown', 'warning', 2, 4, 2, 11],
    ]);
    assert.equal(list[0].message, 'Aucun modèle ne définit le shortcode « colapse ». Vouliez-vous dire « collapse » ?');
    assert.deepEqual(list[0].data, { name: 'colapse', suggestion: 'collapse' });
    assert.equal(
      list[1].message,
      'Aucun modèle ne définit le shortcode « galerie » (layouts/shortcodes du site, des thèmes, ou shortcodes intégrés de Hugo).',
    );
    const en = check(text, { templates, lang: 'en' });
    assert.equal(en[0].message, 'No template defines the shortcode “colapse”. Did you mean “collapse”?');
    assert.equal(en[1].message, 'No template defines the shortcode “galerie” (the site’s or themes’ layouts/shortcodes, or Hugo’s built-in shortcodes).');
  });
});

// Checked with Hugo 0.111.3: off (the default), `{{< x.inline >}}…` renders as nothing without a
// word; on, `{{< y.inline />}}` with no definition above it stops the build ("no earlier definition").
describe('shortcodes/diagnostics: inline shortcodes', () => {
  const templates = new Set(['collapse']);
  const text = '{{< x.inline />}}\n{{< x.inline >}}<b>X</b>{{< /x.inline >}}\n{{< x.inline />}} {{< y.inline />}}';

  it('never reports an inline shortcode unknown: its template is the page', () => {
    assert.deepEqual(rows(check(text, { templates })), []);
  });

  it('warns that Hugo renders them as nothing on a site that has them off', () => {
    const list = check(text, { templates, inlineShortcodes: false, lang: 'en' });
    assert.deepEqual(rows(list), [
      ['shortcode-inline-off', 'warning', 0, 4, 0, 12],
      ['shortcode-inline-off', 'warning', 1, 4, 1, 12],
      ['shortcode-inline-off', 'warning', 2, 4, 2, 12],
      ['shortcode-inline-off', 'warning', 2, 22, 2, 30],
    ]);
    assert.equal(list[0].message, 'Inline shortcodes are off on this site: Hugo renders “x.inline” as nothing. To use it, set `enableInlineShortcodes = true` under `[security]` in the site’s configuration.');
  });

  it('on a site that has them on, reports a reuse with no definition above it, which stops Hugo', () => {
    const list = check(text, { templates, inlineShortcodes: true });
    assert.deepEqual(rows(list), [
      ['shortcode-inline-undefined', 'error', 0, 4, 0, 12],
      ['shortcode-inline-undefined', 'error', 2, 22, 2, 30],
    ]);
    assert.equal(list[1].message, '« y.inline » réutilise un shortcode en ligne que la page n’a pas défini plus haut : Hugo arrête la construction du site. Définissez-le d’abord : {{< y.inline >}}…{{< /y.inline >}}.');
  });
});

describe('shortcodes/diagnostics: relref', () => {
  const pageIndex = ['_index.md', 'cabinet/_index.md', 'cabinet/e-cps.md', 'cabinet/ecrire-patient-mssante.md', 'a/doublon.md', 'b/doublon.md', 'glossaire.md'];
  const anchors: Record<string, ReadonlySet<string>> = {
    'cabinet/e-cps.md': new Set(['à-quoi-elle-sert', 'activer-lapplication']),
  };
  const options: Partial<CheckShortcodesOptions> = { pageIndex, currentPage: 'cabinet/declaration.md', anchorsOf: (p) => anchors[p] };

  it('resolves like Hugo: relative to the page, from the root, by unique file name', () => {
    const text = [
      '[a]({{< relref "e-cps.md" >}})',
      '[b]({{% relref "/cabinet/e-cps.md#activer-lapplication" %}})',
      '[c]({{< ref "../glossaire.md" >}})',
      '[d]({{< relref path="glossaire" >}})',
      '[e]({{< relref "ecrire-patient-mssante.md#inconnue-mais-non-verifiable" >}})',
    ].join('\n');
    assert.deepEqual(rows(check(text, options)), []);
  });

  it('reports a missing page as an error on the target, with a suggestion', () => {
    const text = 'Voir [la carte]({{< relref "e-cpss.md" >}}).';
    const list = check(text, options);
    assert.deepEqual(rows(list), [['relref-not-found', 'error', 0, 28, 0, 37]]);
    assert.equal(list[0].message, 'Page introuvable pour « e-cpss.md » : Hugo arrêtera la construction du site (REF_NOT_FOUND). Vouliez-vous dire « cabinet/e-cps.md » ?');
    assert.equal(
      check(text, { ...options, lang: 'en' })[0].message,
      'No page found for “e-cpss.md”: Hugo will stop building the site (REF_NOT_FOUND). Did you mean “cabinet/e-cps.md”?',
    );
    assert.equal(
      check('{{< relref "rien/du/tout.md" >}}', options)[0].message,
      'Page introuvable pour « rien/du/tout.md » : Hugo arrêtera la construction du site (REF_NOT_FOUND).',
    );
  });

  it('reports an ambiguous file name with its candidates', () => {
    const list = check('{{< relref "doublon.md" >}}', options);
    assert.deepEqual(rows(list), [['relref-ambiguous', 'error', 0, 12, 0, 22]]);
    assert.equal(list[0].message, '« doublon.md » désigne plusieurs pages (a/doublon.md, b/doublon.md) : donnez le chemin depuis content/.');
    assert.equal(
      check('{{< relref "doublon.md" >}}', { ...options, lang: 'en' })[0].message,
      '“doublon.md” matches several pages (a/doublon.md, b/doublon.md): give the path from content/.',
    );
  });

  it('reports an anchor the target lacks, on the anchor, as a warning', () => {
    const text = '{{< relref "e-cps.md#Activer l\'application" >}}\n{{< relref "e-cps.md#perdu" >}}';
    const list = check(text, options);
    assert.deepEqual(rows(list), [
      ['relref-anchor', 'warning', 0, 21, 0, 42],
      ['relref-anchor', 'warning', 1, 21, 1, 26],
    ]);
    assert.equal(list[0].message, 'La page « cabinet/e-cps.md » n’a ni titre ni section d’identifiant « Activer l\'application ». Vouliez-vous dire « activer-lapplication » ?');
    assert.equal(list[1].message, 'La page « cabinet/e-cps.md » n’a ni titre ni section d’identifiant « perdu ».');
    assert.equal(check(text, { ...options, lang: 'en' })[1].message, 'The page “cabinet/e-cps.md” has no heading or section with the id “perdu”.');
  });

  it('checks `#anchor` alone against the page being edited (its unsaved text)', () => {
    const text = '## Mon titre\n{{% collapse "Créer une adresse MSSanté" %}}\n{{% /collapse %}}\n[a]({{< relref "#mon-titre" >}}) [b]({{< relref "#créer-une-adresse-mssanté" >}}) [c]({{< relref "#absent" >}})';
    assert.deepEqual(rows(check(text, options)), [['relref-anchor', 'warning', 3, 99, 3, 105]]);
  });

  it('counts the ids of the page’s own raw HTML only on a site that writes raw HTML', () => {
    const text = '<h3 id="filtre.v1">Filtre</h3>\n\n[a]({{< relref "#filtre.v1" >}})';
    assert.deepEqual(rows(check(text, options)), [['relref-anchor', 'warning', 2, 17, 2, 26]]);
    assert.deepEqual(rows(check(text, { ...options, anchorOptions: { rawHtml: true } })), []);
  });

  it('skips relref checks without a page index, and anchors the callback does not know', () => {
    assert.deepEqual(rows(check('{{< relref "nulle-part.md#x" >}}')), []);
    assert.deepEqual(rows(check('{{< relref "glossaire.md#x" >}}', options)), []);
  });
});

describe('shortcodes/diagnostics: robustness', () => {
  it('never throws on odd input', () => {
    for (const text of ['', '{{', '{{%', '{{< >}}', '{{%}}', '{{</*', '{{< relref', '+++', '+++\n{{% x', '\uFEFF+++\n+++\n{{% /x %}}', '{{< x `a\nb` >}}']) {
      assert.doesNotThrow(() => check(text, { templates: new Set(), pageIndex: [], anchorsOf: () => new Set() }));
    }
  });

  it('checks a 5 MB page in linear time', function () {
    this.timeout(20_000);
    const chunk =
      '## Titre\n{{% collapse "Section" %}}\nTexte [lien]({{< relref "a.md#x" >}}) {{< inconnu >}} {{% /tab %}}\n### Sous-titre\n{{% /collapse %}}\n{{< x "non terminée\n{{% note %}}\n```\n{{< figure >}}\n```\n';
    const text = chunk.repeat(Math.ceil(5_000_000 / chunk.length));
    const pageIndex = Array.from({ length: 500 }, (_, i) => `s/p${i}.md`).concat('a.md');
    const list = check(text, { templates: new Set(['collapse', 'note']), pageIndex, currentPage: 'b.md', anchorsOf: () => new Set(['y']) });
    assert.ok(list.length > 100_000);
  });
});
