import { anchorize } from '../markdown/anchorize';
import { bodyStartOf } from '../shortcodes/document';

/**
 * The Markdown headings of a page with the ids Hugo's Goldmark gives them: ATX (`## Titre`) and
 * setext (underlined) headings, `{#id}` attributes honoured, automatic ids made unique with `-1`,
 * `-2`… in page order. A line scanner, not a full CommonMark parser: it knows what hides a heading
 * (front matter, fenced code, indented code, HTML comments, list and quote paragraphs) and stays
 * linear on any input.
 */
export interface Heading {
  readonly level: number;
  /** The heading's text as the reader sees it (inline markup removed). */
  readonly text: string;
  readonly id: string;
  /** Line of the heading text; a setext heading ends on its underline, `endLine`. */
  readonly line: number;
  readonly endLine: number;
  /** Offsets of the visible text (for a setext heading, its first line). */
  readonly textStart: number;
  readonly textEnd: number;
}

interface RawLine {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

function* lines(text: string, from: number): Generator<RawLine> {
  let i = from;
  while (i <= text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    const next = j >= text.length ? text.length + 1 : text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    yield { start: i, end: j, next };
    i = next;
  }
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLOCKQUOTE = /^ {0,3}>/;
const HTML_COMMENT_OPEN = /^ {0,3}<!--/;
const SHORTCODE_LINE = /^[ \t]*\{\{[%<].*[%>]\}\}[ \t]*$/;
const ATTRIBUTES = /[ \t]*\{([^{}]*)\}[ \t]*$/;

/** Goldmark's attribute list at the end of a heading: `{#id .class key="v"}`. */
function splitAttributes(raw: string): { text: string; id: string | undefined } {
  const m = ATTRIBUTES.exec(raw);
  if (!m || !/^\s*[#.]|^\s*[\w-]+=/.test(m[1])) return { text: raw, id: undefined };
  const id = /(?:^|\s)#([^\s#.{}"'=]+)/.exec(m[1])?.[1];
  return { text: raw.slice(0, m.index), id };
}

/**
 * What Goldmark's `Text()` gives for a heading's inline content: link and image texts, code span
 * contents, emphasis markers and HTML tags dropped, backslash escapes resolved.
 */
export function plainHeadingText(raw: string): string {
  return raw
    .replace(/\{\{[%<][\s\S]*?[%>]\}\}/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/<(https?:[^>\s]+|[^>\s@]+@[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_]+|[*_]+(?![\p{L}\p{N}])/gu, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .trim();
}

/** Hugo's id registry: explicit ids are taken as given, automatic ones get `-1`, `-2`… when taken. */
class Ids {
  private readonly used = new Set<string>();
  /** First suffix not yet tried per id: ids only get used, never freed, so the search resumes there (linear, not quadratic). */
  private readonly nextSuffix = new Map<string, number>();
  put(id: string): string {
    this.used.add(id);
    return id;
  }
  generate(text: string): string {
    let id = anchorize(text);
    if (id === '') id = 'heading';
    if (this.used.has(id)) {
      let n = this.nextSuffix.get(id) ?? 1;
      while (this.used.has(`${id}-${n}`)) n++;
      this.nextSuffix.set(id, n + 1);
      id = `${id}-${n}`;
    }
    return this.put(id);
  }
}

export function findHeadings(text: string): Heading[] {
  const out: Heading[] = [];
  const ids = new Ids();
  const bodyStart = bodyStartOf(text);
  let lineNo = 0;
  for (let i = 0; i < bodyStart; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineNo++;
  }
  // The paragraph a setext underline would turn into a heading: its lines, or none.
  let paragraph: { line: number; start: number; end: number; parts: string[] } | undefined;
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  // A list or quote paragraph cannot become a setext heading with an unindented underline.
  let inContainer = false;

  const add = (level: number, raw: string, line: number, endLine: number, textStart: number, textEnd: number) => {
    const { text: shown, id } = splitAttributes(raw);
    const plain = plainHeadingText(shown);
    out.push({ level, text: plain, id: id !== undefined ? ids.put(id) : ids.generate(plain), line, endLine, textStart, textEnd });
  };

  let first = true;
  for (const l of lines(text, bodyStart)) {
    const n = first ? lineNo : ++lineNo;
    first = false;
    const line = text.slice(l.start, l.end);
    if (fence) {
      const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const blank = line.trim() === '';
    if (blank) {
      paragraph = undefined;
      inContainer = false;
      continue;
    }
    if (paragraph && SETEXT.test(line)) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      add(level, paragraph.parts.join(''), paragraph.line, n, paragraph.start, paragraph.end);
      paragraph = undefined;
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && line.slice(fenceOpen[0].length).includes('`'))) {
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      paragraph = undefined;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      let content = line.slice(atx[0].length);
      content = content.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').replace(/[ \t]+$/, '');
      const lead = l.start + atx[0].length;
      add(atx[1].length, content, n, n, lead, lead + content.length);
      paragraph = undefined;
      continue;
    }
    if (HTML_COMMENT_OPEN.test(line)) {
      inComment = !line.includes('-->', line.indexOf('<!--') + 4);
      paragraph = undefined;
      continue;
    }
    if (THEMATIC.test(line) || SHORTCODE_LINE.test(line)) {
      paragraph = undefined;
      continue;
    }
    if (LIST_ITEM.test(line) || BLOCKQUOTE.test(line)) {
      inContainer = true;
      paragraph = undefined;
      continue;
    }
    if (inContainer) continue;
    if (!paragraph && /^(?: {4}|\t)/.test(line)) continue; // indented code
    const trimmedStart = l.start + (line.length - line.trimStart().length);
    if (paragraph) paragraph.parts.push(line.trim());
    else paragraph = { line: n, start: trimmedStart, end: l.start + line.trimEnd().length, parts: [line.trim()] };
  }
  return out;
}
