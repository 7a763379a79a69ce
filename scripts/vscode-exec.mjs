#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the arguments runTests passes to VS Code (--extensionDevelopmentPath=…,
// --extensionTestsPath=…, --user-data-dir=…, --extensions-dir=…, a folder), starts code-server
// (a real VS Code), opens the workbench in headless Chromium with the smoke-test driver's
// `payload` so the extension-host test runner starts, and exits with the suite's exit code.
// Extension-host console lines are forwarded to stdout so mocha's report shows in the terminal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, removeDir, startCodeServer, workbenchUrl } from './code-server.mjs';

const TIMEOUT_MS = Number(process.env.MEDGUIDE_TEST_TIMEOUT_MS || 300_000);

function parseArgs(argv) {
  const opts = { devPaths: [], folder: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) {
      const [, key, value] = m;
      if (key === 'extensionDevelopmentPath') opts.devPaths.push(resolve(value));
      else if (key === 'extensionTestsPath') opts.testsPath = resolve(value);
      else if (key === 'user-data-dir') opts.userDataDir = resolve(value);
      else if (key === 'extensions-dir') opts.extensionsDir = resolve(value);
      else if (key === 'locale') opts.locale = value;
    } else if (!arg.startsWith('-')) {
      opts.folder = resolve(arg);
    }
  }
  return opts;
}

/** Turns the extension host's `["%c INFO", "color: …", format, ...args]` console lines back into text. */
async function consoleText(msg) {
  try {
    const values = await Promise.all(msg.args().map((a) => a.jsonValue()));
    if (typeof values[0] === 'string' && values[0].startsWith('%c')) values.splice(0, 2);
    return format(...values);
  } catch {
    return msg.text();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.testsPath) {
    process.stderr.write('vscode-exec: --extensionTestsPath=… is required\n');
    return 2;
  }
  const base = mkdtempSync(join(tmpdir(), 'medguide-run-'));
  // runTests passes its own .vscode-test folders: keep them per run for a fresh state.
  const userDataDir = opts.userDataDir ? join(opts.userDataDir, String(process.pid)) : join(base, 'user-data');
  const server = await startCodeServer({
    userDataDir,
    // The suites read the extension host's log from there (robustness: no error logged by MedGuide).
    env: { MEDGUIDE_TEST_USER_DATA_DIR: userDataDir },
    extensionsDir: opts.extensionsDir ?? join(base, 'extensions'),
    locale: opts.locale,
  });
  let context;
  const timer = setTimeout(() => {
    process.stderr.write(`vscode-exec: the test suite did not finish within ${TIMEOUT_MS / 1000} s; giving up\n`);
    server.stop();
    process.exit(3);
  }, TIMEOUT_MS);
  try {
    context = await launchBrowser(server.tools);
    const exitCode = new Promise((resolveExit) => {
      context.exposeBinding('codeAutomationExit', (_source, code) => resolveExit(Number(code) || 0));
    });
    const page = context.pages()[0] ?? (await context.newPage());
    // The suite writes its own report to a file; here only the extension host's errors (and,
    // with MEDGUIDE_TEST_VERBOSE=1, everything) are echoed.
    page.on('console', async (msg) => {
      if (msg.type() !== 'error' && !process.env.MEDGUIDE_TEST_VERBOSE) return;
      const text = await consoleText(msg);
      if (!text.trim() || /open-vsx\.org|vsda|Failed to load resource|ENOTFOUND|Canceled/.test(text)) return;
      process.stderr.write(`[vscode ${msg.type()}] ${text}\n`);
    });
    page.on('pageerror', (err) => process.stderr.write(`[workbench] ${err.message}\n`));
    const url = workbenchUrl(server, {
      folder: opts.folder,
      extensionDevelopmentPath: opts.devPaths[0],
      extensionTestsPath: opts.testsPath,
    });
    await page.goto(url, { timeout: 60_000 });
    const code = await exitCode;
    // A passing run's user data (settings, logs) is not kept; a failing one's is, to read its logs.
    if (code === 0) {
      await context.close().catch(() => {});
      server.stop();
      removeDir(userDataDir, 'user data folder');
    }
    return code;
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => {});
    server.stop();
    // Cleanup never fails the run: a folder still being written to is retried, at worst left and logged.
    removeDir(base, 'run folder');
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`vscode-exec: could not run the tests in VS Code: ${err.stack ?? err}\n`);
    process.exit(1);
  },
);
