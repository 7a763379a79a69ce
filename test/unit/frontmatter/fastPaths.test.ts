import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { validatePage } from '../../../src/core/frontmatter';
import { page } from './helpers';

/*
 * The front matter checks skip work on the usual values (a tag already in NFC, a string with
 * nothing to trim, a length surely inside its bounds). Each shortcut rests on a fact held here,
 * and the checks must say exactly what they said without it.
 */

const codes = (text: string, code: string) =>
  validatePage(text, { today: '2025-01-01', lang: 'en' })
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`);

describe('frontmatter: shortcuts on usual values', () => {
  it('a string of characters below U+0300 is its own NFC form', () => {
    for (let a = 0; a < 0x300; a++) {
      assert.equal(String.fromCharCode(a).normalize('NFC'), String.fromCharCode(a));
      for (let b = 0; b < 0x300; b += 7) {
        const s = String.fromCharCode(a, b);
        assert.equal(s.normalize('NFC'), s);
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) }), (s) => s.normalize('NFC') === s),
      { numRuns: 5000 },
    );
  });

  it('every character trim() removes is a control, a space or beyond ASCII', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (String.fromCharCode(c).trim() === '') assert.ok(c <= 0x20 || c >= 0x7f, c.toString(16));
    }
  });

  it('duplicate tags are found across case, spaces and Unicode forms', () => {
    // "é" precomposed and decomposed (e + U+0301), an ASCII pair, a pair that differs by spaces only.
    const text = page({}, 'tags = ["caf\u00e9", "cafe\u0301", "HTA", "hta", " Asthme", "asthme"]');
    assert.deepEqual(codes(text, 'duplicate-value').length, 3);
  });

  it('reports length exactly on either side of the bounds, in code points', () => {
    const unit = fc.constantFrom('a', 'é', ' ', '\u{1F600}', '\u{10437}', 'Z', '-');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 20, maxLength: 170 }), (chars) => {
        const value = `X${chars.join('')}X`;
        const points = [...value].length;
        const found = codes(page({ description: JSON.stringify(value) }), 'length');
        assert.equal(found.length, points < 50 || points > 160 ? 1 : 0, `${points} code points`);
        if (found.length === 1) assert.match(found[0], new RegExp(`has ${points} characters`));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports spaces around a value whatever the characters at its ends', () => {
    const end = fc.constantFrom(' ', '\t', '\u00a0', '\u3000', '\u2009', 'é', 'a', '.', '\u{1F600}');
    fc.assert(
      fc.property(end, end, (first, last) => {
        const value = `${first}Hypertension artérielle${last}`;
        const expected = value.trim() !== value ? 1 : 0;
        assert.equal(codes(page({ title: JSON.stringify(value) }), 'whitespace').length, expected, JSON.stringify(value));
      }),
    );
  });
});
