import { strict as assert } from 'node:assert';
import { makeMd } from './helpers';

describe('markdown/attrs', () => {
  it('applies {.lead}, {#id .class} and heading attributes', () => {
    const md = makeMd();
    assert.equal(md.render('Intro.\n{.lead}'), '<p class="lead">Intro.</p>\n');
    assert.equal(md.render('Texte\n{#ancre .note data-x="1"}'), '<p id="ancre" class="note" data-x="1">Texte</p>\n');
    assert.equal(md.render('## Titre {.text-danger}'), '<h2 class="text-danger" id="titre">Titre</h2>\n');
  });

  it('drops event handlers, styles, script URLs and attributes VS Code acts on', () => {
    const md = makeMd();
    assert.equal(
      md.render('Texte\n{onclick="alert(1)" style="color:red" title="javascript:alert(1)" data-href="command:x" data-line="3" .ok}'),
      '<p class="ok">Texte</p>\n',
    );
    assert.equal(md.render('Texte {onclick="x"}'), '<p>Texte</p>\n');
    assert.equal(md.render('[a](b){onmouseover="x" title="t"}'), '<p><a href="b" title="t">a</a></p>\n');
  });

  it('adds definition lists, mark, sup and sub without breaking strikethrough', () => {
    const md = makeMd();
    assert.equal(
      md.render('Terme\n: Définition\n  suite\n'),
      '<dl>\n<dt>Terme</dt>\n<dd>Définition\nsuite</dd>\n</dl>\n',
    );
    assert.equal(md.render('H~2~O 2^10^ ==clé== ~~barré~~ ~a b~'), '<p>H<sub>2</sub>O 2<sup>10</sup> <mark>clé</mark> <s>barré</s> ~a b~</p>\n');
  });
});
