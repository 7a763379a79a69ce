/**
 * A tokenizer for Hugo shortcode tags. It only finds tags and their arguments, with exact
 * offsets into the text; pairing opens with closes is `pair.ts`'s job. Diagnostics, folding,
 * the outline and the preview all use it, so it never throws and stays linear on any input.
 */

export type ShortcodeDelimiter = '%' | '<';
export type ShortcodeKind = 'open' | 'close' | 'self-closing' | 'comment';

export type ShortcodeErrorCode =
  | 'shortcode/unterminated-string'
  | 'shortcode/mixed-arguments'
  | 'shortcode/unterminated-tag';

export interface ShortcodeError {
  readonly code: ShortcodeErrorCode;
  readonly start: number;
  readonly end: number;
}

export interface ShortcodeArg {
  /** Key of a named argument (`key="value"`), undefined for a positional one. */
  readonly key?: string;
  /** The value with quotes removed and `\"` / `\\` escapes resolved. */
  readonly value: string;
  /** How the value was written: `"` quoted, `` ` `` raw, or '' bare word. */
  readonly quote: '"' | '`' | '';
  /** The whole argument, key included. */
  readonly start: number;
  readonly end: number;
  /** The value as written, quotes included. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface ShortcodeTag {
  readonly kind: ShortcodeKind;
  readonly delimiter: ShortcodeDelimiter;
  /** The name as written (Hugo 0.146+ finds templates case-insensitively: compare with {@link shortcodeKey}; a closing tag must repeat it exactly). */
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** From the first `{` to just after the last `}`. */
  readonly start: number;
  readonly end: number;
  readonly args: readonly ShortcodeArg[];
  readonly errors: readonly ShortcodeError[];
  /** For the comment form (`{{</*` … `*\/>}}`): what Hugo prints instead (`{{< x >}}`). */
  readonly literal?: string;
}

export interface ScanResult {
  readonly tags: readonly ShortcodeTag[];
  /** Problems that are not attached to a tag: an opening `{{%` or `{{<` that never closes. */
  readonly errors: readonly ShortcodeError[];
}

/** A tag longer than this is treated as unterminated: keeps scanning linear on hostile input. */
export const MAX_TAG_LENGTH = 8192;

/** Key used to compare names: Hugo 0.146 and later look shortcode templates up case-insensitively (0.111 to 0.145 by the exact name; see templateSpelling). */
export function shortcodeKey(name: string): string {
  return name.toLowerCase();
}

const NAME_CHAR = /[\p{L}\p{N}_\-./]/u;

/** {@link NAME_CHAR} at `i`: ASCII answered by the character code, the rest by the expression. */
function isNameChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x2f;
  }
  return NAME_CHAR.test(text[i]);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

/** Offset just after a closing delimiter (`%}}` / `>}}`) starting exactly at `i`, or -1. */
function closingAt(text: string, i: number, d: ShortcodeDelimiter): number {
  return text.charCodeAt(i) === (d === '%' ? 37 : 62) && text.charCodeAt(i + 1) === 125 && text.charCodeAt(i + 2) === 125
    ? i + 3
    : -1;
}

type AttemptResult = { tag: ShortcodeTag } | { error: ShortcodeError; resumeAt: number } | undefined;

/**
 * Reads the tag that starts exactly at `offset` (`{{%` or `{{<`). Returns undefined when the text
 * there is not a shortcode at all (`{{ .Title }}`, `{{%}}`, a stray `{{<` inside prose).
 */
export function scanShortcodeAt(text: string, offset: number): ShortcodeTag | undefined {
  const r = attempt(text, offset);
  return r && 'tag' in r ? r.tag : undefined;
}

function attempt(text: string, start: number): AttemptResult {
  if (text.charCodeAt(start) !== 123 || text.charCodeAt(start + 1) !== 123) return undefined;
  const dc = text[start + 2];
  if (dc !== '%' && dc !== '<') return undefined;
  const d = dc as ShortcodeDelimiter;
  const limit = Math.min(text.length, start + MAX_TAG_LENGTH);
  let i = start + 3;
  while (i < limit && isSpace(text.charCodeAt(i))) i++;

  if (text.startsWith('/*', i)) return comment(text, start, i + 2, d);

  let kind: ShortcodeKind = 'open';
  if (text.charCodeAt(i) === 47 /* / */) {
    kind = 'close';
    i++;
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
  }
  const nameStart = i;
  while (i < limit && isNameChar(text, i) && !(text.charCodeAt(i) === 47 && closingAfterSlash(text, i, d) > 0)) i++;
  const nameEnd = i;
  const name = text.slice(nameStart, nameEnd);
  if (name === '') {
    // `{{%}}`, `{{< >}}`, `{{<` followed by prose: not a tag, unless it clearly closes right away.
    return undefined;
  }

  const args: ShortcodeArg[] = [];
  const errors: ShortcodeError[] = [];
  const finish = (end: number): AttemptResult => {
    const hasNamed = args.some((a) => a.key !== undefined);
    const hasPositional = args.some((a) => a.key === undefined);
    if (hasNamed && hasPositional) {
      errors.push({ code: 'shortcode/mixed-arguments', start: args[0].start, end: args[args.length - 1].end });
    }
    return { tag: { kind, delimiter: d, name, nameStart, nameEnd, start, end, args, errors } };
  };
  for (;;) {
    const before = i;
    while (i < limit && isSpace(text.charCodeAt(i))) i++;
    if (i >= limit) break;
    let end = closingAt(text, i, d);
    if (end > 0) return finish(end);
    if (text.charCodeAt(i) === 47 && (end = closingAfterSlash(text, i, d)) > 0) {
      if (kind === 'open') kind = 'self-closing';
      return finish(end);
    }
    if (text.charCodeAt(i) === 123 && text.charCodeAt(i + 1) === 123) break; // a new tag: this one never closed
    // The name must be followed by a space or the delimiter (`{{<a"b">}}` is prose, not a tag).
    if (before === nameEnd && i === nameEnd) return undefined;
    const arg = readArg(text, i, d, limit, errors);
    if (!arg) break;
    args.push(arg);
    i = arg.end;
  }
  // Every loop above stops at a new `{{`, so resuming where we stopped skips no tag and keeps
  // the whole scan linear.
  return { error: { code: 'shortcode/unterminated-tag', start, end: nameEnd }, resumeAt: Math.max(i, nameEnd) };
}

/** After a `/` at `i`: the end of `/%}}` or `/ >}}` (spaces allowed), or -1. */
function closingAfterSlash(text: string, i: number, d: ShortcodeDelimiter): number {
  let j = i + 1;
  while (j < text.length && j < i + 64 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return closingAt(text, j, d);
}

/**
 * `{{</* x *\/>}}`: Hugo prints the tag itself, minus the comment markers. As Hugo's lexer
 * (lexShortcodeComment), the comment runs to the first `*\/>}}` (`*\/%}}` for `{{%/*`) however far,
 * over lines, `>}}` and other tags: `{{</* tabs >}} … {{< /tabs *\/>}}` is one comment printing
 * `{{< tabs >}} … {{< /tabs >}}`. Without one, Hugo stops ("comment must be closed").
 */
function comment(text: string, start: number, bodyStart: number, d: ShortcodeDelimiter): AttemptResult {
  const needle = d === '%' ? '*/%}}' : '*/>}}';
  const star = closerAfter(text, needle, bodyStart);
  if (star < 0) return { error: { code: 'shortcode/unterminated-tag', start, end: bodyStart }, resumeAt: bodyStart };
  const end = star + needle.length;
  const body = text.slice(bodyStart, star);
  const m = /^\s*\/?\s*([\p{L}\p{N}_\-./]*)/u.exec(body);
  const name = m ? m[1] : '';
  const nameStart = m ? bodyStart + m[0].length - name.length : bodyStart;
  return {
    tag: {
      kind: 'comment',
      delimiter: d,
      name,
      nameStart,
      nameEnd: nameStart + name.length,
      start,
      end,
      args: [],
      errors: [],
      literal: `{{${d}${body}${d === '%' ? '%' : '>'}}}`,
    },
  };
}

/**
 * Where `needle` is next found from `from`, or -1. A page with many comment openers and no closer
 * is searched once: the last miss is kept, and a later search on the same text from further on
 * misses at once.
 */
function closerAfter(text: string, needle: string, from: number): number {
  if (lastMiss && lastMiss.needle === needle && lastMiss.from <= from && lastMiss.text === text) return -1;
  const at = text.indexOf(needle, from);
  if (at < 0) lastMiss = { text, needle, from };
  return at;
}

let lastMiss: { text: string; needle: string; from: number } | undefined;

/** A named argument's key and its `=`, read where `lastIndex` is set. */
const KEY = /[\p{L}\p{N}_\-.]+=/uy;

function readArg(
  text: string,
  start: number,
  d: ShortcodeDelimiter,
  limit: number,
  errors: ShortcodeError[],
): ShortcodeArg | undefined {
  // Named argument: a key made of name characters directly followed by `=`.
  let key: string | undefined;
  let i = start;
  // Read in place (no copy of the text ahead); a key runs at most 256 characters, within the tag.
  KEY.lastIndex = start;
  const keyMatch = KEY.exec(text);
  if (keyMatch && start + keyMatch[0].length <= Math.min(limit, start + 256)) {
    key = keyMatch[0].slice(0, -1);
    i = start + keyMatch[0].length;
  }
  const valueStart = i;
  const c = text[i];
  if (c === '"' || c === '`') {
    const quote = c.charCodeAt(0);
    const dq = quote === 34; /* " */
    // The value is the text between the quotes, copied in runs: an escape ends a run.
    let value = '';
    let run = i + 1;
    let j = i + 1;
    let quoteAheadUntil = -1;
    for (; j < limit; j++) {
      const ch = text.charCodeAt(j);
      if (ch === quote) {
        return { key, value: value + text.slice(run, j), quote: c, start, end: j + 1, valueStart, valueEnd: j + 1 };
      }
      if (ch === 123 && text.charCodeAt(j + 1) === 123) break; // a new tag: this string never closed
      if (dq && ch === 92 /* \\ */ && j + 1 < limit && (text.charCodeAt(j + 1) === 34 || text.charCodeAt(j + 1) === 92)) {
        value += text.slice(run, j) + text[j + 1];
        j++;
        run = j + 1;
        continue;
      }
      // A quoted string does not run past its line: better one error than a swallowed page.
      if (dq && (ch === 10 || ch === 13)) break;
      if (dq && j >= quoteAheadUntil && closingAt(text, j, d) > 0) {
        // A delimiter inside quotes: part of the value only if the quote closes later on the line.
        const q = quoteAheadOnLine(text, j + 3, limit);
        if (q < 0) break;
        quoteAheadUntil = q; // every delimiter before that quote gets the same answer
      }
    }
    // Unterminated: the value stops at the first closing delimiter, else where the scan stopped.
    let stop = j;
    for (let k = i + 1; k < j; k++) {
      if (closingAt(text, k, d) > 0 || (text.charCodeAt(k) === 47 && closingAfterSlash(text, k, d) > 0)) {
        stop = k;
        break;
      }
    }
    let valueEnd = stop;
    while (valueEnd > i + 1 && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
    errors.push({ code: 'shortcode/unterminated-string', start: valueStart, end: valueEnd });
    return { key, value: text.slice(i + 1, valueEnd), quote: c, start, end: valueEnd, valueStart, valueEnd };
  }
  // Bare word: up to a space or the closing delimiter.
  let j = i;
  while (j < limit && !isSpace(text.charCodeAt(j))) {
    if (closingAt(text, j, d) > 0) break;
    if (text.charCodeAt(j) === 47 && closingAfterSlash(text, j, d) > 0) break;
    if (text.charCodeAt(j) === 123 && text.charCodeAt(j + 1) === 123) break;
    j++;
  }
  if (j === i) return undefined;
  return { key, value: text.slice(i, j), quote: '', start, end: j, valueStart, valueEnd: j };
}

/** Offset of a `"` later on the line, before any new tag, or -1: tells `"a %}} b"` from a forgotten quote. */
function quoteAheadOnLine(text: string, from: number, limit: number): number {
  for (let k = from; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 34 /* " */) return k;
    if (c === 10 || c === 13 || (c === 123 && text.charCodeAt(k + 1) === 123)) return -1;
  }
  return -1;
}

/** Every shortcode tag in `text` from `start` on, in order, plus the openings that never close. */
export function scanShortcodes(text: string, start = 0): ScanResult {
  const tags: ShortcodeTag[] = [];
  const errors: ShortcodeError[] = [];
  // The scan only reads forward: what lies before `start` (a front matter) is never looked at.
  let from = start;
  for (;;) {
    const at = text.indexOf('{{', from);
    if (at < 0) break;
    const r = attempt(text, at);
    if (!r) {
      from = at + 1;
      continue;
    }
    if ('tag' in r) {
      tags.push(r.tag);
      from = r.tag.end;
    } else {
      errors.push(r.error);
      from = Math.max(at + 2, r.resumeAt);
    }
  }
  return { tags, errors };
}

/** The arguments as Hugo's `.Get` sees them: by position or by key. */
export function getArg(tag: ShortcodeTag, which: number | string): string | undefined {
  const args = tag.args;
  if (typeof which === 'number') {
    // The `which`-th positional argument, counted in place (no list of them is made).
    let n = 0;
    for (let k = 0; k < args.length; k++) {
      if (args[k].key !== undefined) continue;
      if (n === which) return args[k].value;
      n++;
    }
    return undefined;
  }
  for (let k = 0; k < args.length; k++) if (args[k].key === which) return args[k].value;
  return undefined;
}

/** A tag whose scan ended inside a string: it was closed at a delimiter that belongs to the string. */
export function hasUnterminatedString(tag: ShortcodeTag): boolean {
  return tag.errors.some((e) => e.code === 'shortcode/unterminated-string');
}
