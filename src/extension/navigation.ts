import * as vscode from 'vscode';
import { localize } from '../core/l10n';
import { DEFAULT_ALERT_SHORTCODES } from '../core/markdown/options';
import {
  collapseOutline,
  completionContextAt,
  foldingRanges,
  NAVIGATION_LABELS as L,
  openShortcodesAt,
  relrefLinks,
  shortcodeNameItems,
  type OutlineSymbol,
} from '../core/navigation';
import type { HugoSite } from '../core/site';
import { toRange } from './convert';
import { currentLang } from './lang';
import { previewSettings } from './preview';
import type { SiteModel } from './siteModel';

const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

/**
 * Names the VS Code settings add to the site's (`medguide.shortcodes.alerts`, `medguide.shortcodes.paired`):
 * the site's own come from its templates and `.medguide.toml`, which `medguide check` reads too.
 */
export function settingsPairedNames(resource?: vscode.Uri): string[] {
  const { alertShortcodes, pairedShortcodes } = previewSettings(resource);
  return [
    ...Object.keys(alertShortcodes ?? {}),
    ...(Array.isArray(pairedShortcodes) ? pairedShortcodes.filter((n): n is string => typeof n === 'string') : []),
  ];
}

/** Names that take a body for a page outside any site, or before its site is read: MedGuide's defaults and the settings. */
function pairedNames(resource: vscode.Uri): string[] {
  return [...Object.keys(DEFAULT_ALERT_SHORTCODES), ...settingsPairedNames(resource)];
}

/** Names that take a body for this document: its site's and the settings'. */
async function pairedFor(sites: SiteModel, uri: vscode.Uri): Promise<string[]> {
  const site = await sites.siteFor(uri);
  return site ? [...(await site.shortcodes()).paired, ...settingsPairedNames(uri)] : pairedNames(uri);
}

function fileUri(document: vscode.Uri, file: string, fragment?: string): vscode.Uri {
  return document.with({ path: file, fragment: fragment ?? '', query: '' });
}

function toDocumentSymbol(s: OutlineSymbol): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(
    s.name,
    s.detail,
    s.kind === 'section' ? vscode.SymbolKind.Namespace : vscode.SymbolKind.String,
    toRange(s.range),
    toRange(s.selectionRange),
  );
  symbol.children = s.children.map(toDocumentSymbol);
  return symbol;
}

export class OutlineProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly sites: SiteModel) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[]> {
    const paired = await pairedFor(this.sites, document.uri);
    if (token.isCancellationRequested) return [];
    return collapseOutline(document.getText(), { lang: currentLang(), paired }).map(toDocumentSymbol);
  }
}

export class FoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly sites: SiteModel) {}

  async provideFoldingRanges(document: vscode.TextDocument, _context: vscode.FoldingContext, token: vscode.CancellationToken): Promise<vscode.FoldingRange[]> {
    const paired = await pairedFor(this.sites, document.uri);
    if (token.isCancellationRequested) return [];
    return foldingRanges(document.getText(), { paired }).map((r) => new vscode.FoldingRange(r.start, r.end));
  }
}

export class RelrefLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly sites: SiteModel) {}

  async provideDocumentLinks(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const site = await this.sites.siteFor(document.uri);
    if (!site || token.isCancellationRequested) return [];
    const resolver = await site.resolver(document.uri.path);
    if (token.isCancellationRequested) return [];
    const lang = currentLang();
    const links = relrefLinks(document.getText(), resolver);
    if (token.isCancellationRequested) return [];
    return links.map((l) => {
      const link = new vscode.DocumentLink(toRange(l.range), fileUri(document.uri, l.file, l.anchor));
      link.tooltip = l.anchor ? localize(L.openPageAnchor, lang, { page: l.path, anchor: l.anchor }) : localize(L.openPage, lang, { page: l.path });
      return link;
    });
  }
}

export class GuideCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly sites: SiteModel) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionItem[] | undefined> {
    const line = document.lineAt(position.line).text;
    const ctx = completionContextAt(line, position.character);
    if (!ctx) return undefined;
    const range = new vscode.Range(position.line, ctx.start, position.line, Math.max(ctx.end, position.character));
    const lang = currentLang();
    const site = await this.sites.siteFor(document.uri);
    if (token.isCancellationRequested) return undefined;
    if (ctx.kind === 'shortcode') {
      const shortcodes = site ? await site.shortcodes() : undefined;
      if (token.isCancellationRequested) return undefined;
      const open = ctx.closing ? openShortcodesAt(document.getText(), document.offsetAt(position), shortcodes ? [...shortcodes.paired, ...settingsPairedNames(document.uri)] : pairedNames(document.uri)) : [];
      // Offered as soon as `{{<` or `{{%` is typed (no trigger on spaces): the name comes with the space Hugo's style puts before it.
      const spaced = ctx.prefix === '' && ctx.start === ctx.end && /[<%]$/.test(line.slice(0, ctx.start));
      return shortcodeNameItems(shortcodes?.templates, open, shortcodes?.spellings).map((n, i) => {
        const item = new vscode.CompletionItem(n.name, vscode.CompletionItemKind.Function);
        item.range = range;
        if (spaced) {
          item.insertText = ` ${n.name}`;
          item.filterText = n.name;
        }
        item.detail = localize(n.source === 'builtin' ? L.builtin : n.source === 'open' ? L.openShortcode : L.siteTemplate, lang);
        item.sortText = `${n.source === 'open' ? 0 : n.source === 'site' ? 1 : 2}${String(i).padStart(4, '0')}`;
        return item;
      });
    }
    if (!site) return undefined;
    const page = await site.page(document.uri.path);
    if (!page || page.file.role === 'resource' || token.isCancellationRequested) return undefined;
    if (ctx.kind === 'anchor') {
      const resolver = await site.resolver(document.uri.path);
      if (token.isCancellationRequested) return undefined;
      const r = ctx.ref.trim() === '' ? undefined : resolver.resolve({ path: ctx.ref });
      const own = ctx.ref.trim() === '' || (r?.kind === 'found' && r.file === document.uri.path);
      if (!own && (r?.kind !== 'found' || r.file === undefined)) return undefined;
      const anchors = await site.anchors(own ? document.uri.path : (r as { file: string }).file);
      if (token.isCancellationRequested) return undefined;
      return [...(anchors ?? [])].map((id) => {
        const item = new vscode.CompletionItem(id, vscode.CompletionItemKind.Reference);
        item.range = range;
        return item;
      });
    }
    const pages = await site.refTargets(page.file.lang);
    if (token.isCancellationRequested) return undefined;
    // Titles of every page for a site of ordinary size; on a large site, only for the item the
    // user looks at (`resolveCompletionItem`): a completion must not read thousands of files.
    const eager = pages.length <= EAGER_TITLES;
    // Read a batch at a time: a cancelled request stops reading the site's pages.
    const titles: (string | undefined)[] = [];
    for (let i = 0; eager && i < pages.length; i += TITLE_BATCH) {
      if (token.isCancellationRequested) return undefined;
      titles.push(...(await Promise.all(pages.slice(i, i + TITLE_BATCH).map(async (p) => (await site.frontMatter(p.file))?.title))));
    }
    if (token.isCancellationRequested) return undefined;
    return pages.map((p, i) => {
      const title = titles[i];
      const item = new vscode.CompletionItem(eager ? { label: p.path, description: title } : p.path, vscode.CompletionItemKind.File);
      item.insertText = p.path;
      item.filterText = p.path;
      item.range = range;
      if (title) item.detail = title;
      if (!eager) this.titleLater.set(item, { site, file: p.file });
      return item;
    });
  }

  private readonly titleLater = new WeakMap<vscode.CompletionItem, { site: HugoSite; file: string }>();

  async resolveCompletionItem(item: vscode.CompletionItem, token: vscode.CancellationToken): Promise<vscode.CompletionItem> {
    const later = this.titleLater.get(item);
    if (later && !token.isCancellationRequested) {
      const title = (await later.site.frontMatter(later.file))?.title;
      if (title) item.detail = title;
    }
    return item;
  }
}

/**
 * What makes VS Code ask for the guide's completions: a ref's quote, a path's `/`, an anchor's `#`,
 * a shortcode's `{{%` / `{{<`. Not the space: the provider would run at every word typed.
 */
export const GUIDE_TRIGGER_CHARACTERS = ['"', '/', '#', '%', '<'] as const;

/** Up to this many pages, relref completion shows every page's title at once. */
const EAGER_TITLES = 500;
/** Titles read together, between two looks at the cancellation token. */
const TITLE_BATCH = 50;

/**
 * Outline (collapse sections), folding (front matter, shortcode pairs), relref links and
 * completion (pages in relref, shortcode names) for Markdown guide pages, all from the site model.
 */
export function registerNavigation(context: vscode.ExtensionContext, sites: SiteModel): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new OutlineProvider(sites), { label: 'MedGuide' }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, new FoldingProvider(sites)),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, new RelrefLinkProvider(sites)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new GuideCompletionProvider(sites), ...GUIDE_TRIGGER_CHARACTERS),
  );
}
