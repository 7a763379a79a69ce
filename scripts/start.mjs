#!/usr/bin/env node
// `npm start`: builds MedGuide, packages it, installs the .vsix into a local code-server (a real
// VS Code in the browser) and opens a fresh COPY of examples/guide-site, so trying the demo never
// changes the repository (code-server saves edits on its own). Prints the URL; Ctrl+C stops it.
// Port 8080 by default (another free port if 8080 is taken); PORT=9000 for a given one, which must
// be free. State lives in .vscode-test/start/ (git-ignored; delete it for a fresh start), each
// demo's copy of the site in .vscode-test/start/site-<date>/guide-site.
//
// The steps are exported so the UI tests run exactly this logic (copy, port, install, start)
// without the interactive wait.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, isPortFree, PortInUseError, startCodeServer, TEST_SETTINGS } from './code-server.mjs';
import { ensureTools } from './tools.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STATE = join(ROOT, '.vscode-test', 'start');
export const EXAMPLE_SITE = join(ROOT, 'examples', 'guide-site');
export const DEFAULT_PORT = 8080;
/** What a copy leaves out: Hugo's build output, as the example site's .gitignore does. */
const BUILD_OUTPUT = /[\\/](public|resources|\.hugo_build\.lock)([\\/]|$)/;

/** A step that failed, with what to do about it; `npm start` prints the message and exits 1. */
export class StartError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StartError';
  }
}

function run(cmd, args, { quiet = false, env } = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit', env: env ?? process.env, encoding: 'utf8' });
  if (r.status !== 0) {
    const detail = quiet && r.stderr ? `\n${r.stderr.trim().split('\n').slice(-10).join('\n')}` : '';
    throw new StartError(`${relative(ROOT, cmd) || cmd} ${args.join(' ')} failed (${r.status ?? r.signal})${detail}`);
  }
}

/**
 * A fresh copy of examples/guide-site in `parent/site-<date>/guide-site`: the folder keeps the
 * example's name, so VS Code's title bar and explorer show `guide-site`. Returns the copy's path.
 */
export function copyExampleSite(parent = STATE, { now = new Date(), source = EXAMPLE_SITE } = {}) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').replace('T', '-');
  let dir = join(parent, `site-${stamp}`);
  for (let n = 2; existsSync(dir); n++) dir = join(parent, `site-${stamp}-${n}`);
  const folder = join(dir, 'guide-site');
  mkdirSync(dir, { recursive: true });
  cpSync(source, folder, { recursive: true, filter: (src) => !BUILD_OUTPUT.test(src.slice(source.length)) });
  return folder;
}

/**
 * The port to serve on: `requested` if given (it must be free: a clear error otherwise), else
 * `preferred` (8080), else any free port. `moved` says the preferred port was taken.
 */
export async function choosePort(requested, host = '127.0.0.1', preferred = DEFAULT_PORT) {
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested <= 0 || requested > 65535) throw new StartError(`PORT must be a port number, not "${requested}"`);
    if (!(await isPortFree(requested, host))) throw new PortInUseError(requested, host);
    return { port: requested, moved: false };
  }
  if (await isPortFree(preferred, host)) return { port: preferred, moved: false };
  return { port: await freePort(), moved: true };
}

/** Builds (unless `build` is false: dist/ as it is) and packages the extension into `out` (a .vsix). */
export function packageExtension({ out, build = true } = {}) {
  if (build) run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--production']);
  mkdirSync(dirname(out), { recursive: true });
  // dist/ is built above (or as the test run built it): vsce's `vscode:prepublish` build is skipped.
  run(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    quiet: true,
    env: { ...process.env, MEDGUIDE_PREBUILT: '1' },
  });
  return out;
}

/** Installs a .vsix into code-server's `extensionsDir`, with code-server's own state under `stateDir`. */
export function installExtension({ tools, vsix, userDataDir, extensionsDir, stateDir }) {
  mkdirSync(extensionsDir, { recursive: true });
  run(tools.node, [tools.codeServer, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix], {
    quiet: true,
    env: { ...process.env, NODE_OPTIONS: '', XDG_CONFIG_HOME: join(stateDir, 'xdg', 'config'), XDG_DATA_HOME: join(stateDir, 'xdg', 'data'), XDG_CACHE_HOME: join(stateDir, 'xdg', 'cache') },
  });
  const installed = readdirSync(extensionsDir).filter((d) => d.startsWith('medguide.'));
  if (installed.length === 0) throw new StartError(`code-server did not install ${vsix}`);
  return installed;
}

/**
 * Everything `npm start` does before it waits: choose the port, build and package (or take
 * `vsix`), install, copy the example site, start code-server and wait until it answers. Returns the URL
 * to open, the copy's folder and the server (its `child` process, its `stop()`).
 */
export async function startDemo({ port: requested, state = STATE, build = true, vsix, settings, log = () => {} } = {}) {
  // The port first: a busy PORT fails at once, before a minute of building.
  const { port, moved } = await choosePort(requested);
  if (moved) log(`port ${DEFAULT_PORT} is taken: using ${port}`);
  const tools = ensureTools();
  if (!vsix) {
    log(build ? 'building and packaging the extension…' : 'packaging the extension…');
    vsix = packageExtension({ out: join(state, 'vsix', 'medguide.vsix'), build });
  }
  const userDataDir = join(state, 'user-data');
  const extensionsDir = join(state, 'extensions');
  log('installing it into code-server…');
  const installed = installExtension({ tools, vsix, userDataDir, extensionsDir, stateDir: state });
  log(`installed: ${installed.join(', ')}`);
  const folder = copyExampleSite(state);
  log(`the demo opens a copy of examples/guide-site: ${relative(ROOT, folder) || folder}`);
  const { 'files.hotExit': _hotExit, ...quiet } = TEST_SETTINGS;
  const server = await startCodeServer({ userDataDir, extensionsDir, port, settings: { ...quiet, ...settings }, smokeTestDriver: false, timeoutMs: 90_000 });
  return { url: `${server.url}/?folder=${encodeURIComponent(folder)}`, folder, port, server };
}

async function main() {
  const step = (message) => process.stderr.write(`[start] ${message}\n`);
  let demo;
  try {
    const port = process.env.PORT ? Number(process.env.PORT) : undefined;
    demo = await startDemo({ port, log: step });
  } catch (e) {
    step(`MedGuide could not start: ${e.message}`);
    process.exit(1);
  }
  const { url, folder, server } = demo;
  // The server may still die (killed, out of memory): then say so and stop, never wait on a dead server.
  server.child.once('exit', (code, signal) => {
    step(`code-server stopped (${code ?? signal}): MedGuide is no longer running.`);
    process.exit(1);
  });
  process.stdout.write(
    `\nMedGuide is running in VS Code (code-server) with a copy of the example guide site:\n\n  ${url}\n\n` +
      `The copy is ${relative(ROOT, folder)} (git-ignored): edit it freely, examples/guide-site is not touched.\n` +
      `Open a page under content/, then "Markdown: Open Preview to the Side". Ctrl+C to stop.\n`,
  );
  const stop = () => {
    server.child.removeAllListeners('exit');
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => {}, 1 << 30);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
