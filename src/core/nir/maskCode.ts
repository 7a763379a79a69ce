import { codeSpanRanges, LineIndex } from '../text';

/*
 * Hides Markdown code (fenced blocks, indented blocks, inline code spans) so the identifier
 * checks only see prose. This is a line scanner approximating CommonMark, linear in the text,
 * and it errs on the side of NOT masking: a number wrongly treated as prose only costs a
 * warning, a number wrongly treated as code would go unnoticed into a published page.
 * Known approximations: backslash-escaped backticks are not special; HTML blocks are prose;
 * a code span cannot cross a blank line, a fence or an indented code block.
 */

/** The character that replaces masked code: neither a digit, a letter nor a separator. */
export const MASK = '\u0000';

interface Fence {
  readonly char: '`' | '~';
  readonly length: number;
}

/** Blockquote markers and one list marker at the start of a line, so `> ```` and `- ```` open fences. */
const CONTAINER_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)*(?:[ \t]*(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t]))?/;
const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_ITEM = /^([ \t]*)([-*+]|[0-9]{1,9}[.)])([ \t]+|$)/;

function columns(s: string): number {
  let col = 0;
  for (let i = 0; i < s.length; i++) col = s[i] === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

function openingFence(line: string): Fence | undefined {
  // A fence is three backticks or tildes in a row: most lines have neither.
  if (!line.includes('```') && !line.includes('~~~')) return undefined;
  const rest = line.slice(CONTAINER_PREFIX.exec(line)![0].length);
  const m = FENCE.exec(rest);
  if (!m) return undefined;
  const char = m[1][0] as '`' | '~';
  if (char === '`' && m[2].includes('`')) return undefined;
  return { char, length: m[1].length };
}

function closesFence(line: string, fence: Fence): boolean {
  const rest = line.slice(CONTAINER_PREFIX.exec(line)![0].length);
  const m = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(rest);
  return m !== null && m[1][0] === fence.char && m[1].length >= fence.length;
}

/** Front matter delimited by `+++` (TOML) or `---` (YAML) on the first line; it is prose here. */
function frontMatterEnd(index: LineIndex): number {
  const first = index.lineText(0).trimEnd();
  if (first !== '+++' && first !== '---') return 0;
  for (let line = 1; line < index.lineCount; line++) {
    if (index.lineText(line).trimEnd() === first) return line + 1;
  }
  return 0;
}

/** Whether one of the sorted `offsets` lies in [start, end]. */
function anyWithin(offsets: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo] <= end;
}

/**
 * Offsets [start, end) of every code region, sorted and disjoint. With `near` (sorted offsets), code
 * spans are only looked for in the paragraphs and headings that hold one of them: the result is
 * exact on those lines (fenced and indented blocks are found everywhere), which is all a search for
 * matches starting at those offsets reads.
 */
export function codeRegions(index: LineIndex, near?: readonly number[]): Array<[number, number]> {
  const text = index.text;
  const regions: Array<[number, number]> = [];
  let fence: Fence | undefined;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  let previousBlank = true;
  let previousCode = false;
  let listContent: number | undefined;

  const flushParagraph = () => {
    if (paragraphStart >= 0 && (!near || anyWithin(near, paragraphStart, paragraphEnd))) codeSpanRanges(text, paragraphStart, paragraphEnd, regions);
    paragraphStart = -1;
  };
  const maskLine = (line: number) => {
    const start = index.lineStarts[line];
    const end = index.lineEnd(line);
    const last = regions[regions.length - 1];
    // One region for consecutive code lines: the previous line masked to its end (a code span
    // ending before it, as in `# a `b`c` above an indented line, leaves `c` as prose).
    if (last && line > 0 && last[1] === index.lineEnd(line - 1) && last[0] <= start) last[1] = end;
    else regions.push([start, end]);
  };

  // Past the last candidate and any paragraph holding one, nothing read is left: stop there.
  const last = near && near.length > 0 ? near[near.length - 1] : Infinity;
  for (let line = frontMatterEnd(index); line < index.lineCount; line++) {
    if (index.lineStarts[line] > last && (paragraphStart < 0 || paragraphStart > last)) break;
    const lineText = index.lineText(line);
    if (fence) {
      maskLine(line);
      if (closesFence(lineText, fence)) fence = undefined;
      continue;
    }
    const opened = openingFence(lineText);
    if (opened) {
      flushParagraph();
      fence = opened;
      maskLine(line);
      previousBlank = false;
      previousCode = false;
      continue;
    }
    if (lineText.trim() === '') {
      flushParagraph();
      previousBlank = true;
      continue;
    }
    const first = lineText.charCodeAt(0);
    const indent = first === 32 || first === 9 ? columns(leadingWhitespace(lineText)) : 0;
    const base = listContent ?? 0;
    if ((previousBlank || previousCode || paragraphStart < 0) && indent >= base + 4) {
      flushParagraph();
      maskLine(line);
      previousBlank = false;
      previousCode = true;
      continue;
    }
    const item = LIST_ITEM.exec(lineText);
    if (item) {
      const markerEnd = columns(item[1]) + item[2].length;
      const spaces = columns(item[1] + item[2] + item[3]) - markerEnd;
      listContent = markerEnd + (spaces >= 1 && spaces <= 4 ? spaces : 1);
      flushParagraph();
    } else if (previousBlank && listContent !== undefined && indent < listContent) {
      listContent = undefined;
    }
    if (ATX_HEADING.test(lineText)) {
      // A heading is a paragraph of its own line: a code span cannot run into the next line.
      flushParagraph();
      const start = index.lineStarts[line];
      const end = index.lineEnd(line);
      if (!near || anyWithin(near, start, end)) codeSpanRanges(text, start, end, regions);
      previousBlank = false;
      previousCode = false;
      continue;
    }
    if (paragraphStart < 0) paragraphStart = index.lineStarts[line];
    paragraphEnd = index.lineEnd(line);
    previousBlank = false;
    previousCode = false;
  }
  flushParagraph();
  regions.sort((a, b) => a[0] - b[0]);
  return regions;
}

/**
 * The text with every code region replaced by {@link MASK}, same length, so offsets still match.
 * With `near`, exact on the lines of those offsets only (see {@link codeRegions}).
 */
export function maskCode(index: LineIndex, near?: readonly number[]): string {
  const text = index.text;
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of codeRegions(index, near)) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), MASK.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
