import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

async function untitledMarkdown(content = ''): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}

describe('Snippets in the real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('expands the "collapse" section snippet contributed for Markdown, with the cursor inside', async () => {
    const editor = await untitledMarkdown();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Section repliable' });
    const text = editor.document.getText();
    assert.match(text, /^\{\{% ?collapse "[^"]+" %\}\}\n/);
    assert.match(text, /\{\{% \/collapse %\}\}\n?$/);
    // The first tab stop selects the title placeholder.
    const selected = editor.document.getText(editor.selection);
    assert.ok(selected.length > 0 && text.includes(`"${selected}"`), `the title placeholder is selected (got "${selected}")`);
  });

  it('expands a new page whose front matter MedGuide accepts', async () => {
    const editor = await untitledMarkdown();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Nouvelle fiche' });
    const text = editor.document.getText();
    assert.match(text, /^\+\+\+\n/);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(text.includes(`lastmod = "${day}"`), 'lastmod is today');
    assert.match(text, /date = "\d{4}-\d\d-\d\dT\d\d:\d\d:00[+-]\d\d:\d\d"/);
  });
});
