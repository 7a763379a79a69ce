import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('src/core imports no vscode, no fs and no Node module (it runs in the browser too)', () => {
    const offenders: string[] = [];
    for (const file of files(join(ROOT, 'src/core'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util'].includes(spec)) {
          offenders.push(`${relative(ROOT, file)}: ${spec}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the extension glue bundles for the browser (vscode.dev) without any Node module', async function () {
    this.timeout(30_000);
    const result = await build({
      entryPoints: [join(ROOT, 'src/extension/main.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
      logLevel: 'silent',
      metafile: true,
    });
    assert.deepEqual(result.errors, []);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.includes('src/core/markdown')), 'the preview plugin is in the web bundle');
    const code = result.outputFiles[0].text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(requires)], ['vscode']);
  });

  it('the glue has no console output (a NIR must never reach a log)', () => {
    const offenders = files(join(ROOT, 'src/extension'))
      .concat(files(join(ROOT, 'src/core')))
      .filter((f) => /console\.(log|info|debug|warn|error)\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    assert.deepEqual(offenders, []);
  });
});
