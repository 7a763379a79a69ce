#!/usr/bin/env node
// The `medguide` and `medguide-cli` commands. A tracked launcher rather than dist/cli.js itself, so
// that npm links the workspace's commands on a fresh clone, before `prepare` has built dist/.
'use strict';
enableCompileCache();
require('../dist/cli.js').start();

/**
 * Node 22.1 and later keep V8's compiled code of the command line between runs: about 0.02 s less
 * start-up under Node 24 (`medguide --version` 0.05 -> 0.03 s); Node 20 has no such cache and runs
 * as before. The cache goes where Node puts it by default, `node-compile-cache` in the system's
 * temporary folder, but only when that folder exists: Node makes it with a recursive mkdir, which
 * would create missing parents and, under /proc, never returns. NODE_COMPILE_CACHE (Node turns the
 * cache on itself) and NODE_DISABLE_COMPILE_CACHE are left to Node.
 */
function enableCompileCache() {
  const nodeModule = require('node:module');
  if (typeof nodeModule.enableCompileCache !== 'function') return;
  if (process.env.NODE_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  const dir = require('node:path').join(require('node:os').tmpdir(), 'node-compile-cache');
  try {
    require('node:fs').mkdirSync(dir);
  } catch (e) {
    if (!e || e.code !== 'EEXIST') return;
  }
  nodeModule.enableCompileCache(dir);
}
