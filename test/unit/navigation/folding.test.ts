import { strict as assert } from 'node:assert';
import { foldingRanges } from '../../../src/core/navigation';

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
