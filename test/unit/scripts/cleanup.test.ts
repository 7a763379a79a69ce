// Cleanup never fails a test or bench run (scripts/code-server.mjs): a Chromium profile still being
// written to is removed once the writer is gone, and a folder that cannot be removed is left and logged.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface Cleanup {
  removeDir(dir: string, what?: string, options?: { rm?: (dir: string, o: object) => void; log?: (line: string) => void }): boolean;
  removeBrowserProfile(dir: string, timeoutMs?: number, options?: { log?: (line: string) => void }): Promise<boolean>;
  processesUsing(needle: string): number[];
}

describe('scripts: cleanup never fails a run', function () {
  this.timeout(30_000);
  let cs: Cleanup;
  before(async () => {
    cs = (await import(join(ROOT, 'scripts/code-server.mjs'))) as Cleanup;
  });

  it('waits for the process still writing into a browser profile to exit, then removes the folder', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'medguide-chromium-'));
    mkdirSync(join(profile, 'Default'));
    // A stand-in for Chromium's helpers: its command line names the profile, it writes files there for a second.
    const writer = spawn(process.execPath, [
      '-e',
      `const fs=require('fs');const dir=process.argv[1];let n=0;const t=setInterval(()=>{try{fs.writeFileSync(dir+'/Default/f'+(n++),'x')}catch{}},5);setTimeout(()=>{clearInterval(t);process.exit(0)},1000);`,
      profile,
    ]);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(cs.processesUsing(profile).includes(writer.pid!), 'the writer is seen as using the profile');
    const lines: string[] = [];
    const started = Date.now();
    assert.equal(await cs.removeBrowserProfile(profile, 10_000, { log: (l) => lines.push(l) }), true);
    assert.ok(Date.now() - started >= 600, 'it waited for the writer');
    assert.equal(existsSync(profile), false);
    assert.deepEqual(lines, []);
  });

  it('leaves a folder it cannot remove in place and says so, without throwing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'medguide-busy-'));
    writeFileSync(join(dir, 'f'), 'x');
    const lines: string[] = [];
    const busy = () => {
      throw Object.assign(new Error('ENOTEMPTY: directory not empty'), { code: 'ENOTEMPTY' });
    };
    assert.equal(cs.removeDir(dir, 'browser profile', { rm: busy, log: (l) => lines.push(l) }), false);
    assert.deepEqual(lines, [`[medguide] left the browser profile ${dir} in place (ENOTEMPTY)\n`]);
    assert.equal(cs.removeDir(dir, 'folder', { log: (l) => lines.push(l) }), true);
    assert.equal(existsSync(dir), false);
  });
});
