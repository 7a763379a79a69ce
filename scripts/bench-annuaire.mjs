#!/usr/bin/env node
// The Annuaire Santé rows of `npm run bench` (also runnable alone: `node scripts/bench-annuaire.mjs [--quick]`).
// On a generated 536,000-line extract of INVENTED people (test/support/annuaireExtract.ts), written in
// a temporary folder, never in the repository:
//   building the index from the zip         vs  the floor: unzip + decode + split every line into fields
//   loading the saved index back            vs  reading the index file's bytes
//   search latency per keystroke (median, p95) over realistic typed prefixes
//                                           vs  the same queries by a scan of every entry (no index)
//   memory of the loaded index (heap + array buffers after gc)
//                                           vs  the extract's text alone as a JavaScript string
// Each phase runs in its own Node process with --expose-gc, so one phase's garbage does not weigh on the next.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ANNUAIRE_LINES = 536_000;

/** Typed by an author looking for someone: every prefix of each is one keystroke's search. */
export const TYPED_QUERIES = ['martin cardio 69', 'ch test nantes urgences', 'dupont jean', 'infirmier lyon', 'pharmacien 13', 'pediatrie 44', 'lefevre marseille', 'kalomi', 'garcia anne 31', 'masseur saint etienne'];

const CHILD = String.raw`
const fs = require('node:fs');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const m = require(process.argv[2]);
const [phase, dir, linesArg, quickArg] = process.argv.slice(3);
const N = Number(linesArg);
const QUICK = quickArg === '1';
const median = (v) => { const s = [...v].sort((a, b) => a - b); const h = s.length >> 1; return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2; };
const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const mem = () => { global.gc(); global.gc(); const u = process.memoryUsage(); return u.heapUsed + u.arrayBuffers; };
const out = {};
(async () => {
  const zipFile = join(dir, 'Extraction_Correspondance_MSSante_202612010400.zip');
  const txtFile = join(dir, 'Extraction_Correspondance_MSSante_202612010400.txt');
  const indexFile = join(dir, 'index.mgindex');
  if (phase === 'generate') {
    const people = m.people(N, 2026);
    const parts = [m.HEADER];
    for (const p of people) parts.push(m.line(p));
    const text = parts.join('\r\n') + '\r\n';
    fs.writeFileSync(txtFile, text);
    fs.writeFileSync(zipFile, m.zipExtract(text, '202612010400'));
    out.bytes = Buffer.byteLength(text);
    out.zipBytes = fs.statSync(zipFile).size;
  } else if (phase === 'build') {
    const zip = new Uint8Array(fs.readFileSync(zipFile));
    const runs = QUICK ? 1 : 3;
    const builds = [];
    const floors = [];
    let index;
    for (let r = 0; r < runs; r++) {
      global.gc();
      let t0 = performance.now();
      let fields = 0;
      const decoder = new TextDecoder();
      let rest = '';
      for (const chunk of m.unzipText(zip)) {
        const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
        rest = lines.pop();
        for (const l of lines) fields += l.split('|').length;
      }
      floors.push(performance.now() - t0);
      out.floorFields = fields;
      index = undefined;
      global.gc();
      t0 = performance.now();
      index = await m.readExtract(zip, { name: 'Extraction_Correspondance_MSSante_202612010400.zip' });
      builds.push(performance.now() - t0);
    }
    const t0 = performance.now();
    const bytes = index.serialize();
    out.serializeMs = performance.now() - t0;
    fs.writeFileSync(indexFile, bytes);
    out.buildMs = median(builds);
    out.floorMs = median(floors);
    out.indexBytes = bytes.length;
    out.entries = index.size;
    out.report = index.meta.report;
    out.duplicates = index.meta.duplicates;
  } else if (phase === 'load') {
    const runs = QUICK ? 3 : 7;
    const loads = [];
    const reads = [];
    for (let r = 0; r < runs; r++) {
      global.gc();
      let t0 = performance.now();
      fs.readFileSync(indexFile);
      reads.push(performance.now() - t0);
      global.gc();
      t0 = performance.now();
      m.AnnuaireIndex.load(fs.readFileSync(indexFile));
      loads.push(performance.now() - t0);
    }
    out.loadMs = median(loads);
    out.readMs = median(reads);
    // Memory: the loaded index, everything else collected.
    const before = mem();
    let index = m.AnnuaireIndex.load(fs.readFileSync(indexFile));
    const after = mem();
    out.indexMemory = after - before;
    // Search, keystroke by keystroke.
    const queries = JSON.parse(process.argv[7]);
    const prefixes = queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((p) => !p.endsWith(' ')));
    for (const p of prefixes) index.search(p, 50); // warm-up
    const times = [];
    let results = 0;
    for (let rep = 0; rep < (QUICK ? 2 : 5); rep++) {
      for (const p of prefixes) {
        const t0 = performance.now();
        const r = index.search(p, 50);
        times.push(performance.now() - t0);
        results += r.entries.length;
      }
    }
    out.keystrokes = prefixes.length;
    out.searchMedian = median(times);
    out.searchP95 = p95(times);
    out.searchMax = Math.max(...times);
    out.results = results;
    out.full = Object.fromEntries(queries.map((q) => [q, index.search(q, 50).total]));
    // The baseline: the same keystrokes by a scan of every entry's folded text (no index).
    const texts = [];
    for (let id = 0; id < index.size; id++) {
      const e = index.entry(id);
      texts.push(' ' + m.fold([e.nom, e.prenom, e.profession, e.savoirFaire, e.service, e.organisation, e.enseigne, e.city, e.postalCode, e.departement].join(' ')).replace(/[^a-z0-9]+/g, ' '));
    }
    const scans = [];
    for (const p of prefixes) {
      const words = m.queryWords(p).map((w) => ' ' + w);
      const t0 = performance.now();
      let n = 0;
      for (const t of texts) if (words.every((w) => t.includes(w))) n++;
      scans.push(performance.now() - t0);
      results += n;
    }
    out.scanMedian = median(scans);
    out.scanP95 = p95(scans);
    index = undefined;
  } else if (phase === 'text') {
    // The baseline of memory: the extract's text alone, decoded into one string.
    const before = mem();
    let text = fs.readFileSync(txtFile, 'utf8');
    const after = mem();
    out.textMemory = after - before;
    out.textLength = text.length;
    text = undefined;
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

/**
 * Runs the phases and adds the rows through `row` (bench.mjs's), or returns them when run alone.
 * Returns notes for the report.
 */
export async function benchAnnuaire({ scratch, quick = false, log = (t) => process.stderr.write(`[bench] ${t}\n`), row }) {
  const dir = mkdtempSync(join(scratch, 'annuaire-'));
  const lib = join(dir, 'annuaire-lib.cjs');
  await esbuild.build({
    stdin: {
      contents: "export * from './src/core/annuaire'; export { people, line, HEADER, zipExtract } from './test/support/annuaireExtract';",
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-annuaire.ts',
    },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outfile: lib,
    logLevel: 'warning',
  });
  const child = join(dir, 'child.cjs');
  writeFileSync(child, CHILD);
  const phase = (name) => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', child, lib, name, dir, String(ANNUAIRE_LINES), quick ? '1' : '0', JSON.stringify(TYPED_QUERIES)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`annuaire bench, phase ${name}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  log(`Annuaire Santé: generating a ${ANNUAIRE_LINES.toLocaleString('en')}-line extract of invented people…`);
  const gen = phase('generate');
  log('Annuaire Santé: building the index…');
  const build = phase('build');
  log('Annuaire Santé: loading it back, searching keystroke by keystroke, memory…');
  const load = phase('load');
  const text = phase('text');
  rmSync(dir, { recursive: true, force: true });
  const MB = 1024 * 1024;
  const rows = [
    {
      group: 'annuaire',
      figure: `Annuaire Santé: build the index from the zip, ${ANNUAIRE_LINES.toLocaleString('en')} lines (${(gen.bytes / 1e6).toFixed(0)} MB of text, ${(gen.zipBytes / 1e6).toFixed(1)} MB zipped)`,
      value: build.buildMs / 1000,
      unit: 's',
      baseline: build.floorMs / 1000,
      baselineLabel: 'unzip + decode + split every line into fields (fflate, same process)',
      max: 10,
      budget: '< 10 s',
      note: `${build.entries.toLocaleString('en')} entries, ${build.report.broken} broken line(s), ${build.duplicates} duplicate(s); saved index ${(build.indexBytes / MB).toFixed(1)} MB, written in ${build.serializeMs.toFixed(0)} ms`,
    },
    {
      group: 'annuaire',
      figure: 'Annuaire Santé: load the saved index',
      value: load.loadMs,
      unit: 'ms',
      baseline: load.readMs,
      baselineLabel: 'reading the index file alone',
      max: 1000,
      budget: '< 1 s',
    },
    {
      group: 'annuaire',
      figure: `Annuaire Santé: search per keystroke, median (${load.keystrokes} keystrokes of ${TYPED_QUERIES.length} typed queries)`,
      value: load.searchMedian,
      unit: 'ms',
      baseline: load.scanMedian,
      baselineLabel: 'the same queries by a scan of every entry (no index)',
      max: 30,
      budget: '< 30 ms',
    },
    {
      group: 'annuaire',
      figure: 'Annuaire Santé: search per keystroke, 95th percentile',
      value: load.searchP95,
      unit: 'ms',
      baseline: load.scanP95,
      baselineLabel: 'the same queries by a scan of every entry (no index)',
      max: 30,
      budget: '< 30 ms',
      note: `slowest keystroke ${load.searchMax.toFixed(1)} ms; matches of the full queries: ${Object.entries(load.full).map(([q, n]) => `"${q}" ${n}`).join(', ')}`,
    },
    {
      group: 'annuaire',
      figure: 'Annuaire Santé: memory of the loaded index (heap + array buffers, after gc)',
      value: load.indexMemory / MB,
      unit: 'MB',
      baseline: text.textMemory / MB,
      baselineLabel: "the extract's text alone, as one JavaScript string",
      max: 200,
      budget: '< 200 MB',
    },
  ];
  for (const r of rows) row(r);
  return rows;
}

// Alone: the rows as JSON and a short table.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scratch = mkdtempSync(join(os.tmpdir(), 'medguide-bench-annuaire-'));
  try {
    const rows = [];
    await benchAnnuaire({ scratch, quick: process.argv.includes('--quick'), row: (r) => rows.push(r) });
    for (const r of rows) {
      const v = r.unit === 's' ? `${r.value.toFixed(2)} s` : r.unit === 'MB' ? `${r.value.toFixed(0)} MB` : `${r.value.toFixed(2)} ms`;
      const b = r.unit === 's' ? `${r.baseline.toFixed(2)} s` : r.unit === 'MB' ? `${r.baseline.toFixed(0)} MB` : `${r.baseline.toFixed(2)} ms`;
      process.stdout.write(`| ${r.figure} | ${v} | ${b} (${r.baselineLabel}) | ${(r.value / r.baseline).toFixed(2)}× | ${r.budget} | ${r.value < r.max ? 'pass' : 'OVER'} |\n`);
      if (r.note) process.stdout.write(`  - ${r.note}\n`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
