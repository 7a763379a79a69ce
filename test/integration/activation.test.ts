import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'medguide.medguide';

describe('MedGuide in a real VS Code', () => {
  it('runs in code-server, a real VS Code', () => {
    assert.ok(vscode.version.length > 0);
    assert.ok(vscode.env.appName.length > 0);
  });

  it('activates when a Markdown file opens', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed as the development extension`);
    const files = await vscode.workspace.findFiles('content/**/*.md', undefined, 1);
    assert.ok(files.length > 0, 'the example site has pages');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(files[0]));
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
