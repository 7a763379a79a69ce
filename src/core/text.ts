import { keepLastCall } from './memo';

/** Zero-based line and UTF-16 character, as in VS Code and the Language Server Protocol. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/**
 * Converts offsets in a text to positions and back. Line ends are `\n`, `\r\n` or a lone `\r`,
 * as in VS Code, so a CRLF or old-Mac file gets the same line numbers as the editor shows.
 */
export class LineIndex {
  private starts: number[] | undefined;

  /** The text is only scanned when a position is first asked for: many pages never report one. */
  constructor(readonly text: string) {}

  /** Offset of the first character of each line. */
  get lineStarts(): readonly number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeAt(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    const next = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    let end = next;
    if (line + 1 < starts.length) {
      end--;
      if (this.text.charCodeAt(end) === 10 && end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    }
    return end;
  }

  /** The text of `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  /** The whole line as a range (without the line break). */
  lineRange(line: number): Range {
    return this.rangeAt(this.lineStarts[line], this.lineEnd(line));
  }
}

/** Offsets of the line starts; `indexOf` finds the breaks (a text without `\r` needs no other test). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * The line index of a whole page, shared by the checks that read the same text one after the other
 * (patient identifiers, shortcodes): built once per text. A LineIndex never changes once built.
 */
export const lineIndexOf = keepLastCall((text: string) => new LineIndex(text));

/** Forgets the last page's line index (on deactivation). */
export function clearLineIndexCache(): void {
  lineIndexOf.clear();
}

/** Removes a leading byte order mark; editors keep it out of the text, `fs` reads keep it in. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Offsets [start, end) of the code spans of `text` between `start` and `end` (one paragraph, one
 * line), in order: CommonMark's rule, a run of backticks up to the next run of exactly its length,
 * found in one pass over the runs (linear on any input). Backslash-escaped backticks are not special.
 */
export function codeSpanRanges(text: string, start: number, end: number, out: Array<[number, number]>): void {
  // Search the paragraph only: searching `text` from `start` would run to the next backtick of
  // the whole page for every paragraph, which is quadratic on a page without any.
  const paragraph = text.slice(start, end);
  const runs: Array<{ pos: number; len: number }> = [];
  for (const m of paragraph.matchAll(/`+/g)) runs.push({ pos: start + m.index, len: m[0].length });
  // Each opener closes at the next run of exactly its length; precompute that run right to left.
  const nextSame = new Array<number>(runs.length).fill(-1);
  const lastSeen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextSame[i] = lastSeen.get(runs[i].len) ?? -1;
    lastSeen.set(runs[i].len, i);
  }
  for (let i = 0; i < runs.length; ) {
    const j = nextSame[i];
    if (j < 0) {
      i++;
      continue;
    }
    out.push([runs[i].pos, runs[j].pos + runs[j].len]);
    i = j + 1;
  }
}
