import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { SiteWorkspace } from '../../src/core/site';
import { VscodeHost } from '../../src/extension/host';

const NAV_PAGE = 'tests/navigation-sections.md';
const BROKEN_PAGE = 'tests/shortcodes-casses.md';

async function openPage(relative: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(`content/${relative}`, undefined, 1);
  assert.ok(uri, `content/${relative} exists in the test workspace`);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.extensions.getExtension('medguide.medguide')!.activate();
  return doc;
}

/** Asks until `accept` holds (the site index and template scan fill in the background). */
async function until<T>(ask: () => Thenable<T>, accept: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 60; i++) {
    last = await ask();
    if (accept(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: last answer ${JSON.stringify(last, null, 1)?.slice(0, 2000)}`);
}

function flat(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, needle);
  return doc.positionAt(at).line;
}

describe('Navigation: outline, folding, relref links and completion in a real VS Code', () => {
  it('adds the collapse sections to the outline, with the headings inside them', async () => {
    const doc = await openPage(NAV_PAGE);
    const symbols = await until(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (s) => Array.isArray(s) && s.some((x) => x.kind === vscode.SymbolKind.Namespace),
      'a Namespace symbol for each collapse section',
    );
    const all = flat(symbols);
    const sections = all.filter((s) => s.kind === vscode.SymbolKind.Namespace);
    assert.deepEqual(
      sections.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line, s.selectionRange.start.line]),
      [
        ['Première section', 'collapse', lineOf(doc, '{{%collapse'), lineOf(doc, '{{% /collapse'), lineOf(doc, '{{%collapse')],
        ['Deuxième section', 'collapse', lineOf(doc, '{{% collapse "Deux'), doc.lineCount - 2, lineOf(doc, '{{% collapse "Deux')],
      ],
    );
    assert.deepEqual(
      sections.map((s) => s.children.map((c) => [c.name, c.kind, c.range.start.line])),
      [[['Sous-titre dans la section', vscode.SymbolKind.String, lineOf(doc, '## Sous-titre')]], [['Détail', vscode.SymbolKind.String, lineOf(doc, '### Détail')]]],
    );
    // The built-in Markdown outline lists `#` headings (and, through MedGuide's markdown-it plugin,
    // the collapse titles as `##`); MedGuide adds only the sections: a heading outside any
    // section appears once, from the built-in provider.
    const titled = all.filter((s) => s.name.replace(/^#+\s*/, '') === 'Titre hors section');
    assert.equal(titled.length, 1, `built-in outline: ${JSON.stringify(symbols.map((s) => [s.name, s.kind]))}`);
  });

  it('folds the front matter and the shortcode pairs', async () => {
    const doc = await openPage(NAV_PAGE);
    const ranges = await until(
      () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri),
      (r) => Array.isArray(r) && r.some((x) => x.start === lineOf(doc, '{{% notice')),
      'folding ranges for the shortcodes',
    );
    const has = (start: number, end: number) => ranges.some((r) => r.start === start && r.end === end);
    assert.ok(has(0, lineOf(doc, '+++\n\n#')), `front matter fold in ${JSON.stringify(ranges)}`);
    assert.ok(has(lineOf(doc, '{{%collapse'), lineOf(doc, '{{% /collapse')), 'first collapse section');
    assert.ok(has(lineOf(doc, '{{% notice'), lineOf(doc, '{{% /notice')), 'notice inside it');
    assert.ok(has(lineOf(doc, '{{% collapse "Deux'), doc.lineCount - 2), 'second collapse section');
  });

  it('makes relref targets document links to the page file, the anchor as fragment', async () => {
    const doc = await openPage(NAV_PAGE);
    const links = await until(
      () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri),
      (l) => Array.isArray(l) && l.some((x) => x.target?.path.endsWith('/content/cabinet/e-cps.md')),
      'a link to cabinet/e-cps.md',
    );
    const eCps = links.find((l) => l.target?.path.endsWith('/content/cabinet/e-cps.md'))!;
    const line = lineOf(doc, 'cabinet/e-cps.md#');
    const start = doc.lineAt(line).text.indexOf('cabinet/e-cps.md#');
    assert.deepEqual(
      [eCps.range.start.line, eCps.range.start.character, eCps.range.end.character, eCps.target!.fragment],
      [line, start, start + 'cabinet/e-cps.md#activer-lapplication'.length, 'activer-lapplication'],
    );
    const self = links.find((l) => l.target?.fragment === 'première-section');
    assert.ok(self && self.target!.path.endsWith('/content/tests/navigation-sections.md'), 'a `#anchor` alone links to the page itself');
    const [target] = await vscode.workspace.findFiles('content/cabinet/e-cps.md', undefined, 1);
    assert.equal((await vscode.workspace.fs.stat(eCps.target!.with({ fragment: '' }))).type, vscode.FileType.File);
    assert.equal(eCps.target!.with({ fragment: '' }).toString(), target.toString());
  });

  it('completes relref targets with the site pages and their titles', async () => {
    const doc = await openPage(NAV_PAGE);
    const line = lineOf(doc, 'cabinet/e-cps.md#');
    const character = doc.lineAt(line).text.indexOf('cabinet/e-cps.md#');
    const list = await until(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character), '"'),
      (l) => l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'cabinet/e-cps.md'),
      'cabinet/e-cps.md offered',
    );
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'cabinet/e-cps.md')!;
    assert.equal(item.insertText, 'cabinet/e-cps.md');
    assert.equal(item.detail, "La carte e-CPS : s'identifier sans lecteur de carte");
    const range = item.range as vscode.Range;
    assert.deepEqual([range.start.character, range.end.character], [character, character + 'cabinet/e-cps.md'.length]);
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'recommandations/hypertension-arterielle.md'));
  });

  it('completes the anchors of the target page after #', async () => {
    const doc = await openPage(NAV_PAGE);
    const line = lineOf(doc, 'cabinet/e-cps.md#');
    const character = doc.lineAt(line).text.indexOf('#activer') + 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, character), '#');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const id of ['à-quoi-elle-sert', 'activer-lapplication', 'perte-ou-vol-du-téléphone']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
  });

  it('completes shortcode names after {{% with the site templates and Hugo built-ins', async () => {
    const doc = await openPage(NAV_PAGE);
    const line = lineOf(doc, '{{% notice');
    const list = await until(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 4), '%'),
      (l) => l.items.some((i) => i.label === 'collapse'),
      'collapse offered',
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['collapse', 'notice', 'alert', 'warning', 'youtube', 'figure', 'relref']) assert.ok(labels.includes(name), `${name} in ${labels.join(', ')}`);
    const collapse = list.items.find((i) => i.label === 'collapse')!;
    assert.deepEqual([(collapse.range as vscode.Range).start.character, (collapse.range as vscode.Range).end.character], [4, 10]);
  });

  it('publishes the shortcode and relref diagnostics of a page, with exact ranges', async () => {
    const doc = await openPage(BROKEN_PAGE);
    {
      // The site model over workspace.fs, as the extension reads it.
      const site = await new SiteWorkspace(new VscodeHost(doc.uri)).siteFor(doc.uri.path);
      assert.deepEqual([...((await site!.shortcodes()).templates ?? [])].sort(), ['alert', 'collapse', 'notice', 'warning']);
      await vscode.window.showTextDocument(doc);
      const SEVERITY = ['error', 'warning', 'information', 'hint'];
      const published = async () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'MedGuide' && /^(shortcode|relref)-/.test(String(d.code)));
      for (let i = 0; i < 100 && (await published()).length < 5; i++) await new Promise((r) => setTimeout(r, 100));
      const list = (await published())
        .map((d) => ({ code: String(d.code), severity: SEVERITY[d.severity], range: { start: d.range.start, end: d.range.end }, message: d.message }))
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      const at = (needle: string) => {
        const o = doc.getText().indexOf(needle);
        return [doc.positionAt(o).line, doc.positionAt(o).character];
      };
      const rows = list.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);
      const sansFin = at('{{%collapse "Sans fin"');
      const faute = at('colapse');
      const cpss = at('e-cpss.md');
      const anchor = at('activer"');
      const orphan = at('{{% /notice %}}');
      assert.deepEqual(rows, [
        ['shortcode-unclosed', 'error', sansFin[0], 0, sansFin[0], '{{%collapse "Sans fin" %}}'.length],
        ['shortcode-unknown', 'warning', faute[0], 4, faute[0], 11],
        ['relref-not-found', 'error', cpss[0], cpss[1], cpss[0], cpss[1] + 'e-cpss.md'.length],
        ['relref-anchor', 'warning', anchor[0], anchor[1], anchor[0], anchor[1] + 'activer'.length],
        ['shortcode-unexpected-close', 'error', orphan[0], 0, orphan[0], '{{% /notice %}}'.length],
      ]);
      assert.ok(list.every((d) => d.message.length > 0));
      assert.ok(!list.some((d) => d.code === 'shortcode-unclosed' && d.message.includes('colapse')), 'an unknown name is not assumed to take a body');
    }
  });
});
