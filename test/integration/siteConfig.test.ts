import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

// A second site in the workspace, with its own .medguide.toml: the editor applies that site's
// rules to its pages, and a change to the file applies at once.
const SITE = 'sites/regles';

const CONFIG = `extraKeys = ["vignette"]

[keys.specialites]
values = ["cardiologie", "pédiatrie"]

[severity]
unknown-key = "error"

[[sections]]
paths = ["content/recommandations/**"]
[sections.keys.id]
required = true
`;

const PAGE = `+++
title = "Page de test des règles du site"
description = "Une page qui vérifie que le fichier .medguide.toml du site s'applique dans l'éditeur."
auteurs = ["Test AUTEUR"]
date = "2024-02-12T08:45:00+01:00"
specialites = ["cardiologie", "dermatologie"]
vignette = "oui"
lastmode = "2024-03-01"
+++

Texte.
`;

async function write(relative: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

async function codesOf(uri: vscode.Uri, until: (codes: string[]) => boolean): Promise<Map<string, vscode.Diagnostic>> {
  let list: vscode.Diagnostic[] = [];
  for (let i = 0; i < 100; i++) {
    list = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide');
    if (until(list.map((d) => String(d.code)))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return new Map(list.map((d) => [String(d.code), d]));
}

describe('The site\'s .medguide.toml in the real VS Code', () => {
  it('applies the site\'s vocabulary, extra keys, severities and section rules to its pages', async () => {
    await write(`${SITE}/hugo.toml`, 'title = "Règles"\n');
    const configUri = await write(`${SITE}/.medguide.toml`, CONFIG);
    const page = await write(`${SITE}/content/recommandations/page.md`, PAGE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    const codes = await codesOf(page, (c) => c.includes('not-allowed-value') && c.includes('required'));
    const notAllowed = codes.get('not-allowed-value');
    assert.ok(notAllowed, `closed vocabulary enforced (got ${[...codes.keys()].join(', ')})`);
    assert.equal(notAllowed.range.start.line, 5);
    assert.equal(notAllowed.range.start.character, 'specialites = ["cardiologie", '.length);
    assert.equal(codes.get('required')?.range.start.line, 0, 'the section requires `id` (shown on the opening +++)');
    assert.match(codes.get('required')!.message, /id/);
    assert.equal(codes.get('unknown-key')?.severity, vscode.DiagnosticSeverity.Error, 'unknown-key raised to error');
    assert.match(codes.get('unknown-key')!.message, /lastmode/, 'vignette is an extra key: only lastmode is unknown');
    assert.deepEqual(vscode.languages.getDiagnostics(configUri), [], 'a valid config has no problems of its own');

    // Editing the config applies at once: open the vocabulary again.
    await write(`${SITE}/.medguide.toml`, CONFIG.replace('values = ["cardiologie", "pédiatrie"]', 'values = ["cardiologie", "pédiatrie"]\nclosed = false'));
    // Waits for the settled state: while the file is being written, a check may run on a partial config.
    const after = await codesOf(page, (c) => !c.includes('not-allowed-value') && c.includes('required'));
    assert.ok(!after.has('not-allowed-value'), 'an open vocabulary no longer refuses values');
    assert.ok(after.has('required'));
  });

  it('reports a mistake in .medguide.toml in the file itself, at its line', async () => {
    const configUri = await write(`${SITE}/.medguide.toml`, `${CONFIG}\n[severity]\nbogus = \n`);
    const page = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, `${SITE}/content/recommandations/page.md`);
    await vscode.workspace.openTextDocument(page);
    let list: vscode.Diagnostic[] = [];
    for (let i = 0; i < 100 && list.length === 0; i++) {
      list = vscode.languages.getDiagnostics(configUri);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(list.length > 0, 'the broken config has diagnostics');
    assert.equal(list[0].code, 'toml-syntax');
    assert.ok(list[0].range.start.line >= CONFIG.split('\n').length, `at the broken line (${list[0].range.start.line})`);
  });

  it('checks a .medguide.toml as it is typed, before any page uses it', async () => {
    const uri = await write('sites/seul/.medguide.toml', 'extraKeys = ["a"]\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'skipp = ["x"]\n'));
    let list: vscode.Diagnostic[] = [];
    for (let i = 0; i < 50 && list.length === 0; i++) {
      list = vscode.languages.getDiagnostics(uri);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(list.length, 1, list.map((d) => `${d.code} ${d.message}`).join(' | '));
    assert.equal(list[0].code, 'config-unknown-option');
    assert.equal(list[0].range.start.line, 1);
    assert.match(list[0].message, /skip/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
