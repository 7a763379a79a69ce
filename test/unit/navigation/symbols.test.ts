import { strict as assert } from 'node:assert';
import { collapseOutline, type OutlineSymbol } from '../../../src/core/navigation';

type Tree = [string, string, number[], number[], Tree[]];

function tree(s: OutlineSymbol): Tree {
  const r = (x: OutlineSymbol['range']) => [x.start.line, x.start.character, x.end.line, x.end.character];
  return [s.kind, s.name, r(s.range), r(s.selectionRange), s.children.map(tree)];
}

const PAGE = [
  '+++', // 0
  'title = "Page"',
  '+++',
  '# Introduction',
  '{{%collapse "Définitions" %}}', // 4
  '## Détail',
  'texte',
  '### Plus bas',
  '{{< collapse "Imbriquée" >}}', // 8
  '#### Dedans',
  '{{< /collapse >}}',
  '{{% /collapse %}}', // 11
  '## Hors section',
  '{{% collapse "" %}}', // 13
  '{{% /collapse %}}',
].join('\r\n');

describe('navigation/symbols', () => {
  it('lists collapse sections with the headings inside them, nested by level; headings outside are left to VS Code', () => {
    assert.deepEqual(collapseOutline(PAGE, { lang: 'fr' }).map(tree), [
      [
        'section',
        'Définitions',
        [4, 0, 11, 17],
        [4, 12, 4, 25],
        [
          [
            'heading',
            'Détail',
            [5, 0, 10, 17],
            [5, 3, 5, 9],
            [['heading', 'Plus bas', [7, 0, 10, 17], [7, 4, 7, 12], [['section', 'Imbriquée', [8, 0, 10, 17], [8, 13, 8, 24], [['heading', 'Dedans', [9, 0, 9, 11], [9, 5, 9, 11], []]]]]]],
          ],
        ],
      ],
      ['section', '(section sans titre)', [13, 0, 14, 17], [13, 13, 13, 15], []],
    ]);
  });

  it('names untitled sections in the user language and marks sections as collapse', () => {
    const [, untitled] = collapseOutline(PAGE, { lang: 'en' });
    assert.equal(untitled.name, '(untitled section)');
    assert.equal(untitled.detail, 'collapse');
  });

  it('keeps an unclosed section to its opening tag, and gives nothing for a page without sections', () => {
    assert.deepEqual(collapseOutline('{{% collapse "A" %}}\n## B\n', { lang: 'fr' }).map(tree), [['section', 'A', [0, 0, 0, 20], [0, 13, 0, 16], []]]);
    assert.deepEqual(collapseOutline('# A\n## B\n', { lang: 'fr' }), []);
  });

  it('puts a heading written before an inner section beside it, in order', () => {
    const text = '{{% collapse "A" %}}\n{{% collapse "B" %}}\n{{% /collapse %}}\n## C\n{{% /collapse %}}';
    assert.deepEqual(
      collapseOutline(text, { lang: 'fr' })[0].children.map((c) => [c.kind, c.name]),
      [
        ['section', 'B'],
        ['heading', 'C'],
      ],
    );
  });
});
