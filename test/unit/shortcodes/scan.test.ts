import { strict as assert } from 'node:assert';
import { getArg, scanShortcodeAt, scanShortcodes } from '../../../src/core/shortcodes/scan';

function only(text: string) {
  const r = scanShortcodes(text);
  assert.equal(r.tags.length, 1, JSON.stringify(r));
  return r.tags[0];
}

describe('shortcodes/scan', () => {
  it('reads an opening tag with exact offsets, both spacings', () => {
    const t = only('{{%collapse "Titre" %}}');
    assert.deepEqual(
      { kind: t.kind, delimiter: t.delimiter, name: t.name, nameStart: t.nameStart, nameEnd: t.nameEnd, start: t.start, end: t.end },
      { kind: 'open', delimiter: '%', name: 'collapse', nameStart: 3, nameEnd: 11, start: 0, end: 23 },
    );
    assert.deepEqual(t.args, [{ key: undefined, value: 'Titre', quote: '"', start: 12, end: 19, valueStart: 12, valueEnd: 19 }]);
    assert.deepEqual(t.errors, []);
    const u = only('xx {{% collapse "Titre" "show" %}}');
    assert.equal(u.start, 3);
    assert.deepEqual(u.args.map((a) => a.value), ['Titre', 'show']);
  });

  it('reads closing tags in every spelling Hugo accepts', () => {
    for (const [text, name, delimiter] of [
      ['{{</highlight>}}', 'highlight', '<'],
      ['{{< / tab >}}', 'tab', '<'],
      ['{{%/ notice  %}}', 'notice', '%'],
      ['{{% /collapse %}}', 'collapse', '%'],
    ] as const) {
      const t = only(text);
      assert.deepEqual([t.kind, t.name, t.delimiter, t.start, t.end], ['close', name, delimiter, 0, text.length], text);
    }
  });

  it('reads self-closing tags, names with slashes and the comment form', () => {
    const s = only('{{< figure src="a.png" />}}');
    assert.equal(s.kind, 'self-closing');
    assert.equal(getArg(s, 'src'), 'a.png');
    assert.equal(only('{{< docs/note >}}').name, 'docs/note');
    const c = only('{{</* collapse "x" */>}}');
    assert.deepEqual([c.kind, c.name, c.literal, c.end], ['comment', 'collapse', '{{< collapse "x" >}}', 24]);
    assert.equal(only('{{%/* /notice */%}}').literal, '{{% /notice %}}');
  });

  it('runs a comment to its `*/>}}` over lines, `>}}` and other tags, as Hugo’s lexer (Hugo 0.111.3 prints the same)', () => {
    // A documentation page showing a shortcode pair inside one comment (seen on dapr docs and hugo-book).
    const text = ['```', '{{</* tabs [A] [B]>}}', '', '{{% codetab %}}', '[Contenu A]', '{{% /codetab %}}', '', '{{< /tabs */>}}', '```'].join('\n');
    const { tags, errors } = scanShortcodes(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      tags.map((t) => [t.kind, t.name, t.literal]),
      [['comment', 'tabs', '{{< tabs [A] [B]>}}\n\n{{% codetab %}}\n[Contenu A]\n{{% /codetab %}}\n\n{{< /tabs >}}']],
    );
    assert.equal(only('`{{</* box >}}x{{< /box */>}}`'.slice(1, -1)).literal, '{{< box >}}x{{< /box >}}');
    // The closer is exactly `*/>}}`: `*/%}}` does not end a `{{</*` comment.
    assert.equal(only('{{</* a */%}} b */>}}').literal, '{{< a */%}} b >}}');
  });

  it('reports a comment that never closes once, and goes on scanning after it, in linear time', function () {
    this.timeout(20_000);
    const { tags, errors } = scanShortcodes('{{</* jamais fermé >}} {{< x >}}');
    assert.deepEqual(errors.map((e) => [e.code, e.start]), [['shortcode/unterminated-tag', 0]]);
    assert.deepEqual(tags.map((t) => [t.kind, t.name]), [['open', 'x']]);
    // Many openers without a closer: the search for one is made once.
    const many = scanShortcodes('{{</* x >}} texte '.repeat(100_000));
    assert.equal(many.errors.length, 100_000);
  });

  it('parses quoted (with escapes), raw and bare positional arguments', () => {
    const t = only('{{< x "a \\"b\\" \\\\" `r "q"` bare 12 >}}');
    assert.deepEqual(
      t.args.map((a) => [a.value, a.quote]),
      [
        ['a "b" \\', '"'],
        ['r "q"', '`'],
        ['bare', ''],
        ['12', ''],
      ],
    );
    assert.deepEqual(t.errors, []);
    assert.equal(getArg(t, 1), 'r "q"');
    assert.equal(getArg(t, 9), undefined);
  });

  it('parses named arguments with their offsets', () => {
    const text = '{{% alert color="warning" title=`Dose` %}}';
    const t = only(text);
    assert.deepEqual(
      t.args.map((a) => [a.key, a.value, text.slice(a.start, a.end), text.slice(a.valueStart, a.valueEnd)]),
      [
        ['color', 'warning', 'color="warning"', '"warning"'],
        ['title', 'Dose', 'title=`Dose`', '`Dose`'],
      ],
    );
    assert.equal(getArg(t, 'color'), 'warning');
  });

  it('reports mixed positional and named arguments', () => {
    const t = only('{{< m "a" k="v" >}}');
    assert.deepEqual(t.errors, [{ code: 'shortcode/mixed-arguments', start: 6, end: 15 }]);
  });

  it('reports an unterminated string and still ends the tag on its line', () => {
    const text = '{{% collapse "Titre %}}\nsuite';
    const t = only(text);
    assert.equal(t.end, 23);
    assert.deepEqual(t.errors, [{ code: 'shortcode/unterminated-string', start: 13, end: 19 }]);
    assert.equal(t.args[0].value, 'Titre');
  });

  it('keeps a closing delimiter that sits inside a closed string', () => {
    const t = only('{{< x "a >}} b" >}}');
    assert.equal(t.args[0].value, 'a >}} b');
    assert.equal(t.end, 19);
  });

  it('accepts arguments across lines and reports tags that never close', () => {
    const t = only('{{< figure\n  src="a.png"\n  alt="b"\n>}}');
    assert.deepEqual(t.args.map((a) => a.key), ['src', 'alt']);
    const r = scanShortcodes('{{% collapse "x"\n\ntext {{% /collapse %}}');
    assert.deepEqual(r.errors, [{ code: 'shortcode/unterminated-tag', start: 0, end: 12 }]);
    assert.deepEqual(r.tags.map((x) => [x.kind, x.name, x.start]), [['close', 'collapse', 23]]);
  });

  it('ignores Go template actions and other braces', () => {
    assert.deepEqual(scanShortcodes('{{ .Title }} {{- x -}} {x} {{%}} {{<a"b">}}').tags, []);
    assert.equal(scanShortcodeAt('a {{< x >}}', 0), undefined);
    assert.equal(scanShortcodeAt('a {{< x >}}', 2)?.name, 'x');
  });

  it('ends on hostile input (a runaway scan would hit the mocha timeout)', function () {
    this.timeout(30_000);
    for (const unit of ['{{% x "', '{{% x `', '{{<', '{{% x "%}}', '{{</*', '{{% a %}}']) {
      scanShortcodes(unit.repeat(Math.ceil(400_000 / unit.length)));
    }
  });
});
