// A fresh copy of the example site plus the test fixtures, so tests may edit files freely.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function makeWorkspace({ fixtures = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'medguide-ws-'));
  cpSync(join(root, 'examples/guide-site'), dir, {
    recursive: true,
    filter: (src) => !/[\\/](public|resources|\.hugo_build\.lock)([\\/]|$)/.test(src),
  });
  const extra = join(root, 'test/fixtures/workspace');
  if (fixtures && existsSync(extra)) cpSync(extra, dir, { recursive: true });
  return dir;
}
