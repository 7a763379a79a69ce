// Starts a real VS Code (code-server from npm, under Node 24) and a headless Debian Chromium that
// opens it. Shared by the extension-host test executable (vscode-exec.mjs), the UI tests and
// `npm start`. Every wait has a time limit: a run that cannot start VS Code fails with a message.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTools } from './tools.mjs';

/** Settings that keep a test run quiet, offline and deterministic. */
export const TEST_SETTINGS = {
  'files.hotExit': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs / 1000} s (${lastError?.message ?? 'no answer'})`);
}

/**
 * Starts code-server with its own user-data and extensions folders and a private XDG tree, so nothing
 * lands in $HOME. Returns the base URL and a `stop()` that kills its whole process group.
 */
export async function startCodeServer({
  userDataDir,
  extensionsDir,
  settings = TEST_SETTINGS,
  port,
  host = '127.0.0.1',
  smokeTestDriver = true,
  locale,
  env = {},
  log = () => {},
  timeoutMs = 60_000,
} = {}) {
  const tools = ensureTools();
  const base = mkdtempSync(join(tmpdir(), 'medguide-cs-'));
  userDataDir ??= join(base, 'user-data');
  extensionsDir ??= join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  port ??= await freePort();
  const args = [
    tools.codeServer,
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (locale) args.push('--locale', locale);
  const xdg = join(base, 'xdg');
  const child = spawn(tools.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      XDG_CONFIG_HOME: join(xdg, 'config'),
      XDG_DATA_HOME: join(xdg, 'data'),
      XDG_CACHE_HOME: join(xdg, 'cache'),
      // code-server's own Node must not pick up test-runner options meant for the outer Node.
      NODE_OPTIONS: '',
      ELECTRON_RUN_AS_NODE: '',
    },
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 400) output.splice(0, output.length - 400);
    log(chunk.toString());
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    // The run's private folders (user data and extensions when not given, XDG tree) go with it.
    rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', stop);
  const url = `http://${host}:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, child, timeoutMs);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n--- code-server output ---\n${output.join('').slice(-4000)}`);
  }
  return { url, port, host, userDataDir, extensionsDir, base, stop, output, tools };
}

/** Launches Debian's Chromium headless through playwright-core. */
export async function launchBrowser(tools, { viewport = { width: 1600, height: 1000 }, locale = 'fr-FR', profileDir } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'medguide-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    timeout: 60_000,
  });
  // A profile made here is this run's only: removed when the browser closes.
  if (!profileDir) context.on('close', () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
  return context;
}

/** The workbench URL that opens `folder` and, through the smoke-test driver, loads a development extension. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://${server.host}:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params.toString()}`;
}
