#!/usr/bin/env node
// `npm run bench [-- --quick] [--no-vscode] [--preview-only]`: MedGuide's performance figures, each measured in the
// same run as a baseline, printed as a table and written to test-results/bench.json. A report,
// never a pass/fail gate: no test asserts timings.
//   1. one page through checkPage / validatePage      vs  smol-toml parsing the same front matter (the floor)
//   2. `medguide check` on a 2,000-page site           vs  markdownlint-cli2 on the same files, and vs
//                                                         the floor: read every page, parse its front matter (smol-toml);
//                                                         and both again in a process that has already run them (warm)
//   3. markdown-it + MedGuide's plugin (the preview)   vs  the same markdown-it without it
//   4. production bundle sizes                         vs  the dependencies' share of the same bundle
//      activation in a real VS Code (code-server)      vs  VS Code's own Markdown extension
//   5. the Annuaire Santé index on a generated 536,000-line extract (scripts/bench-annuaire.mjs): build, load,
//      search per keystroke, memory                  vs  unzip + split, reading the file, a scan without index, the text alone
// In-process figures: medians of several timed batches after a warm-up, subject and baseline
// interleaved. Process and VS Code figures: medians of a few runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { BIG_PAGE_KEYS, bigPage, frontMatterOf } from './bench-pages.mjs';
import { benchAnnuaire } from './bench-annuaire.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const NO_VSCODE = args.includes('--no-vscode');
// Only the preview rows: markdown-it with and without the plugin in process, and in VS Code.
const PREVIEW_ONLY = args.includes('--preview-only');
const require = createRequire(import.meta.url);

const REPS = QUICK ? 5 : 15;
const WARM_MS = QUICK ? 250 : 500;
const BATCH_MS = QUICK ? 10 : 25;
const PROCESS_RUNS = QUICK ? 1 : 3;
const VSCODE_RUNS = QUICK ? 1 : 3;
const SITE_PAGES = 2000;
const LARGE_SITE_PAGES = 5000;
const EXAMPLE_PAGE = 'examples/guide-site/content/recommandations/hypertension-arterielle.md';
const MD_OPTIONS = { html: true, linkify: true, typographer: true }; // as VS Code's preview

const log = (text) => process.stderr.write(`[bench] ${text}\n`);
const scratch = mkdtempSync(join(os.tmpdir(), 'medguide-bench-'));

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function version(pkg) {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function runNode(script, scriptArgs, options = {}) {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { cwd: root, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  if (r.error) throw r.error;
  return r;
}

// ---------------------------------------------------------------------------------------------
// Timing in process

let sink = 0;
function perOp(fn, iterations) {
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) {
    const out = fn();
    sink += typeof out === 'string' ? out.length : Array.isArray(out) ? out.length : 1;
  }
  return (performance.now() - t0) / iterations;
}

/** Iterations per batch so that one batch lasts at least `batchMs`. */
function calibrate(fn, batchMs = BATCH_MS) {
  let n = 1;
  for (;;) {
    const total = perOp(fn, n) * n;
    if (total >= batchMs || n >= 1_000_000) return n;
    n = Math.max(n + 1, Math.ceil((n * batchMs * 1.2) / Math.max(total, 0.001)));
  }
}

function warm(fn) {
  const until = performance.now() + WARM_MS;
  do perOp(fn, 1);
  while (performance.now() < until);
}

/**
 * Median ms per operation of `subject` and `baseline`, batches interleaved so drift hits both.
 * `ratio` is the median of the ratios of batches run side by side: a garbage collection or a
 * neighbour's load that lands on one batch moves one pair, not the figure (what matters for
 * operations of ~100 ms, where a batch is a single run).
 */
function compare(subject, baseline, { batchMs = BATCH_MS, reps = REPS } = {}) {
  warm(subject);
  warm(baseline);
  const ns = calibrate(subject, batchMs);
  const nb = calibrate(baseline, batchMs);
  const s = [];
  const b = [];
  for (let r = 0; r < reps; r++) {
    if (r % 2) {
      s.push(perOp(subject, ns));
      b.push(perOp(baseline, nb));
    } else {
      b.push(perOp(baseline, nb));
      s.push(perOp(subject, ns));
    }
  }
  return { value: median(s), baseline: median(b), ratio: median(s.map((v, i) => v / b[i])) };
}

// ---------------------------------------------------------------------------------------------
// Inputs

/** A Hugo site of `count` pages made from the example site's pages, in 20 sections. */
function makeSite(count, name = 'site', mark = '') {
  const dir = join(scratch, name);
  const content = join(root, 'examples/guide-site/content');
  const sources = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && e.name !== '_index.md') sources.push(readFileSync(p, 'utf8'));
    }
  };
  walk(content);
  mkdirSync(join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'hugo.toml'), readFileSync(join(root, 'examples/guide-site/hugo.toml')));
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const section = join(dir, 'content', `section-${String(i % 20).padStart(2, '0')}`);
    if (i < 20) mkdirSync(section);
    const page = sources[i % sources.length].replace(/^title = "(.*)"$/m, (_m, t) => `title = "${t} (${i})${mark}"`);
    writeFileSync(join(section, `page-${String(i).padStart(4, '0')}.md`), page);
    bytes += Buffer.byteLength(page);
  }
  return { dir, bytes };
}

// ---------------------------------------------------------------------------------------------
// Builds

function build(only, production) {
  const r = runNode(join(root, 'scripts/build.mjs'), [...(production ? ['--production'] : []), `--only=${only}`]);
  if (r.status !== 0) throw new Error(`build ${only} failed:\n${r.stderr}`);
}

/** The core, markdown-it and smol-toml in one minified bundle, as they ship, loaded in this process. */
async function loadCore() {
  const contents = `
    export { checkPage } from './src/core/check';
    export { validatePage } from './src/core/frontmatter';
    export { medguidePlugin } from './src/core/markdown';
    export { parse as parseToml } from 'smol-toml';
    export { default as MarkdownIt } from 'markdown-it';
    export { useAttributes } from './src/core/markdown/attrs';
    export { default as deflist } from 'markdown-it-deflist';
    export { default as mark } from 'markdown-it-mark';
    export { default as sub } from 'markdown-it-sub';
    export { default as sup } from 'markdown-it-sup';
  `;
  const outfile = join(scratch, 'core.cjs');
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  return require(outfile);
}

/** Bytes of the dependencies (node_modules) inside the same production bundle, from esbuild's metafile. */
async function dependencyBytes(platform) {
  const result = await esbuild.build({
    entryPoints: [join(root, 'src/extension/main.ts')],
    bundle: true,
    minify: true,
    platform,
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: join(scratch, `size-${platform}.js`),
    logLevel: 'warning',
    ...(platform === 'browser' ? { mainFields: ['browser', 'module', 'main'], define: { 'process.env.NODE_ENV': '"production"' } } : {}),
  });
  const [output] = Object.values(result.metafile.outputs);
  let deps = 0;
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) if (input.includes('node_modules/')) deps += bytesInOutput;
  return deps;
}

// ---------------------------------------------------------------------------------------------
// Rows

const rows = [];
function row(r) {
  const ratio = r.ratio ?? (r.baseline ? r.value / r.baseline : null);
  const checks = [];
  if (r.max !== undefined) checks.push(r.value < r.max);
  if (r.maxRatio !== undefined && ratio !== null) checks.push(ratio <= r.maxRatio);
  rows.push({ ...r, ratio, pass: checks.length ? checks.every(Boolean) : null });
}

async function benchPages(core, example, big) {
  const options = { lang: 'fr', today: '2026-06-01' };
  const pages = [
    ['example page (4 KB)', example, 0.5],
    [`generated page (1 MB, ${BIG_PAGE_KEYS} keys)`, big, 20],
  ];
  for (const [label, text, max] of pages) {
    const fm = frontMatterOf(text);
    const floor = () => core.parseToml(fm);
    const diagnostics = core.validatePage(text, options);
    for (const [name, fn] of [
      ['checkPage', () => core.checkPage(text, options)],
      ['validatePage', () => core.validatePage(text, options)],
    ]) {
      log(`${name} on the ${label}…`);
      const m = compare(fn, floor);
      row({
        group: 'validation',
        figure: `${name}, ${label}`,
        value: m.value,
        unit: 'ms',
        baseline: m.baseline,
        baselineLabel: 'smol-toml parse of its front matter',
        max,
        budget: `< ${max} ms`,
        note: name === 'validatePage' ? `${diagnostics.length} diagnostics` : undefined,
      });
    }
  }
}

/** A site-wide row against the floor: process times in ms, the goal 3× the floor (issue 11). */
function floorRow(figure, ms, floorMs, note) {
  row({
    group: 'cli',
    figure,
    value: median(ms) / 1000,
    unit: 's',
    baseline: median(floorMs) / 1000,
    baselineLabel: 'read every page + smol-toml parse of its front matter (one Node process)',
    maxRatio: 3,
    budget: '≤ 3× the floor',
    note,
  });
}

/**
 * The floor of the site-wide rows: a Node process that reads every page under `content/` and
 * parses its front matter with smol-toml, nothing else. Written once, run from the site folder.
 */
function writeFloorScript() {
  const floorScript = join(scratch, 'floor.mjs');
  writeFileSync(
    floorScript,
    `import { readdirSync, readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nimport { parse } from ${JSON.stringify(require.resolve('smol-toml'))};\n` +
      `let n = 0;\nconst walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith('.md')) { const t = readFileSync(p, 'utf8'); const m = /^\\+\\+\\+\\r?\\n([\\s\\S]*?)^\\+\\+\\+/m.exec(t); if (m) parse(m[1]); n++; } } };\n` +
      `walk('content');\nprocess.stderr.write(n + ' pages read\\n');\n`,
  );
  return floorScript;
}

/**
 * What `medguide` runs (`npx medguide`, the npm package's command): the launcher in front of
 * dist/cli.js, which turns on Node's compile cache where Node has one (22.1 and later).
 */
const CLI_LAUNCHER = join(root, 'packages/cli/bin/medguide.js');

/**
 * One untimed run of each process before the timed ones: the pages in the file cache for both, and
 * under Node 22.1+ the command line's compiled code in Node's compile cache, as from a user's second run on.
 */
function warmUp(time, cli, cliArgs, floorScript) {
  log('warm-up run (not timed)…');
  time(cli, cliArgs);
  time(floorScript, []);
}

/** One Node process run in `cwd`, timed from spawn to exit. */
function timeProcess(cwd, script, scriptArgs) {
  const t0 = performance.now();
  const r = runNode(script, scriptArgs, { cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { ms: performance.now() - t0, r };
}

function benchCli() {
  log(`generating a site of ${SITE_PAGES} pages…`);
  const site = makeSite(SITE_PAGES);
  const cli = CLI_LAUNCHER;
  const lint = realpathSync(join(root, 'node_modules/.bin/markdownlint-cli2'));
  const cliBuild = readFileSync(join(root, 'packages/cli/dist/cli.js'), 'utf8').includes('//# sourceMappingURL=') ? 'development' : 'production';
  const ours = [];
  const theirs = [];
  const floors = [];
  const files = { medguide: undefined, markdownlint: undefined };
  const floorScript = writeFloorScript();
  const time = (script, scriptArgs) => timeProcess(site.dir, script, scriptArgs);
  warmUp(time, cli, ['check', '--lang', 'en'], floorScript);
  for (let i = 0; i < PROCESS_RUNS; i++) {
    log(`medguide check / markdownlint-cli2, run ${i + 1} of ${PROCESS_RUNS}…`);
    const a = time(cli, ['check', '--lang', 'en']);
    if (a.r.status === 2) throw new Error(`medguide check failed:\n${a.r.stderr}`);
    files.medguide = Number(/(\d+) file\(s\) checked/.exec(a.r.stderr)?.[1]);
    ours.push(a.ms);
    const f = time(floorScript, []);
    if (f.r.status !== 0) throw new Error(`the floor script failed:\n${f.r.stderr}`);
    floors.push(f.ms);
    const b = time(lint, ['content/**/*.md']);
    if (b.r.status !== 0 && b.r.status !== 1) throw new Error(`markdownlint-cli2 failed:\n${b.r.stderr}`);
    files.markdownlint = Number(/Linting: (\d+) file/.exec(b.r.stdout)?.[1]);
    theirs.push(b.ms);
  }
  row({
    group: 'cli',
    figure: `medguide check, ${SITE_PAGES} pages (${(site.bytes / 1e6).toFixed(1)} MB)`,
    value: median(ours) / 1000,
    unit: 's',
    baseline: median(theirs) / 1000,
    baselineLabel: 'markdownlint-cli2 on the same files',
    max: 2,
    maxRatio: 1 / 3,
    budget: '< 2 s and ≤ 0.33×',
    note: `files checked: medguide ${files.medguide}, markdownlint-cli2 ${files.markdownlint} (default rules); ${PROCESS_RUNS} run(s); ${cliBuild} build of packages/cli/dist/cli.js`,
  });
  floorRow(`medguide check, ${SITE_PAGES} pages, against the floor`, ours, floors, 'the site model (Hugo config, content files, page maps) and every check included');
}

/** Runs of each warm process: the last WARM_TIMED are timed, the ones before only warm it up. */
const WARM_RUNS = QUICK ? 3 : 5;
const WARM_TIMED = QUICK ? 1 : 3;

/**
 * `medguide check` and the floor in a process that has already run them: what is left of the
 * process rows once Node's start, loading the code and V8's warm-up are paid (as in the editor's
 * long-lived extension host). Each run reads another copy of the 2,000-page site, its titles
 * changed, so nothing kept per text (parsed front matter, scans) is found again from a run before.
 * Each side in a Node process of its own (scripts/bench-warm.cjs): the command line's `main` from
 * packages/cli/dist/cli.js with a silent terminal, the floor's reading and parsing as in the floor script.
 */
function benchCliWarm() {
  log(`generating ${WARM_RUNS} copies of the ${SITE_PAGES}-page site for the warm runs…`);
  const dirs = Array.from({ length: WARM_RUNS }, (_, i) => makeSite(SITE_PAGES, `warm-site-${i}`, i === 0 ? '' : ` [${i}]`).dir);
  const run = (which) => {
    log(`${which === 'floor' ? 'the floor' : 'medguide check'}, ${WARM_RUNS} runs in one process…`);
    const r = runNode(join(root, 'scripts/bench-warm.cjs'), [which, ...dirs]);
    if (r.status !== 0) throw new Error(`the warm ${which} runs failed:\n${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const ours = run('check');
  const floors = run('floor');
  const timed = (list) => list.slice(-WARM_TIMED).map((x) => x.ms);
  row({
    group: 'cli',
    figure: `medguide check, ${SITE_PAGES} pages, in a warm process, against the floor`,
    value: median(timed(ours)) / 1000,
    unit: 's',
    baseline: median(timed(floors)) / 1000,
    baselineLabel: 'the floor in a warm process (read every page + smol-toml parse of its front matter)',
    note:
      `runs ${WARM_RUNS - WARM_TIMED + 1}–${WARM_RUNS} of ${WARM_RUNS} in one process, each on another copy of the site (median); ` +
      `first runs: medguide ${(ours[0].ms / 1000).toFixed(2)} s, floor ${(floors[0].ms / 1000).toFixed(2)} s; ` +
      `${ours[ours.length - 1].n} problems printed, ${floors[floors.length - 1].n} pages read by the floor; a report, no goal`,
  });
}

/**
 * `medguide health` (the guide health report: every page's front matter, text, refs and anchors)
 * on the 2,000-page site, against the same floor as `medguide check`: one Node process that reads
 * every page and parses its front matter.
 */
function benchHealth() {
  log(`generating a site of ${SITE_PAGES} pages for medguide health…`);
  const site = makeSite(SITE_PAGES, 'health-site');
  const cli = CLI_LAUNCHER;
  const floorScript = writeFloorScript();
  const time = (script, scriptArgs) => timeProcess(site.dir, script, scriptArgs);
  warmUp(time, cli, ['health', '--lang', 'en'], floorScript);
  const ours = [];
  const floors = [];
  let pages;
  let outdated;
  for (let i = 0; i < PROCESS_RUNS; i++) {
    log(`medguide health / floor, run ${i + 1} of ${PROCESS_RUNS}…`);
    const a = time(cli, ['health', '--format', 'json', '--lang', 'en', '--today', '2026-06-01']);
    if (a.r.status !== 0) throw new Error(`medguide health failed (${a.r.status}):\n${a.r.stderr}`);
    const report = JSON.parse(a.r.stdout);
    pages = report.totals.pages;
    outdated = report.totals.outdated;
    ours.push(a.ms);
    const f = time(floorScript, []);
    if (f.r.status !== 0) throw new Error(`the floor script failed:\n${f.r.stderr}`);
    floors.push(f.ms);
  }
  const check = rows.find((r) => r.figure === `medguide check, ${SITE_PAGES} pages, against the floor`);
  const checkRatio = check?.ratio ? `${check.ratio.toFixed(2)}× the floor` : undefined;
  floorRow(
    `medguide health, ${SITE_PAGES} pages, against the floor`,
    ours,
    floors,
    `pages in the report: ${pages} (${outdated} out of date); every ref resolved with the site model, anchors, markers, patient identifiers; JSON output; ${PROCESS_RUNS} run(s)${checkRatio ? `; medguide check on the same pages: ${checkRatio}` : ''}`,
  );
}

/**
 * Inference of the site's conventions (src/core/conventions) over the 2,000-page site, in process:
 * `inferRules` on every page's front matter, against the floor of reading every page and parsing
 * its front matter (the site model does that anyway, and caches it; inference only adds its pass).
 */
async function benchConventions() {
  log(`inferring the conventions of ${SITE_PAGES} pages…`);
  const site = makeSite(SITE_PAGES, 'conventions-site');
  const outfile = join(scratch, 'conventions.cjs');
  await esbuild.build({
    stdin: { contents: "export { inferRules } from './src/core/conventions'; export { readFrontMatter } from './src/core/site/pageFacts';", resolveDir: root, loader: 'ts', sourcefile: 'bench-conventions.ts' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  const { inferRules, readFrontMatter } = require(outfile);
  const files = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else if (e.name.endsWith('.md')) files.push({ file: p, path: `${rel}${e.name}` });
    }
  };
  walk(join(site.dir, 'content'), '');
  const read = () =>
    files.map((f) => {
      const fm = readFrontMatter(readFileSync(f.file, 'utf8'));
      return { sitePath: `content/${f.path}`, path: f.path, role: 'page', data: fm.data, names: fm.names };
    });
  const pages = read();
  const floors = [];
  const ours = [];
  let inferred;
  for (let i = 0; i < REPS; i++) {
    let t0 = performance.now();
    read();
    floors.push(performance.now() - t0);
    t0 = performance.now();
    inferred = inferRules(pages);
    ours.push(performance.now() - t0);
  }
  row({
    group: 'validation',
    figure: `inferRules (site conventions), ${SITE_PAGES} pages`,
    value: median(ours),
    unit: 'ms',
    baseline: median(floors),
    baselineLabel: 'read every page + parse its front matter (in process)',
    maxRatio: 0.5,
    budget: '≤ ½ the floor',
    note: `${inferred.keys.size} keys, ${inferred.sections.length} section rule sets, ${inferred.typos.length} typo(s); ${REPS} runs`,
  });
}

function benchPreview(core, example, big) {
  const pageIndex = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.md')) pageIndex.push(`${rel}${e.name}`);
    }
  };
  walk(join(root, 'examples/guide-site/content'), '');
  const plain = new core.MarkdownIt(MD_OPTIONS);
  const ours = new core.MarkdownIt(MD_OPTIONS).use(core.medguidePlugin, {
    getOptions: () => ({ lang: 'fr' }),
    getPageIndex: () => pageIndex,
    getCurrentPage: () => 'recommandations/hypertension-arterielle.md',
  });
  // What the ecosystem plugins MedGuide loads cost alone, to tell their share from our rules'.
  const ecosystem = new core.MarkdownIt(MD_OPTIONS).use(core.deflist).use(core.mark).use(core.sub).use(core.sup);
  core.useAttributes(ecosystem);
  // The example page while its front matter is being typed: 64 versions with another title, rendered
  // in turn, so what MedGuide keeps while the front matter is unchanged (parsed front matter, card) is
  // made again at every render.
  const edited = Array.from({ length: 64 }, (_, i) => example.replace(/^title = "/m, `title = "${i} `));
  for (const [label, texts] of [
    ['example page (4 KB)', [example]],
    ['example page, front matter changed at every render', edited],
    ['generated page (1 MB)', [big]],
  ]) {
    log(`preview of the ${label}…`);
    // Longer batches and more of them than elsewhere: a 1 MB render is one ~100 ms run, which a
    // single garbage collection moves by a tenth.
    const steady = { batchMs: 200, reps: 21 };
    let i = 0;
    let j = 0;
    let k = 0;
    const m = compare(() => ours.render(texts[i++ % texts.length], {}), () => plain.render(texts[j++ % texts.length], {}), steady);
    const e = compare(() => ecosystem.render(texts[k++ % texts.length], {}), () => plain.render(texts[j++ % texts.length], {}), steady);
    row({
      group: 'preview',
      figure: `preview render, ${label}`,
      value: m.value,
      unit: 'ms',
      baseline: m.baseline,
      ratio: m.ratio,
      baselineLabel: 'markdown-it alone, same options',
      maxRatio: 1.3,
      budget: '≤ 1.3×',
      note: `markdown-it + only the plugins MedGuide loads (attrs, deflist, mark, sub, sup): ${e.ratio.toFixed(2)}× (${fmt(e.value, 'ms')} vs ${fmt(e.baseline, 'ms')})`,
    });
  }
}

/** Sizes are read right after the production build: another engineer's `npm test` may rebuild dist/ in development mode. */
function productionSize(file) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes('//# sourceMappingURL=')) return Buffer.byteLength(text);
    log(`${file} is a development build (rebuilt meanwhile?): building it again`);
    build('extension,web', true);
  }
  throw new Error(`${file}: could not read a production build`);
}

async function benchBundles(sizes) {
  log('bundle sizes…');
  for (const [label, file, platform, max] of [
    ['dist/extension.js (desktop)', 'dist/extension.js', 'node', 300],
    ['dist/web/extension.js (browser)', 'dist/web/extension.js', 'browser', undefined],
  ]) {
    const size = sizes[file] / 1024;
    const deps = (await dependencyBytes(platform)) / 1024;
    row({
      group: 'extension',
      figure: label,
      value: size,
      unit: 'KB',
      baseline: deps,
      baselineLabel: 'its dependencies alone (markdown-it & plugins, smol-toml, zod)',
      max,
      budget: max ? `< ${max} KB` : '(reported)',
    });
  }
}

/**
 * One code-server run of the bench entry (test/integration/bench/index.ts) with the given
 * development extension: activation times, then markdown.api.render of the example page's text
 * and of the 1 MB page's.
 */
async function benchHost(runTests, makeWorkspace, extensionPath, label, bigFile) {
  const file = join(scratch, `${label}.json`);
  const workspace = makeWorkspace({ fixtures: false });
  try {
    const code = await runTests({
      vscodeExecutablePath: join(root, 'scripts/vscode-exec.mjs'),
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: join(root, 'out/test/integration/bench/index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: {
        MEDGUIDE_BENCH_FILE: file,
        MEDGUIDE_BENCH_PAGE: EXAMPLE_PAGE.replace(/^examples\/guide-site\//, ''),
        MEDGUIDE_BENCH_BIG_FILE: bigFile,
        MEDGUIDE_BENCH_SITE_PAGES: String(PREVIEW_ONLY ? 0 : LARGE_SITE_PAGES),
      },
    });
    if (code !== 0) log(`the VS Code run exited with ${code}`);
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    log(`the VS Code run failed: ${e?.message ?? e}`);
    return undefined;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * In a real VS Code: MedGuide's activation against the built-in Markdown extension's, and the
 * preview (markdown.api.render) with MedGuide installed against the same VS Code with a placeholder
 * extension instead (VS Code's own markdown-it and plugins only). Runs with and without MedGuide
 * alternate, and the preview ratio is the median of each pair's ratio, so a slower or faster
 * moment of the machine weighs on both sides.
 */
async function benchVsCode(big) {
  build('tests', false);
  const { runTests } = await import('@vscode/test-electron');
  const { makeWorkspace } = await import('./workspace.mjs');
  process.env.MEDGUIDE_TEST_TIMEOUT_MS ??= '180000';
  const bigFile = join(scratch, 'big-page.md');
  writeFileSync(bigFile, big);
  const placeholder = join(scratch, 'placeholder-extension');
  mkdirSync(placeholder, { recursive: true });
  writeFileSync(
    join(placeholder, 'package.json'),
    JSON.stringify({ name: 'bench-placeholder', publisher: 'medguide-bench', version: '0.0.0', engines: { vscode: '^1.100.0' } }),
  );
  const runs = [];
  const pairs = [];
  for (let i = 0; i < VSCODE_RUNS; i++) {
    log(`VS Code with MedGuide, run ${i + 1} of ${VSCODE_RUNS}…`);
    const withRun = await benchHost(runTests, makeWorkspace, root, `with-${i}`, bigFile);
    log(`VS Code without MedGuide, run ${i + 1} of ${VSCODE_RUNS}…`);
    const withoutRun = await benchHost(runTests, makeWorkspace, placeholder, `without-${i}`, bigFile);
    if (withRun) runs.push(withRun);
    if (withRun && withoutRun) pairs.push([withRun, withoutRun]);
  }
  benchPreviewInVsCode(pairs);
  if (!PREVIEW_ONLY) benchLargeSite(pairs);
  benchActivation(runs);
  return runs[0]?.vscodeVersion;
}

function benchActivation(runs) {
  const ours = runs.map((r) => r.medguide.ms).filter((v) => typeof v === 'number');
  const theirs = runs.map((r) => r.baseline.ms).filter((v) => typeof v === 'number');
  if (!ours.length) {
    row({ group: 'extension', figure: 'activation in VS Code', value: NaN, unit: 'ms', max: 50, budget: '< 50 ms', note: 'not measured (see the log above)' });
    return;
  }
  const notes = [`${ours.length} run(s)`];
  if (runs.some((r) => r.medguide.activeBefore)) notes.push('MedGuide was already active in some run: not counted');
  if (runs.some((r) => r.baseline.activeBefore)) notes.push('the Markdown extension was already active in some run: not counted');
  row({
    group: 'extension',
    figure: `activation in VS Code ${runs[0].vscodeVersion} (${runs[0].appName})`,
    value: median(ours),
    unit: 'ms',
    baseline: theirs.length ? median(theirs) : undefined,
    baselineLabel: 'activating VS Code’s built-in Markdown extension',
    max: 50,
    budget: '< 50 ms',
    note: notes.join('; '),
  });
}

/** The longest extension-host stall while a 5,000-page site appears, with and without MedGuide. */
function benchLargeSite(pairs) {
  const figure = `a ${LARGE_SITE_PAGES.toLocaleString('en')}-page site appears in the workspace: longest extension-host stall`;
  const measured = pairs.map(([w, wo]) => [w.largeSite, wo.largeSite]).filter(([w, wo]) => w && wo);
  if (!measured.length) {
    log(`the large-site figure is missing: ${JSON.stringify(pairs.map(([w, wo]) => [w.largeSite ?? w.largeSiteError, wo.largeSite ?? wo.largeSiteError]))}`);
    row({ group: 'extension', figure, value: NaN, unit: 'ms', budget: '(reported)', note: 'not measured (see the log above)' });
    return;
  }
  row({
    group: 'extension',
    figure,
    value: median(measured.map(([w]) => w.longestStallMs)),
    unit: 'ms',
    baseline: median(measured.map(([, wo]) => wo.longestStallMs)),
    baselineLabel: 'the same VS Code without MedGuide',
    budget: '(reported)',
    note: `${measured.length} pair(s) of runs; pages written by another process, then ${Math.round(measured[0][0].windowMs / 1000)} s watched with a 5 ms timer; by then MedGuide's index offered ${Math.min(...measured.map(([w]) => w.indexed))} of the ${LARGE_SITE_PAGES} pages as relref targets (it lists them and reads their front matter in the background, 16 at a time)`,
  });
}

function benchPreviewInVsCode(pairs) {
  // Reported beside the issue's figure (markdown-it with and without the plugin, in process, above):
  // here the baseline is VS Code's own markdown-it with its plugins, in the extension host's heap.
  const maxRatio = 1.3;
  for (const [key, label] of [
    ['example', 'example page'],
    ['exampleEdited', 'example page, its front matter changed at every render'],
    ['big', 'generated page (1 MB)'],
  ]) {
    const figure = `preview in VS Code (markdown.api.render), ${label}`;
    const measured = pairs
      .map(([w, wo]) => [w.render?.[key], wo.render?.[key]])
      .filter(([w, wo]) => w && wo && w.medguideClasses && !wo.medguideClasses);
    const budget = maxRatio ? `≤ ${maxRatio}×` : '(reported)';
    if (!measured.length) {
      row({ group: 'preview', figure, value: NaN, unit: 'ms', maxRatio, budget, note: 'not measured (see the log above)' });
      continue;
    }
    const notes = [`${measured.length} pair(s) of runs, with and without MedGuide, alternated; the ratio is the median of the pairs' ratios`];
    if (key === 'exampleEdited') {
      notes.push('64 versions of the page with another title, rendered in turn: the parsed front matter and its card, which MedGuide keeps while the front matter is unchanged (as while one types in the body), are made again at every render');
    }
    if (key === 'example' || key === 'exampleEdited') {
      notes.push(
        'a 4 KB render is mostly the command round trip to the Markdown extension, and moves by about ±0.2 ms from one VS Code process to the next: more than the plugin costs (see the in-process row)',
      );
    } else {
      notes.push(
        "the page's text, not a document (VS Code caches a document's tokens per version); on top of the plugin's own work, VS Code's plugins tag every token MedGuide adds (data-line, class, dir) and the extension host spends more in garbage collection",
      );
    }
    row({
      group: 'preview',
      figure,
      value: median(measured.map(([w]) => w.ms)),
      unit: 'ms',
      baseline: median(measured.map(([, wo]) => wo.ms)),
      ratio: median(measured.map(([w, wo]) => w.ms / wo.ms)),
      baselineLabel: 'the same VS Code without MedGuide',
      maxRatio,
      budget,
      note: notes.join('; '),
    });
    // The same renders in CPU time of the extension host (garbage collection included): what the
    // preview costs, less moved than wall-clock time by other processes on a shared machine.
    const cpu = measured.filter(([w, wo]) => w.cpuMs > 0 && wo.cpuMs > 0);
    if (cpu.length) {
      row({
        group: 'preview',
        figure: `${figure}, extension host CPU time`,
        value: median(cpu.map(([w]) => w.cpuMs)),
        unit: 'ms',
        baseline: median(cpu.map(([, wo]) => wo.cpuMs)),
        ratio: median(cpu.map(([w, wo]) => w.cpuMs / wo.cpuMs)),
        baselineLabel: 'the same VS Code without MedGuide',
        maxRatio: 1.3,
        budget: '≤ 1.3×',
        note: `process.cpuUsage() of the extension host around the same batches; ${cpu.length} pair(s); each side the median of 21 batches in one extension host`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function fmt(v, unit) {
  if (v === undefined || v === null || Number.isNaN(v)) return '—';
  if (unit === 'KB') return `${v.toFixed(1)} KB`;
  if (unit === 's') return `${v.toFixed(2)} s`;
  if (unit === 'MB') return `${v.toFixed(0)} MB`;
  return v < 1 ? `${v.toFixed(3)} ms` : v < 100 ? `${v.toFixed(2)} ms` : `${v.toFixed(0)} ms`;
}

function table(rowsToPrint) {
  const head = ['Figure', 'Measured', 'Baseline', 'Ratio', 'Budget', 'Result'];
  const body = rowsToPrint.map((r) => [
    r.figure,
    fmt(r.value, r.unit),
    r.baseline ? `${fmt(r.baseline, r.unit)} (${r.baselineLabel})` : '—',
    r.ratio ? `${r.ratio.toFixed(2)}×` : '—',
    r.budget ?? '—',
    r.pass === null ? 'info' : r.pass ? 'pass' : 'OVER',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  log(`${QUICK ? 'quick run' : 'full run'}; production build of extension, web and cli…`);
  build('extension,web,cli', true);
  const sizes = Object.fromEntries(['dist/extension.js', 'dist/web/extension.js'].map((f) => [f, productionSize(f)]));
  const { CODE_SERVER_VERSION, readTools } = await import('./tools.mjs');
  let vscodeVersion;
  try {
    // code-server's entry is out/node/entry.js; the VS Code it bundles is lib/vscode.
    vscodeVersion = JSON.parse(readFileSync(join(dirname(readTools().codeServer), '../../lib/vscode/package.json'), 'utf8')).version;
  } catch {
    vscodeVersion = undefined;
  }
  try {
    const core = await loadCore();
    const example = readFileSync(join(root, EXAMPLE_PAGE), 'utf8');
    const big = bigPage(example);
    if (!PREVIEW_ONLY) {
      await benchPages(core, example, big);
      benchCli();
      benchCliWarm();
      benchHealth();
      await benchConventions();
      await benchAnnuaire({ scratch, quick: QUICK, log, row });
    }
    benchPreview(core, example, big);
    if (!PREVIEW_ONLY) await benchBundles(sizes);
    if (!NO_VSCODE) vscodeVersion = (await benchVsCode(big)) ?? vscodeVersion;
  } finally {
    // Back to the development build (source maps) the other scripts expect.
    build('extension,web,cli', false);
    rmSync(scratch, { recursive: true, force: true });
  }

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
  };
  const versions = {
    medguide: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
    node: process.version,
    vscode: vscodeVersion ? `${vscodeVersion} (code-server ${CODE_SERVER_VERSION})` : 'n/a',
    'markdown-it': version('markdown-it'),
    'smol-toml': version('smol-toml'),
    'markdownlint-cli2': version('markdownlint-cli2'),
    esbuild: version('esbuild'),
  };
  const out = [
    `MedGuide bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC${QUICK ? ' (--quick)' : ''}`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.os}`,
    `Versions: ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    table(rows),
    '',
    ...rows.filter((r) => r.note).map((r) => `- ${r.figure}: ${r.note}`),
    `Repetitions: ${REPS} timed batches of ≥ ${BATCH_MS} ms after ${WARM_MS} ms of warm-up (in process; preview rows: 21 of ≥ 200 ms); medians, and for the preview the median of the side-by-side batch ratios.`,
    `Total bench time ${Math.round((Date.now() - started) / 1000)} s.`,
  ];
  process.stdout.write(`${out.join('\n').trimEnd()}\n`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(
    join(root, 'test-results/bench.json'),
    JSON.stringify({ date: new Date().toISOString(), quick: QUICK, machine, versions, rows }, null, 2) + '\n',
  );
  const over = rows.filter((r) => r.pass === false);
  if (over.length) log(`over budget: ${over.map((r) => r.figure).join('; ')}`);
  if (sink === 0) log('nothing was computed?');
}

main().catch((e) => {
  process.stderr.write(`[bench] failed: ${e?.stack ?? e}\n`);
  process.exitCode = 1;
});
