import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  completionContext,
  frontMatterRange,
  keyAtPosition,
  lastmodEdit,
  locateToml,
  validatePage,
} from '../../../src/core/frontmatter';
import { parseSiteConfig } from '../../../src/core/config';

/** Pieces of front matter, so random texts often reach the TOML parser and the checks. */
const piece = fc.constantFrom(
  '+++', '+++\n', '\n', '\r\n', '\r', '\uFEFF', '\u0000', '\uD800', '"', "'", '"""', "'''", '[', ']', '[[', ']]', '{', '}', ',', '=', '.', '#',
  'title = "x"\n', 'tags = ["a", "A"]\n', 'date = 2022-02-30\n', 'lastmod = "29/04/2022"\n', 'image = true\n', '[menu.main]\n', 'année = 1\n',
  '"clé" = 1\n', 'auteurs = [\n', '\t', ' ', 'a.b.c = 1\n', '[params]\n', 'annees = "2099"\n', '---\n', '{\n',
);
const pageText = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), fc.array(fc.oneof(piece, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((a) => '+++\n' + a.join('')));

describe('frontmatter: robustness', () => {
  it('never throws, and every range is ordered, on random texts', () => {
    fc.assert(
      fc.property(pageText, fc.constantFrom<'fr' | 'en'>('fr', 'en'), (text, lang) => {
        const d = validatePage(text, { lang, today: '2025-01-01' });
        for (const x of d) {
          assert.notEqual(x.code, 'internal-error', x.message);
          const { start, end } = x.range;
          assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), JSON.stringify(x));
        }
        frontMatterRange(text);
        keyAtPosition(text, { line: 1, character: 2 });
        completionContext(text, { line: 1, character: 0 });
        lastmodEdit(text, '2025-01-01');
        locateToml(text);
        parseSiteConfig(text, lang);
      }),
      { numRuns: 2000 },
    );
  });

  it('copes with NUL bytes, lone surrogates and non-string input', () => {
    assert.equal(validatePage('+++\ntitle = "a\u0000b"\n+++\n', { lang: 'en' })[0].code, 'toml-syntax');
    assert.doesNotThrow(() => validatePage('+++\ntitle = "\uD800"\n"\uDC00" = 1\n+++\n'));
    assert.doesNotThrow(() => validatePage(undefined as unknown as string));
    assert.doesNotThrow(() => parseSiteConfig(null as unknown as string));
  });

  it('handles 5 MB texts: without a closing line, and with a huge body', () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    assert.equal(validatePage('+++\n' + big)[0].code, 'frontmatter-unclosed');
    assert.equal(validatePage(big)[0].code, 'required');
    assert.equal(validatePage('+++\ntitle = "' + big + '"\n+++\n', { lang: 'en' }).find((d) => d.code === 'length')?.range.end.character, 5 * 1024 * 1024 + 10);
  });
});

// Timings are not asserted in tests: `npm run bench` measures validation against a smol-toml baseline.
