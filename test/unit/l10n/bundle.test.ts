import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '../../..');

/** Every literal first argument of `vscode.l10n.t(...)` in the extension glue. */
export function runtimeStrings(): string[] {
  const dir = join(ROOT, 'src/extension');
  const out = new Set<string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const source = ts.createSourceFile(name, readFileSync(join(dir, name), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText(source).endsWith('l10n.t')) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) out.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...out].sort();
}

describe('l10n: every runtime string and manifest string exists in French', () => {
  it('l10n/bundle.l10n.fr.json translates every vscode.l10n.t string of the glue', () => {
    const fr = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
    const strings = runtimeStrings();
    assert.ok(strings.length > 10, 'the glue has runtime strings');
    const missing = strings.filter((s) => typeof fr[s] !== 'string' || fr[s].trim() === '');
    assert.deepEqual(missing, []);
    for (const s of strings) {
      const placeholders = (x: string) => (x.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(fr[s]), placeholders(s), `same placeholders in the French of "${s}"`);
    }
  });

  it('package.nls.fr.json has every key of package.nls.json, and the manifest uses only known keys', () => {
    const en = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const fr = JSON.parse(readFileSync(join(ROOT, 'package.nls.fr.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((k) => !(k in en)), []);
  });
});
