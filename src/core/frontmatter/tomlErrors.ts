import { TomlError } from 'smol-toml';
import { range, type LineIndex, type Range } from '../text';
import { type Lang, localize, type Message, msg } from '../l10n';
import type { RelatedInformation } from '../diagnostic';

/**
 * smol-toml's error reasons, as smol-toml 1.9 writes them: catalogue keys (translated in
 * l10n/bundle.l10n.fr.json). An unknown reason (a newer smol-toml) is shown in English rather than hidden.
 */
const TOML_REASONS: ReadonlySet<string> = new Set<string>([
  msg('control characters are not allowed in comments'),
  msg('control characters are not allowed in strings'),
  msg('document contains an unsafe property'),
  msg('document contains excessively nested structures. aborting.'),
  msg('each key-value declaration must be followed by an end-of-line'),
  msg('expected comma or end of structure'),
  msg('expected end of table array declaration'),
  msg('illegal character in key'),
  msg('illegal empty bare key'),
  msg('illegal leading zero'),
  msg('illegal quoted key: multiline strings are not allowed'),
  msg('illegal underscore'),
  msg('incomplete key-value: cannot find end of key'),
  msg('integer value cannot be represented losslessly'),
  msg('invalid date'),
  msg('invalid date-time: date part is malformed'),
  msg('invalid date-time: time part is malformed'),
  msg('invalid escape: only line-ending whitespace may be escaped'),
  msg('invalid non-hex character in unicode escape'),
  msg('invalid unicode escape'),
  msg('invalid value'),
  msg('trying to redefine an already defined value'),
  msg('trying to redefine an already defined table or value'),
  msg('unexpected end of key'),
  msg('unfinished array'),
  msg('unfinished numeric value'),
  msg('unfinished string'),
  msg('unfinished table'),
  msg('unrecognised escape sequence'),
  msg('illegal character in numeric literal'),
]);

/** The reason in `lang`; unknown reasons stay in smol-toml's English. */
export function translateTomlReason(reason: string, lang: Lang): string {
  return TOML_REASONS.has(reason) ? localize(reason as Message, lang) : reason;
}

/** smol-toml's message is `Invalid TOML document: <reason>\n\n<code block>`: keep the reason. */
export function tomlReason(message: string): string {
  const body = message.replace(/^Invalid TOML document: /, '');
  const cut = body.indexOf('\n');
  return (cut >= 0 ? body.slice(0, cut) : body).trim();
}

/** A list (`[`) or inline table (`{`) value still open where smol-toml stopped. */
export interface OpenStructure {
  readonly kind: 'array' | 'table';
  /** The opening bracket, in the page. */
  readonly range: Range;
  /** Whether the parser stopped on a later line than the bracket's. */
  readonly laterLine: boolean;
  /** Whether the parser was looking for the end of that structure (a missing `]` or `}`), or reached the end of the text. */
  readonly unclosed: boolean;
}

/** Reasons smol-toml gives when it is still looking for the end of a list or inline table. */
const UNCLOSED_REASONS = new Set(['expected comma or end of structure', 'unfinished array', 'unfinished table']);

/**
 * The innermost list or inline table value still open at `end` in `text` (TOML read from `start`):
 * strings, comments and `[table]` headers are skipped. Linear in the text.
 */
export function openStructureAt(text: string, start: number, end: number): { offset: number; kind: 'array' | 'table' } | undefined {
  const stack: { offset: number; kind: 'array' | 'table' }[] = [];
  let lineStart = true;
  let i = start;
  const limit = Math.min(end, text.length);
  /** Skips a string starting at `i`; returns the offset after it (or the line end for an unfinished one-line string). */
  const skipString = (at: number): number => {
    const q = text[at];
    if (text.startsWith(q + q + q, at)) {
      let j = at + 3;
      while (j < limit) {
        if (q === '"' && text[j] === '\\') j += 2;
        else if (text.startsWith(q + q + q, j)) {
          j += 3;
          while (text[j] === q && j < limit) j++; // up to two quotes may close the content
          return j;
        } else j++;
      }
      return limit;
    }
    let j = at + 1;
    while (j < limit && text[j] !== '\n' && text[j] !== '\r') {
      if (q === '"' && text[j] === '\\') j += 2;
      else if (text[j] === q) return j + 1;
      else j++;
    }
    return j;
  };
  while (i < limit) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      lineStart = true;
      i++;
    } else if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '#') {
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"' || c === "'") {
      i = skipString(i);
      lineStart = false;
    } else if (c === '[' && lineStart && stack.length === 0) {
      // A `[table]` or `[[array of tables]]` header: up to the end of its line.
      while (i < limit && text[i] !== '\n' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === "'") i = skipString(i);
        else if (text[i] === '#') while (i < limit && text[i] !== '\n' && text[i] !== '\r') i++;
        else i++;
      }
      lineStart = false;
    } else {
      if (c === '[' || c === '{') stack.push({ offset: i, kind: c === '[' ? 'array' : 'table' });
      else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
      lineStart = false;
      i++;
    }
  }
  return stack[stack.length - 1];
}

/**
 * Where a smol-toml error is in the page: its 1-based line and column are counted from the TOML
 * text, which starts at `firstLine` of the page. The range runs from the error to the end of the
 * line; at the end of a line it covers the line's content instead. When the parser stopped inside
 * a list or an inline table, `opened` says where that structure was opened: a missing `]` on one
 * line is only noticed on the next one.
 */
export function locateTomlError(
  e: unknown,
  firstLine: number,
  lastLine: number,
  index: LineIndex,
): { range: Range; reason: string; opened?: OpenStructure } {
  let reason = e instanceof Error ? tomlReason(e.message) : String(e);
  if (!(e instanceof TomlError)) return { range: index.lineRange(firstLine), reason };
  const errorLine = firstLine + e.line - 1;
  const line = Math.max(firstLine, Math.min(errorLine, lastLine));
  const opened = openedStructure(index, firstLine, lastLine, errorLine, e.column, reason);
  const text = index.lineText(line);
  const start = Math.min(Math.max(0, e.column - 1), text.length);
  const end = text.trimEnd().length;
  if (end > start) return { range: range(line, start, line, end), reason, ...(opened ? { opened } : {}) };
  // A line break inside a one-line string: the author forgot the closing quote.
  if (reason === 'control characters are not allowed in strings') reason = 'unfinished string';
  const first = text.length - text.trimStart().length;
  return { range: range(line, Math.min(first, end), line, end), reason, ...(opened ? { opened } : {}) };
}

function openedStructure(index: LineIndex, firstLine: number, lastLine: number, errorLine: number, column: number, reason: string): OpenStructure | undefined {
  if (firstLine >= index.lineCount) return undefined;
  const last = Math.min(lastLine, index.lineCount - 1);
  const end = errorLine <= last ? Math.min(index.lineStarts[Math.max(errorLine, firstLine)] + Math.max(0, column - 1), index.lineEnd(Math.max(errorLine, firstLine))) : index.lineEnd(last);
  const open = openStructureAt(index.text, index.lineStarts[firstLine], end);
  if (!open) return undefined;
  const at = index.positionAt(open.offset);
  return {
    kind: open.kind,
    range: range(at.line, at.character, at.line, at.character + 1),
    laterLine: errorLine > at.line,
    // Stopped at the end of the TOML text with the structure open: it was never closed.
    unclosed: UNCLOSED_REASONS.has(reason) || errorLine > last,
  };
}

/** The sentence that says where the open list or inline table started (1-based line, as editors show). */
export const OPEN_STRUCTURE_MESSAGES = {
  arrayUnclosed: msg('The list opened on line {line} is not closed: `]` (or a comma) is missing before this point.'),
  tableUnclosed: msg('The inline table opened on line {line} is not closed: `}` is missing before this point (an inline table fits on one line).'),
  arrayInside: msg('In the list opened on line {line}.'),
  tableInside: msg('In the inline table opened on line {line}.'),
  arrayHere: msg('List opened here'),
  tableHere: msg('Inline table opened here'),
} satisfies Record<string, Message>;

/**
 * The sentence to add to a TOML syntax message and the related information that points at the
 * opening bracket; nothing when the parser stopped on the bracket's own line (the range says it all).
 */
export function describeOpenStructure(opened: OpenStructure | undefined, lang: Lang): { sentence: string; related: RelatedInformation[] } | undefined {
  if (!opened || !opened.laterLine) return undefined;
  const table = opened.kind === 'table';
  const line = opened.range.start.line + 1;
  const sentence = localize(
    opened.unclosed ? (table ? OPEN_STRUCTURE_MESSAGES.tableUnclosed : OPEN_STRUCTURE_MESSAGES.arrayUnclosed) : table ? OPEN_STRUCTURE_MESSAGES.tableInside : OPEN_STRUCTURE_MESSAGES.arrayInside,
    lang,
    { line },
  );
  return { sentence, related: [{ range: opened.range, message: localize(table ? OPEN_STRUCTURE_MESSAGES.tableHere : OPEN_STRUCTURE_MESSAGES.arrayHere, lang) }] };
}
