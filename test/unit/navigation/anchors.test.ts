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

  it('makes an automatic id from the heading’s source line, markup included, as Goldmark does (Hugo 0.111.3, checked)', () => {
    const text = [
      '## Voir [la fiche](e-cps.md) ici',
      '## Un *accent* et __gras__',
      '### -option `<valeur>`',
      '### Code `a_b` et <em>balise</em>',
      '## Entité &amp; et fin',
      'Première ligne',
      'Deuxième [lien](http://u.v/w)',
      '---',
    ].join('\n');
    assert.deepEqual(
      findHeadings(text).map((h) => [h.id, h.text]),
      [
        ['voir-la-fichee-cpsmd-ici', 'Voir la fiche ici'],
        ['un-accent-et-__gras__', 'Un accent et gras'],
        ['-option-valeur', '-option <valeur>'],
        ['code-a_b-et-embaliseem', 'Code a_b et balise'],
        ['entité-amp-et-fin', 'Entité &amp; et fin'],
        ['deuxième-lienhttpuvw', 'Première ligne Deuxième lien'],
      ],
    );
  });

  it('leaves shortcodes out of an automatic id (Hugo 0.111 puts its shortcode placeholder there)', () => {
    assert.equal(findHeadings('## Carte {{< icone "x" >}} e-CPS')[0].id, 'carte--e-cps');
  });

  it('reads an attribute list as Hugo’s Goldmark does: ids with dots and colons, the last id, invalid lists as text', () => {
    const ids = (line: string) => findHeadings(`## ${line}`)[0]?.id;
    assert.equal(ids('Version {#r37.0}'), 'r37.0');
    assert.equal(ids('Espace {#ns:titre}'), 'ns:titre');
    assert.equal(ids('Clé {id="cle-valeur"}'), 'cle-valeur');
    assert.equal(ids('Nu {id=nu}'), 'nu');
    assert.equal(ids('Classe {.note #apres}'), 'apres');
    assert.equal(ids('Deux {#premier #second}'), 'second');
    assert.equal(ids('Liste {#l1, .c}'), 'l1');
    assert.equal(ids('Accolade {b} puis {#vrai}'), 'vrai');
    assert.equal(ids('Mauvaise {#x,y} {#bonne}'), 'bonne');
    assert.equal(ids('Vide {}'), 'vide');
    // Not attribute lists: the braces are part of the text the id is made from.
    assert.equal(ids('Virgule {#a,b}'), 'virgule-ab');
    assert.equal(ids('Exclamation {#vite!}'), 'exclamation-vite');
    assert.equal(ids("Apostrophes {id='ap'}"), 'apostrophes-idap');
    assert.equal(ids('Sans valeur {data-x #sv}'), 'sans-valeur-data-x-sv');
    assert.equal(ids('Suivi {#pas-un-id} de texte'), 'suivi-pas-un-id-de-texte');
    assert.equal(ids('Échappée \\{#echap}'), 'échappée-echap');
  });

  it('ends a fence or comment opened inside a {{< >}} shortcode with it, not one inside {{% %}}', () => {
    const inside = (open: string, close: string) => ['{{' + open + ' boite ' + close + '}}', '```sh', 'echo', '{{' + open + ' /boite ' + close + '}}', '', '## Après'].join('\n');
    assert.deepEqual(findHeadings(inside('<', '>')).map((h) => h.id), ['après']);
    assert.deepEqual(findHeadings(inside('%', '%')).map((h) => h.id), []);
    assert.deepEqual(findHeadings('{{< boite >}}\n<!-- ouvert\n{{< /boite >}}\n## Après').map((h) => h.id), ['après']);
  });

  it('adds the ids of raw HTML outside code and comments when the site writes raw HTML', () => {
    const text = [
      '<h3 id="passerelle.exemple/v1.Filtre">Filtre</h3>',
      '',
      'Un <span id="en-ligne">mot</span>, <a name="ancien-nom"></a>, <span name="pas-un-a"></span>, `<b id="code">`.',
      '',
      '```html',
      '<div id="bloc"></div>',
      '```',
      '',
      '    <div id="indente"></div>',
      '',
      '<!-- <div id="commente"></div> -->',
      "<div id='apostrophes' class=\"x\"></div> <p id=\"r&amp;d\"></p>",
      '## Titre',
    ].join('\n');
    assert.deepEqual([...pageAnchors(text)].sort(), ['titre']);
    assert.deepEqual([...pageAnchors(text, { rawHtml: true })].sort(), ['ancien-nom', 'apostrophes', 'en-ligne', 'passerelle.exemple/v1.Filtre', 'r&d', 'titre']);
  });

  it('stays linear on hostile lines: braces, backtick runs, tags that never end, fences in shortcodes', function () {
    // Each took minutes with backtracking regular expressions (an unended tag: 435 s for 1.3 MB).
    this.timeout(20_000);
    const text = [
      '## ' + '{x="'.repeat(100_000) + '}',
      '## ' + '`'.repeat(1000) + 'x`'.repeat(100_000),
      '<span id="a" '.repeat(100_000),
      '{{< b >}}\n```\n'.repeat(20_000) + '{{< /b >}}',
      '## Fin',
    ].join('\n');
    assert.deepEqual([...pageAnchors(text, { rawHtml: true })].slice(-1), ['fin']);
  });

  it('reads the visible text of a heading: links, code, emphasis, escapes', () => {
    assert.equal(plainHeadingText('Voir [la **carte**](e-cps.md) et `code` \\#1 __init__ snake_case'), 'Voir la carte et code #1 init snake_case');
  });

  it('gives exact offsets for the heading text (CRLF)', () => {
    const [h] = findHeadings('intro\r\n\r\n###   Titre   #\r\n');
    assert.deepEqual([h.line, h.textStart, h.textEnd], [2, 15, 20]);
  });
});
