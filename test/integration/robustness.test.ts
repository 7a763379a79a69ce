// Hostile pages and a broken site configuration in the real VS Code: diagnostics still appear
// where they belong, nothing MedGuide runs throws into the extension host, and the commands and
// the preview keep working afterwards.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'medguide.medguide';

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

function at(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), relative);
}

function medguide(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MedGuide');
}

async function waitFor(uri: vscode.Uri, predicate: (list: vscode.Diagnostic[]) => boolean, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const list = medguide(uri);
    if (predicate(list)) return list;
    await new Promise((r) => setTimeout(r, 100));
  }
  return medguide(uri);
}

async function show(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(at(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

const codes = (list: readonly vscode.Diagnostic[]) => list.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
const rangeOf = (d: vscode.Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];

/** Errors that reach the extension host's process from MedGuide's code (listeners added for this suite only). */
const escaped: string[] = [];
function record(reason: unknown): void {
  const text = reason instanceof Error ? `${reason.message}\n${reason.stack ?? ''}` : String(reason);
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext || text.includes(ext.extensionPath) || /medguide/i.test(text)) escaped.push(text);
}

describe('Robustness in the real VS Code', function () {
  this.timeout(60_000);

  before(() => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });

  after(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });

  it('reports broken TOML as a syntax error on the line, not as an internal error', async () => {
    const doc = await show('content/robustesse/toml-casse.md');
    const list = await waitFor(doc.uri, (l) => l.length > 0);
    assert.deepEqual(codes(list), ['toml-syntax']);
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(rangeOf(list[0]), [2, 0, 2, 85]);
  });

  it('checks a page whose shortcodes never close (front matter found, preview warns)', async () => {
    const doc = await show('content/robustesse/shortcode-non-ferme.md');
    const list = await waitFor(doc.uri, (l) => codes(l).includes('unknown-key'));
    assert.ok(!codes(list).includes('internal-error'), codes(list).join(', '));
    const unknown = list.find((d) => d.code === 'unknown-key');
    assert.ok(unknown, `unknown-key reported (got ${codes(list).join(', ')})`);
    assert.deepEqual(rangeOf(unknown), [7, 0, 7, 8]);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc.getText());
    assert.match(html, /medguide-shortcode-warning/, 'the preview says the collapse section is not closed');
  });

  it('keeps exact positions on a CRLF page with a NUL byte, and survives a NUL typed into the front matter', async () => {
    const doc = await show('content/robustesse/nul-crlf.md');
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    assert.ok(doc.getText().includes('\u0000'));
    const list = await waitFor(doc.uri, (l) => l.length > 0);
    assert.deepEqual(codes(list), ['date-format']);
    assert.deepEqual(rangeOf(list[0]), [2, 7, 2, 19]);

    // A NUL inside a TOML string is a syntax error; the page must say so, not break.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(1, 10), '\u0000');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitFor(doc.uri, (l) => codes(l).includes('toml-syntax'));
    assert.deepEqual(codes(after), ['toml-syntax'], JSON.stringify(after.map((d) => d.message)));
    assert.equal(after[0].range.start.line, 1);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc.getText());
    assert.equal(typeof html, 'string');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports a broken .medguide.toml in the file itself, and checks its pages with the default rules', async () => {
    const page = await show('sites/casse/content/page.md');
    // The broken file sets unknown-key to "off": the default rules still report it.
    const list = await waitFor(page.uri, (l) => l.length > 0);
    assert.deepEqual(codes(list), ['unknown-key']);
    assert.equal(list[0].severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(rangeOf(list[0]), [5, 0, 5, 8]);

    const config = at('sites/casse/.medguide.toml');
    const problems = await waitFor(config, (l) => l.length > 0);
    assert.deepEqual(codes(problems), ['toml-syntax']);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problems[0].range.start.line, 4, problems[0].message);
  });

  it('leaves well-formed diagnostics everywhere, the commands working and no error escaped to the host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext?.isActive, 'MedGuide is still active');
    for (const [uri, list] of vscode.languages.getDiagnostics()) {
      for (const d of list.filter((x) => x.source === 'MedGuide')) {
        const where = `${vscode.workspace.asRelativePath(uri)} ${String(d.code)} ${d.message}`;
        assert.notEqual(d.code, 'internal-error', where);
        assert.ok(typeof d.code === 'string' && d.code.length > 0, where);
        assert.ok(d.message.length > 0, where);
        assert.ok(d.range.start.isBeforeOrEqual(d.range.end), where);
      }
    }
    // The site-wide command reads every page, the broken ones and the nested site's included.
    const checked = await vscode.commands.executeCommand<number>('medguide.validateAll');
    assert.ok(typeof checked === 'number' && checked >= 4, `validateAll checked ${checked} pages`);
    assert.deepEqual(codes(medguide(at('content/robustesse/toml-casse.md'))), ['toml-syntax']);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', '{{% collapse "a" %}}\nx\n{{% /collapse %}}');
    assert.match(html, /<details/);
    assert.deepEqual(escaped, []);
  });
});
