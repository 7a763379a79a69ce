import { parseShortcodes } from '../shortcodes/document';
import { findHeadings } from './headings';
import { collapseSections } from './sections';

/**
 * Every id a `#fragment` of a relref may point at on a page: its Markdown headings (Goldmark's
 * ids, made unique) and its `collapse` section titles (anchorized by the template).
 */
export function pageAnchors(text: string): Set<string> {
  const out = new Set<string>();
  try {
    for (const h of findHeadings(text)) out.add(h.id);
    for (const s of collapseSections(parseShortcodes(text))) if (s.id !== '') out.add(s.id);
  } catch {
    // Never throws: an unreadable page simply offers no anchors.
  }
  return out;
}
