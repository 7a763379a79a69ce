/**
 * Replays every disagreement the differential test ever recorded (test/fixtures/differential/*.json):
 * the site is rebuilt on disk and MedGuide's verdicts are compared with the Hugo verdicts
 * recorded with it. No Hugo needed.
 *
 *   npx mocha --no-config --require tsx/cjs test/differential/fixtures.test.ts
 *   (MEDGUIDE_DIFF_RESOLVER=model to replay them against the site model, see medguide.ts)
 */
import { strict as assert } from 'node:assert';
import { describeMismatch, readFixtures, type Mismatch } from './compare';
import { removeSite, writeSite } from './hugo';
import { medguideVerdicts, RESOLVER } from './medguide';
import { sameVerdict } from './types';

describe(`Differential fixtures: recorded Hugo verdicts (MedGuide side: ${RESOLVER} resolver)`, function () {
  this.timeout(60_000);
  const fixtures = readFixtures();

  for (const { file, fixture } of fixtures) {
    it(`${file.slice(file.lastIndexOf('/') + 1)} (${fixture.site.summary})`, async () => {
      const dir = writeSite(fixture.site.files, 'medguide-diff-fixture-');
      try {
        const refs = fixture.site.refs.filter((r) => fixture.hugo[String(r.id)] !== undefined);
        const { verdicts: answers } = await medguideVerdicts(dir, refs);
        const mismatches: Mismatch[] = [];
        refs.forEach((ref, i) => {
          const hugo = fixture.hugo[String(ref.id)];
          if (!sameVerdict(hugo, answers[i])) mismatches.push({ ref, hugo, medguide: answers[i] });
        });
        assert.ok(
          mismatches.length === 0,
          `${mismatches.length} of ${refs.length} refs differ from ${fixture.hugoVersion}:\n${mismatches.map((m) => describeMismatch(m, fixture.site, false)).join('\n')}\n` +
            `site files: ${Object.keys(fixture.site.files).filter((p) => !p.startsWith('layouts/')).join(', ')}`,
        );
      } finally {
        removeSite(dir);
      }
    });
  }
});
