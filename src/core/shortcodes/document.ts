import { locateFrontMatter } from '../frontmatter/locate';
import { DEFAULT_PAIRED_SHORTCODES, pairShortcodes, type PairError } from './pair';
import { scanShortcodes, shortcodeKey, type ShortcodeError, type ShortcodeTag } from './scan';
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

/** The tags of a page's body, scanned (and kept for the next caller of the same text) but not paired. */
export function shortcodeTags(text: string): readonly ShortcodeTag[] {
  return scanPage(text, bodyStartOf(text)).tags;
}

const NO_NAMES: readonly string[] = [];

/**
 * The defaults followed by a caller's names, one list per caller's list: the site's list is the
 * same for every page, and pairing keeps what it derives from a list per list.
 */
const withDefaults = new WeakMap<readonly string[], readonly string[]>();

function pairedList(paired: readonly string[]): readonly string[] {
  if (paired.length === 0) return DEFAULT_PAIRED_SHORTCODES;
  let list = withDefaults.get(paired);
  if (!list) withDefaults.set(paired, (list = [...DEFAULT_PAIRED_SHORTCODES, ...paired]));
  return list;
}

/** The paired names less the standalone ones, once per pair of lists. */
const withoutStandalone = new WeakMap<readonly string[], WeakMap<ReadonlySet<string>, readonly string[]>>();

function pairedLess(paired: readonly string[], standalone: ReadonlySet<string>): readonly string[] {
  let byStandalone = withoutStandalone.get(paired);
  if (!byStandalone) withoutStandalone.set(paired, (byStandalone = new WeakMap()));
  let list = byStandalone.get(standalone);
  if (!list) byStandalone.set(standalone, (list = paired.filter((n) => !standalone.has(shortcodeKey(n)))));
  return list;
}

/**
 * `paired`: names that always take a body, in addition to {@link DEFAULT_PAIRED_SHORTCODES};
 * `standalone`: names (lower case) the site's own templates define without reading `.Inner`,
 * which take no body whatever the defaults say (Hugo asks the template).
 */
export function parseShortcodes(text: string, paired: readonly string[] = NO_NAMES, standalone?: ReadonlySet<string>): ShortcodeDocument {
  const bodyStart = bodyStartOf(text);
  const scanned = scanPage(text, bodyStart);
  const names = standalone && standalone.size > 0 ? pairedLess(pairedList(paired), standalone) : pairedList(paired);
  const { partner, errors: pairErrors } = pairShortcodes(scanned.tags, names);
  return { text, bodyStart, tags: scanned.tags, errors: scanned.errors, partner, pairErrors };
}
