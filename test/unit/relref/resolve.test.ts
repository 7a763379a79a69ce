import { strict as assert } from 'node:assert';
import { buildPageIndex, logicalPath, resolveRef } from '../../../src/core/relref/resolve';

const PAGES = [
  'teleconsultation.md',
  'outils/e-cps.md',
  'outils/_index.md',
  'outils/messagerie/index.md',
  'recommandations/hta.md',
  'recommandations/diabete/index.md',
  'recommandations/cardio/hta.md',
  'a/doublon.md',
  'b/doublon.md',
];

describe('relref/resolve', () => {
  it('computes logical paths like Hugo (no extension, bundles and sections stand for their folder)', () => {
    assert.equal(logicalPath('recommandations/HTA.md'), 'recommandations/hta');
    assert.equal(logicalPath('outils/_index.md'), 'outils');
    assert.equal(logicalPath('outils/messagerie/index.md'), 'outils/messagerie');
    assert.equal(logicalPath('/a/b.html'), 'a/b');
    assert.equal(logicalPath('_index.md'), '');
  });

  it('resolves relative to the page first', () => {
    assert.deepEqual(resolveRef(PAGES, 'recommandations/cardio/insuffisance.md', 'hta.md'), {
      kind: 'found',
      path: 'recommandations/cardio/hta.md',
      anchor: undefined,
    });
    assert.deepEqual(resolveRef(PAGES, 'recommandations/cardio/insuffisance.md', '../hta.md#cible'), {
      kind: 'found',
      path: 'recommandations/hta.md',
      anchor: 'cible',
    });
  });

  it('then from the content root, with or without .md, leading slash or not', () => {
    for (const ref of ['outils/e-cps.md', 'outils/e-cps', '/outils/e-cps.md', 'Outils/E-CPS.md']) {
      assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', ref), { kind: 'found', path: 'outils/e-cps.md', anchor: undefined }, ref);
    }
  });

  it('then by a file name unique in content/', () => {
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', 'e-cps.md#carte'), { kind: 'found', path: 'outils/e-cps.md', anchor: 'carte' });
    assert.deepEqual(resolveRef(PAGES, undefined, 'messagerie'), { kind: 'found', path: 'outils/messagerie/index.md', anchor: undefined });
  });

  it('reports an ambiguous name and a missing page', () => {
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', 'doublon.md'), { kind: 'ambiguous', candidates: ['a/doublon.md', 'b/doublon.md'] });
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', 'absente.md'), { kind: 'not-found' });
    // `./` and `../` refs are page-relative only: no fallback to the name lookup.
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', './e-cps.md'), { kind: 'not-found' });
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', '../../e-cps.md'), { kind: 'not-found' });
  });

  it('resolves sections, bundles and the page itself', () => {
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', 'outils'), { kind: 'found', path: 'outils/_index.md', anchor: undefined });
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', 'recommandations/diabete/index.md'), {
      kind: 'found',
      path: 'recommandations/diabete/index.md',
      anchor: undefined,
    });
    // In a section page, relative refs start from the section folder.
    assert.deepEqual(resolveRef(PAGES, 'outils/_index.md', 'e-cps'), { kind: 'found', path: 'outils/e-cps.md', anchor: undefined });
    assert.deepEqual(resolveRef(PAGES, 'teleconsultation.md', '#materiel'), { kind: 'found', path: 'teleconsultation.md', anchor: 'materiel' });
    assert.deepEqual(resolveRef(PAGES, undefined, '#materiel'), { kind: 'not-found' });
  });

  it('reuses the index built for the same list', () => {
    assert.equal(buildPageIndex(PAGES), buildPageIndex(PAGES));
  });
});
