/**
 * One site through both sides, the comparison, the mismatch summary and the fixtures.
 */
import fc from 'fast-check';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, siteSeed, siteSpecs, smallerSpecs, type SiteSpec } from './generate';
import { hugoVerdicts, removeSite, writeSite } from './hugo';
import { medguideVerdicts, RESOLVER } from './medguide';
import { referenceVerdicts, type ReferenceVerdict } from './reference';
import { sameVerdict, showVerdict, type DifferentialFixture, type GeneratedRef, type GeneratedSite, type Verdict } from './types';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'differential');

export interface Mismatch {
  readonly ref: GeneratedRef;
  readonly hugo: Verdict;
  readonly medguide: Verdict;
}

export interface SiteResult {
  readonly site: GeneratedSite;
  readonly hugo: ReadonlyMap<number, Verdict>;
  readonly medguide: ReadonlyMap<number, Verdict>;
  readonly mismatches: readonly Mismatch[];
  /** The reference model's verdict and deciding rule per compared ref (see reference.ts). */
  readonly reference: ReadonlyMap<number, ReferenceVerdict>;
  /** Refs where the reference model disagrees with Hugo: the test's own reading of Hugo is wrong there. */
  readonly referenceMisses: readonly Mismatch[];
  readonly notes: readonly string[];
  readonly hugoMs: number;
  /**
   * The pages Hugo built and listed that the site model does not (`hugo only: …`), and the other
   * way round (`medguide only: …`), as `site-relative file [lang]`; only with the site model.
   */
  readonly pageMismatches: readonly string[];
  /** How many pages Hugo built and listed (compared with the site model's list). */
  readonly pagesCompared: number;
}

/** Writes the site, builds it with Hugo, asks MedGuide about the refs Hugo rendered, compares. */
export async function evaluate(hugo: string, site: GeneratedSite): Promise<SiteResult> {
  const dir = writeSite(site.files);
  try {
    const run = await hugoVerdicts(hugo, site, dir);
    const compared = site.refs.filter((r) => run.verdicts.has(r.id));
    const { verdicts: answers, pages: ours } = await medguideVerdicts(dir, compared);
    const medguide = new Map<number, Verdict>(compared.map((r, i) => [r.id, answers[i]]));
    const modelled = site.modelled === false ? [] : referenceVerdicts(site, compared);
    const reference = new Map<number, ReferenceVerdict>(modelled.map((x, i) => [compared[i].id, x]));
    const referenceMisses: Mismatch[] = [];
    const mismatches: Mismatch[] = [];
    for (const ref of compared) {
      const h = run.verdicts.get(ref.id);
      const m = medguide.get(ref.id);
      if (h && m && !sameVerdict(h, m)) mismatches.push({ ref, hugo: h, medguide: m });
      const x = reference.get(ref.id);
      if (h && x && !sameVerdict(h, x.verdict)) referenceMisses.push({ ref, hugo: h, medguide: x.verdict });
    }
    const pageMismatches: string[] = [];
    if (ours) {
      for (const p of run.pages) if (!ours.includes(p)) pageMismatches.push(`hugo only: ${p}`);
      for (const p of ours) if (!run.pages.includes(p)) pageMismatches.push(`medguide only: ${p}`);
    }
    return { site, hugo: run.verdicts, medguide, mismatches, reference, referenceMisses, notes: run.notes, hugoMs: run.ms, pageMismatches, pagesCompared: ours ? run.pages.length : 0 };
  } finally {
    removeSite(dir);
  }
}

/** Runs `fn` over `items`, `concurrency` at a time, results in order. */
export async function pool<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

export function replayCommand(seed: number, index: number): string {
  return `MEDGUIDE_DIFF_SEED=${seed} MEDGUIDE_DIFF_ONLY=${index} npx mocha --no-config --require tsx/cjs --timeout 600000 test/differential/sites.test.ts`;
}

/** Mismatches that a focus tag keeps (all when no focus). */
export function focused(mismatches: readonly Mismatch[], focus: string | undefined): readonly Mismatch[] {
  return focus ? mismatches.filter((m) => m.ref.tags.includes(focus)) : mismatches;
}

/**
 * Shrinks site `index` of run `seed` to a smallest site that still shows a mismatch (one with the
 * `focus` tag when given): fast-check's shrinking (bounded by `budgetMs`, every step is a Hugo
 * build), then removing single refs and content nodes while the mismatch stays (the generator
 * draws at least 5 refs, fast-check alone never goes below).
 */
export async function shrinkSite(hugo: string, seed: number, index: number, focus: string | undefined, budgetMs: number): Promise<SiteResult | undefined> {
  let builds = 0;
  const failing = async (spec: SiteSpec): Promise<SiteResult | undefined> => {
    builds++;
    const result = await evaluate(hugo, buildSite(spec));
    return focused(result.mismatches, focus).length > 0 ? result : undefined;
  };
  const started = Date.now();
  const details = await fc.check(
    fc.asyncProperty(siteSpecs, async (spec) => (await failing(spec)) === undefined),
    { seed: siteSeed(seed, index), numRuns: 1, interruptAfterTimeLimit: budgetMs },
  );
  if (!details.failed || !details.counterexample) return undefined;
  let [spec] = details.counterexample;
  let result = await failing(spec);
  for (let progress = true; progress && result && Date.now() - started < 2 * budgetMs; ) {
    progress = false;
    for (const smaller of smallerSpecs(spec)) {
      const r = await failing(smaller);
      if (r) {
        spec = smaller;
        result = r;
        progress = true;
        break;
      }
    }
  }
  process.stdout.write(`    shrunk site ${index} in ${builds} Hugo builds${details.interrupted ? ' (time budget reached)' : ''}\n`);
  return result;
}

export type FixtureOrigin = { readonly seed: number; readonly index: number; readonly focus?: string } | { readonly example: string };

export function toFixture(result: SiteResult, hugoVersion: string, origin: FixtureOrigin): DifferentialFixture {
  const ids = new Set(result.hugo.keys());
  const refs = result.site.refs.filter((r) => ids.has(r.id));
  const record = (m: ReadonlyMap<number, Verdict>) => Object.fromEntries([...m].map(([id, v]) => [String(id), v]));
  const source =
    'example' in origin
      ? { example: origin.example, replay: `npx mocha --no-config --require tsx/cjs --timeout 600000 test/differential/sites.test.ts --grep "hand-written"` }
      : { seed: origin.seed, index: origin.index, replay: replayCommand(origin.seed, origin.index) };
  return { hugoVersion, ...source, resolver: RESOLVER, site: { ...result.site, refs }, hugo: record(result.hugo), medguide: record(result.medguide) };
}

/** Writes the fixture as `seed-<seed>-site-<index>[-<focus>].json` or `example-<name>.json`; returns the path. */
export function writeFixture(fixture: DifferentialFixture, focus?: string): string {
  mkdirSync(FIXTURES, { recursive: true });
  const name = fixture.example !== undefined ? `example-${fixture.example}` : `seed-${fixture.seed}-site-${fixture.index}${focus ? `-${focus}` : ''}`;
  const file = join(FIXTURES, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  return file;
}

export function readFixtures(): { file: string; fixture: DifferentialFixture }[] {
  let names: string[];
  try {
    names = readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ file: join(FIXTURES, name), fixture: JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as DifferentialFixture }));
}

/** A mismatch as text: the site's content files, the ref, both verdicts. */
export function describeMismatch(m: Mismatch, site: GeneratedSite, withFiles = true): string {
  const call = `${m.ref.shortcode} "${m.ref.path}"${m.ref.lang ? ` lang=${m.ref.lang}` : ''}${m.ref.outputFormat ? ` outputFormat=${m.ref.outputFormat}` : ''}`;
  const lines = [`ref ${m.ref.id} in ${m.ref.page} [${m.ref.pageLang}]: ${call}`, `  hugo:     ${showVerdict(m.hugo)}`, `  medguide: ${showVerdict(m.medguide)}`, `  tags: ${m.ref.tags.join(' ')}`];
  if (withFiles) {
    lines.push(`  site: ${site.summary}`);
    for (const [path, text] of Object.entries(site.files)) {
      if (path.startsWith('layouts/')) continue;
      lines.push(`  --- ${path}`, ...text.trimEnd().split('\n').map((l) => `  | ${l}`));
    }
  }
  return lines.join('\n');
}

/** Counts per tag: refs compared, mismatches, and mismatches by "hugo → medguide" kind. */
export function summarize(results: readonly SiteResult[]): string {
  const perTag = new Map<string, { compared: number; mismatched: number; kinds: Map<string, number> }>();
  const kindsOf = (v: Verdict) => (v.kind === 'found' ? 'found' : v.kind);
  for (const r of results) {
    const bad = new Map(r.mismatches.map((m) => [m.ref.id, m]));
    for (const ref of r.site.refs) {
      if (!r.hugo.has(ref.id)) continue;
      for (const tag of ref.tags) {
        const t = perTag.get(tag) ?? { compared: 0, mismatched: 0, kinds: new Map<string, number>() };
        perTag.set(tag, t);
        t.compared++;
        const m = bad.get(ref.id);
        if (m) {
          t.mismatched++;
          const sameKind = m.hugo.kind === 'found' && m.medguide.kind === 'found';
          const key = sameKind ? (m.hugo.file !== m.medguide.file ? 'found→other file' : 'found→other lang') : `${kindsOf(m.hugo)}→${kindsOf(m.medguide)}`;
          t.kinds.set(key, (t.kinds.get(key) ?? 0) + 1);
        }
      }
    }
  }
  const rows = [...perTag].sort((a, b) => b[1].mismatched - a[1].mismatched || a[0].localeCompare(b[0]));
  return rows
    .map(([tag, t]) => {
      const kinds = [...t.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
      return `  ${tag.padEnd(20)} ${String(t.mismatched).padStart(5)} / ${String(t.compared).padEnd(5)} ${kinds}`;
    })
    .join('\n');
}

/**
 * Mismatches by the step of Hugo's lookup that decided (reference.ts `Rule`) and by the shape of
 * the two answers, with counts of refs compared per rule.
 */
export function summarizeByRule(results: readonly SiteResult[]): string {
  const rows = new Map<string, { compared: number; mismatched: number; kinds: Map<string, number> }>();
  for (const r of results) {
    const bad = new Map(r.mismatches.map((m) => [m.ref.id, m]));
    for (const [id, ref] of r.reference) {
      const row = rows.get(ref.rule) ?? { compared: 0, mismatched: 0, kinds: new Map<string, number>() };
      rows.set(ref.rule, row);
      row.compared++;
      const m = bad.get(id);
      if (!m) continue;
      row.mismatched++;
      const both = m.hugo.kind === 'found' && m.medguide.kind === 'found';
      const key = both ? (m.hugo.file !== m.medguide.file ? 'found→other file' : 'found→other lang') : `${m.hugo.kind}→${m.medguide.kind}`;
      row.kinds.set(key, (row.kinds.get(key) ?? 0) + 1);
    }
  }
  return [...rows]
    .sort((a, b) => b[1].mismatched - a[1].mismatched || a[0].localeCompare(b[0]))
    .map(([rule, t]) => `  ${rule.padEnd(20)} ${String(t.mismatched).padStart(5)} / ${String(t.compared).padEnd(5)} ${[...t.kinds].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`)
    .join('\n');
}
