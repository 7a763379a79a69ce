import * as vscode from 'vscode';
import type { ShortcodeCheckOptions } from '../core/check';
import { localize } from '../core/l10n';
import { DEFAULT_ALERT_SHORTCODES } from '../core/markdown/options';
import {
  collapseOutline,
  completionContextAt,
  foldingRanges,
  NAVIGATION_LABELS as L,
  openShortcodesAt,
  relrefLinks,
  relrefTargets,
  shortcodeNameItems,
  type OutlineSymbol,
} from '../core/navigation';
import { resolveRef } from '../core/relref/resolve';
import { toRange } from './convert';
import { currentLang } from './lang';
import { previewSettings } from './preview';
import { PageFacts } from './pageFacts';
import { ShortcodeTemplates } from './shortcodeTemplates';
import { splitContentPath, type SiteIndex } from './siteIndex';

export { ShortcodeTemplates } from './shortcodeTemplates';

const SELECTOR: vscode.DocumentSelector = { language: 'markdown' };

/** One cache for every feature: anchors and titles of the pages relrefs point at. */
const facts = new PageFacts();

/**
 * Names that always take a body: the defaults, the alert shortcodes configured for the preview
 * and `medguide.shortcodes.paired`, so the editor and the preview agree on what is unclosed.
 */
function pairedNames(): string[] {
  const { alertShortcodes, pairedShortcodes } = previewSettings();
  return [
    ...Object.keys(DEFAULT_ALERT_SHORTCODES),
    ...Object.keys(alertShortcodes ?? {}),
    ...(Array.isArray(pairedShortcodes) ? pairedShortcodes.filter((n): n is string => typeof n === 'string') : []),
  ];
}

/** The file of a content-relative page of the site `document` belongs to. */
function pageUri(document: vscode.Uri, contentRelative: string, fragment?: string): vscode.Uri | undefined {
  const split = splitContentPath(document);
  if (!split) return undefined;
  return document.with({ path: `${split.root}/${contentRelative}`, fragment: fragment ?? '', query: '' });
}

/**
 * What the shortcode and relref checks need about a page's site: the templates, the page index,
 * and the anchors of the pages it links to (read ahead, since the core's callback is synchronous).
 */
export async function shortcodeCheckOptionsFor(uri: vscode.Uri, text: string, sites: SiteIndex, templates: ShortcodeTemplates): Promise<ShortcodeCheckOptions> {
  await Promise.all([sites.ready, templates.ready]);
  const pageIndex = sites.pagesFor(uri);
  const currentPage = splitContentPath(uri)?.relative;
  const anchors = new Map<string, ReadonlySet<string> | undefined>();
  if (pageIndex) {
    const targets = [...new Set(relrefTargets(text, pageIndex, currentPage).map((t) => t.path))].filter((p) => p !== currentPage);
    await Promise.all(
      targets.map(async (p) => {
        const target = pageUri(uri, p);
        anchors.set(p, target ? await facts.anchors(target) : undefined);
      }),
    );
  }
  return {
    templates: templates.namesFor(uri),
    pageIndex,
    currentPage,
    anchorsOf: (p) => anchors.get(p),
    paired: pairedNames(),
  };
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

class OutlineProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return collapseOutline(document.getText(), { lang: currentLang(), paired: pairedNames() }).map(toDocumentSymbol);
  }
}

class FoldingProvider implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return foldingRanges(document.getText(), { paired: pairedNames() }).map((r) => new vscode.FoldingRange(r.start, r.end));
  }
}

class RelrefLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly sites: SiteIndex) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const pages = this.sites.pagesFor(document.uri);
    if (!pages) return [];
    const lang = currentLang();
    const out: vscode.DocumentLink[] = [];
    for (const l of relrefLinks(document.getText(), pages, splitContentPath(document.uri)?.relative)) {
      const target = pageUri(document.uri, l.path, l.anchor);
      if (!target) continue;
      const link = new vscode.DocumentLink(toRange(l.range), target);
      link.tooltip = l.anchor ? localize(L.openPageAnchor, lang, { page: l.path, anchor: l.anchor }) : localize(L.openPage, lang, { page: l.path });
      out.push(link);
    }
    return out;
  }
}

class GuideCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly sites: SiteIndex,
    private readonly templates: ShortcodeTemplates,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const line = document.lineAt(position.line).text;
    const ctx = completionContextAt(line, position.character);
    if (!ctx) return undefined;
    const range = new vscode.Range(position.line, ctx.start, position.line, Math.max(ctx.end, position.character));
    const lang = currentLang();
    if (ctx.kind === 'shortcode') {
      await this.templates.ready;
      const open = ctx.closing ? openShortcodesAt(document.getText(), document.offsetAt(position), pairedNames()) : [];
      return shortcodeNameItems(this.templates.namesFor(document.uri), open).map((n, i) => {
        const item = new vscode.CompletionItem(n.name, vscode.CompletionItemKind.Function);
        item.range = range;
        item.detail = localize(n.source === 'builtin' ? L.builtin : n.source === 'open' ? L.openShortcode : L.siteTemplate, lang);
        item.sortText = `${n.source === 'open' ? 0 : n.source === 'site' ? 1 : 2}${String(i).padStart(4, '0')}`;
        return item;
      });
    }
    await this.sites.ready;
    const pages = this.sites.pagesFor(document.uri);
    if (!pages) return undefined;
    const currentPage = splitContentPath(document.uri)?.relative;
    if (ctx.kind === 'anchor') {
      const r = ctx.ref.trim() === '' ? undefined : resolveRef(pages, currentPage, ctx.ref);
      const own = ctx.ref.trim() === '' || (r?.kind === 'found' && r.path === currentPage);
      if (!own && r?.kind !== 'found') return undefined;
      const uri = own ? document.uri : pageUri(document.uri, (r as { path: string }).path);
      const anchors = uri ? await facts.anchors(uri) : undefined;
      return [...(anchors ?? [])].map((id) => {
        const item = new vscode.CompletionItem(id, vscode.CompletionItemKind.Reference);
        item.range = range;
        return item;
      });
    }
    // Titles of every page for a site of ordinary size; on a large site, only for the item the
    // user looks at (`resolveCompletionItem`): a completion must not read thousands of files.
    const eager = pages.length <= EAGER_TITLES;
    const titles = eager
      ? await Promise.all(pages.map((p) => {
          const uri = pageUri(document.uri, p);
          return uri ? facts.title(uri) : Promise.resolve(undefined);
        }))
      : [];
    return pages.map((p, i) => {
      const title = titles[i];
      const item = new vscode.CompletionItem(eager ? { label: p, description: title } : p, vscode.CompletionItemKind.File);
      item.insertText = p;
      item.filterText = p;
      item.range = range;
      if (title) item.detail = title;
      const uri = eager ? undefined : pageUri(document.uri, p);
      if (uri) this.titleLater.set(item, uri);
      return item;
    });
  }

  private readonly titleLater = new WeakMap<vscode.CompletionItem, vscode.Uri>();

  async resolveCompletionItem(item: vscode.CompletionItem): Promise<vscode.CompletionItem> {
    const uri = this.titleLater.get(item);
    if (uri) {
      const title = await facts.title(uri);
      if (title) item.detail = title;
    }
    return item;
  }
}

/** Up to this many pages, relref completion shows every page's title at once. */
const EAGER_TITLES = 500;

/**
 * Outline (collapse sections), folding (front matter, shortcode pairs), relref links and
 * completion (pages in relref, shortcode names) for Markdown guide pages. Pass the extension's
 * `ShortcodeTemplates` to share its workspace scan with the diagnostics; else one is made here.
 */
export function registerNavigation(context: vscode.ExtensionContext, sites: SiteIndex, templates?: ShortcodeTemplates): void {
  const tpl = templates ?? new ShortcodeTemplates();
  if (!templates) context.subscriptions.push(tpl);
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new OutlineProvider(), { label: 'MedGuide' }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, new FoldingProvider()),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, new RelrefLinkProvider(sites)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new GuideCompletionProvider(sites, tpl), '"', '/', '#', '%', '<', ' '),
  );
}
