/**
 * Differential test: on many small random Hugo sites, MedGuide resolves every `ref` / `relref`
 * exactly as Hugo 0.111.3 does (same page and language, not found, or ambiguous).
 *
 *   npx mocha --no-config --require tsx/cjs --timeout 600000 test/differential/sites.test.ts
 *
 * Environment:
 *   MEDGUIDE_DIFF_SEED=<int>    the run's seed (random when unset; always printed)
 *   MEDGUIDE_DIFF_RUNS=<n>      number of sites (default 150)
 *   MEDGUIDE_DIFF_ONLY=<i>      only site i of the seed's run (the replay of one failing site)
 *   MEDGUIDE_DIFF_JOBS=<n>      Hugo builds at once (default 2)
 *   MEDGUIDE_DIFF_SHRINK=<n>    failing sites shrunk and written to test/fixtures/differential/ (default 1)
 *   MEDGUIDE_DIFF_SHRINK_MS=<n> time budget of one shrink (default 60000)
 *   MEDGUIDE_DIFF_FOCUS=<tag>   only mismatches of refs with this tag count (e.g. `bare`, `from-leaf`, `lang-arg-other`)
 *   MEDGUIDE_DIFF_REPORT=<file> write every mismatch (with its site) to this JSON file
 *   MEDGUIDE_HUGO=<path>        the Hugo binary (default: hugo on PATH)
 *   MEDGUIDE_DIFF_RESOLVER=old|model  MedGuide's side: the old resolver (default for now) or the site model (medguide.ts)
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { describeMismatch, evaluate, focused, pool, replayCommand, shrinkSite, summarize, summarizeByRule, toFixture, writeFixture, type SiteResult } from './compare';
import { EXAMPLES, exampleSite } from './examples';
import { sampleSite } from './generate';
import { hugoBinary, hugoVersion } from './hugo';
import { RESOLVER } from './medguide';

const int = (name: string, fallback: number) => {
  const v = process.env[name];
  return v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : fallback;
};

describe('Differential: ref/relref against Hugo 0.111.3', function () {
  this.timeout(0);
  const hugo = hugoBinary();
  const version = hugo ? hugoVersion(hugo) : '';

  it('resolves every ref of random sites as Hugo does', async function () {
    if (!hugo) this.skip();
    if (!/v0\.111\./.test(version)) throw new Error(`Hugo 0.111.x expected, found: ${version}`);
    const seed = int('MEDGUIDE_DIFF_SEED', (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0);
    const runs = int('MEDGUIDE_DIFF_RUNS', 150);
    const only = process.env.MEDGUIDE_DIFF_ONLY !== undefined ? int('MEDGUIDE_DIFF_ONLY', 0) : undefined;
    const jobs = Math.max(1, int('MEDGUIDE_DIFF_JOBS', 2));
    const shrinkCount = int('MEDGUIDE_DIFF_SHRINK', 1);
    const shrinkMs = int('MEDGUIDE_DIFF_SHRINK_MS', 60_000);
    const focus = process.env.MEDGUIDE_DIFF_FOCUS || undefined;
    const indexes = only !== undefined ? [only] : Array.from({ length: runs }, (_, i) => i);
    process.stdout.write(`    ${version}\n    seed ${seed}, ${indexes.length} site(s), ${jobs} Hugo builds at once, MedGuide side: ${RESOLVER} resolver${focus ? `, focus ${focus}` : ''}\n`);
    process.stdout.write(`    replay: MEDGUIDE_DIFF_SEED=${seed} npx mocha --no-config --require tsx/cjs --timeout 600000 test/differential/sites.test.ts\n`);

    const started = Date.now();
    const results = await pool(indexes, jobs, (index) => evaluate(hugo as string, sampleSite(seed, index)));
    const wallMs = Date.now() - started;

    const refs = results.reduce((n, r) => n + r.site.refs.length, 0);
    const compared = results.reduce((n, r) => n + r.hugo.size, 0);
    const kinds = new Map<string, number>();
    for (const r of results) for (const v of r.hugo.values()) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
    const hugoMs = results.reduce((n, r) => n + r.hugoMs, 0);
    const failing = indexes.map((index, i) => ({ index, result: results[i] })).filter(({ result }) => focused(result.mismatches, focus).length > 0);
    const mismatches = failing.reduce((n, f) => n + focused(f.result.mismatches, focus).length, 0);
    const notes = [...new Set(results.flatMap((r) => r.notes))];
    const referenceMisses = results.flatMap((r) => r.referenceMisses.map((m) => ({ m, site: r.site })));

    process.stdout.write(
      [
        `    ${indexes.length} sites in ${(wallMs / 1000).toFixed(1)} s (Hugo ${(hugoMs / indexes.length).toFixed(0)} ms a site on average)`,
        `    ${refs} refs written, ${compared} compared (on pages Hugo rendered): ${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}`,
        `    ${mismatches} mismatch(es) in ${failing.length} site(s)`,
        ...(notes.length ? ['    generator notes (language of a page not as the generator expected):', ...notes.slice(0, 10).map((n) => `      ${n}`)] : []),
        `    reference model (reference.ts) vs Hugo: ${referenceMisses.length ? `${referenceMisses.length} disagreement(s), the mismatch rules below are unreliable for those` : 'agrees on every ref'}`,
        ...referenceMisses.slice(0, 3).map(({ m, site }) => describeMismatch(m, site).replace(/^/gm, '      ').replace('medguide:', 'model:   ')),
        '',
      ].join('\n'),
    );
    if (mismatches > 0) {
      process.stdout.write(`    mismatches by the Hugo lookup step that decided (mismatched / compared, hugo→medguide):\n${summarizeByRule(results)}\n`);
      process.stdout.write(`    mismatches by ref tag:\n${summarize(results)}\n`);
    }

    if (process.env.MEDGUIDE_DIFF_REPORT) {
      const report = failing.map(({ index, result }) => ({
        index,
        summary: result.site.summary,
        files: result.site.files,
        mismatches: focused(result.mismatches, focus).map((m) => ({ ...m, rule: result.reference.get(m.ref.id)?.rule })),
      }));
      writeFileSync(process.env.MEDGUIDE_DIFF_REPORT, JSON.stringify({ seed, version, report }, null, 1));
    }
    // The pages themselves: the file-backed pages Hugo built and listed, in their languages.
    const pageFailing = indexes.map((index, i) => ({ index, result: results[i] })).filter(({ result }) => result.pageMismatches.length > 0);
    const pagesCompared = results.reduce((n, r) => n + r.pagesCompared, 0);
    process.stdout.write(`    pages built (file and language): ${pagesCompared} compared, ${pageFailing.length} site(s) where MedGuide's list differs\n`);
    // Said after the refs' shrink below, which records a fixture of the first failing site.
    const first = pageFailing[0];
    const pageProblem = first
      ? [
          `The pages Hugo builds differ from MedGuide's in ${pageFailing.length} of ${indexes.length} sites (seed ${seed}).`,
          `First: site ${first.index} (${first.result.site.summary})`,
          ...first.result.pageMismatches.slice(0, 10).map((m) => `  ${m}`),
          ...Object.entries(first.result.site.files)
            .filter(([path]) => !path.startsWith('layouts/'))
            .flatMap(([path, text]) => [`  --- ${path}`, ...text.trimEnd().split('\n').map((l) => `  | ${l}`)]),
          `Replay: ${replayCommand(seed, first.index)}`,
        ].join('\n')
      : undefined;
    if (failing.length === 0 && pageProblem) assert.fail(pageProblem);
    if (failing.length === 0) return;

    const written: string[] = [];
    for (const { index, result } of failing.slice(0, shrinkCount)) {
      process.stdout.write(`    site ${index} disagrees (${focused(result.mismatches, focus).length} refs); replay: ${replayCommand(seed, index)}\n`);
      const small: SiteResult = (await shrinkSite(hugo as string, seed, index, focus, shrinkMs)) ?? result;
      written.push(writeFixture(toFixture(small, version, { seed, index }), focus));
      for (const m of focused(small.mismatches, focus).slice(0, 3)) process.stdout.write(`${describeMismatch(m, small.site).replace(/^/gm, '      ')}\n`);
    }
    const firstRef = failing[0];
    assert.fail(
      [
        `${mismatches} ref(s) resolved differently from Hugo in ${failing.length} of ${indexes.length} sites (seed ${seed}).`,
        `First: site ${firstRef.index} (${firstRef.result.site.summary})`,
        describeMismatch(focused(firstRef.result.mismatches, focus)[0], firstRef.result.site, false),
        `Replay: ${replayCommand(seed, firstRef.index)}`,
        ...(written.length ? [`Smallest failing site(s) written to: ${written.join(', ')}`] : []),
        ...(pageProblem ? ['', pageProblem] : []),
      ].join('\n'),
    );
  });

  it('resolves the hand-written examples (examples.ts) as Hugo does', async function () {
    if (!hugo) this.skip();
    const results = await pool(EXAMPLES, 2, (ex) => evaluate(hugo as string, exampleSite(ex)));
    const failures: string[] = [];
    results.forEach((result, i) => {
      const ex = EXAMPLES[i];
      const unrendered = result.site.refs.filter((r) => !result.hugo.has(r.id));
      if (unrendered.length) failures.push(`example ${ex.name}: Hugo rendered no output for refs ${unrendered.map((r) => r.id).join(', ')}`);
      if (result.referenceMisses.length) failures.push(`example ${ex.name}: reference model disagrees with Hugo on refs ${result.referenceMisses.map((m) => m.ref.id).join(', ')}`);
      if (result.mismatches.length === 0) return;
      const file = writeFixture(toFixture(result, version, { example: ex.name }));
      failures.push(`example ${ex.name} (${ex.rule}), written to ${file}:\n${result.mismatches.map((m) => describeMismatch(m, result.site, false)).join('\n')}`);
    });
    assert.ok(failures.length === 0, failures.join('\n\n'));
  });
});
