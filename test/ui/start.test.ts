// `npm start` as a new user runs it (scripts/start.mjs, its own steps without the interactive wait):
// the demo opens a copy of the example site, so an edit in the demo never changes the repository,
// and a busy port is a clear failure, never a "running" message for a dead server.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { extensionPackage, openFile, ROOT, screenshot, scripts } from './workbench';

const EXAMPLE = join(ROOT, 'examples', 'guide-site');

/** Every file under `dir` with a hash of its bytes; Hugo's build output (git-ignored, never copied) left out. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (d === dir && ['public', 'resources', '.hugo_build.lock'].includes(name)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

function listen<S extends NetServer | HttpServer>(server: S, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

describe('UI: npm start opens a copy of the example site, on a port of its own', function () {
  this.timeout(240_000);
  const states: string[] = [];
  const servers: (NetServer | HttpServer)[] = [];
  let context: BrowserContext | undefined;
  let stopDemo: (() => void) | undefined;
  const newState = () => {
    const dir = mkdtempSync(join(tmpdir(), 'medguide-start-'));
    states.push(dir);
    return dir;
  };

  after(async () => {
    const { cs } = await scripts();
    await context?.close().catch(() => {});
    stopDemo?.();
    for (const s of servers) s.close();
    for (const dir of states) cs.removeDir(dir, 'start test folder');
  });

  it('opens a fresh copy named guide-site; a page edited and saved in the demo leaves examples/guide-site unchanged', async () => {
    const { start, cs, tools } = await scripts();
    const before = tree(EXAMPLE);
    const gitBefore = git('status', '--porcelain', '--', 'examples/guide-site');
    const state = newState();
    const log: string[] = [];
    const demo = await (start as any).startDemo({ state, vsix: await extensionPackage(), log: (l: string) => log.push(l) });
    stopDemo = () => demo.server.stop();
    // The copy is in the demo's own folder, keeps the example's name, and says where it is.
    assert.equal(basename(demo.folder), 'guide-site');
    assert.match(relative(state, demo.folder), /^site-\d{8}-\d{6}(-\d+)?\/guide-site$/);
    assert.ok(log.some((l) => l.includes('the demo opens a copy of examples/guide-site') && l.includes(basename(dirname(demo.folder)))), log.join('\n'));
    assert.deepEqual(tree(demo.folder), before, 'the copy starts as the example site');
    // `npm start`'s own state folder is git-ignored, copies included.
    assert.equal(git('check-ignore', '.vscode-test/start/site-20260101-120000/guide-site/content/cabinet/e-cps.md').trim(), '.vscode-test/start/site-20260101-120000/guide-site/content/cabinet/e-cps.md');

    context = (await cs.launchBrowser(tools.ensureTools())) as BrowserContext;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demo.url, { timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    assert.match(await page.title(), /guide-site/);
    await openFile(page, 'content/cabinet/e-cps.md');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nNote ajoutée pendant la démonstration.\n');
    await page.keyboard.press('Control+S');
    const copy = join(demo.folder, 'content/cabinet/e-cps.md');
    const deadline = Date.now() + 15_000;
    while (!readFileSync(copy, 'utf8').includes('Note ajoutée pendant la démonstration.') && Date.now() < deadline) await page.waitForTimeout(200);
    assert.ok(readFileSync(copy, 'utf8').includes('Note ajoutée pendant la démonstration.'), 'the edit is saved in the copy');
    await screenshot(page, 'start-demo-copy');
    // The tracked example site did not change: same bytes, and Git sees nothing new.
    assert.deepEqual(tree(EXAMPLE), before);
    assert.equal(git('status', '--porcelain', '--', 'examples/guide-site'), gitBefore);
    assert.equal(gitBefore, '', 'examples/guide-site is clean in Git');
  });

  it('refuses a PORT that is taken with a clear message, and moves off a taken default port', async () => {
    const { start } = await scripts();
    const busy = createNetServer();
    servers.push(busy);
    const port = await listen(busy);
    await assert.rejects((start as any).startDemo({ port, state: newState(), vsix: await extensionPackage() }), (e: Error) => {
      assert.equal(e.message, `port ${port} on 127.0.0.1 is already in use (another code-server, or another \`npm start\`?): stop it, or choose another port with PORT=…`);
      return true;
    });
    const moved = await (start as any).choosePort(undefined, '127.0.0.1', port);
    assert.equal(moved.moved, true);
    assert.notEqual(moved.port, port);
    await assert.rejects((start as any).choosePort(Number('x')), /PORT must be a port number/);
  });

  it('never takes another server’s answer for its own: code-server that cannot listen is a failure, not "running"', async () => {
    const { cs } = await scripts();
    // Another server answers /healthz on the port, as a first `npm start` would.
    const other = createHttpServer((_req, res) => res.end('ok'));
    servers.push(other);
    const port = await listen(other);
    const started = Date.now();
    await assert.rejects(cs.startCodeServer({ port, smokeTestDriver: false, checkPort: false, timeoutMs: 60_000 }), /code-server exited \(\d+\) before it was ready/);
    assert.ok(Date.now() - started < 60_000, 'it failed as soon as its code-server died');
  });
});
