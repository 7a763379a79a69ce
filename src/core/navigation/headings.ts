import { anchorize } from '../markdown/anchorize';
import { bodyStartOf, parseShortcodes, type ShortcodeDocument } from '../shortcodes/document';
import { codeSpanRanges } from '../text';

/**
 * The Markdown headings of a page with the ids Hugo's Goldmark gives them: ATX (`## Titre`) and
 * setext (underlined) headings, `{#id}` attributes honoured, automatic ids made unique with `-1`,
 * `-2`… in page order. A line scanner, not a full CommonMark parser: it knows what hides a heading
 * (front matter, fenced code, indented code, HTML comments, list and quote paragraphs) and stays
 * linear on any input.
 *
 * An automatic id is Goldmark's: the heading's last source line anchorized, markup included as
 * written (`## Voir [la carte](e-cps.md)` → `voir-la-cartee-cpsmd`, `` `<string>` `` → `string`),
 * as Hugo 0.111 and current Hugo both do (goldmark's `generateAutoHeadingID`), and as the preview
 * does (src/core/markdown/headingIds.ts). Shortcodes are left out of it (Hugo puts a placeholder or
 * the shortcode's output there).
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

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v';
/** ASCII punctuation, as goldmark's util.IsPunct (a character outside ASCII never is). */
const isPunct = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);

/**
 * Goldmark's ParseAttributes at `text[open] === '{'`, as Hugo's goldmark (v1) reads it:
 * `{#id .class key=value, key2="v w"}` (checked against Hugo 0.111.3). Returns where the list ends
 * (past `}`) and the id it sets (the last one wins), or undefined when it is not an attribute list
 * (then the braces are heading text: `{#a,b}`, `{#go!}`, `{id='x'}`, `{key}`).
 */
function parseAttributeList(text: string, open: number): { end: number; id: string | undefined } | undefined {
  let i = open + 1;
  let id: string | undefined;
  const skipSpaces = () => {
    while (i < text.length && isSpace(text[i])) i++;
  };
  for (;;) {
    if (text[i] === '}') return { end: i + 1, id };
    skipSpaces();
    const c = text[i];
    if (c === '#' || c === '.') {
      // `#` and `.` take a run of anything but spaces and ASCII punctuation other than `_ - : .` (maybe none).
      let j = i + 1;
      while (j < text.length && !isSpace(text[j]) && (!isPunct(text[j]) || text[j] === '_' || text[j] === '-' || text[j] === ':' || text[j] === '.')) j++;
      if (c === '#') id = text.slice(i + 1, j);
      i = j;
    } else {
      // key=value: the key starts with a letter, `_` or `:`; the value is a JSON-like one.
      if (c === undefined || !/[A-Za-z_:]/.test(c)) return undefined;
      let j = i;
      while (j < text.length && /[A-Za-z0-9_:.-]/.test(text[j])) j++;
      const name = text.slice(i, j);
      i = j;
      skipSpaces();
      if (text[i] !== '=') return undefined;
      i++;
      skipSpaces();
      const value = attributeValue(text, i);
      if (!value) return undefined;
      if (name === 'id') id = value.value;
      i = value.end;
    }
    skipSpaces();
    if (text[i] === ',') {
      i++;
      skipSpaces();
    }
    if (i >= text.length) return undefined;
  }
}

/** A JSON-like attribute value at `i`: a double-quoted string, a list or table, or a bare word (number, true, name). */
function attributeValue(text: string, i: number): { value: string; end: number } | undefined {
  const c = text[i];
  if (c === undefined || c === "'") return undefined;
  if (c === '"') {
    let value = '';
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === '\\' && j + 1 < text.length) value += text[++j];
      else if (text[j] === '"') return { value, end: j + 1 };
      else value += text[j];
    }
    return undefined;
  }
  if (c === '[' || c === '{') {
    const close = c === '[' ? ']' : '}';
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === c) depth++;
      else if (text[j] === close && --depth === 0) return { value: text.slice(i, j + 1), end: j + 1 };
    }
    return undefined;
  }
  let j = i;
  while (j < text.length && !isSpace(text[j]) && text[j] !== ',' && text[j] !== '}') j++;
  return j > i ? { value: text.slice(i, j), end: j } : undefined;
}

/**
 * Goldmark's attribute list at the end of a heading's last line (parseLastLineAttributes): the
 * first `{` (not escaped) that opens a valid list followed by nothing but blanks; the text before
 * it is the heading's. A list that does not parse (`{#a,b}`) is heading text.
 */
function splitAttributes(raw: string): { text: string; id: string | undefined } {
  // A list ends the line: a line not ending with `}` has none. Each `{` is tried (as Goldmark
  // does) up to a bound, so a heading of braces stays linear.
  if (!raw.trimEnd().endsWith('}')) return { text: raw, id: undefined };
  let tries = 0;
  for (let i = 0; i < raw.length && tries < MAX_ATTRIBUTE_TRIES; i++) {
    const c = raw[i];
    if (c === '\\') {
      if (isPunct(raw[i + 1] ?? '')) i++;
      continue;
    }
    if (c !== '{') continue;
    tries++;
    const list = parseAttributeList(raw, i);
    if (list && raw.slice(list.end).trim() === '') return { text: raw.slice(0, i).trimEnd(), id: list.id };
  }
  return { text: raw, id: undefined };
}

const MAX_ATTRIBUTE_TRIES = 64;

/** A shortcode tag in a heading's text (left out of its id and of its visible text). */
const SHORTCODE_IN_TEXT = /\{\{[%<][\s\S]*?[%>]\}\}/g;

/** The source text Goldmark anchorizes for an automatic id, without shortcodes (see {@link findHeadings}). */
function idSource(raw: string): string {
  return raw.includes('{{') ? raw.replace(SHORTCODE_IN_TEXT, '') : raw;
}

/**
 * What Goldmark's `Text()` gives for a heading's inline content: link and image texts, code span
 * contents, emphasis markers and HTML tags dropped, backslash escapes resolved.
 */
export function plainHeadingText(raw: string): string {
  // A code span's content is shown as written (`<string>` is not a tag, `*` not emphasis): set
  // aside while the rest loses its markup, put back after.
  const spans: string[] = [];
  let marked = '';
  let at = 0;
  for (const c of codeSpans(raw)) {
    marked += `${raw.slice(at, c.start)}\u0000${spans.push(raw.slice(c.contentStart, c.contentEnd)) - 1}\u0001`;
    at = c.end;
  }
  marked += raw.slice(at);
  return marked
    .replace(SHORTCODE_IN_TEXT, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/!?\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:[^>\s]+|[^>\s@]+@[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_]+|[*_]+(?![\p{L}\p{N}])/gu, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\u0000(\d+)\u0001/g, (_m, k: string) => spans[Number(k)] ?? '')
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

export interface FindHeadingsOptions {
  /**
   * When given, the ids of the page's raw HTML outside code and comments are added to it
   * (`<h3 id="…">`, `<span id="…">`, `<a name="…">`), as a site with Goldmark's `unsafe` renderer
   * writes them.
   */
  readonly htmlIds?: Set<string>;
  /** The page's shortcodes when the caller has them (`parseShortcodes(text)`): not paired again. */
  readonly shortcodes?: ShortcodeDocument;
}

export function findHeadings(text: string, options: FindHeadingsOptions = {}): Heading[] {
  const { htmlIds } = options;
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

  // `{{< name >}}…{{< /name >}}` reaches Goldmark as one placeholder: a fence or an HTML comment
  // opened inside it ends with it (the shortcode's template decides what its inner text becomes).
  const opaque = opaqueShortcodeSpans(text, options.shortcodes);
  let openedInside = Infinity;

  /** `parts`: the heading's source lines; the attribute list and the automatic id come from the last one. */
  const add = (level: number, parts: readonly string[], line: number, endLine: number, textStart: number, textEnd: number) => {
    const { text: lastShown, id } = splitAttributes(parts[parts.length - 1]);
    const plain = plainHeadingText([...parts.slice(0, -1), lastShown].join(' '));
    out.push({ level, text: plain, id: id !== undefined ? ids.put(id) : ids.generate(idSource(lastShown)), line, endLine, textStart, textEnd });
  };

  let first = true;
  for (const l of lines(text, bodyStart)) {
    const n = first ? lineNo : ++lineNo;
    first = false;
    const line = text.slice(l.start, l.end);
    if ((fence || inComment) && l.next > openedInside) {
      // The shortcode the block opened in closes on this line: so does the block.
      fence = undefined;
      inComment = false;
      openedInside = Infinity;
    }
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
    if (htmlIds && line.includes('<') && !FENCE_OPEN.test(line) && !(!paragraph && !inContainer && /^(?: {4}|\t)/.test(line))) collectHtmlIds(line, htmlIds);
    if (paragraph && SETEXT.test(line)) {
      const level = line.trim()[0] === '=' ? 1 : 2;
      add(level, paragraph.parts, paragraph.line, n, paragraph.start, paragraph.end);
      paragraph = undefined;
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen && !(fenceOpen[1][0] === '`' && line.slice(fenceOpen[0].length).includes('`'))) {
      fence = { char: fenceOpen[1][0], length: fenceOpen[1].length };
      openedInside = closingOf(opaque, l.start);
      paragraph = undefined;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      let content = line.slice(atx[0].length);
      content = content.replace(/(?:^|[ \t]+)#+[ \t]*$/, '').replace(/[ \t]+$/, '');
      const lead = l.start + atx[0].length;
      add(atx[1].length, [content], n, n, lead, lead + content.length);
      paragraph = undefined;
      continue;
    }
    if (HTML_COMMENT_OPEN.test(line)) {
      inComment = !line.includes('-->', line.indexOf('<!--') + 4);
      if (inComment) openedInside = closingOf(opaque, l.start);
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

/** The spans of `{{< name >}}…{{< /name >}}` pairs, from the opening tag's start to the closing tag's start. */
function opaqueShortcodeSpans(text: string, parsed: ShortcodeDocument | undefined): readonly { start: number; close: number }[] {
  if (!text.includes('{{<')) return [];
  const doc = parsed ?? parseShortcodes(text);
  const spans: { start: number; close: number }[] = [];
  doc.tags.forEach((t, i) => {
    const j = doc.partner[i];
    if (t.kind === 'open' && t.delimiter === '<' && j > i) spans.push({ start: t.start, close: doc.tags[j].start });
  });
  return spans;
}

/** Where the innermost `{{< >}}` pair holding `offset` closes (Infinity: in none). */
function closingOf(spans: readonly { start: number; close: number }[], offset: number): number {
  let close = Infinity;
  for (const s of spans) if (s.start < offset && offset < s.close && s.close < close) close = s.close;
  return close;
}

/** The code spans of a line ({@link codeSpanRanges}), with where their content starts and ends. */
function codeSpans(line: string): { start: number; end: number; contentStart: number; contentEnd: number }[] {
  if (!line.includes('`')) return [];
  const ranges: Array<[number, number]> = [];
  codeSpanRanges(line, 0, line.length, ranges);
  return ranges.map(([start, end]) => {
    let contentStart = start;
    while (line.charCodeAt(contentStart) === 0x60) contentStart++;
    return { start, end, contentStart, contentEnd: end - (contentStart - start) };
  });
}

const isTagNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
const isHtmlSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/**
 * The `id`s (and `<a name>`s) of the HTML start tags on a line, outside code spans and an HTML
 * comment. A hand-written scanner: a tag that does not end is skipped, and the work on a line is
 * bounded by a few times its length whatever it holds.
 */
function collectHtmlIds(line: string, out: Set<string>): void {
  // Code spans blanked out in one pass (their length kept, so offsets stay the line's).
  let visible = '';
  let at = 0;
  for (const c of codeSpans(line)) {
    visible += line.slice(at, c.start) + ' '.repeat(c.end - c.start);
    at = c.end;
  }
  visible += line.slice(at);
  const comment = visible.indexOf('<!--');
  if (comment >= 0) visible = visible.slice(0, comment);
  let budget = 8 * visible.length + 64;
  for (let lt = visible.indexOf('<'); lt >= 0 && budget > 0; lt = visible.indexOf('<', lt + 1)) {
    let i = lt + 1;
    const nameStart = i;
    if (i >= visible.length || !/[A-Za-z]/.test(visible[i])) continue;
    while (i < visible.length && isTagNameChar(visible.charCodeAt(i))) i++;
    const element = visible.slice(nameStart, i).toLowerCase();
    const found: string[] = [];
    let ended = false;
    while (i < visible.length && budget-- > 0) {
      const c = visible.charCodeAt(i);
      if (isHtmlSpace(c)) {
        i++;
        continue;
      }
      if (c === 0x3e) {
        ended = true;
        break;
      }
      if (c === 0x2f && visible.charCodeAt(i + 1) === 0x3e) {
        ended = true;
        break;
      }
      // An attribute name, then maybe `= value`.
      const attrStart = i;
      while (i < visible.length && !isHtmlSpace(visible.charCodeAt(i)) && !'"\'>/=<'.includes(visible[i])) i++;
      if (i === attrStart) break; // `"`, `'`, `/`, `=` or `<` where a name should be: not a tag
      const name = visible.slice(attrStart, i).toLowerCase();
      let j = i;
      while (j < visible.length && isHtmlSpace(visible.charCodeAt(j))) j++;
      if (visible[j] !== '=') continue;
      j++;
      while (j < visible.length && isHtmlSpace(visible.charCodeAt(j))) j++;
      let value: string;
      const q = visible[j];
      if (q === '"' || q === "'") {
        const close = visible.indexOf(q, j + 1);
        if (close < 0) break;
        value = visible.slice(j + 1, close);
        i = close + 1;
      } else {
        let k = j;
        while (k < visible.length && !isHtmlSpace(visible.charCodeAt(k)) && !'"\'=<>`'.includes(visible[k])) k++;
        if (k === j) break;
        value = visible.slice(j, k);
        i = k;
      }
      budget -= i - attrStart;
      if (value !== '' && (name === 'id' || (name === 'name' && element === 'a'))) found.push(decodeEntities(value));
    }
    if (!ended) continue;
    for (const id of found) out.add(id);
  }
}

/** The character references an attribute value may hold, as the browser reads them. */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|(amp|lt|gt|quot|apos));/g, (m, dec?: string, hex?: string, named?: string) => {
    if (named !== undefined) return NAMED_ENTITIES[named];
    const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
