// The front matter engine on arbitrary input: it never throws, never falls back to its
// `internal-error` catch-all, and its ranges always point inside the page.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkPage } from '../../../src/core/check';
import { DEFAULT_SITE_CONFIG } from '../../../src/core/config';
import { validatePage } from '../../../src/core/frontmatter';
import { anyText, assertDiagnostics, lineEnds, tomlPage, withLineEnds } from './support';

const TODAY = '2026-06-01';

function both(text: string): void {
  const context = `input: ${JSON.stringify(text)}`;
  assertDiagnostics(validatePage(text, { lang: 'fr', today: TODAY }), text.replace(/^\uFEFF/, ''), context);
  assertDiagnostics(checkPage(text, { lang: 'en', today: TODAY }), text.replace(/^\uFEFF/, ''), context);
  assertDiagnostics(
    checkPage(text, { lang: 'fr', today: TODAY, config: DEFAULT_SITE_CONFIG, sitePath: 'content/a.md' }),
    text.replace(/^\uFEFF/, ''),
    context,
  );
}

describe('robustness/front matter engine', () => {
  it('handles random text', () => {
    fc.assert(fc.property(anyText, both), { numRuns: 300 });
  });

  it('handles random TOML-ish front matter (any line ends, BOM)', () => {
    fc.assert(fc.property(tomlPage, both), { numRuns: 400 });
  });

  it('gives the same diagnostics for LF, CRLF and CR line ends, with or without BOM', () => {
    const page = '+++\ntitle = "T"\ndate = 2024-02-30\nfoo = 1\ntags = ["a", "a"]\n+++\nTexte\n';
    const codes = (t: string) => validatePage(t, { lang: 'fr', today: TODAY }).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    const reference = codes(page);
    assert.ok(reference.length >= 2, reference.join(', '));
    fc.assert(
      fc.property(lineEnds, ([eol, bom]) => {
        assert.deepEqual(codes(withLineEnds(page, eol, bom)), reference);
      }),
    );
  });

  it('handles the awkward characters inside keys and values', () => {
    for (const c of ['\u0000', '\uD800', '\uDC00', '\uFEFF', '\u2028', '\r']) {
      both(`+++\ntitle = "a${c}b"\n"k${c}" = 1\ntags = ["${c}"]\n+++\n${c}\n`);
      both(`+++\ntitle = 'a${c}b'\n+++\n`);
      both(`${c}+++\ntitle = "x"\n+++\n`);
    }
  });

  it('is not thrown by non-string input from a careless caller', () => {
    for (const bad of [undefined, null, 42, {}, ['+++']] as unknown[]) {
      assert.doesNotThrow(() => validatePage(bad as string, { lang: 'fr' }));
    }
  });
});
