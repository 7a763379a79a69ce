// The shortcode scanner and pairing on arbitrary input: never throw, and what they return is
// consistent (ordered, non-overlapping tags inside the text; partners symmetric and of one name).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { pairShortcodes } from '../../../src/core/shortcodes/pair';
import { scanShortcodes, shortcodeKey } from '../../../src/core/shortcodes/scan';
import { anyText, assertScan, shortcodeSoup } from './support';

function check(text: string, paired?: string[]): void {
  const r = scanShortcodes(text);
  assertScan(text, r);
  const { partner, errors } = pairShortcodes(r.tags, paired);
  assert.equal(partner.length, r.tags.length);
  partner.forEach((p, i) => {
    if (p < 0) return;
    assert.equal(partner[p], i);
    const [open, close] = p > i ? [r.tags[i], r.tags[p]] : [r.tags[p], r.tags[i]];
    assert.equal(open.kind, 'open');
    assert.equal(close.kind, 'close');
    assert.equal(shortcodeKey(open.name), shortcodeKey(close.name));
  });
  for (const e of errors) assert.ok(e.tag >= 0 && e.tag < r.tags.length);
}

describe('robustness/shortcode scanner and pairing', () => {
  it('handles random text', () => {
    fc.assert(fc.property(anyText, (t) => check(t)), { numRuns: 300 });
  });

  it('handles shortcode soup (with and without a paired-name list)', () => {
    fc.assert(
      fc.property(shortcodeSoup, fc.boolean(), (t, withNames) => check(t, withNames ? ['collapse', 'note', 'x', 'X'] : [])),
      { numRuns: 1000 },
    );
  });

  it('finds the same tags whatever the line ends', () => {
    fc.assert(
      fc.property(shortcodeSoup, (t) => {
        const lf = t.replace(/\r\n?/g, '\n');
        const names = (s: string) => scanShortcodes(s).tags.map((x) => `${x.kind}:${x.name}:${x.args.length}`);
        // Quoted strings stop at any line end, LF, CRLF or CR alike.
        assert.deepEqual(names(lf.replace(/\n/g, '\r\n')), names(lf));
        assert.deepEqual(names(lf.replace(/\n/g, '\r')), names(lf));
      }),
      { numRuns: 300 },
    );
  });
});
