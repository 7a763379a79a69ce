// Starts a real VS Code (code-server from npm, under Node 24) and a headless Debian Chromium that
// opens it. Shared by the extension-host test executable (vscode-exec.mjs), the UI tests and
// `npm start`. Every wait has a time limit: a run that cannot start VS Code fails with a message.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Removes a run's folder. Cleanup never fails a run: a folder still being written to (ENOTEMPTY,
 * EBUSY) is retried, and at worst left in place with a line on stderr saying so.
 */
export function removeDir(dir, what = 'folder', { rm = rmSync, log = (line) => process.stderr.write(line) } = {}) {
  try {
    rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    return true;
  } catch (e) {
    log(`[medguide] left the ${what} ${dir} in place (${e?.code ?? e?.message ?? e})\n`);
    return false;
  }
}

/** Process ids whose command line mentions `needle` (Linux /proc; none found elsewhere). */
export function processesUsing(needle) {
  const pids = [];
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return pids;
  }
  for (const name of entries) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

/**
 * Removes a Chromium profile once no Chromium process uses it any more (the browser's helpers go on
 * writing for a moment after the context closes), within `timeoutMs`; then as {@link removeDir}.
 */
export async function removeBrowserProfile(dir, timeoutMs = 10_000, options = {}) {
  const deadline = Date.now() + timeoutMs;
  while (processesUsing(dir).length > 0 && Date.now() < deadline) await sleep(100);
  return removeDir(dir, 'browser profile', options);
}

/** Whether nothing listens on `host:port` (we could listen there ourselves). */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** A port that is already taken: the message says which and what to do. */
export class PortInUseError extends Error {
  constructor(port, host) {
    super(`port ${port} on ${host} is already in use (another code-server, or another \`npm start\`?): stop it, or choose another port with PORT=…`);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/**
 * Ready when our own code-server says it listens (its log line) and answers: an answer alone could
 * come from another server on the same port while ours has died.
 */
async function waitForHttp(url, child, timeoutMs, listening = () => true) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      if (!listening()) throw new Error('code-server has not said it listens yet');
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
  /** Refuse a `port` something already listens on (tests turn it off to check the second line of defence). */
  checkPort = true,
} = {}) {
  const tools = ensureTools();
  const base = mkdtempSync(join(tmpdir(), 'medguide-cs-'));
  userDataDir ??= join(base, 'user-data');
  extensionsDir ??= join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  if (port !== undefined && checkPort && !(await isPortFree(port, host))) {
    removeDir(base, 'code-server folder');
    throw new PortInUseError(port, host);
  }
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
  /** Kills code-server's process group; its private folders go with it unless `keepFolders` (then remove `base` yourself). */
  const stop = ({ keepFolders = false } = {}) => {
    if (stopped) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    // The run's private folders (user data and extensions when not given, XDG tree) go with it.
    if (!keepFolders) removeDir(base, 'code-server folder');
  };
  process.once('exit', () => stop());
  const url = `http://${host}:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, child, timeoutMs, () => output.join('').includes(`listening on ${url}/`));
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n--- code-server output ---\n${output.join('').slice(-4000)}`);
  }
  return { url, port, host, userDataDir, extensionsDir, base, stop, output, tools, child };
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
  // A profile made here is this run's only: removed once the browser has exited, and `close()`
  // waits for that. A removal that fails leaves the folder and says so; it never fails the run.
  if (!profileDir) {
    let removal;
    context.on('close', () => {
      removal ??= removeBrowserProfile(profile).catch(() => false);
    });
    const close = context.close.bind(context);
    context.close = async (...args) => {
      try {
        await close(...args);
      } finally {
        removal ??= removeBrowserProfile(profile).catch(() => false);
        await removal;
      }
    };
  }
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
