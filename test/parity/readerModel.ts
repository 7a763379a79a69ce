import { parse, parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { ALERT_LABELS } from '../../src/core/markdown/labels';
import { bilingual } from '../../src/core/l10n';
import { KNOWN_DIFFERENCES, type KnownDifferenceId } from './knownDifferences';

/**
 * What a reader of a guide page sees, independent of the markup that carries it: section
 * headings and their ids, alert boxes (kind, title, text), definition lists, lead paragraphs,
 * paragraphs, lists, tables and link targets, each with the chain of sections and alerts that
 * contains it. Built from Hugo's HTML (`side: 'hugo'`) or from the preview's (`side: 'preview'`),
 * so the two can be compared item by item.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export type Item =
  | { readonly t: 'heading'; readonly in: string; readonly level: number; readonly id: string | null; readonly text: string; readonly section?: { readonly show: boolean } }
  | { readonly t: 'alert'; readonly in: string; readonly kind: string; readonly title: string | null; readonly text: string }
  | { readonly t: 'dl'; readonly in: string; readonly entries: readonly (readonly ['dt' | 'dd', string])[] }
  | { readonly t: 'lead'; readonly in: string; readonly text: string }
  | { readonly t: 'p'; readonly in: string; readonly text: string }
  | { readonly t: 'list'; readonly in: string; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly t: 'table'; readonly in: string; readonly rows: readonly (readonly string[])[] }
  | { readonly t: 'code'; readonly in: string; readonly text: string }
  | { readonly t: 'quote'; readonly in: string; readonly text: string }
  | { readonly t: 'link'; readonly in: string; readonly text: string; readonly target: string };

export type Side = 'hugo' | 'preview';

export interface ModelOptions {
  readonly side: Side;
  /** Content-relative path of the page (`parite/alertes.md`), for same-page anchors. */
  readonly page: string;
  /** A link's href → `content-path#anchor` (or the href itself for other links). */
  readonly linkTarget: (href: string) => string;
  /** Counts each use of a known difference, so the allowlist cannot rot. */
  readonly used: Map<KnownDifferenceId, number>;
}

function use(opts: ModelOptions, id: KnownDifferenceId): void {
  if (!KNOWN_DIFFERENCES.some((d) => d.id === id)) throw new Error(`unknown known difference ${id}`);
  opts.used.set(id, (opts.used.get(id) ?? 0) + 1);
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function attr(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function classes(el: Element): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
}

function childElements(el: Element): Element[] {
  return el.childNodes.filter(isElement);
}

/** Text as a reader sees it: whitespace collapsed; `skip` elements left out. */
export function textOf(node: Node, skip: (el: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeName === '#text') parts.push((n as DefaultTreeAdapterMap['textNode']).value);
    else if (isElement(n)) {
      if (skip(n)) return;
      if (n.tagName === 'img') parts.push(attr(n, 'alt') ?? '');
      const kids = n.tagName === 'template' ? [] : n.childNodes;
      for (const c of kids) walk(c);
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Labels the preview shows for an alert without a title (a title equal to one of them reads the same). */
const DEFAULT_LABELS = new Set(Object.values(ALERT_LABELS).flatMap((l) => [bilingual(l).fr, bilingual(l).en]));

const BLOCKS = new Set(['p', 'ul', 'ol', 'dl', 'div', 'blockquote', 'table', 'pre', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'figure', 'hr']);

const HUGO_MARKER = /^\s*\[!([A-Za-z][\w-]*)\][-+]?[ \t]*/;

/** Hugo's alert kind of an element: `alert alert-KIND` classes (shortcodes and `{.alert .alert-KIND}`). */
function hugoAlertKind(el: Element): string | null {
  const cls = classes(el);
  if (!cls.includes('alert')) return null;
  const kind = cls.map((c) => /^alert-([\w-]+)$/.exec(c)?.[1]).find((k) => k !== undefined && k !== 'title');
  return (kind ?? 'note').toLowerCase();
}

function previewAlertKind(el: Element): string | null {
  const cls = classes(el);
  if (!cls.includes('medguide-alert')) return null;
  const kind = cls.map((c) => /^medguide-alert-([\w-]+)$/.exec(c)?.[1]).find((k) => k !== undefined && k !== 'title' && k !== 'icon' && k !== 'label');
  return kind ?? 'note';
}

/** `> [!NOTE]` as Hugo 0.111 renders it: a plain blockquote whose first paragraph starts with the marker. */
function hugoMarkerQuote(el: Element): { kind: string; title: string | null } | null {
  if (el.tagName !== 'blockquote' || hugoAlertKind(el) !== null) return null;
  const first = childElements(el)[0];
  if (!first || first.tagName !== 'p') return null;
  const text = textOf(first);
  const m = HUGO_MARKER.exec(text);
  if (!m) return null;
  // A title written on the marker line (`> [!TIP] Titre`) ends at the first line break.
  const raw = first.childNodes[0]?.nodeName === '#text' ? (first.childNodes[0] as DefaultTreeAdapterMap['textNode']).value : '';
  const firstLine = raw.split('\n')[0].replace(HUGO_MARKER, '').trim();
  return { kind: m[1].toLowerCase(), title: firstLine === '' ? null : firstLine };
}

/** The first text of a paragraph minus the `[!KIND] title` line. */
function stripMarkerLine(p: Element): void {
  const first = p.childNodes[0];
  if (first?.nodeName !== '#text') return;
  const t = first as DefaultTreeAdapterMap['textNode'];
  const nl = t.value.indexOf('\n');
  t.value = nl < 0 ? '' : t.value.slice(nl + 1);
}

export function readerModel(html: string, opts: ModelOptions): Item[] {
  const root = opts.side === 'hugo' ? hugoContent(html) : parseFragment(html);
  const items: Item[] = [];
  const isPreview = opts.side === 'preview';
  const skipTitles = (el: Element): boolean => {
    if (isPreview && classes(el).includes('medguide-alert-title')) return true;
    if (!isPreview && classes(el).includes('alert-title')) return true;
    return false;
  };

  const collectLinks = (el: Element, where: string) => {
    const walk = (n: Node) => {
      if (!isElement(n)) return;
      if (n.tagName === 'a' && attr(n, 'href') !== null) {
        items.push({ t: 'link', in: where, text: textOf(n, skipTitles), target: opts.linkTarget(attr(n, 'href')!) });
      }
      for (const c of n.childNodes) walk(c);
    };
    walk(el);
  };

  const walk = (node: Node, where: string): void => {
    if (!isElement(node)) {
      if (node.nodeName === '#text' && (node as DefaultTreeAdapterMap['textNode']).value.trim() !== '') {
        items.push({ t: 'p', in: where, text: textOf(node, skipTitles) });
      }
      if ('childNodes' in node && !isElement(node)) for (const c of (node as DefaultTreeAdapterMap['parentNode']).childNodes) walk(c, where);
      return;
    }
    const el = node;
    const tag = el.tagName;
    const cls = classes(el);

    // Collapse sections: <details> with the heading in <summary>.
    if (tag === 'details' && (cls.includes('collapse-section') || cls.includes('medguide-collapse'))) {
      const summary = childElements(el).find((c) => c.tagName === 'summary');
      const h = summary ? childElements(summary).find((c) => /^h[1-6]$/.test(c.tagName)) : undefined;
      const id = h ? attr(h, 'id') : null;
      const show = isPreview ? attr(el, 'data-show') === 'true' : attr(el, 'open') !== null;
      items.push({ t: 'heading', in: where, level: h ? Number(h.tagName[1]) : 0, id, text: h ? textOf(h, skipTitles) : '', section: { show } });
      const inner = `${where}/section#${id ?? ''}`;
      for (const c of el.childNodes) if (c !== summary) walk(c, inner);
      return;
    }
    if (tag === 'summary') return;

    // Alert boxes.
    if (isPreview ? previewAlertKind(el) : hugoAlertKind(el)) {
      const kind = (isPreview ? previewAlertKind(el) : hugoAlertKind(el))!;
      let title: string | null = null;
      if (isPreview) {
        const t = childElements(el).find((c) => classes(c).includes('medguide-alert-title'));
        const label = t ? textOf(t, (x) => classes(x).includes('medguide-alert-icon')) : '';
        // The label of the alert's type is MedGuide's own addition; a custom title replaces it.
        title = label === '' || DEFAULT_LABELS.has(label) ? null : label;
      } else {
        const t = childElements(el).find((c) => classes(c).includes('alert-title'));
        title = t ? textOf(t) : null;
      }
      items.push({ t: 'alert', in: where, kind, title, text: textOf(el, skipTitles) });
      const inner = `${where}/alert-${kind}`;
      if (isPreview || tag === 'div') {
        for (const c of el.childNodes) walk(c, inner);
      } else {
        // Hugo's `{.alert .alert-x}` on a p/ul/blockquote: the element is the box and its content.
        walkBlock(el, inner);
      }
      return;
    }
    if (!isPreview) {
      const marker = hugoMarkerQuote(el);
      if (marker) {
        use(opts, 'hugo-alert-blockquote');
        const first = childElements(el)[0];
        stripMarkerLine(first);
        items.push({ t: 'alert', in: where, kind: marker.kind, title: marker.title, text: textOf(el, skipTitles) });
        const inner = `${where}/alert-${marker.kind}`;
        for (const c of el.childNodes) walk(c, inner);
        return;
      }
    }
    if (isPreview && cls.includes('medguide-alert-title')) {
      use(opts, 'preview-alert-labels');
      return;
    }
    if (!isPreview && cls.includes('alert-title')) return;
    walkBlock(el, where);
  };

  const walkBlock = (el: Element, where: string): void => {
    const tag = el.tagName;
    const cls = classes(el);
    if (/^h[1-6]$/.test(tag)) {
      items.push({ t: 'heading', in: where, level: Number(tag[1]), id: attr(el, 'id'), text: textOf(el, skipTitles) });
      collectLinks(el, where);
    } else if (tag === 'p') {
      const text = textOf(el, skipTitles);
      if (text !== '') items.push(cls.includes('lead') ? { t: 'lead', in: where, text } : { t: 'p', in: where, text });
      collectLinks(el, where);
    } else if (tag === 'dl') {
      const entries: ['dt' | 'dd', string][] = [];
      for (const c of childElements(el)) if (c.tagName === 'dt' || c.tagName === 'dd') entries.push([c.tagName, textOf(c, skipTitles)]);
      items.push({ t: 'dl', in: where, entries });
      collectLinks(el, where);
    } else if (tag === 'ul' || tag === 'ol') {
      const lis = childElements(el).filter((c) => c.tagName === 'li');
      items.push({ t: 'list', in: where, ordered: tag === 'ol', items: lis.map((li) => textOf(li, skipTitles)) });
      // Inside items: links of the item's own text, then nested blocks (sub-lists, alerts…).
      for (const li of lis) {
        for (const c of li.childNodes) {
          if (!isElement(c)) continue;
          if (BLOCKS.has(c.tagName)) walk(c, `${where}/li`);
          else collectLinks(c, where);
        }
      }
    } else if (tag === 'table') {
      const rows: string[][] = [];
      const walkRows = (n: Element) => {
        for (const c of childElements(n)) {
          if (c.tagName === 'tr') rows.push(childElements(c).filter((x) => x.tagName === 'td' || x.tagName === 'th').map((x) => textOf(x, skipTitles)));
          else walkRows(c);
        }
      };
      walkRows(el);
      items.push({ t: 'table', in: where, rows });
      collectLinks(el, where);
    } else if (tag === 'pre') {
      items.push({ t: 'code', in: where, text: textOf(el, skipTitles) });
    } else if (tag === 'blockquote') {
      items.push({ t: 'quote', in: where, text: textOf(el, skipTitles) });
      for (const c of el.childNodes) walk(c, `${where}/quote`);
    } else if (tag === 'a') {
      collectLinks(el, where);
    } else {
      // div (collapse body, highlight wrapper), section…: transparent.
      for (const c of el.childNodes) walk(c, where);
    }
  };

  for (const c of root.childNodes) walk(c, '');
  return items;
}

/** Hugo pages: the rendered Markdown is in the first `.page-content`. */
function hugoContent(html: string): DefaultTreeAdapterMap['parentNode'] {
  const doc = parse(html);
  let found: Element | undefined;
  const find = (n: Node) => {
    if (found || !('childNodes' in n)) return;
    if (isElement(n) && classes(n).includes('page-content')) {
      found = n;
      return;
    }
    for (const c of (n as DefaultTreeAdapterMap['parentNode']).childNodes) find(c);
  };
  find(doc);
  if (!found) throw new Error('no .page-content in the Hugo page');
  return found;
}
