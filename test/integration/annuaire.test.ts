import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readExtract } from '../../src/core/annuaire';
import { generateExtract, zipExtract } from '../support/annuaireExtract';

// The Annuaire Santé extract in the real VS Code: loaded from a generated zip through the command
// (a Uri argument stands for the file picker), then downloaded from a local server; the quick pick
// prefilled and accepted, the address inserted at every cursor; an unknown address flagged, and
// its quick fix replacing it with the one chosen.

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, tries = 150): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs the insert command, and accepts the quick pick's first item once it shows the expected one. */
async function insertWith(args: unknown): Promise<string | undefined> {
  const running = vscode.commands.executeCommand<string | undefined>('medguide.insertProfessionalAddress', args);
  await new Promise((r) => setTimeout(r, 800));
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  return running;
}

describe('Annuaire Santé in the real VS Code', function () {
  this.timeout(90_000);
  const g = generateExtract({ count: 800, seed: 21, duplicates: [2, 3], broken: ['short', 'no-address'], crlf: true, bom: true });
  const known = g.people.find((p) => p.type === 'PER' && p.savoirFaire !== '')!;
  let dir: string;
  let server: Server | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'medguide-annuaire-it-'));
  });
  after(async () => {
    await vscode.workspace.getConfiguration('medguide.mssante').update('insertFormat', undefined, vscode.ConfigurationTarget.Workspace);
    if (server) await new Promise<void>((r) => server!.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a zip chosen as a file: counts, date; an unreadable file gets a message, not a crash', async () => {
    const zip = join(dir, 'Extraction_Correspondance_MSSante_202611280400.zip');
    writeFileSync(zip, zipExtract(g.text, '202611280400'));
    const result = await vscode.commands.executeCommand('medguide.annuaire.load', vscode.Uri.file(zip));
    assert.deepEqual(result, { entries: 800, date: '2026-11-28T04:00', lines: 804, duplicates: 2, broken: 2 });
    const bad = join(dir, 'not-extract.txt');
    writeFileSync(bad, 'nom;prenom\n');
    assert.equal(await vscode.commands.executeCommand('medguide.annuaire.load', vscode.Uri.file(bad)), undefined);
  });

  it('flags an address the extract lacks, naming its date, and not one it has', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, 'content/tests/annuaire-adresses.md');
    const text = `+++\ntitle = "Adresses"\n+++\n\nÉcrire au Dr Anne Fermée : <anne.fermee@medecin.mssante.fr>.\nConnue : <${known.address}>\n`;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const list = await waitFor(() => {
      const l = vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'mssante-address-unknown');
      return l.length > 0 ? l : undefined;
    }, 'the unknown-address diagnostic');
    assert.equal(list.length, 1);
    const d = list[0];
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [4, 28, 4, 58]);
    assert.match(d.message, /anne\.fermee@medecin\.mssante\.fr/);
    assert.match(d.message, /28\/11\/2026|2026-11-28/);

    // The quick fix: search prefilled with the name near the address; the chosen address replaces it.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.command?.command === 'medguide.insertProfessionalAddress');
    assert.ok(fix, `a search quick fix (got ${actions.map((a) => a.title).join(' | ')})`);
    assert.match(fix.title, /Anne Fermée/);
    const args = fix.command!.arguments![0] as { query: string };
    assert.equal(args.query, 'Anne Fermée');
    // "Anne Fermée" is in no generated extract: the quick pick is searched again with the known person's name.
    const index = await readExtract(new TextEncoder().encode(g.text));
    const query = `${known.nom} ${known.prenom} ${known.postalCode}`;
    const expected = index.search(query, 50).entries[0].address;
    const chosen = await insertWith({ ...args, query });
    assert.equal(chosen, expected);
    assert.ok(editor.document.getText().includes(`Écrire au Dr Anne Fermée : <${expected}>.`), editor.document.getText());
    await waitFor(() => (vscode.languages.getDiagnostics(uri).some((x) => x.code === 'mssante-address-unknown') ? undefined : true), 'the warning to go');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('inserts the chosen address at every cursor, in medguide.mssante.insertFormat', async () => {
    await vscode.workspace.getConfiguration('medguide.mssante').update('insertFormat', 'mailto', vscode.ConfigurationTarget.Workspace);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'A: \nB: \n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selections = [new vscode.Selection(0, 3, 0, 3), new vscode.Selection(1, 3, 1, 3)];
    const index = await readExtract(new TextEncoder().encode(g.text));
    const query = `${known.prenom} ${known.nom} ${known.savoirFaire.slice(0, 6)}`;
    const expected = index.search(query, 50).entries[0].address;
    const chosen = await insertWith({ query });
    assert.equal(chosen, expected);
    assert.equal(doc.getText(), `A: [${expected}](mailto:${expected})\nB: [${expected}](mailto:${expected})\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('downloads the extract from a local server (the medguide.annuaire.url kind of address) and keeps the date', async () => {
    const other = generateExtract({ count: 50, seed: 3 });
    const zip = zipExtract(other.text, '202612030400');
    server = createServer((req, res) => {
      if (req.url === '/extract') {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length), 'content-disposition': 'attachment; filename="Extraction_Correspondance_MSSante_202612030400.zip"' });
        res.end(Buffer.from(zip));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/extract`;
    const result = await vscode.commands.executeCommand('medguide.annuaire.load', { url });
    assert.deepEqual(result, { entries: 50, date: '2026-12-03T04:00', lines: 50, duplicates: 0, broken: 0 });
    const missing = await vscode.commands.executeCommand('medguide.annuaire.load', { url: url.replace('/extract', '/nothing') });
    assert.equal(missing, undefined);
  });
});
