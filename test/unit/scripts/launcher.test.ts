// packages/cli/bin/medguide.js, what `npx medguide` runs: Node's compile cache on where Node has one,
// in the system's temporary folder, never a hang nor a folder made elsewhere. Run with this Node
// (CI's, which may have no compile cache) and with the Node 24 that `npm run tools` installs, when present.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const LAUNCHER = join(ROOT, 'packages/cli/bin/medguide.js');

/** The Node 24 of the tools folder, as scripts/tools.mjs recorded it, if installed. */
async function toolsNode(): Promise<string | undefined> {
  const { readTools } = (await import(join(ROOT, 'scripts/tools.mjs'))) as { readTools(): { node?: string } | undefined };
  const node = readTools()?.node;
  return node && existsSync(node) ? node : undefined;
}

/** Runs the launcher with `env` added (the compile cache variables of the outer run removed). */
function run(node: string, args: string[], env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_COMPILE_CACHE' && k !== 'NODE_DISABLE_COMPILE_CACHE'));
  return spawnSync(node, [LAUNCHER, ...args], { encoding: 'utf8', timeout: 30_000, env: { ...base, ...env } });
}

const nodes: { name: string; path: () => Promise<string | undefined> }[] = [
  { name: `this Node (${process.version})`, path: async () => process.execPath },
  { name: 'the tools folder’s Node 24', path: toolsNode },
];

describe('scripts: the medguide launcher and Node’s compile cache', function () {
  this.timeout(120_000);
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), 'medguide-launcher-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  for (const { name, path } of nodes) {
    describe(name, () => {
      let node: string;
      let hasCache = false;
      before(async function () {
        const found = await path();
        if (!found) this.skip(); // no tools folder: `npm run tools` (CI has one)
        node = found!;
        hasCache = spawnSync(node, ['-p', "typeof require('node:module').enableCompileCache"], { encoding: 'utf8' }).stdout.trim() === 'function';
      });

      it('keeps the compiled command line in node-compile-cache of the temporary folder, where Node has a cache', () => {
        const r = run(node, ['--version'], { TMPDIR: tmp });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
        const cache = join(tmp, 'node-compile-cache');
        assert.equal(existsSync(cache), hasCache);
        if (hasCache) assert.ok(readdirSync(cache).length > 0, 'the cache folder holds Node’s cache');
        // A second run reads it and says the same.
        const again = run(node, ['--version'], { TMPDIR: tmp });
        assert.equal(again.stdout, r.stdout);
      });

      it('leaves the cache off with NODE_DISABLE_COMPILE_CACHE', () => {
        const r = run(node, ['--version'], { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(readdirSync(tmp), []);
      });

      it('makes no folder when the temporary folder is missing, and never hangs (a temporary folder under /proc)', function () {
        const missing = join(tmp, 'missing', 'deeper');
        const r = run(node, ['--version'], { TMPDIR: missing });
        assert.equal(r.status, 0, r.stderr);
        assert.deepEqual(readdirSync(tmp), []);
        if (process.platform !== 'linux') return;
        // Node's recursive mkdir never returns for a missing folder under /proc: the launcher must not ask for one.
        const proc = run(node, ['--version'], { TMPDIR: '/proc/medguide-no-such-folder' });
        assert.equal(proc.signal, null, 'the launcher hung (killed after 30 s)');
        assert.equal(proc.status, 0, proc.stderr);
      });
    });
  }
});
