// The Annuaire Santé extract in VS Code for the browser (web worker extension host, no Node): a
// generated zip of invented people written into the mounted folder, loaded through the command (a
// Uri stands for the file picker), its index saved in the global storage through workspace.fs; a
// page's unknown address flagged, an address inserted from the prefilled quick pick.
import * as vscode from 'vscode';
import { generateExtract, zipExtract } from '../support/annuaireExtract';
import { check, until } from './support';

describe('Web: the Annuaire Santé extract loaded from a file', () => {
  const g = generateExtract({ count: 300, seed: 8, broken: ['short'] });
  const person = g.people.find((p) => p.type === 'PER' && p.savoirFaire !== '')!;

  it('loads the zip, flags an unknown address, inserts a chosen one', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder, 'a workspace folder is open');
    const zip = vscode.Uri.joinPath(folder.uri, 'annuaire-web-test/Extraction_Correspondance_MSSante_202611280400.zip');
    await vscode.workspace.fs.writeFile(zip, zipExtract(g.text, '202611280400'));
    const result = (await vscode.commands.executeCommand('medguide.annuaire.load', zip)) as { entries: number; date: string; broken: number } | undefined;
    check(result?.entries === 300 && result.date === '2026-11-28T04:00' && result.broken === 1, `loaded: ${JSON.stringify(result)}`);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'annuaire-web-test'), { recursive: true });

    const page = vscode.Uri.joinPath(folder.uri, 'content/tests/annuaire-web.md');
    await vscode.workspace.fs.writeFile(page, new TextEncoder().encode('+++\ntitle = "Adresses"\n+++\n\nÉcrire à <inconnu.test@medecin.mssante.fr>.\n\nConnu : \n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    const flagged = await until('the unknown-address warning', () => vscode.languages.getDiagnostics(page).find((d) => d.code === 'mssante-address-unknown'));
    check(flagged.range.start.line === 4 && flagged.range.start.character === 10, `range ${flagged.range.start.line}:${flagged.range.start.character}`);

    editor.selections = [new vscode.Selection(6, 8, 6, 8)];
    const running = vscode.commands.executeCommand<string | undefined>('medguide.insertProfessionalAddress', { query: `${person.nom} ${person.prenom} ${person.postalCode}` });
    await new Promise((r) => setTimeout(r, 1000));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const chosen = await running;
    check(typeof chosen === 'string' && chosen.endsWith('.mssante.fr'), `an address was chosen (got ${chosen})`);
    check(editor.document.lineAt(6).text.includes(chosen), `inserted: ${editor.document.lineAt(6).text}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(page);
  });
});
