import * as vscode from 'vscode';
import type { Diagnostic } from '../core/diagnostic';
import type { TextEdit } from '../core/edit';
import {
  completionContext,
  describeKey,
  keyAtPosition,
  lastmodEdit,
  listKeys,
  type KeyDescription,
  type PageRules,
} from '../core/frontmatter';
import { DEFAULT_SITE_CONFIG, resolvePageRules } from '../core/config';
import type { HugoSite } from '../core/site';
import { fromPosition, toRange, toWorkspaceEdit } from './convert';
import type { PageDiagnostics } from './diagnostics';
import { currentLang, t } from './lang';
import { logFailure } from './log';
import type { SiteModel } from './siteModel';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };
/** Open taxonomies: completion offers the values already used across the site. */
const TAXONOMIES = ['tags', 'sources', 'auteurs', 'specialites', 'annees'];

export const UPDATE_LASTMOD = 'medguide.updateLastmod';
export const VALIDATE_ALL = 'medguide.validateAll';

/**
 * What makes VS Code ask for the front matter's completions: a value's `=`, its quote, a list's `[`.
 * Not the space: the provider would run at every word typed in the page.
 */
export const FRONT_MATTER_TRIGGER_CHARACTERS = ['=', '"', '['] as const;
const FENCE = /^\uFEFF?\+\+\+[ \t]*$/;

/**
 * Whether `line` is inside a TOML front matter (between `+++` lines, blank lines allowed before the
 * first): reads the lines above only as far as the closing `+++`, so a page's body costs nothing.
 */
export function inTomlFrontMatter(document: vscode.TextDocument, line: number): boolean {
  let i = 0;
  while (i < line && /^\uFEFF?[ \t]*$/.test(document.lineAt(i).text)) i++;
  if (i >= line || !FENCE.test(document.lineAt(i).text)) return false;
  for (i++; i < line; i++) if (FENCE.test(document.lineAt(i).text)) return false;
  return true;
}

function today(): Date {
  return new Date();
}

async function rulesFor(sites: SiteModel, uri: vscode.Uri): Promise<PageRules> {
  const site = await sites.siteFor(uri);
  if (!site) return DEFAULT_SITE_CONFIG.base;
  const { config } = await site.rules();
  const sitePath = uri.path.startsWith(`${site.root}/`) ? uri.path.slice(site.root.length + 1) : undefined;
  return sitePath !== undefined ? resolvePageRules(config, sitePath) : config.base;
}

/** The quick fix title for a diagnostic whose `data` carries an edit. */
function fixTitle(d: Diagnostic): string | undefined {
  const data = d.data ?? {};
  const s = (k: string) => String(data[k] ?? '');
  switch (d.code) {
    case 'required':
      return t('Add `{0}`', s('key'));
    case 'unknown-key':
      return data.suggestion ? t('Replace with `{0}`', s('suggestion')) : undefined;
    case 'date-format':
    case 'type':
      return data.fixed ? t('Rewrite as {0}', s('fixed')) : undefined;
    case 'duplicate-value':
      return t('Remove the duplicate "{0}"', s('value'));
    case 'whitespace':
      return t('Trim the spaces');
    case 'not-allowed-value':
      return data.suggestion ? t('Replace with "{0}"', s('suggestion')) : undefined;
    case 'image-credit':
      return t('Add `imageSrc` for the image credit');
    case 'shortcode-hugo-version':
      return data.spelling ? t('Write `{0}`', s('spelling')) : undefined;
    case 'shortcode-unexpected-close':
      return data.open ? t('Write `{0}`', s('open')) : data.reason === 'no-inner' ? t('Remove the “/”') : undefined;
    default:
      return undefined;
  }
}

export class FrontMatterCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly pages: PageDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const core = this.pages.cached(document);
    const actions: vscode.CodeAction[] = [];
    for (const shown of context.diagnostics) {
      if (token.isCancellationRequested) return [];
      if (shown.source !== 'MedGuide') continue;
      // The diagnostics VS Code hands back are copies: find ours by code and range.
      const d = core.find((c) => c.code === shown.code && toRange(c.range).isEqual(shown.range));
      if (!d) continue;
      // One edit, or several (a shortcode's opening and closing names).
      const edits = (d.data?.edits as TextEdit[] | undefined) ?? (d.data?.edit ? [d.data.edit as TextEdit] : []);
      const title = fixTitle(d);
      if (edits.length > 0 && title) {
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, edits);
        action.diagnostics = [shown];
        action.isPreferred = true;
        actions.push(action);
      }
      const key = String(d.data?.key ?? '').toLowerCase();
      if ((d.code === 'date-future' || d.code === 'date-order' || d.code === 'year') && key === 'lastmod') {
        const lastmod = lastmodEdit(document.getText(), today());
        if (lastmod) {
          const action = new vscode.CodeAction(t('Set `lastmod` to today'), vscode.CodeActionKind.QuickFix);
          action.edit = toWorkspaceEdit(document.uri, [lastmod]);
          action.diagnostics = [shown];
          actions.push(action);
        }
      }
    }
    return actions;
  }
}

/** Values of the open taxonomies across a site's pages, read once per site and refreshed when the site changes. */
export class TaxonomyValues implements vscode.Disposable {
  private readonly values = new Map<string, Promise<Map<string, Map<string, number>>>>();
  private readonly listeners: vscode.Disposable[];

  constructor(sites: SiteModel) {
    this.listeners = [sites.onDidChange(() => this.values.clear()), vscode.workspace.onDidSaveTextDocument(() => this.values.clear())];
  }

  dispose(): void {
    this.values.clear();
    for (const l of this.listeners) l.dispose();
  }

  /**
   * The values used for `key` in the site. The first call starts reading the site in the background;
   * completion waits for it at most `waitMs`, and not once the request is cancelled, so a large
   * site never holds the completion list up (the reading goes on for the next request).
   */
  async get(site: HugoSite, key: string, token: vscode.CancellationToken, waitMs = 1500): Promise<ReadonlyMap<string, number>> {
    let values = this.values.get(site.root);
    if (!values) {
      const root = site.root;
      values = this.collect(site).catch((e: unknown) => {
        logFailure('Reading the values used across the site', e, root);
        this.values.delete(root);
        return new Map<string, Map<string, number>>();
      });
      this.values.set(root, values);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled: vscode.Disposable | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
      cancelled = token.onCancellationRequested(() => resolve(undefined));
    });
    const all = token.isCancellationRequested ? undefined : await Promise.race([values, late]);
    clearTimeout(timer);
    cancelled?.dispose();
    return all?.get(key.toLowerCase()) ?? new Map();
  }

  private async collect(site: HugoSite): Promise<Map<string, Map<string, number>>> {
    const out = new Map<string, Map<string, number>>();
    const pages = (await site.files()).filter((f) => f.role !== 'resource');
    const readOne = async (file: string) => {
      const fm = await site.frontMatter(file);
      for (const [k, v] of Object.entries(fm?.data ?? {})) {
        if (!TAXONOMIES.includes(k)) continue;
        const counts = out.get(k) ?? new Map<string, number>();
        for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string') counts.set(item, (counts.get(item) ?? 0) + 1);
        out.set(k, counts);
      }
    };
    // A few reads at a time: quick on a large site without flooding the file system.
    for (let i = 0; i < pages.length; i += 16) await Promise.all(pages.slice(i, i + 16).map((f) => readOne(f.file)));
    return out;
  }
}

function keyDocumentation(d: KeyDescription): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${d.name}**\n\n${d.description}\n\n`);
  if (d.rule) md.appendMarkdown(`${d.rule}\n\n`);
  if (d.values.length) md.appendMarkdown(`${d.closed ? t('Allowed values') : t('Usual values')}: ${d.values.map((v) => `\`${v}\``).join(', ')}\n`);
  return md;
}

function valueSnippet(d: KeyDescription): vscode.SnippetString {
  const day = new Date().toISOString().slice(0, 10);
  switch (d.type) {
    case 'boolean':
      return new vscode.SnippetString(`${d.name} = \${1|true,false|}`);
    case 'integer':
    case 'number':
      return new vscode.SnippetString(`${d.name} = \${1:0}`);
    case 'date':
      return new vscode.SnippetString(`${d.name} = "\${1:${day}}"`);
    case 'year':
      return new vscode.SnippetString(`${d.name} = "\${1:${day.slice(0, 4)}}"`);
    case 'string-array':
    case 'array':
      return new vscode.SnippetString(`${d.name} = ["$1"]`);
    case 'table':
      return new vscode.SnippetString(`${d.name} = { $1 }`);
    default:
      return new vscode.SnippetString(`${d.name} = "$1"`);
  }
}

export class FrontMatterCompletions implements vscode.CompletionItemProvider {
  constructor(
    private readonly sites: SiteModel,
    private readonly taxonomies: TaxonomyValues,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    // Outside the front matter (most of a page): answered from the lines above, without reading the page.
    if (!inTomlFrontMatter(document, position.line)) return undefined;
    const text = document.getText();
    const ctx = completionContext(text, fromPosition(position));
    if (!ctx || token.isCancellationRequested) return undefined;
    const lang = currentLang();
    const rules = await rulesFor(this.sites, document.uri);
    if (token.isCancellationRequested) return [];
    if (ctx.kind === 'key') {
      if (ctx.table.length > 0) return [];
      const existing = new Set(ctx.existing.map((k) => k.toLowerCase()));
      return listKeys(rules, lang)
        .filter((d) => !existing.has(d.name.toLowerCase()))
        .map((d) => {
          const item = new vscode.CompletionItem({ label: d.name, description: d.required ? t('required') : undefined }, vscode.CompletionItemKind.Property);
          item.insertText = valueSnippet(d);
          item.range = toRange(ctx.range);
          item.detail = d.rule || d.type;
          item.documentation = keyDocumentation(d);
          // Required keys first, then the site's own keys, then Hugo's.
          item.sortText = `${d.required ? 0 : d.hugo ? 2 : 1}${d.name}`;
          return item;
        });
    }
    const d = describeKey(rules, ctx.key, lang);
    if (!d) return [];
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const quoted = (line.match(/"/g)?.length ?? 0) % 2 === 1;
    // Right after `=` (its trigger): the value comes with the space before it.
    const space = /=$/.test(line) ? ' ' : '';
    const asValue = (value: string, kind: vscode.CompletionItemKind, detail?: string) => {
      const item = new vscode.CompletionItem(value, kind);
      item.insertText = space + (d.type === 'boolean' || quoted ? value : `"${value}"`);
      if (space) item.filterText = value;
      if (detail) item.detail = detail;
      return item;
    };
    if (d.type === 'boolean') return ['true', 'false'].map((v) => asValue(v, vscode.CompletionItemKind.Keyword));
    const items = d.values.map((v) => asValue(v, vscode.CompletionItemKind.EnumMember, d.closed ? t('allowed value') : undefined));
    const site = !d.closed && TAXONOMIES.includes(d.name.toLowerCase()) ? await this.sites.siteFor(document.uri) : undefined;
    if (site) {
      if (token.isCancellationRequested) return items;
      const used = await this.taxonomies.get(site, d.name, token);
      if (token.isCancellationRequested) return items;
      const already = new Set(d.values);
      for (const [value, count] of [...used].sort((a, b) => b[1] - a[1])) {
        if (already.has(value)) continue;
        const item = asValue(value, vscode.CompletionItemKind.Value, t('used on {0} page(s)', count));
        items.push(item);
      }
    }
    return items;
  }
}

export class FrontMatterHover implements vscode.HoverProvider {
  constructor(private readonly sites: SiteModel) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // The mouse over the page's body (most of it): answered from the lines above, without reading the page.
    if (!inTomlFrontMatter(document, position.line)) return undefined;
    const at = keyAtPosition(document.getText(), fromPosition(position));
    if (!at || at.part !== 'key') return undefined;
    const rules = await rulesFor(this.sites, document.uri);
    if (token.isCancellationRequested) return undefined;
    const d = describeKey(rules, at.key, currentLang());
    return d ? new vscode.Hover(keyDocumentation(d), toRange(at.keyRange)) : undefined;
  }
}

/** Quick fixes, completion, hover, "Update lastmod to today" (and on save), "Validate all pages". */
export function registerFrontMatterFeatures(context: vscode.ExtensionContext, pages: PageDiagnostics, sites: SiteModel): void {
  const taxonomies = new TaxonomyValues(sites);
  context.subscriptions.push(
    taxonomies,
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new FrontMatterCodeActions(pages), { providedCodeActionKinds: FrontMatterCodeActions.kinds }),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new FrontMatterCompletions(sites, taxonomies), ...FRONT_MATTER_TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(MARKDOWN, new FrontMatterHover(sites)),
    vscode.commands.registerTextEditorCommand(UPDATE_LASTMOD, (editor, builder) => {
      const edit = lastmodEdit(editor.document.getText(), today());
      if (!edit) {
        void vscode.window.showInformationMessage(t('`lastmod` already says today, or the page has no TOML front matter.'));
        return;
      }
      // A text editor command edits through its builder, synchronously.
      builder.replace(toRange(edit.range), edit.newText);
    }),
    vscode.workspace.onWillSaveTextDocument((e) => {
      const enabled = vscode.workspace.getConfiguration('medguide', e.document.uri).get<boolean>('lastmod.updateOnSave', false);
      if (!enabled || !e.document.isDirty || !pages.applies(e.document) || e.reason !== vscode.TextDocumentSaveReason.Manual) return;
      const edit = lastmodEdit(e.document.getText(), today());
      if (edit) e.waitUntil(Promise.resolve([new vscode.TextEdit(toRange(edit.range), edit.newText)]));
    }),
    vscode.commands.registerCommand(VALIDATE_ALL, () => validateAll(pages, sites)),
  );
}

/** Checks every page of every site, with a cancellable progress notification; results fill the Problems panel. */
async function validateAll(pages: PageDiagnostics, sites: SiteModel): Promise<number> {
  let done = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('MedGuide: checking the site'), cancellable: true },
    async (progress, token) => {
      const all = await sites.allPages(token);
      for (const uri of all) {
        if (token.isCancellationRequested) break;
        await pages.validateUri(uri);
        done++;
        if (done % 25 === 0 || done === all.length) {
          progress.report({ message: t('{0} of {1} pages', done, all.length), increment: (25 / Math.max(all.length, 1)) * 100 });
        }
      }
    },
  );
  return done;
}
