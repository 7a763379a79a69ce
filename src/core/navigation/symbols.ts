import { localize, type Lang } from '../l10n';
import { parseShortcodes } from '../shortcodes/document';
import { LineIndex, type Range } from '../text';
import { findHeadings, type Heading } from './headings';
import { NAVIGATION_LABELS } from './labels';
import { collapseSections, type CollapseSection } from './sections';

/**
 * The page as the site shows it: its `collapse` sections (an `<h2>` and a folding body each),
 * with the Markdown headings written inside them. Headings outside any section are left out:
 * VS Code's own Markdown outline already lists every heading; this outline adds the sections.
 */
export interface OutlineSymbol {
  readonly name: string;
  readonly kind: 'section' | 'heading';
  /** 2 for a section (it renders as `<h2>`), the heading's level otherwise. */
  readonly level: number;
  readonly detail: string;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: OutlineSymbol[];
}

export interface OutlineOptions {
  readonly lang: Lang;
  readonly paired?: readonly string[];
}

interface SectionNode {
  readonly symbol: OutlineSymbol;
  readonly start: number;
  readonly end: number;
  /** Where the body's headings may sit: between the opening and closing tags. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  readonly headings: Heading[];
  readonly sections: SectionNode[];
}

export function collapseOutline(text: string, options: OutlineOptions): OutlineSymbol[] {
  const doc = parseShortcodes(text, options.paired ?? []);
  const sections = collapseSections(doc);
  if (sections.length === 0) return [];
  const lines = new LineIndex(text);

  const toNode = (s: CollapseSection): SectionNode => {
    const open = doc.tags[s.open];
    const close = s.close >= 0 ? doc.tags[s.close] : undefined;
    // A section never closed covers only its opening tag: the page is broken there, and the
    // structure diagnostics say so.
    const end = close ? close.end : open.end;
    const title = s.title.trim() === '' ? localize(NAVIGATION_LABELS.untitled, options.lang) : s.title.trim();
    return {
      symbol: {
        name: title,
        kind: 'section',
        level: 2,
        detail: open.name,
        range: lines.rangeAt(open.start, end),
        selectionRange: lines.rangeAt(s.titleStart, s.titleEnd),
        children: [],
      },
      start: open.start,
      end,
      bodyStart: open.end,
      bodyEnd: close ? close.start : open.end,
      headings: [],
      sections: [],
    };
  };

  // Sections come in document order; a stack gives each one its innermost enclosing section.
  const roots: SectionNode[] = [];
  const stack: SectionNode[] = [];
  for (const s of sections) {
    const node = toNode(s);
    while (stack.length && stack[stack.length - 1].end <= node.start) stack.pop();
    if (stack.length) stack[stack.length - 1].sections.push(node);
    else roots.push(node);
    stack.push(node);
  }
  // Headings (in order too) go to the innermost section whose body holds them.
  stack.length = 0;
  const pending = [...roots].reverse();
  const ordered: SectionNode[] = [];
  while (pending.length) {
    const n = pending.pop()!;
    ordered.push(n);
    for (let i = n.sections.length - 1; i >= 0; i--) pending.push(n.sections[i]);
  }
  let k = 0;
  for (const h of findHeadings(text)) {
    const at = lines.lineStarts[h.line];
    while (k < ordered.length && ordered[k].start <= at) {
      while (stack.length && stack[stack.length - 1].end <= ordered[k].start) stack.pop();
      stack.push(ordered[k++]);
    }
    while (stack.length && stack[stack.length - 1].bodyEnd <= at) stack.pop();
    const host = stack[stack.length - 1];
    if (host && at >= host.bodyStart) host.headings.push(h);
  }
  return roots.map((r) => finish(r, lines));
}

/**
 * Nests a section's headings by level (a `###` under the `##` before it); an inner section goes
 * under the heading it is written in, or beside the headings when it comes first.
 */
function finish(section: SectionNode, lines: LineIndex): OutlineSymbol {
  const hs = section.headings;
  // A heading runs until the next heading of the same or a higher level, or the end of the section.
  const limitLine = lines.positionAt(section.bodyEnd).line;
  const nextLine = new Array<number>(hs.length).fill(limitLine);
  const waiting: number[] = [];
  for (let i = hs.length - 1; i >= 0; i--) {
    while (waiting.length && hs[waiting[waiting.length - 1]].level > hs[i].level) waiting.pop();
    if (waiting.length) nextLine[i] = hs[waiting[waiting.length - 1]].line;
    waiting.push(i);
  }
  const inner = section.sections;
  let k = 0;
  const stack: { symbol: OutlineSymbol; level: number; end: number }[] = [];
  const top = section.symbol.children;
  // Inner sections starting before `offset` go under the deepest open heading that holds them.
  const placeSectionsBefore = (offset: number) => {
    for (; k < inner.length && inner[k].start < offset; k++) {
      while (stack.length && stack[stack.length - 1].end <= inner[k].start) stack.pop();
      (stack.length ? stack[stack.length - 1].symbol.children : top).push(finish(inner[k], lines));
    }
  };
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    const lastLine = Math.min(Math.max(h.endLine, nextLine[i] - 1), lines.lineCount - 1);
    const start = lines.lineStarts[h.line];
    const end = lines.lineEnd(lastLine);
    placeSectionsBefore(start);
    const symbol: OutlineSymbol = {
      name: h.text !== '' ? h.text : '#'.repeat(h.level),
      kind: 'heading',
      level: h.level,
      detail: '',
      range: lines.rangeAt(start, end),
      selectionRange: lines.rangeAt(h.textStart, Math.max(h.textStart, h.textEnd)),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children : top).push(symbol);
    stack.push({ symbol, level: h.level, end });
  }
  placeSectionsBefore(Infinity);
  return section.symbol;
}
