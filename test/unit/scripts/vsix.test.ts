// The .vsix holds only what VS Code loads: `vsce ls` (what `vsce package` packs, through .vscodeignore)
// must list exactly the files package.json points VS Code at, and nothing else (no CLI, no core
// bundle for scripts, no sources, tests or source maps). The packed README's images are absolute
// URLs under the repository (scripts/package.mjs), since the Marketplace resolves no relative image.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = resolve(__dirname, '../../..');
const VSCE = join(ROOT, 'node_modules/@vscode/vsce/vsce');

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  l10n: string;
  repository: { url: string };
  contributes: {
    'markdown.previewStyles'?: string[];
    snippets?: { path: string }[];
    grammars?: { path: string }[];
    languages?: { configuration?: string }[];
  };
}

const clean = (p: string) => posix.normalize(p.replace(/^\.\//, ''));

/** Every file package.json makes VS Code read, with the license notices the bundles point to. */
function expectedFiles(m: Manifest): string[] {
  const files = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', clean(m.icon)]);
  for (const f of readdirSync(ROOT)) if (/^package\.nls(\.[\w-]+)?\.json$/.test(f)) files.add(f);
  for (const bundle of [m.main, m.browser].map(clean)) {
    files.add(bundle);
    // esbuild's legalComments: 'linked' ends the bundle with a pointer to its license notices.
    const legal = /For license information please see (\S+\.LEGAL\.txt)/.exec(readFileSync(join(ROOT, bundle), 'utf8'));
    if (legal) files.add(posix.join(posix.dirname(bundle), legal[1]));
  }
  const c = m.contributes;
  for (const s of c['markdown.previewStyles'] ?? []) files.add(clean(s));
  for (const s of c.snippets ?? []) files.add(clean(s.path));
  for (const g of c.grammars ?? []) files.add(clean(g.path));
  for (const l of c.languages ?? []) if (l.configuration) files.add(clean(l.configuration));
  const l10n = clean(m.l10n);
  for (const f of readdirSync(join(ROOT, l10n))) if (/^bundle\.l10n(\.[\w-]+)?\.json$/.test(f)) files.add(`${l10n}/${f}`);
  return [...files].sort();
}

/** The entries of a zip archive (stored or deflated), read from its central directory. */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('scripts: the .vsix holds only what VS Code loads', function () {
  this.timeout(120_000);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

  it('vsce ls lists exactly the files package.json points VS Code at', function () {
    if (!existsSync(join(ROOT, clean(manifest.main)))) assert.fail('dist/ is not built: run npm run build');
    const r = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const listed = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean).sort();
    const expected = expectedFiles(manifest);
    assert.deepEqual(listed, expected);
    for (const f of expected) assert.ok(existsSync(join(ROOT, f)), `${f} is referenced but missing`);
    // What VS Code never loads, named so a loosened .vscodeignore fails here with a clear message.
    for (const f of listed) {
      assert.ok(!/\.(ts|map|mjs)$/.test(f) && !/^(src|test|scripts|out|packages|docs|examples)\//.test(f), `${f} should not be packed`);
      assert.ok(f !== 'dist/cli.js' && f !== 'dist/core.js', `${f} should not be packed`);
    }
    // The icon is a real 256×256 (or 128×128) PNG.
    const icon = readFileSync(join(ROOT, clean(manifest.icon)));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG');
    const [w, h] = [icon.readUInt32BE(16), icon.readUInt32BE(20)];
    assert.ok(w === h && (w === 128 || w === 256), `icon is ${w}×${h}`);
  });

  it('packs the README with its images linked under the repository, the icon and the changelog', function () {
    const dir = mkdtempSync(join(tmpdir(), 'medguide-vsix-'));
    try {
      const out = join(dir, 'medguide.vsix');
      // MEDGUIDE_PREBUILT: dist/ as it is, no production build from vscode:prepublish during a unit test.
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, MEDGUIDE_PREBUILT: '1' },
      });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      const entries = unzip(out);
      const readme = entries.get('extension/readme.md')?.toString('utf8');
      assert.ok(readme, [...entries.keys()].join(', '));
      const web = manifest.repository.url.replace(/\.git$/, '');
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
      assert.ok(images.length >= 5, `${images.length} images`);
      for (const src of images) {
        assert.ok(src.startsWith(`${web}/raw/HEAD/`), src);
        // The image is in the repository at that path (served from there once the repository is public).
        assert.ok(existsSync(join(ROOT, src.slice(`${web}/raw/HEAD/`.length))), src);
      }
      assert.ok(entries.has('extension/changelog.md'));
      assert.ok(entries.get('extension.vsixmanifest')?.toString('utf8').includes('<Icon>extension/media/icon.png</Icon>'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
