#!/usr/bin/env node
// Evaluation (issue 14): MedGuide's hand-written TOML locator (src/core/frontmatter/locator.ts, key
// and value positions next to smol-toml's values) against a TOML parser that gives positions itself,
// toml-eslint-parser (an AST with ranges, and values through getStaticTOMLValue).
// Both sides are bundled and minified with esbuild for the browser, as the web extension ships them,
// then timed in this process on the bench's pages (scripts/bench.mjs): the example page's front
// matter and the 1 MB generated page's (200 keys). Also: what each does with a front matter being
// typed (an unclosed string), where the editor still needs the other keys' positions.
//   node scripts/toml-locator-eval.mjs            (--quick: fewer batches)
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bigFrontMatter, frontMatterOf } from './bench-pages.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const QUICK = process.argv.includes('--quick');
const REPS = QUICK ? 5 : 15;
const BATCH_MS = QUICK ? 10 : 25;
const EXAMPLE_PAGE = 'examples/guide-site/content/recommandations/hypertension-arterielle.md';

const SIDES = {
  locator: `export { locateToml } from './src/core/frontmatter/locator';`,
  'smol-toml + locator': `export { locateToml } from './src/core/frontmatter/locator'; export { parse } from 'smol-toml';`,
  'toml-eslint-parser': `export { parseTOML, getStaticTOMLValue } from 'toml-eslint-parser';`,
};

async function bundle(dir, name, contents) {
  const outfile = join(dir, `${name.replace(/\W+/g, '-')}.cjs`);
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `${name}.ts` },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    outfile,
    logLevel: 'warning',
  });
  const bytes = readFileSync(outfile);
  return { module: require(outfile), bytes: bytes.length, gzip: gzipSync(bytes).length };
}

let sink = 0;
function perOp(fn, n) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += fn() ? 1 : 0;
  return (performance.now() - t0) / n;
}
function iterations(fn) {
  let n = 1;
  while (perOp(fn, n) * n < BATCH_MS && n < 1_000_000) n *= 2;
  return n;
}
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
/** Median ms per call of each function, batches interleaved so that drift hits all of them. */
function time(fns) {
  for (const f of fns) perOp(f, iterations(f));
  const ns = fns.map(iterations);
  const runs = fns.map(() => []);
  for (let r = 0; r < REPS; r++) fns.forEach((f, k) => runs[k].push(perOp(f, ns[k])));
  return runs.map(median);
}

const dir = mkdtempSync(join(tmpdir(), 'medguide-toml-eval-'));
try {
  const built = {};
  for (const [name, contents] of Object.entries(SIDES)) built[name] = await bundle(dir, name, contents);
  const { locateToml } = built['smol-toml + locator'].module;
  const { parse } = built['smol-toml + locator'].module;
  const { parseTOML, getStaticTOMLValue } = built['toml-eslint-parser'].module;

  const example = readFileSync(join(root, EXAMPLE_PAGE), 'utf8');
  const inputs = [
    ['example page front matter', frontMatterOf(example)],
    ['1 MB page front matter (200 keys)', bigFrontMatter(example)],
  ];
  const out = [];
  out.push('| bundle (esbuild, minified, browser) | bytes | gzip |', '|---|---|---|');
  for (const [name, b] of Object.entries(built)) out.push(`| ${name} | ${b.bytes} | ${b.gzip} |`);
  out.push('');
  out.push('| input | locator | toml-eslint-parser: parseTOML | smol-toml + locator | parseTOML + getStaticTOMLValue |', '|---|---|---|---|---|');
  for (const [label, fm] of inputs) {
    const [a, b, c, d] = time([
      () => locateToml(fm).entries.length,
      () => parseTOML(fm).body.length,
      () => (parse(fm), locateToml(fm).entries.length),
      () => getStaticTOMLValue(parseTOML(fm)),
    ]);
    const f = (v) => `${(v * 1000).toFixed(1)} µs`;
    out.push(`| ${label} (${Buffer.byteLength(fm)} B) | ${f(a)} | ${f(b)} (${(b / a).toFixed(1)}×) | ${f(c)} | ${f(d)} (${(d / c).toFixed(1)}×) |`);
  }
  // A front matter being typed: the author has opened a string on the second key.
  const lines = frontMatterOf(example).split('\n');
  const second = lines.findIndex((l, i) => i > 0 && /^\w+\s*=\s*"/.test(l));
  lines[second] = lines[second].replace(/"$/, '');
  const typing = lines.join('\n');
  const keysOf = (text) => (text.match(/^\w+\s*=/gm) ?? []).length;
  const located = locateToml(typing).entries.filter((e) => e.kind === 'pair' && e.depth === 0).length;
  let eslintParser = 'all';
  try {
    parseTOML(typing);
  } catch (e) {
    eslintParser = `none (throws: ${e.message})`;
  }
  out.push('');
  out.push(`While typing (an unclosed string on line ${second + 1} of ${lines.length}, ${keysOf(typing)} top-level keys): the locator places ${located} keys; toml-eslint-parser: ${eslintParser}.`);
  process.stdout.write(`${out.join('\n')}\n`);
  process.stderr.write(`[toml-locator-eval] ${REPS} batches of ≥ ${BATCH_MS} ms per figure, Node ${process.version} (${sink > 0 ? 'ran' : 'no work'})\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
