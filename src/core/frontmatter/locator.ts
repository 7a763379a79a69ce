/**
 * Where each key and value of a TOML text is. smol-toml gives values but no positions, so this
 * small scanner walks the same text and records, for every dotted key path (tables, arrays of
 * tables, dotted and quoted keys, inline tables, array elements), the offsets of its key and value.
 *
 * It is tolerant: on text that is not valid TOML it skips to the end of the line and goes on, so
 * "key at position" works while the author is typing. It never throws.
 */

export type PathSegment = string | number;

export type ValueKind = 'basic-string' | 'literal-string' | 'multiline-string' | 'array' | 'inline-table' | 'scalar';

export interface ValueSpan {
  readonly start: number;
  readonly end: number;
  readonly kind: ValueKind;
  /** Element spans, for arrays. */
  readonly elements?: readonly ValueSpan[];
}

export interface KeySegment {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export type EntryKind = 'pair' | 'table' | 'array-table' | 'element';

export interface TomlEntry {
  readonly kind: EntryKind;
  /** Full path: table prefix, dotted key segments, array-of-tables and element indexes. */
  readonly path: readonly PathSegment[];
  /** The dotted key as written (inside the brackets for a header; the value itself for an element). */
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly segments: readonly KeySegment[];
  readonly value?: ValueSpan;
  /** Path of the `[table]` a top-level pair was written under (empty before the first header). */
  readonly table: readonly PathSegment[];
  /** Offset of the start of the line the entry begins on. */
  readonly lineStart: number;
  /** Nesting: 0 for top-level pairs and headers, more inside inline tables and arrays. */
  readonly depth: number;
}

export interface TomlLayout {
  /** Every entry in text order. */
  readonly entries: readonly TomlEntry[];
  /** Offset of the line of the first `[table]` or `[[array]]` header, if any: top-level keys go before it. */
  readonly firstHeaderLineStart: number | undefined;
  /** The first entry with exactly this path. */
  find(path: readonly PathSegment[]): TomlEntry | undefined;
}

export function pathKey(path: readonly PathSegment[]): string {
  // A map key, built without JSON.stringify (a tenth of a site-wide check's time went there):
  // each segment marked by its kind; a key holding a marker falls back to JSON, which starts with `[`.
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `\u0001${s}`;
    else if (s.includes('\u0001') || s.includes('\u0002')) return JSON.stringify(path);
    else out += `\u0002${s}`;
  }
  return out;
}

/** Human form of a path: `menu.main.weight`, `cascade[0].build`, `tags[2]`. */
export function pathText(path: readonly PathSegment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const seg = /^[A-Za-z0-9_-]+$/.test(s) ? s : JSON.stringify(s);
      out += out ? `.${seg}` : seg;
    }
  }
  return out;
}

const MAX_DEPTH = 64;
const KEY_ASSIGN = /^(?:[A-Za-z0-9_-]+|"[^"\r\n]*"|'[^'\r\n]*')[ \t]*=(?!=)/;

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/** Decodes the escapes of a basic string body; unknown escapes stay as written (the parser reports them). */
export function decodeBasicString(raw: string): string {
  if (raw.indexOf('\\') < 0) return raw;
  return raw.replace(/\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)/g, (whole, e: string) => {
    if (e.length > 1) {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    return ESCAPES[e] ?? whole;
  });
}

function isBareKeyChar(c: number): boolean {
  // Letters, digits, `_`, `-`, and (tolerantly) anything beyond ASCII so a Unicode bare key still locates.
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c > 127
  );
}

class Scanner {
  p: number;
  readonly entries: TomlEntry[] = [];
  firstHeaderLineStart: number | undefined;
  private table: PathSegment[] = [];
  private lineStart: number;
  /** Resolved path of each array of tables → how many `[[…]]` it has had so far. */
  private readonly arrayCounts = new Map<string, number>();

  constructor(
    private readonly s: string,
    start: number,
    private readonly end: number,
  ) {
    this.p = start;
    this.lineStart = start;
  }

  private at(i = 0): number {
    const j = this.p + i;
    return j < this.end ? this.s.charCodeAt(j) : -1;
  }

  private skipSpaces(): void {
    while (this.p < this.end) {
      const c = this.s.charCodeAt(this.p);
      if (c !== 32 && c !== 9) break;
      this.p++;
    }
  }

  private skipToEol(): void {
    while (this.p < this.end) {
      const c = this.s.charCodeAt(this.p);
      if (c === 10 || c === 13) break;
      this.p++;
    }
  }

  private skipNewline(): boolean {
    const c = this.at();
    if (c === 13) {
      this.p += this.at(1) === 10 ? 2 : 1;
    } else if (c === 10) {
      this.p++;
    } else return false;
    this.lineStart = this.p;
    return true;
  }

  /** Spaces, comments and line breaks, as allowed between array elements. */
  private skipBlank(): void {
    for (;;) {
      this.skipSpaces();
      if (this.at() === 35 /* # */) this.skipToEol();
      if (!this.skipNewline()) return;
    }
  }

  run(): void {
    while (this.p < this.end) {
      this.lineStart = this.p;
      this.skipSpaces();
      const c = this.at();
      if (c === 35) this.skipToEol();
      else if (c === 91 /* [ */) this.header();
      else if (c !== 10 && c !== 13 && c !== -1) this.pair(this.table, this.table, 0);
      // Whatever is left on the line (a comment, or garbage the parser will report) is skipped.
      this.skipToEol();
      this.skipNewline();
    }
  }

  private header(): void {
    const headerLineStart = this.lineStart;
    const isArray = this.at(1) === 91;
    this.p += isArray ? 2 : 1;
    this.skipSpaces();
    const keyStart = this.p;
    const segments = this.key();
    if (!segments) return;
    const keyEnd = segments[segments.length - 1].end;
    this.skipSpaces();
    if (this.at() !== 93 || (isArray && this.at(1) !== 93)) return;
    this.p += isArray ? 2 : 1;
    if (this.firstHeaderLineStart === undefined) this.firstHeaderLineStart = headerLineStart;
    const path: PathSegment[] = [];
    segments.forEach((seg, i) => {
      path.push(seg.name);
      const k = pathKey(path);
      const count = this.arrayCounts.get(k);
      if (i < segments.length - 1) {
        if (count !== undefined) path.push(count - 1);
      } else if (isArray) {
        this.arrayCounts.set(k, (count ?? 0) + 1);
        path.push(count ?? 0);
      }
    });
    this.table = path;
    this.entries.push({
      kind: isArray ? 'array-table' : 'table',
      path,
      keyStart,
      keyEnd,
      segments,
      table: path,
      lineStart: headerLineStart,
      depth: 0,
    });
  }

  /** A dotted key; `undefined` (position left where it failed) when there is none. */
  private key(): KeySegment[] | undefined {
    const segments: KeySegment[] = [];
    for (;;) {
      const seg = this.simpleKey();
      if (!seg) return undefined;
      segments.push(seg);
      const save = this.p;
      this.skipSpaces();
      if (this.at() === 46 /* . */) {
        this.p++;
        this.skipSpaces();
        continue;
      }
      this.p = save;
      return segments;
    }
  }

  private simpleKey(): KeySegment | undefined {
    const start = this.p;
    const c = this.at();
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = this.findQuote(c, this.p + 1);
      if (close < 0) return undefined;
      const raw = this.s.slice(start + 1, close);
      this.p = close + 1;
      return { name: c === 34 ? decodeBasicString(raw) : raw, start, end: this.p };
    }
    while (this.p < this.end && isBareKeyChar(this.s.charCodeAt(this.p))) this.p++;
    if (this.p === start) return undefined;
    return { name: this.s.slice(start, this.p), start, end: this.p };
  }

  /** The closing quote of a one-line string opened just before `from`, or -1 at the end of the line. */
  private findQuote(quote: number, from: number): number {
    for (let i = from; i < this.end; i++) {
      const c = this.s.charCodeAt(i);
      if (c === 10 || c === 13) return -1;
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) return i;
    }
    return -1;
  }

  private pair(prefix: readonly PathSegment[], table: readonly PathSegment[], depth: number): void {
    const lineStart = this.lineStart;
    const keyStart = this.p;
    const segments = this.key();
    if (!segments) return;
    const keyEnd = segments[segments.length - 1].end;
    this.skipSpaces();
    if (this.at() !== 61 /* = */) return;
    this.p++;
    this.skipSpaces();
    const path = [...prefix, ...segments.map((s) => s.name)];
    const entry: { -readonly [K in keyof TomlEntry]: TomlEntry[K] } = {
      kind: 'pair',
      path,
      keyStart,
      keyEnd,
      segments,
      table,
      lineStart,
      depth,
    };
    this.entries.push(entry);
    entry.value = this.value(path, depth);
  }

  private value(path: readonly PathSegment[], depth: number): ValueSpan {
    const start = this.p;
    const c = this.at();
    if (depth > MAX_DEPTH) {
      this.skipToEol();
      return { start, end: this.p, kind: 'scalar' };
    }
    if (c === 34 || c === 39) {
      if (this.at(1) === c && this.at(2) === c) return this.multiline(c);
      const close = this.findQuote(c, this.p + 1);
      if (close < 0) this.skipToEol();
      else this.p = close + 1;
      return { start, end: this.p, kind: c === 34 ? 'basic-string' : 'literal-string' };
    }
    if (c === 91) return this.array(path, depth);
    if (c === 123 /* { */) return this.inlineTable(path, depth);
    return this.scalar();
  }

  private multiline(quote: number): ValueSpan {
    const start = this.p;
    let i = this.p + 3;
    while (i < this.end) {
      const c = this.s.charCodeAt(i);
      if (c === 92 && quote === 34) {
        i += 2;
        continue;
      }
      if (c === quote && this.s.charCodeAt(i + 1) === quote && this.s.charCodeAt(i + 2) === quote) {
        let close = i + 3;
        // Up to two quotes may stand right before the closing delimiter (`""""` ends with a quote).
        for (let extra = 0; extra < 2 && close < this.end && this.s.charCodeAt(close) === quote; extra++) close++;
        this.advanceTo(close);
        return { start, end: close, kind: 'multiline-string' };
      }
      i++;
    }
    this.advanceTo(this.end);
    return { start, end: this.end, kind: 'multiline-string' };
  }

  /** Moves to `target`, keeping track of the line starts crossed (for multi-line values). */
  private advanceTo(target: number): void {
    for (let i = this.p; i < target; i++) {
      const c = this.s.charCodeAt(i);
      if (c === 10 || (c === 13 && this.s.charCodeAt(i + 1) !== 10)) this.lineStart = i + 1;
    }
    this.p = target;
  }

  private array(path: readonly PathSegment[], depth: number): ValueSpan {
    const start = this.p;
    this.p++;
    const elements: ValueSpan[] = [];
    for (;;) {
      const save = this.p;
      const saveLine = this.lineStart;
      this.skipBlank();
      const c = this.at();
      if (c === 93 /* ] */) {
        this.p++;
        break;
      }
      if (c === -1 || c === 44 /* , */ || c === 125) break;
      // `key =` is never a value: the array was left unclosed while typing; the next pair starts here.
      if (KEY_ASSIGN.test(this.s.slice(this.p, Math.min(this.end, this.p + 200)))) {
        this.p = save;
        this.lineStart = saveLine;
        break;
      }
      const lineStart = this.lineStart;
      const elementPath = [...path, elements.length];
      const entry: { -readonly [K in keyof TomlEntry]: TomlEntry[K] } = {
        kind: 'element',
        path: elementPath,
        keyStart: this.p,
        keyEnd: this.p,
        segments: [],
        table: [],
        lineStart,
        depth: depth + 1,
      };
      this.entries.push(entry);
      const before = this.p;
      const v = this.value(elementPath, depth + 1);
      entry.value = v;
      entry.keyEnd = v.end;
      elements.push(v);
      if (this.p === before) break;
      this.skipBlank();
      if (this.at() === 44) this.p++;
      else if (this.at() !== 93) break;
    }
    return { start, end: this.p, kind: 'array', elements };
  }

  private inlineTable(path: readonly PathSegment[], depth: number): ValueSpan {
    const start = this.p;
    this.p++;
    for (;;) {
      this.skipBlank();
      const c = this.at();
      if (c === 125 /* } */) {
        this.p++;
        break;
      }
      if (c === -1) break;
      const before = this.p;
      this.pair(path, [], depth + 1);
      if (this.p === before) break;
      this.skipBlank();
      if (this.at() === 44) this.p++;
      else if (this.at() !== 125) break;
    }
    return { start, end: this.p, kind: 'inline-table' };
  }

  private scalar(): ValueSpan {
    const start = this.p;
    const stop = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 93 || c === 125 || c === 35 || c === -1;
    while (!stop(this.at())) this.p++;
    // A date-time may separate date and time with one space: `1979-05-27 07:32:00`.
    if (this.at() === 32 && /^\d{4}-\d{2}-\d{2}$/.test(this.s.slice(start, this.p)) && /^ \d{2}:/.test(this.s.slice(this.p, this.p + 4))) {
      this.p++;
      while (!stop(this.at())) this.p++;
    }
    return { start, end: this.p, kind: 'scalar' };
  }
}

/** Locates the keys and values of the TOML text `text.slice(start, end)`; offsets are in `text`. */
export function locateToml(text: string, start = 0, end = text.length): TomlLayout {
  const scanner = new Scanner(text, start, end);
  try {
    scanner.run();
  } catch {
    // Defensive: a scanner bug must not take the validator down; what was found so far stays usable.
  }
  const entries = scanner.entries;
  let index: Map<string, TomlEntry> | undefined;
  return {
    entries,
    firstHeaderLineStart: scanner.firstHeaderLineStart,
    find(path) {
      if (!index) {
        index = new Map();
        for (const e of entries) {
          const k = pathKey(e.path);
          if (!index.has(k)) index.set(k, e);
        }
      }
      return index.get(pathKey(path));
    },
  };
}
