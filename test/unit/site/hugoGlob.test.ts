import { strict as assert } from 'node:assert';
import { compileHugoGlob, hugoFileFilter } from '../../../src/core/site/hugoGlob';
import { FILES, MOUNT_GLOB_CASES } from './hugoGlobCases';

describe('site/hugoGlob: a mount\'s includeFiles/excludeFiles as Hugo 0.111.3 reads them', () => {
  for (const c of MOUNT_GLOB_CASES) {
    it(`include ${JSON.stringify(c.includeFiles)} exclude ${JSON.stringify(c.excludeFiles)} reads ${c.read.join(' ') || 'nothing'}`, () => {
      const filter = hugoFileFilter(c.includeFiles, c.excludeFiles);
      assert.ok(filter);
      assert.deepEqual(FILES.filter((f) => filter(f)).sort(), [...c.read].sort());
    });
  }

  it('has no filter without patterns, and blank patterns count as none', () => {
    assert.equal(hugoFileFilter(), undefined);
    assert.equal(hugoFileFilter([' '], ['']), undefined);
  });

  it('reads gobwas/glob syntax: ** crosses folders anywhere, classes, escapes; an invalid pattern matches nothing', () => {
    assert.equal(compileHugoGlob('a**z')('/a/b/c/z'), true);
    assert.equal(compileHugoGlob('a*z')('/a/b/z'), false);
    assert.equal(compileHugoGlob('[a-c]?.md')('/bx.md'), true);
    assert.equal(compileHugoGlob('[!a-c]?.md')('/bx.md'), false);
    assert.equal(compileHugoGlob('\\*.md')('/*.md'), true);
    assert.equal(compileHugoGlob('\\*.md')('/a.md'), false);
    assert.equal(compileHugoGlob('[z-a].md')('/z.md'), false);
    assert.equal(compileHugoGlob('[ab')('/a'), false);
    assert.equal(compileHugoGlob('')('/a'), false);
    assert.equal(compileHugoGlob('{a,b')('/b'), true);
  });
});
