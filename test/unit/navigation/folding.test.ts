import { strict as assert } from 'node:assert';
import { collapseOutline, foldingRanges, pageAnchors, relrefLinks } from '../../../src/core/navigation';

describe('navigation/folding', () => {
  it('folds the front matter and every multi-line shortcode pair, closing line included', () => {
    const text = [
      '+++', // 0
      'title = "x"',
      '+++', // 2
      '{{%collapse "A" %}}', // 3
      '{{% notice info %}}une ligne{{% /notice %}}',
      '{{< tabs >}}', // 5
      '{{< tab "1" >}}',
      'x',
      '{{< / tab >}}', // 8
      '{{</tabs>}}', // 9
      '```',
      '{{< highlight go >}}', // 11
      'code',
      '{{< /highlight >}}', // 13
      '```',
      '{{%/ collapse %}}', // 15
      '{{</* collapse "montré" */>}}',
      '{{</* /collapse */>}}',
    ].join('\r\n');
    assert.deepEqual(foldingRanges(text), [
      { start: 0, end: 2, kind: 'front-matter' },
      { start: 3, end: 15, kind: 'shortcode' },
      { start: 5, end: 9, kind: 'shortcode' },
      { start: 6, end: 8, kind: 'shortcode' },
      { start: 11, end: 13, kind: 'shortcode' },
    ]);
  });

  it('does not fold an unclosed front matter or unpaired tags', () => {
    assert.deepEqual(foldingRanges('+++\ntitle = "x"\n{{% collapse "A" %}}\n'), []);
    assert.deepEqual(foldingRanges('\n\n+++\n+++\n{{% /collapse %}}'), [{ start: 2, end: 3, kind: 'front-matter' }]);
  });
});

describe('navigation on a 5 MB page', () => {
  it('builds the outline, folds, links and anchors in linear time', function () {
    this.timeout(20_000);
    const chunk = '## Suivi\n{{% collapse "Section" %}}\n### Sous-titre\nTexte [lien]({{< relref "a.md#x" >}})\n{{% notice %}}\nx\n{{% /notice %}}\n{{% /collapse %}}\n```\n# code\n```\n';
    const n = Math.ceil(5_000_000 / chunk.length);
    const text = '+++\ntitle = "x"\n+++\n' + chunk.repeat(n);
    assert.equal(collapseOutline(text, { lang: 'fr' }).length, n);
    assert.equal(foldingRanges(text).length, 2 * n + 1);
    assert.equal(relrefLinks(text, ['a.md'], 'b.md').length, n);
    const anchors = pageAnchors(text);
    assert.ok(anchors.has(`suivi-${n - 1}`) && anchors.has(`sous-titre-${n - 1}`) && !anchors.has('code'));
  });
});
