import { strict as assert } from 'node:assert';
import { completionContextAt, openShortcodesAt, pageTitle, shortcodeNameItems } from '../../../src/core/navigation';

describe('navigation/completion', () => {
  it('finds a relref target being typed and the span to replace', () => {
    const line = '[a]({{< relref "cabinet/e" >}})';
    assert.deepEqual(completionContextAt(line, 25), { kind: 'page', start: 16, end: 25, prefix: 'cabinet/e' });
    // In the middle of a written path: the whole path is replaced, not the anchor.
    const full = '{{% ref "cabinet/e-cps.md#activer" %}}';
    assert.deepEqual(completionContextAt(full, 12), { kind: 'page', start: 9, end: 25, prefix: 'cab' });
    assert.deepEqual(completionContextAt(full, 28), { kind: 'anchor', start: 26, end: 33, prefix: 'ac', ref: 'cabinet/e-cps.md' });
    assert.deepEqual(completionContextAt('{{< relref "', 12), { kind: 'page', start: 12, end: 12, prefix: '' });
    assert.deepEqual(completionContextAt('{{< relref path="gl', 19), { kind: 'page', start: 17, end: 19, prefix: 'gl' });
    // No closing quote on the line: only what is typed is replaced.
    assert.deepEqual(completionContextAt('{{< relref "gl suite du texte', 13), { kind: 'page', start: 12, end: 13, prefix: 'g' });
  });

  it('finds a shortcode name being typed after {{% or {{<, opening or closing', () => {
    assert.deepEqual(completionContextAt('{{%', 3), { kind: 'shortcode', start: 3, end: 3, prefix: '', closing: false, delimiter: '%' });
    assert.deepEqual(completionContextAt('texte {{< col', 13), { kind: 'shortcode', start: 10, end: 13, prefix: 'col', closing: false, delimiter: '<' });
    assert.deepEqual(completionContextAt('{{% / no %}}', 8), { kind: 'shortcode', start: 6, end: 8, prefix: 'no', closing: true, delimiter: '%' });
    assert.deepEqual(completionContextAt('{{<collapse "x" >}}', 7), { kind: 'shortcode', start: 3, end: 11, prefix: 'coll', closing: false, delimiter: '<' });
    assert.equal(completionContextAt('{{% collapse "x" %}}', 16), undefined);
    assert.equal(completionContextAt('{{ .Title }}', 5), undefined);
  });

  it('offers the shortcodes open at the cursor first, then site templates, then built-ins', () => {
    const items = shortcodeNameItems(new Set(['notice', 'collapse']), ['notice', 'collapse']);
    assert.deepEqual(items.slice(0, 3), [
      { name: 'notice', source: 'open' },
      { name: 'collapse', source: 'open' },
      { name: 'comment', source: 'builtin' },
    ]);
    assert.ok(items.some((i) => i.name === 'youtube' && i.source === 'builtin'));
    assert.deepEqual(
      shortcodeNameItems(new Set(['boxes/info'])).slice(0, 2),
      [
        { name: 'boxes/info', source: 'site' },
        { name: 'comment', source: 'builtin' },
      ],
    );
  });

  it('offers a site template as its file spells it, the one spelling every Hugo version finds', () => {
    const items = shortcodeNameItems(new Set(['mynote', 'boxes/info']), [], new Map([['mynote', ['myNote']], ['boxes/info', ['boxes/info']]]));
    assert.deepEqual(items.slice(0, 2), [
      { name: 'boxes/info', source: 'site' },
      { name: 'myNote', source: 'site' },
    ]);
  });

  it('lists the shortcodes still open at an offset, innermost first', () => {
    const text = '{{% collapse "A" %}}\n{{% notice info %}}\nici\n{{% /notice %}}\n{{% /collapse %}}\n{{% collapse "B" %}}';
    assert.deepEqual(openShortcodesAt(text, text.indexOf('ici')), ['notice', 'collapse']);
    assert.deepEqual(openShortcodesAt(text, text.indexOf('{{% /collapse')), ['collapse']);
    assert.deepEqual(openShortcodesAt(text, text.length), ['collapse']);
  });

  it('reads page titles from TOML, YAML and JSON front matter', () => {
    assert.equal(pageTitle('+++\ntitle = "Hypertension \\"HTA\\" de l\'adulte"\n+++\n'), 'Hypertension "HTA" de l\'adulte');
    assert.equal(pageTitle("\uFEFF+++\r\ntitle = 'Littérale'\r\n+++"), 'Littérale');
    assert.equal(pageTitle('+++\n[params]\ntitle = "pas le titre"\n+++'), undefined);
    assert.equal(pageTitle('---\ntitle: "E-CPS"\n---\n'), 'E-CPS');
    assert.equal(pageTitle('---\ntitle: Sans guillemets\n---\n'), 'Sans guillemets');
    assert.equal(pageTitle('{\n"title": "JSON"\n}\n'), 'JSON');
    assert.equal(pageTitle('# Pas de front matter'), undefined);
  });
});
