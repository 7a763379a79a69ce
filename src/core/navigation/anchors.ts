import { parseShortcodes } from '../shortcodes/document';
import { findHeadings } from './headings';
import { collapseSections } from './sections';

export interface PageAnchorOptions {
  /**
   * The site writes the pages' raw HTML (`markup.goldmark.renderer.unsafe = true`): the `id`s of
   * its tags are anchors too. Hugo's default (false) replaces raw HTML with a comment.
   */
  readonly rawHtml?: boolean;
}

/**
 * Every id a `#fragment` of a relref may point at on a page: its Markdown headings (Goldmark's
 * ids, made unique), its `collapse` section titles (anchorized by the template) and, on a site
 * that writes raw HTML, the ids of its HTML tags.
 */
export function pageAnchors(text: string, options: PageAnchorOptions = {}): Set<string> {
  const out = new Set<string>();
  try {
    const shortcodes = parseShortcodes(text);
    for (const h of findHeadings(text, { shortcodes, ...(options.rawHtml ? { htmlIds: out } : {}) })) out.add(h.id);
    for (const s of collapseSections(shortcodes)) if (s.id !== '') out.add(s.id);
  } catch {
    // Never throws: an unreadable page simply offers no anchors.
  }
  return out;
}
