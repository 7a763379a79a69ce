import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { validatePage } from '../../src/core/frontmatter';
import { toVsDiagnostic, toVsDiagnosticsIn } from '../../src/extension/convert';

// A missing `]` on line 10 is only noticed on line 11: the problem says where the list was opened.
const PAGE = [
  '+++',
  'title = "Page de test : une liste non fermée"',
  'description = "Une page de test dont la liste des sources n’est pas fermée par un crochet."',
  'auteurs = ["Test AUTEUR"]',
  'date = "2024-02-01"',
  'sources = [',
  '  "HAS",',
  '  "ESH"',
  'tags = ["hta"]',
  '+++',
  '',
  'Texte.',
  '',
].join('\n');

describe('TOML errors inside a list: where the list was opened', () => {
  it('names the line of the unclosed `[` in the problem the editor shows', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'content/tests/liste-non-fermee.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(PAGE));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    let problem: vscode.Diagnostic | undefined;
    for (let i = 0; i < 100 && !problem; i++) {
      problem = vscode.languages.getDiagnostics(uri).find((d) => d.source === 'MedGuide' && d.code === 'toml-syntax');
      if (!problem) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(problem, 'a toml-syntax problem');
    assert.equal(problem.range.start.line, 8, 'reported where the parser stopped (line 9 as editors count)');
    assert.match(problem.message, /(The list opened on line 6 is not closed: `\]` \(or a comma\) is missing before this point\.|La liste ouverte ligne 6 n’est pas fermée : il manque `\]` \(ou une virgule\) avant cet endroit\.)$/);
  });

  it('turns the core’s related place into related information at the `[` in the same file', () => {
    const uri = vscode.Uri.file('/site/content/page.md');
    const [core] = validatePage(PAGE, { lang: 'en', today: '2025-01-01' });
    const related = [toVsDiagnostic(core, uri), ...toVsDiagnosticsIn(uri, [core])].map((d) => d.relatedInformation);
    for (const info of related) {
      assert.equal(info?.length, 1);
      assert.equal(info![0].message, 'List opened here');
      assert.equal(info![0].location.uri.toString(), uri.toString());
      assert.ok(info![0].location.range.isEqual(new vscode.Range(5, 10, 5, 11)), JSON.stringify(info![0].location.range));
    }
    // Called as `list.map(toVsDiagnostic)` the index is no file: no related information then.
    assert.equal([core].map(toVsDiagnostic)[0].relatedInformation, undefined);
  });
});
