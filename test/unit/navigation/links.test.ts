import { strict as assert } from 'node:assert';
import { relrefLinks, relrefTargets } from '../../../src/core/navigation';

const PAGES = ['cabinet/e-cps.md', 'cabinet/ecrire-patient-mssante.md', 'glossaire.md', 'a/doublon.md', 'b/doublon.md'];

describe('navigation/links', () => {
  it('links every relref / ref that resolves, over the target without quotes, anchor apart', () => {
    const text = [
      '[a]({{< relref "e-cps.md" >}}) [b]({{% ref "/glossaire.md#sigle" %}})',
      '[c]({{< relref path="ecrire-patient-mssante.md" >}})',
      '[d]({{< relref "introuvable.md" >}}) [e]({{< relref "doublon.md" >}})',
      '[f]({{< relref "#ici" >}})',
    ].join('\r\n');
    assert.deepEqual(
      relrefLinks(text, PAGES, 'cabinet/declaration.md').map((l) => [l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character, l.path, l.anchor]),
      [
        [0, 16, 0, 24, 'cabinet/e-cps.md', undefined],
        [0, 44, 0, 63, 'glossaire.md', 'sigle'],
        [1, 21, 1, 46, 'cabinet/ecrire-patient-mssante.md', undefined],
        [3, 16, 3, 20, 'cabinet/declaration.md', 'ici'],
      ],
    );
  });

  it('lists the targets with anchors, for the editor to read them before checking', () => {
    const text = '{{< relref "e-cps.md#activer" >}} {{< relref "glossaire.md" >}} {{< relref "nulle-part.md#x" >}}';
    assert.deepEqual(relrefTargets(text, PAGES, 'cabinet/x.md'), [{ path: 'cabinet/e-cps.md', anchor: 'activer' }]);
  });
});
