// "Guide health" in the real VS Code: the tree lists the fixture site's pages (test/fixtures/
// workspace/sites/sante, copied into the test workspace) under the right kinds of problem and
// sections, oldest first; an item opens its page at the problem's line; editing `lastmod` moves a
// page out of "out of date" and back when the edit is reverted; the status bar counts them; the
// report opens as a webview.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { GROUP_LABELS, HEALTH_GROUPS, KIND_LABELS, REPORT_LABELS } from '../../src/core/health';
import { localize, type Text } from '../../src/core/l10n';
import { extensionHostLogEntries } from '../support/hostLog';

const SITE = 'sites/sante';
const SITE_TITLE = 'Guide santé (fixture)';

interface Item {
  label: string;
  description?: string;
  command?: vscode.Command;
  children: Item[];
}

function lang(): 'fr' | 'en' {
  const setting = vscode.workspace.getConfiguration('medguide').get<string>('language', 'auto');
  return setting === 'fr' || setting === 'en' ? setting : vscode.env.language.startsWith('fr') ? 'fr' : 'en';
}

const t = (m: Text, args?: Record<string, string | number>) => localize(m, lang(), args);

async function tree(): Promise<{ status: string | undefined; items: Item[] }> {
  return (await vscode.commands.executeCommand<{ status: string | undefined; items: Item[] }>('medguide.health.tree'))!;
}

/** The fixture site's node (the workspace holds several sites: one node per site). */
async function siteNode(): Promise<Item> {
  const { items } = await tree();
  const site = items.find((i) => i.label === SITE_TITLE);
  assert.ok(site, `the tree lists ${SITE_TITLE}: ${items.map((i) => i.label).join(', ')}`);
  return site;
}

/** A tree in one line per item, indented, `label — description`. */
function outline(items: readonly Item[], depth = 0): string[] {
  return items.flatMap((i) => [`${'  '.repeat(depth)}${i.label}${i.description ? ` — ${i.description}` : ''}`, ...outline(i.children, depth + 1)]);
}

async function until<T>(ask: () => Promise<T>, accept: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await ask();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    last = await ask();
  }
  if (!accept(last)) {
    let shown: string;
    try {
      shown = JSON.stringify(last, (k, v) => (k === 'command' ? undefined : v), 1)?.slice(0, 3000) ?? String(last);
    } catch {
      shown = String(last);
    }
    assert.fail(`${what}: ${shown}`);
  }
  return last;
}

/** The entries of the extension host's log that say `text`. */
function hostLogEntries(text: string): string[] {
  return extensionHostLogEntries().filter((entry) => entry.includes(text));
}

/** Replaces the first `from` of an open document with `to`, as an edit (not saved); asserts that `from` is there. */
async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `${from} in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/**
 * Saves the document and waits for `text` in the file on disk. VS Code may have saved it already
 * after a workspace edit (its local history names such a save "Workspace Edit"): the document is
 * then not dirty, and `save()` would have nothing to do and answer false.
 */
async function saved(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.isDirty) assert.ok((await doc.save()) || !doc.isDirty, `${doc.uri.path} saved`);
  await until(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri)), (t) => t.includes(text), `${text} in ${doc.uri.path} on disk`);
}

function siteUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, SITE, relative);
}

describe('Guide health in the real VS Code', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    // The view is in the Explorer once a Hugo site is found; showing it computes every kind of problem.
    await until(tree, (r) => r.items.some((i) => i.label === SITE_TITLE), 'the fixture site in the tree', 60_000);
    await vscode.commands.executeCommand('medguide.health.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the pages under their kind of problem and section, with counts, oldest first', async () => {
    const site = await siteNode();
    const g = (group: (typeof HEALTH_GROUPS)[number]) => t(GROUP_LABELS[group]);
    const k = (kind: keyof typeof KIND_LABELS) => t(KIND_LABELS[kind]);
    const line = (n: number) => t(REPORT_LABELS.line, { line: n });
    const updated = (date: string) => t(REPORT_LABELS.updatedOn, { date });
    const sources = (year: number) => t(REPORT_LABELS.sourcesYear, { year });
    assert.deepEqual(outline(site.children), [
      `${g('outdated')} — 3`,
      '  recommandations — 3',
      `    Asthme de l'adulte — ${updated('2014-01-01')}`,
      `    Hypertension artérielle (2015) — ${sources(2012)} · ${updated('2015-03-01')}`,
      `      ${k('update-old')} — ${line(7)}`,
      `      ${k('sources-old')} — ${line(8)}`,
      `    Vaccination de l'adulte — ${updated('2016-05-10')}`,
      `${g('unfinished')} — 3`,
      '  brouillons — 1',
      `    Brouillons — ${k('draft')}`,
      '  cabinet — 1',
      `    Protocole de téléconsultation — ${k('draft')}, ${k('marker')}`,
      `      ${k('draft')} — ${line(7)}`,
      `      ${k('marker')} — ${line(10)}`,
      `      ${k('marker')} — ${line(18)}`,
      '  recommandations — 1',
      `    Hypertension artérielle (2015) — ${k('todo')}`,
      `${g('unpublished')} — 6`,
      '  brouillons — 1',
      `    Une idée de fiche — ${k('section-not-built')}`,
      '  cabinet — 5',
      `    Notes de l'annuaire — ${k('excluded')}`,
      `    Campagne de vaccination 2019 — ${k('expired')}`,
      `    Extrait réutilisable — ${k('headless')}`,
      `    Page non écrite — ${k('not-rendered')}`,
      `    Nouvelle convention — ${k('future')}`,
      `${g('links')} — 2`,
      '  cabinet — 2',
      `    Page isolée — ${k('orphan')}`,
      `    Liens utiles — ${k('broken-ref')}, ${k('broken-anchor')}`,
      `      ${k('broken-ref')} — ${line(12)}`,
      `      ${k('broken-anchor')} — ${line(13)}`,
      `      ${k('broken-ref')} — ${line(14)}`,
      `${g('sources')} — 2`,
      '  cabinet — 1',
      `    Messagerie sécurisée — ${k('source-after-lastmod')}`,
      '  recommandations — 1',
      `    Asthme de l'adulte — ${k('no-sources')}`,
      `${g('patient')} — 1`,
      '  cabinet — 1',
      `    Messagerie sécurisée — ${k('patient-identifier')}, ${k('mssante-address')}`,
      `      ${k('patient-identifier')} — ${line(11)}`,
      `      ${k('mssante-address')} — ${line(13)}`,
    ]);
  });

  it('opens the page at the problem line when an item is clicked', async () => {
    const site = await siteNode();
    const links = site.children.find((c) => c.label === t(GROUP_LABELS.links))!;
    const page = links.children[0].children.find((p) => p.label === 'Liens utiles')!;
    for (const [item, line, character] of [
      [page, 11, 34],
      [page.children[1], 12, 34],
      [page.children[2], 13, 29],
    ] as const) {
      assert.ok(item.command, `${item.label} has a command`);
      await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
      const editor = await until(
        async () => vscode.window.activeTextEditor,
        (e) => e !== undefined && e.document.uri.path === siteUri('content/cabinet/liens.md').path && e.selection.active.line === line,
        `the editor on liens.md at line ${line + 1}`,
      );
      assert.deepEqual([editor!.selection.active.line, editor!.selection.active.character], [line, character]);
    }
    assert.match(vscode.window.activeTextEditor!.document.lineAt(13).text.slice(29), /^brouillon\.md/);
  });

  it('moves a page out of "out of date" when its lastmod is edited, and back when the old date is saved again', async () => {
    const uri = siteUri('content/recommandations/vaccins.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const outdated = async () => {
      const site = await siteNode();
      const group = site.children.find((c) => c.label === t(GROUP_LABELS.outdated));
      return group ? outline(group.children) : [];
    };
    const vaccins = (rows: string[]) => rows.some((r) => r.includes("Vaccination de l'adulte"));
    assert.ok(vaccins(await outdated()), 'out of date before the edit');

    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await replaceText(doc, 'lastmod = "2016-05-10"', `lastmod = "${today}"`);
    const after = await until(outdated, (rows) => !vaccins(rows), 'vaccins.md leaves "out of date" once lastmod says today');
    assert.deepEqual(after.map((r) => r.trim().split(' — ')[0]), ['recommandations', "Asthme de l'adulte", 'Hypertension artérielle (2015)', t(KIND_LABELS['update-old']), t(KIND_LABELS['sources-old'])]);
    const status = (await tree()).status ?? '';
    assert.match(status, /^\$\(history\) \d+ /, 'the status bar counts the pages out of date');

    // Back to the old date (an edit, then saved: the page on disk as it was).
    await replaceText(doc, `lastmod = "${today}"`, 'lastmod = "2016-05-10"');
    await saved(doc, 'lastmod = "2016-05-10"');
    await until(outdated, (rows) => vaccins(rows), 'vaccins.md back in "out of date" once the old date is back');
  });

  it('stays whole through changes while it is hidden and shown again: VS Code never asks for an item it was told to forget', async () => {
    // Every change of the reports refreshes the view. A hidden view is refreshed when it is shown
    // again: VS Code walks down its open items, one request per level, and that walk is not queued
    // behind the extension's next refresh. A change during the walk made the extension host forget
    // the items before VS Code asked for their children: "No tree item with id … found" errors in
    // its log. The view's refreshes now wait for the walk (src/extension/treeRefresh.ts).
    const uri = siteUri('content/recommandations/vaccins.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('medguide.health.focus');
    const before = outline((await siteNode()).children);
    const errorsBefore = hostLogEntries('No tree item with id').length;
    const dates = ['2016-05-10', `${new Date().getFullYear()}-01-02`];
    let edits = 0;
    /** Edits lastmod (the page leaves or enters "out of date"); the guide health is computed again by the caller. */
    const edit = async () => {
      edits++;
      await replaceText(doc, `lastmod = "${dates[(edits + 1) % 2]}"`, `lastmod = "${dates[edits % 2]}"`);
    };
    for (let i = 0; i < 16; i++) {
      // Hidden (another view of the side bar), changed.
      await vscode.commands.executeCommand('workbench.view.search');
      await new Promise((r) => setTimeout(r, 150));
      await edit();
      await vscode.commands.executeCommand('medguide.health.refresh');
      // Changed again, and shown while that change is computed: its refresh comes at some point of
      // VS Code's walk (a little later each time).
      await edit();
      const run = vscode.commands.executeCommand('medguide.health.refresh');
      await new Promise((r) => setTimeout(r, 150 + ((i * 12) % 192)));
      await vscode.commands.executeCommand('medguide.health.focus');
      await run;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(doc.getText().includes(`lastmod = "${dates[0]}"`), 'the old date is back after an even number of edits');
    await saved(doc, `lastmod = "${dates[0]}"`);
    await until(async () => outline((await siteNode()).children), (rows) => JSON.stringify(rows) === JSON.stringify(before), 'the tree as it was before');
    // What VS Code may still ask after the last refresh, and the log written.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.deepEqual(hostLogEntries('No tree item with id').slice(errorsBefore), []);
  });

  it('counts the out-of-date pages of every site in the status bar', async () => {
    const { status, items } = await tree();
    const total = items.reduce((n, site) => n + Number(site.children.find((g) => g.label === t(GROUP_LABELS.outdated))?.description ?? 0), 0);
    assert.ok(total >= 3, `${total} out-of-date pages in the workspace`);
    const text = lang() === 'fr' ? `${total} à mettre à jour` : `${total} out of date`;
    assert.equal(status, `$(history) ${text}`);
  });

  it('opens the report in a webview', async () => {
    await vscode.commands.executeCommand('medguide.health.openReport');
    const title = lang() === 'fr' ? 'Santé du guide' : 'Guide Health';
    const tab = await until(
      async () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tb) => tb.input instanceof vscode.TabInputWebview && tb.label === title),
      (tb) => tb !== undefined,
      'a "Guide Health" webview tab',
    );
    assert.match((tab!.input as vscode.TabInputWebview).viewType, /medguide\.healthReport$/);
  });
});
