import { strict as assert } from 'node:assert';
import { compileGlob, isValidGlob, normalizeRelativePath } from '../../../src/core/config';

const cases: ReadonlyArray<readonly [string, string, boolean]> = [
  ['content/recommandations/**', 'content/recommandations/a.md', true],
  ['content/recommandations/**', 'content/recommandations/x/y/a.md', true],
  ['content/recommandations/**', 'content/autres/a.md', false],
  ['content/**/*.md', 'content/a.md', true],
  ['content/**/*.md', 'content/x/y/a.md', true],
  ['content/**/*.md', 'content/x/a.txt', false],
  ['**/_index.md', '_index.md', true],
  ['**/_index.md', 'content/x/_index.md', true],
  ['content/*.md', 'content/a.md', true],
  ['content/*.md', 'content/x/a.md', false],
  ['content/?.md', 'content/a.md', true],
  ['content/?.md', 'content/ab.md', false],
  ['content/[ab]*.md', 'content/b1.md', true],
  ['content/[!ab]*.md', 'content/b1.md', false],
  ['content/{rec,fiches}/*.md', 'content/fiches/z.md', true],
  ['content/{rec,fiches}/*.md', 'content/autres/z.md', false],
  ['_index.md', 'content/x/_index.md', true],
  ['*.markdown', 'content/x/a.markdown', true],
  ['content/snippets', 'content/snippets/a/b.md', true],
  ['content/snippets', 'content/snippets-old/b.md', false],
  ['content/snippets/', 'content/snippets/b.md', true],
  ['./content/a.md', 'content/a.md', true],
  ['content/a.md', '.\\content\\a.md', true],
  ['content/é*.md', 'content/élément.md', true],
  ['content/a+b.md', 'content/a+b.md', true],
  ['content/a+b.md', 'content/aab.md', false],
  // picomatch with dot: names starting with a dot are matched like any other.
  ['content/*.md', 'content/.brouillon.md', true],
  ['content/**/x.md', 'content/.cache/x.md', true],
  ['content/{rec,fiches}/**', 'content/rec/a/b.md', true],
  ['content/[[:digit:]]*.md', 'content/2024.md', true],
  ['content/[[:digit:]]*.md', 'content/a.md', false],
];

describe('config/glob', () => {
  for (const [glob, path, expected] of cases) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(compileGlob(glob)(path), expected));
  }

  it('matches nothing with an empty pattern and says which patterns are invalid', () => {
    assert.equal(compileGlob('')('content/a.md'), false);
    assert.equal(isValidGlob('content/**'), true);
    assert.equal(isValidGlob(''), false);
    assert.equal(isValidGlob('content/[z-a].md'), false);
  });

  it('normalizes relative paths', () => {
    assert.equal(normalizeRelativePath('./content\\x/a.md'), 'content/x/a.md');
    assert.equal(normalizeRelativePath('/content/a.md'), 'content/a.md');
  });
});
