#!/usr/bin/env node
// `npm start`: builds MedGuide, packages it, installs the .vsix into a local code-server (a real
// VS Code in the browser) and opens examples/guide-site. Prints the URL; Ctrl+C stops it.
// PORT=8080 by default; state lives in .vscode-test/start/ (delete it for a fresh start).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer, TEST_SETTINGS } from './code-server.mjs';
import { ensureTools } from './tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const state = join(root, '.vscode-test', 'start');
const port = Number(process.env.PORT || 8080);

function step(message) {
  process.stderr.write(`[start] ${message}\n`);
}

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (r.status !== 0) {
    step(`${cmd} ${args.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

const tools = ensureTools();
step('building and packaging the extension…');
sh(process.execPath, [join(root, 'scripts/build.mjs'), '--production']);
const vsceDir = join(state, 'vsix');
mkdirSync(vsceDir, { recursive: true });
const vsix = join(vsceDir, 'medguide.vsix');
sh(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });

const userDataDir = join(state, 'user-data');
const extensionsDir = join(state, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
step('installing it into code-server…');
sh(tools.node, [tools.codeServer, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, XDG_CONFIG_HOME: join(state, 'xdg', 'config'), XDG_DATA_HOME: join(state, 'xdg', 'data'), XDG_CACHE_HOME: join(state, 'xdg', 'cache') },
});
const installed = readdirSync(extensionsDir).filter((d) => d.startsWith('medguide.'));
step(`installed: ${installed.join(', ') || 'nothing?'}`);

const { 'files.hotExit': _hotExit, ...settings } = TEST_SETTINGS;
const server = await startCodeServer({ userDataDir, extensionsDir, port, settings, smokeTestDriver: false, timeoutMs: 90_000 });
const folder = join(root, 'examples', 'guide-site');
const url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
process.stdout.write(`\nMedGuide is running in VS Code (code-server) with the example guide site:\n\n  ${url}\n\nOpen a page under content/, then "Markdown: Open Preview to the Side". Ctrl+C to stop.\n`);
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
