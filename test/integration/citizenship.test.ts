import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FRONT_MATTER_TRIGGER_CHARACTERS, FrontMatterCompletions, FrontMatterHover, inTomlFrontMatter, TaxonomyValues } from '../../src/extension/frontMatterFeatures';
import { redact } from '../../src/extension/log';
import { FoldingProvider, GUIDE_TRIGGER_CHARACTERS, GuideCompletionProvider, OutlineProvider, RelrefLinkProvider } from '../../src/extension/navigation';
import { SiteModel } from '../../src/extension/siteModel';

// Good citizenship in a real VS Code: the providers stop when VS Code cancels them, completion is
// not asked at every space, failures MedGuide gets over are written to its log (without a page's
// text or a NIR), and MedGuide's TOML stays out of the way of VS Code's global `toml` language.

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const at = (relative: string) => vscode.Uri.joinPath(folder(), relative);
const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Files and folders this file writes, removed after each group so the other suites see the workspace they expect. */
const created: vscode.Uri[] = [];

async function write(relative: string, text: string): Promise<vscode.Uri> {
  const uri = at(relative);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  created.push(uri);
  return uri;
}

async function removeCreated(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const uri of created.splice(0)) await Promise.resolve(vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false })).catch(() => undefined);
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const index = doc.getText().indexOf(needle);
  assert.ok(index >= 0, needle);
  return doc.positionAt(index).line;
}

function cancelled(): vscode.CancellationToken {
  const source = new vscode.CancellationTokenSource();
  source.cancel();
  return source.token;
}

const live = () => new vscode.CancellationTokenSource().token;

/** Calls `ask` with a token that is cancelled right after the call: the provider is then waiting on the site model. */
async function cancelledMidway<T>(ask: (token: vscode.CancellationToken) => Thenable<T> | T): Promise<T> {
  const source = new vscode.CancellationTokenSource();
  const answer = ask(source.token);
  source.cancel();
  return answer;
}

const NAV_PAGE = 'content/tests/navigation-sections.md';

describe('Good citizenship: cancellation', function () {
  this.timeout(60_000);
  let sites: SiteModel;
  let collection: vscode.DiagnosticCollection;
  let doc: vscode.TextDocument;

  before(async () => {
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    // The extension's own providers over their own site model (the real one, over workspace.fs).
    collection = vscode.languages.createDiagnosticCollection('medguide-citizenship-test');
    sites = new SiteModel(collection);
    doc = await vscode.workspace.openTextDocument(at(NAV_PAGE));
  });
  after(async () => {
    sites.dispose();
    collection.dispose();
    await removeCreated();
  });

  it('relref completion: pages offered with a live token, none once cancelled (before or while it reads the site)', async () => {
    const provider = new GuideCompletionProvider(sites);
    const line = lineOf(doc, 'cabinet/e-cps.md#');
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('cabinet/e-cps.md#'));
    let items: vscode.CompletionItem[] | undefined;
    for (let i = 0; i < 50 && !items?.some((x) => label(x) === 'cabinet/e-cps.md'); i++) {
      items = await provider.provideCompletionItems(doc, position, live());
      if (!items?.length) await sleep(100);
    }
    assert.ok(items?.some((x) => label(x) === 'cabinet/e-cps.md'), 'the live request lists the pages');
    assert.equal(await provider.provideCompletionItems(doc, position, cancelled()), undefined, 'cancelled before');
    assert.equal(await cancelledMidway((t) => provider.provideCompletionItems(doc, position, t)), undefined, 'cancelled while it runs');
    // Shortcode names too.
    const shortcode = new vscode.Position(lineOf(doc, '{{% notice'), 4);
    assert.ok((await provider.provideCompletionItems(doc, shortcode, live()))?.some((x) => label(x) === 'collapse'));
    assert.equal(await cancelledMidway((t) => provider.provideCompletionItems(doc, shortcode, t)), undefined);
  });

  it('relref links, outline and folding: their answer with a live token, nothing once cancelled', async () => {
    const links = new RelrefLinkProvider(sites);
    const outline = new OutlineProvider(sites);
    const folding = new FoldingProvider(sites);
    const context: vscode.FoldingContext = {};
    assert.ok((await links.provideDocumentLinks(doc, live())).length >= 2, 'links');
    assert.ok((await outline.provideDocumentSymbols(doc, live())).length >= 1, 'outline');
    assert.ok((await folding.provideFoldingRanges(doc, context, live())).length >= 3, 'folding ranges');
    for (const token of [cancelled()]) {
      assert.deepEqual(await links.provideDocumentLinks(doc, token), []);
      assert.deepEqual(await outline.provideDocumentSymbols(doc, token), []);
      assert.deepEqual(await folding.provideFoldingRanges(doc, context, token), []);
    }
    assert.deepEqual(await cancelledMidway((t) => links.provideDocumentLinks(doc, t)), []);
    assert.deepEqual(await cancelledMidway((t) => outline.provideDocumentSymbols(doc, t)), []);
    assert.deepEqual(await cancelledMidway((t) => folding.provideFoldingRanges(doc, context, t)), []);
  });

  it('front matter completion and hover: the site’s values with a live token; cancelled, no wait for the site', async () => {
    const uri = await write('content/tests/citizenship-completion.md', '+++\ntitle = "x"\n\ntags = [""]\n+++\n\nTexte.\n');
    const page = await vscode.workspace.openTextDocument(uri);
    const taxonomies = new TaxonomyValues(sites);
    try {
      const completions = new FrontMatterCompletions(sites, taxonomies);
      const value = new vscode.Position(3, 9);
      const fresh = await cancelledMidway((t) => completions.provideCompletionItems(page, value, t));
      assert.ok(!(fresh ?? []).some((x) => label(x) === 'hypertension'), 'a cancelled request does not wait for the values used across the site');
      const items = await completions.provideCompletionItems(page, value, live());
      assert.ok(items?.some((x) => label(x) === 'hypertension'), `tags used by the example site (got ${(items ?? []).map(label).slice(0, 20).join(',')})`);
      assert.equal(await completions.provideCompletionItems(page, value, cancelled()), undefined);
      const hover = new FrontMatterHover(sites);
      const onKey = new vscode.Position(1, 2);
      assert.ok(await hover.provideHover(page, onKey, live()), 'a hover on `title`');
      assert.equal(await hover.provideHover(page, onKey, cancelled()), undefined);
      assert.equal(await cancelledMidway((t) => hover.provideHover(page, onKey, t)), undefined);
    } finally {
      taxonomies.dispose();
    }
  });
});

describe('Good citizenship: completion triggers', function () {
  this.timeout(60_000);
  after(removeCreated);

  it('registers no whitespace as a trigger character', () => {
    for (const chars of [FRONT_MATTER_TRIGGER_CHARACTERS, GUIDE_TRIGGER_CHARACTERS]) {
      assert.ok(chars.length > 0);
      for (const c of chars) assert.ok(c.trim() === c && c.length === 1, JSON.stringify(c));
    }
    assert.deepEqual([...FRONT_MATTER_TRIGGER_CHARACTERS].sort(), ['"', '=', '['].sort());
    assert.deepEqual([...GUIDE_TRIGGER_CHARACTERS].sort(), ['"', '#', '%', '/', '<'].sort());
  });

  it('offers values right after `=` and shortcode names right after `{{<`, each with the space before it', async () => {
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    const uri = await write('content/tests/citizenship-triggers.md', '+++\ntitle = "x"\ndraft =\n+++\n\n{{<\n');
    const page = await vscode.workspace.openTextDocument(uri);
    let values: vscode.CompletionList | undefined;
    for (let i = 0; i < 50 && !values?.items.some((x) => label(x) === 'true'); i++) {
      values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 7), '=');
      await sleep(100);
    }
    const yes = values!.items.find((x) => label(x) === 'true');
    assert.ok(yes, 'true offered for draft');
    assert.equal(yes.insertText, ' true');
    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(5, 3), '<');
    const alert = names.items.find((x) => label(x) === 'alert');
    assert.ok(alert, `alert offered (got ${names.items.map(label).slice(0, 10).join(',')})`);
    assert.equal(alert.insertText, ' alert');
    assert.equal(page.lineAt(5).text, '{{<');
  });

  it('answers at once, without reading the page, outside the front matter of a large page', async () => {
    const body = 'Une phrase ordinaire du corps de la page, avec des espaces. '.repeat(20_000);
    const uri = await write('content/tests/citizenship-large.md', `+++\ntitle = "Grande page"\n+++\n\n${body}\n`);
    const page = await vscode.workspace.openTextDocument(uri);
    const collection = vscode.languages.createDiagnosticCollection('medguide-citizenship-large');
    const sites = new SiteModel(collection);
    const taxonomies = new TaxonomyValues(sites);
    try {
      assert.equal(inTomlFrontMatter(page, 1), true);
      assert.equal(inTomlFrontMatter(page, 0), false);
      assert.equal(inTomlFrontMatter(page, 4), false);
      const completions = new FrontMatterCompletions(sites, taxonomies);
      const started = performance.now();
      for (let i = 0; i < 200; i++) assert.equal(await completions.provideCompletionItems(page, new vscode.Position(4, 10 + i), live()), undefined);
      const perCall = (performance.now() - started) / 200;
      assert.ok(perCall < 1, `${perCall.toFixed(3)} ms per request in the body of a ${Math.round(page.getText().length / 1000)} kB page`);
    } finally {
      taxonomies.dispose();
      sites.dispose();
      collection.dispose();
    }
  });
});

/** The "MedGuide" log file of this run (a LogOutputChannel writes it in the extension's logs folder). */
function medguideLogs(): string[] {
  const userData = process.env.MEDGUIDE_TEST_USER_DATA_DIR;
  assert.ok(userData, 'MEDGUIDE_TEST_USER_DATA_DIR (set by scripts/vscode-exec.mjs)');
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'MedGuide.log' && path.basename(dir) === 'medguide.medguide') found.push(p);
    }
  };
  walk(path.join(userData, 'logs'));
  return found;
}

describe('Good citizenship: the MedGuide log', function () {
  this.timeout(60_000);
  // A fictitious number shaped like a NIR, in the folder's name: the path is logged, the number masked.
  const NUMBER = '2850575056123';
  const SITE = `sites/illisible-${NUMBER}`;
  const SENTENCE = 'Une phrase du corps de la page qui ne doit jamais aller dans le journal.';
  after(async () => {
    created.push(at(SITE));
    await removeCreated();
  });

  it('writes a caught failure (an unreadable .medguide.toml) with its file, without the page’s text or the number', async () => {
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    await write(`${SITE}/hugo.toml`, 'title = "Illisible"\n');
    // A folder where the rules file should be: reading it fails, MedGuide checks the page with the default rules.
    await vscode.workspace.fs.createDirectory(at(`${SITE}/.medguide.toml`));
    const page = await write(`${SITE}/content/page.md`, `+++\ntitle = "Page"\nlastmode = "2024-01-01"\n+++\n\n${SENTENCE}\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(page));
    let codes: string[] = [];
    for (let i = 0; i < 100 && !codes.includes('unknown-key'); i++) {
      codes = vscode.languages.getDiagnostics(page).filter((d) => d.source === 'MedGuide').map((d) => String(d.code));
      await sleep(100);
    }
    assert.ok(codes.includes('unknown-key'), `the page is checked all the same (got ${codes.join(', ')})`);
    let text = '';
    for (let i = 0; i < 100 && !/\.medguide\.toml\]/.test(text); i++) {
      text = medguideLogs().map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      await sleep(100);
    }
    const logs = medguideLogs();
    assert.equal(logs.length, 1, `one MedGuide log file: ${logs.join(', ')}`);
    const line = text.split('\n').find((l) => /Reading a file: .*illisible-\[…\]\/\.medguide\.toml\]$/.test(l));
    assert.ok(line, `the failure and its file in the log:\n${text}`);
    assert.match(line, /\[warning\]/);
    assert.match(text, /MedGuide .* started/);
    assert.ok(!text.includes(NUMBER), 'no number shaped like a NIR in the log');
    assert.ok(!text.includes(SENTENCE) && !text.includes('lastmode'), 'no page text in the log');
  });

  it('masks numbers shaped like a NIR and keeps one short line', () => {
    assert.equal(redact('bad 1 85 05 75 056 123 88 here'), 'bad […] here');
    assert.equal(redact('file /a/2A85057505612/b'), 'file /a/[…]/b');
    assert.equal(redact('dated 2024-03-04, line 12'), 'dated 2024-03-04, line 12');
    assert.equal(redact('first\nsecond line with text'), 'first');
    assert.equal(redact('x'.repeat(400)).length, 300);
  });
});

describe('Good citizenship: the TOML language', function () {
  this.timeout(60_000);
  after(async () => {
    created.push(at('sites/langue'));
    await removeCreated();
  });

  it('leaves the global `toml` language alone, and gives .medguide.toml MedGuide’s own', async () => {
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('medguide-toml'));
    assert.ok(!languages.includes('toml'), 'no extension of this run provides `toml`, MedGuide does not either');
    const rules = await write('sites/langue/.medguide.toml', 'extraKeys = ["a"\n');
    const doc = await vscode.workspace.openTextDocument(rules);
    assert.equal(doc.languageId, 'medguide-toml');
    // Still checked: the syntax error is reported in the file.
    let codes: string[] = [];
    for (let i = 0; i < 100 && !codes.includes('toml-syntax'); i++) {
      codes = vscode.languages.getDiagnostics(rules).filter((d) => d.source === 'MedGuide').map((d) => String(d.code));
      await sleep(100);
    }
    assert.deepEqual(codes, ['toml-syntax']);
  });

  it('highlights a Hugo .toml file with its grammar when no extension provides TOML', async () => {
    const uri = await write('sites/langue/hugo.toml', 'title = "Langue"\n');
    await vscode.workspace.openTextDocument(uri);
    let id = '';
    for (let i = 0; i < 50 && id !== 'medguide-toml'; i++) {
      id = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId ?? '';
      await sleep(100);
    }
    assert.equal(id, 'medguide-toml');
  });
});
