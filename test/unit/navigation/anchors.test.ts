import { strict as assert } from 'node:assert';
import { findHeadings, pageAnchors, plainHeadingText } from '../../../src/core/navigation';

describe('navigation/anchors', () => {
  it('lists heading ids the way Hugo makes them: GitHub style, {#id}, -1 / -2 for repeats', () => {
    const text = [
      '+++',
      'title = "x"',
      '# pas un titre : front matter',
      '+++',
      '# Créer une adresse MSSanté',
      '## Répondre et archiver {#archiver .important}',
      '## Suivi',
      '## Suivi ##',
      '### Suivi',
      'Titre souligné',
      '===',
      'Sous-titre *souligné*',
      '---',
    ].join('\n');
    assert.deepEqual(findHeadings(text).map((h) => [h.level, h.text, h.id, h.line, h.endLine]), [
      [1, 'Créer une adresse MSSanté', 'créer-une-adresse-mssanté', 4, 4],
      [2, 'Répondre et archiver', 'archiver', 5, 5],
      [2, 'Suivi', 'suivi', 6, 6],
      [2, 'Suivi', 'suivi-1', 7, 7],
      [3, 'Suivi', 'suivi-2', 8, 8],
      [1, 'Titre souligné', 'titre-souligné', 9, 10],
      [2, 'Sous-titre souligné', 'sous-titre-souligné', 11, 12],
    ]);
  });

  it('adds collapse section ids, not made unique (the template anchorizes the title itself)', () => {
    const text = '## Définitions\n{{%collapse "Définitions" %}}\n{{% /collapse %}}\n{{< collapse "L\'adresse : construire" >}}{{< /collapse >}}';
    assert.deepEqual([...pageAnchors(text)].sort(), ['définitions', 'ladresse--construire']);
  });

  it('ignores what is not a heading: fenced and indented code, comments, thematic breaks, list paragraphs', () => {
    const text = [
      '```markdown',
      '# dans le code',
      '```',
      '~~~~',
      '## toujours du code',
      '~~~~',
      '',
      '    # indenté',
      '',
      '<!--',
      '# commentaire',
      '-->',
      '',
      '---',
      '',
      '- élément',
      '---',
      '#sans-espace',
      '####### sept',
      '## Vrai titre',
    ].join('\r\n');
    assert.deepEqual(findHeadings(text).map((h) => [h.id, h.line]), [['vrai-titre', 19]]);
  });

  it('reads the visible text of a heading: links, code, emphasis, escapes', () => {
    assert.equal(plainHeadingText('Voir [la **carte**](e-cps.md) et `code` \\#1 __init__ snake_case'), 'Voir la carte et code #1 init snake_case');
  });

  it('gives exact offsets for the heading text (CRLF)', () => {
    const [h] = findHeadings('intro\r\n\r\n###   Titre   #\r\n');
    assert.deepEqual([h.line, h.textStart, h.textEnd], [2, 15, 20]);
  });
});
