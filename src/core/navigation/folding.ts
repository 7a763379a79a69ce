import { locateFrontMatter } from '../frontmatter/locate';
import { parseShortcodes } from '../shortcodes/document';
import { LineIndex } from '../text';

/**
 * Lines to fold: the front matter block and every shortcode pair spread over several lines.
 * A fold runs from the opening line to the closing one included, so a folded `collapse` shows
 * its title line alone.
 */
export interface FoldRange {
  readonly start: number;
  readonly end: number;
  readonly kind: 'front-matter' | 'shortcode';
}

export function foldingRanges(text: string, options: { readonly paired?: readonly string[] } = {}): FoldRange[] {
  const out: FoldRange[] = [];
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = locateFrontMatter(shift ? text.slice(1) : text);
  if (fm && fm.closed && fm.closeLine > fm.openLine) out.push({ start: fm.openLine, end: fm.closeLine, kind: 'front-matter' });
  const doc = parseShortcodes(text, options.paired ?? []);
  if (doc.tags.length === 0) return out;
  const lines = new LineIndex(text);
  doc.tags.forEach((tag, i) => {
    const j = doc.partner[i];
    if (tag.kind !== 'open' || j < 0) return;
    const start = lines.positionAt(tag.start).line;
    const end = lines.positionAt(doc.tags[j].start).line;
    if (end > start) out.push({ start, end, kind: 'shortcode' });
  });
  return out;
}
