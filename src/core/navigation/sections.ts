import { anchorize } from '../markdown/anchorize';
import type { ShortcodeDocument } from '../shortcodes/document';
import { getArg, shortcodeKey, type ShortcodeTag } from '../shortcodes/scan';

/**
 * The `collapse` sections of a page. On the site each one is an `<h2>` whose id is the title
 * anchorized by the template itself (`anchorize $title`), so, unlike Markdown headings, two
 * sections with the same title get the same id.
 */
export interface CollapseSection {
  /** Index of the opening tag in the scan. */
  readonly open: number;
  /** Index of the closing tag, or -1 when the section is never closed. */
  readonly close: number;
  readonly title: string;
  readonly id: string;
  /** Offsets of the title as written (its argument, quotes included), or of the name when there is no title. */
  readonly titleStart: number;
  readonly titleEnd: number;
}

export const COLLAPSE_NAME = 'collapse';

export function isCollapse(tag: ShortcodeTag): boolean {
  return tag.kind === 'open' && shortcodeKey(tag.name) === COLLAPSE_NAME;
}

/** The title the template reads: `.Get 0`, or `title="…"` for themes that name it. */
export function collapseTitle(tag: ShortcodeTag): { title: string; start: number; end: number } {
  const arg = tag.args.find((a) => a.key === undefined) ?? tag.args.find((a) => a.key === 'title');
  const title = arg ? arg.value : (getArg(tag, 'title') ?? '');
  return arg ? { title, start: arg.valueStart, end: arg.valueEnd } : { title, start: tag.nameStart, end: tag.nameEnd };
}

export function collapseSections(doc: ShortcodeDocument): CollapseSection[] {
  const out: CollapseSection[] = [];
  for (let i = 0; i < doc.tags.length; i++) {
    const tag = doc.tags[i];
    if (!isCollapse(tag)) continue;
    const { title, start, end } = collapseTitle(tag);
    out.push({ open: i, close: doc.partner[i], title, id: anchorize(title), titleStart: start, titleEnd: end });
  }
  return out;
}
