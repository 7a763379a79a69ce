import { locateFrontMatter } from '../frontmatter/locate';
import { DEFAULT_PAIRED_SHORTCODES, pairShortcodes, type PairError } from './pair';
import { scanShortcodes, type ShortcodeError, type ShortcodeTag } from './scan';
import { keepLastCall } from '../memo';

/**
 * A page's shortcodes, scanned and paired once for every feature (diagnostics, outline, folding,
 * links). Hugo never expands shortcodes in the front matter, so the scan starts past that block
 * (offsets point into the page's text).
 */
export interface ShortcodeDocument {
  readonly text: string;
  /** Offset where the body starts: just past the front matter's closing line, or 0. */
  readonly bodyStart: number;
  readonly tags: readonly ShortcodeTag[];
  /** Openings that never end (`{{% collapse "x"` with no `%}}`). */
  readonly errors: readonly ShortcodeError[];
  /** For every tag, the index of its partner (open ↔ close) or -1. */
  readonly partner: readonly number[];
  readonly pairErrors: readonly PairError[];
}

/** Where the body starts, past a closed front matter block (a BOM before it is allowed). */
export function bodyStartOf(text: string): number {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const loc = locateFrontMatter(shift ? text.slice(1) : text);
  // An unclosed front matter is the front matter checks' business: keep scanning the whole page.
  return loc && loc.closed ? loc.closeEnd + shift : 0;
}

/** The site's check context and the page's checks read the same text one after the other: scanned once. */
const scanPage = keepLastCall(scanShortcodes);

/** Forgets the last scanned page (on deactivation). */
export function clearShortcodeScanCache(): void {
  scanPage.clear();
}

/** `paired`: names that always take a body, in addition to {@link DEFAULT_PAIRED_SHORTCODES}. */
export function parseShortcodes(text: string, paired: readonly string[] = []): ShortcodeDocument {
  const bodyStart = bodyStartOf(text);
  const scanned = scanPage(text, bodyStart);
  const { partner, errors: pairErrors } = pairShortcodes(scanned.tags, [...DEFAULT_PAIRED_SHORTCODES, ...paired]);
  return { text, bodyStart, tags: scanned.tags, errors: scanned.errors, partner, pairErrors };
}
