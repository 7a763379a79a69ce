import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

async function diagnosticsOf(relative: string, predicate: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0): Promise<vscode.Diagnostic[]> {
  const [uri] = await vscode.workspace.findFiles(relative, undefined, 1);
  assert.ok(uri, `${relative} exists in the test workspace`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  for (let i = 0; i < 100; i++) {
    const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide');
    if (predicate(list)) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide');
}

describe('Diagnostics in the real VS Code', () => {
  it('reports the faulty front matter with codes, ranges and severities', async () => {
    const list = await diagnosticsOf('content/tests/front-matter-fautive.md');
    const byCode = new Map(list.map((d) => [String(d.code), d]));
    const date = byCode.get('date-format');
    assert.ok(date, `date-format reported (got ${[...byCode.keys()].join(', ')})`);
    assert.equal(date.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([date.range.start.line, date.range.start.character, date.range.end.line, date.range.end.character], [4, 7, 4, 19]);
    const unknown = byCode.get('unknown-key');
    assert.ok(unknown, 'unknown-key reported');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([unknown.range.start.line, unknown.range.start.character, unknown.range.end.line, unknown.range.end.character], [5, 0, 5, 8]);
    assert.match(unknown.message, /lastmod/);
    assert.ok(byCode.has('duplicate-value'), 'duplicate author reported');
  });

  it('reports nothing on the example site\'s pages', async () => {
    const files = await vscode.workspace.findFiles('content/{recommandations,cabinet}/*.md');
    assert.ok(files.length >= 6);
    for (const uri of files) {
      await vscode.workspace.openTextDocument(uri);
    }
    await new Promise((r) => setTimeout(r, 1500));
    for (const uri of files) {
      const list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide' && d.severity <= vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(list.map((d) => `${d.code} ${d.message}`), [], vscode.workspace.asRelativePath(uri));
    }
  });
});
