import { shortcodeKey, type ShortcodeTag } from './scan';

/**
 * Matches opening tags with closing tags. Hugo decides whether a shortcode takes a body by looking
 * at its template (does it use `.Inner`?); without templates we accept a set of names known to be
 * paired and treat any other open tag that is never closed as standalone.
 */

export type PairErrorCode = 'shortcode/unclosed' | 'shortcode/unexpected-close' | 'shortcode/mismatched-close';

export interface PairError {
  readonly code: PairErrorCode;
  /** Index in the tag list of the tag the problem is about. */
  readonly tag: number;
  /**
   * For a mismatch: the index of the close that arrived while `tag` was still open. For an
   * unexpected close: the open tag of the same name in another case (`{{< myNote >}}` closed by
   * `{{< /mynote >}}`), which Hugo does not take as its start tag.
   */
  readonly other?: number;
}

export interface PairResult {
  /** For every tag: the index of its partner (open ↔ close), or -1 (standalone, comment, unmatched). */
  readonly partner: readonly number[];
  readonly errors: readonly PairError[];
}

/** Names that always take a body, in the themes guide sites use. */
export const DEFAULT_PAIRED_SHORTCODES: readonly string[] = [
  'collapse',
  'details',
  'tabs',
  'tab',
  'alert',
  'notice',
  'hint',
  'callout',
  'info',
  'note',
  'tip',
  'warning',
  'danger',
  'highlight',
];

/** The keys of a list of paired names, once per list (callers pass the same site list for every page). */
const pairedKeySets = new WeakMap<readonly string[], ReadonlySet<string>>();

function pairedKeys(names: Iterable<string>): ReadonlySet<string> {
  const list = Array.isArray(names) ? (names as readonly string[]) : undefined;
  let keys = list && pairedKeySets.get(list);
  if (!keys) {
    const set = new Set<string>();
    for (const n of names) set.add(shortcodeKey(n));
    keys = set;
    if (list) pairedKeySets.set(list, keys);
  }
  return keys;
}

export function pairShortcodes(tags: readonly ShortcodeTag[], pairedNames: Iterable<string> = DEFAULT_PAIRED_SHORTCODES): PairResult {
  const paired = pairedKeys(pairedNames);
  const partner = new Array<number>(tags.length).fill(-1);
  const errors: PairError[] = [];
  const stack: number[] = [];
  // Position of each name in the stack, so finding an opener stays cheap even with thousands open.
  // Names as written: Hugo's lexer closes only a tag opened under the very same name, case
  // included (parser/pageparser/pagelexer_shortcode.go: "closing tag … does not match start tag").
  const openByName = new Map<string, number[]>();

  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.kind === 'open') {
      stack.push(i);
      let list = openByName.get(t.name);
      if (!list) openByName.set(t.name, (list = []));
      list.push(stack.length - 1);
    } else if (t.kind === 'close') {
      const list = openByName.get(t.name);
      if (!list || list.length === 0) {
        const key = shortcodeKey(t.name);
        let other: number | undefined;
        // Among the innermost open tags only: a hostile page closing thousands of names stays linear.
        for (let k = stack.length - 1; k >= Math.max(0, stack.length - 64) && other === undefined; k--) if (shortcodeKey(tags[stack[k]].name) === key) other = stack[k];
        errors.push(other === undefined ? { code: 'shortcode/unexpected-close', tag: i } : { code: 'shortcode/unexpected-close', tag: i, other });
        continue;
      }
      const depth = list[list.length - 1];
      const openerAt = stack[depth];
      // Everything opened after the matching opener is left unclosed by this close.
      for (let k = stack.length - 1; k > depth; k--) {
        const inner = stack[k];
        openByName.get(tags[inner].name)!.pop();
        if (paired.has(shortcodeKey(tags[inner].name))) errors.push({ code: 'shortcode/mismatched-close', tag: inner, other: i });
      }
      stack.length = depth;
      list.pop();
      partner[i] = openerAt;
      partner[openerAt] = i;
    }
  }
  for (const i of stack) {
    if (paired.has(shortcodeKey(tags[i].name))) errors.push({ code: 'shortcode/unclosed', tag: i });
  }
  errors.sort((a, b) => a.tag - b.tag);
  return { partner, errors };
}
