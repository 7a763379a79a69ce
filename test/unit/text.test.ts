import { strict as assert } from 'node:assert';
import { LineIndex, stripBom } from '../../src/core/text';
import { format, langFromLocale } from '../../src/core/l10n';

describe('core/text LineIndex', () => {
  it('maps offsets to positions across LF, CRLF and CR line ends', () => {
    const idx = new LineIndex('ab\ncd\r\nef\rgh');
    assert.equal(idx.lineCount, 4);
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(idx.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.equal(idx.lineText(1), 'cd');
    assert.equal(idx.lineText(2), 'ef');
    assert.equal(idx.offsetAt({ line: 1, character: 99 }), 5);
    assert.deepEqual(idx.lineRange(1), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
  });

  it('handles an empty text and a trailing line break', () => {
    assert.equal(new LineIndex('').lineCount, 1);
    const idx = new LineIndex('a\n');
    assert.equal(idx.lineCount, 2);
    assert.equal(idx.lineText(1), '');
  });

  it('strips a BOM only at the start', () => {
    assert.equal(stripBom('\uFEFF+++'), '+++');
    assert.equal(stripBom('a\uFEFF'), 'a\uFEFF');
  });
});

describe('core/l10n', () => {
  it('reads French from locales in every common spelling', () => {
    for (const l of ['fr', 'fr-FR', 'fr_CA.UTF-8', 'FR']) assert.equal(langFromLocale(l), 'fr', l);
    for (const l of ['en', 'en-US', 'C.UTF-8', '', undefined, 'frisian']) assert.equal(langFromLocale(l), 'en', String(l));
  });
  it('fills placeholders and keeps unknown ones visible', () => {
    assert.equal(format('clé {key} ({n})', { key: 'title', n: 2 }), 'clé title (2)');
    assert.equal(format('{missing}'), '{missing}');
  });
});
