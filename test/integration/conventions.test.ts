import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

// A 40-page site with no .medguide.toml (test/fixtures/workspace/sites/conventions, written by
// test/unit/conventions/fixture.ts): its pages are checked against the site's own conventions.
const SITE = 'sites/conventions';

function at(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SITE, relative);
}

async function medguide(uri: vscode.Uri, until: (list: vscode.Diagnostic[]) => boolean, ms = 20_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + ms;
  let list: vscode.Diagnostic[] = [];
  while (Date.now() < deadline) {
    list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide');
    if (until(list)) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  return list;
}

const show = (list: vscode.Diagnostic[]) => list.map((d) => `${d.code} ${d.message}`).join(' | ');

describe('The site\'s own conventions in the real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    try {
      await vscode.workspace.fs.delete(at('.medguide.toml'));
    } catch {
      // already gone
    }
  });

  it('shows inferred diagnostics with their "why", writes the rules out, and re-checks the pages when the file is edited', async function () {
    this.timeout(90_000);
    const config = vscode.workspace.getConfiguration('medguide');
    await config.update('language', 'en', vscode.ConfigurationTarget.Workspace);
    try {
      const hta = at('content/recommandations/hta.md');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(hta));
      const inferred = await medguide(hta, (l) => l.some((d) => d.code === 'required'));
      assert.deepEqual(
        inferred.map((d) => [d.code, d.range.start.line, d.message]),
        [['required', 0, 'Missing required key: `sources` (array of strings). Inferred from the site: 19 of 20 pages in `recommandations/` have `sources`.']],
        show(inferred),
      );
      // The hover over a diagnostic shows its message; the hover over a key says where its rule came from.
      const vaccins = at('content/fiches/vaccins.md');
      const doc = await vscode.workspace.openTextDocument(vaccins);
      await vscode.window.showTextDocument(doc);
      const typeError = await medguide(vaccins, (l) => l.some((d) => d.code === 'type'));
      assert.match(typeError.find((d) => d.code === 'type')!.message, /Inferred from the site: 39 of 40 values of `relu` are of type boolean/);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', vaccins, new vscode.Position(7, 1));
      const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(hoverText, /Source: inferred from the site's pages\. Inferred from the site: 40 of 40 pages have `relu`\./, hoverText);

      // "MedGuide: Write the Site's Rules" writes a commented .medguide.toml and opens it.
      const written = await vscode.commands.executeCommand<vscode.Uri>('medguide.writeRules', hta);
      assert.equal(written?.toString(), at('.medguide.toml').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(written));
      assert.match(text, /\[sections\.keys\.sources\]\nrequired = true {3}# Inferred from the site: 19 of 20 pages in `recommandations\/` have `sources`\./);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), written.toString(), 'the file is opened for review');
      // The page is checked against the file now: the same problem, a rule of the site's own file.
      const fromFile = await medguide(hta, (l) => l.some((d) => d.code === 'required' && !d.message.includes('Inferred')));
      assert.deepEqual(fromFile.map((d) => d.message), ['Missing required key: `sources` (array of strings).'], show(fromFile));
      assert.deepEqual(vscode.languages.getDiagnostics(written), [], 'the written file is valid');

      // Edited: `sources` no longer required in recommandations; the page is checked again.
      const editor = vscode.window.activeTextEditor!;
      const lines = editor.document.getText().split('\n');
      const header = lines.findIndex((l, i) => l === '[sections.keys.sources]' && lines[i + 1].startsWith('required = true'));
      assert.ok(header > 0);
      await editor.edit((b) => b.replace(new vscode.Range(header + 1, 0, header + 1, lines[header + 1].length), 'required = false'));
      await editor.document.save();
      const after = await medguide(hta, (l) => l.length === 0);
      assert.deepEqual(after, [], show(after));

      // Never replaced without asking.
      assert.equal(await vscode.commands.executeCommand('medguide.writeRules', hta, { replace: false }), undefined);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(written)), /required = false/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
