import type { Diagnostic } from '../diagnostic';
import type { TextEdit } from '../edit';
import { localize, type Text, type Lang } from '../l10n';
import type { LineIndex, Range } from '../text';
import type { Day } from './dates';
import type { FrontMatterLocation } from './locate';
import type { PathSegment, TomlEntry, TomlLayout, ValueSpan } from './locator';
import { DEFAULT_SEVERITY, type FrontMatterCode } from './messages';
import { effectiveSeverity, type PageRules } from './rules';

/** What the checks of one page share: the text, where things are, and how to report. */
export class PageContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Lower-case known key → path where the page sets it (top level, or under `[params]`). */
  readonly keyPaths = new Map<string, readonly PathSegment[]>();
  /** Lower-case known key → value (top level or `[params]`), what the schema validates. */
  readonly values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

  private located: TomlLayout | undefined;
  private plain: boolean | undefined;

  constructor(
    readonly text: string,
    readonly index: LineIndex,
    readonly location: FrontMatterLocation,
    /** Where every key and value is written: located on first use (a clean page never needs it). */
    private readonly locate: () => TomlLayout,
    readonly rules: PageRules,
    readonly lang: Lang,
    readonly today: Day,
  ) {}

  get layout(): TomlLayout {
    return (this.located ??= this.locate());
  }

  /**
   * Whether every string of the front matter is written as its value: no escape, no multi-line
   * string, no inline table. Then a quoted value's text between its quotes is the parsed string,
   * and the checks can read a string value without locating it.
   */
  get plainStrings(): boolean {
    return (this.plain ??= !/[\\{]|"""|'''/.test(this.text.slice(this.location.contentStart, this.location.contentEnd)));
  }

  range(start: number, end: number): Range {
    return this.index.rangeAt(start, end);
  }

  /** The opening `+++` line: where problems of the whole block (a missing key) are shown. */
  openRange(): Range {
    return this.range(this.location.openStart, this.location.openEnd);
  }

  slice(span: { start: number; end: number }): string {
    return this.text.slice(span.start, span.end);
  }

  entry(path: readonly PathSegment[]): TomlEntry | undefined {
    return this.layout.find(path);
  }

  /** The value span where a known key (lower case) is set, with an optional element index. */
  valueSpan(lower: string, index?: number): ValueSpan | undefined {
    const path = this.keyPaths.get(lower);
    if (!path) return undefined;
    return this.entry(index === undefined ? path : [...path, index])?.value;
  }

  /** The key as the page spells it (`lastMod`), or the rule's spelling. */
  spelling(lower: string, fallback: string): string {
    const path = this.keyPaths.get(lower);
    const last = path?.[path.length - 1];
    return typeof last === 'string' ? last : fallback;
  }

  edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.range(start, end), newText };
  }

  /** Offset of the end of the line holding `offset` (before its line break). */
  lineEndFrom(offset: number): number {
    let i = offset;
    while (i < this.text.length) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
    }
    return i;
  }

  /** Line break used by the front matter, for inserted lines. */
  eol(): string {
    const fm = this.text.slice(this.location.openStart, this.location.contentEnd);
    return fm.includes('\r\n') ? '\r\n' : fm.includes('\r') && !fm.includes('\n') ? '\r' : '\n';
  }

  report(
    code: FrontMatterCode,
    range: Range,
    message: Text,
    args: Readonly<Record<string, string | number>> = {},
    data?: Readonly<Record<string, unknown>>,
  ): void {
    const severity = effectiveSeverity(this.rules, code, DEFAULT_SEVERITY[code], data?.origin);
    if (!severity) return;
    this.diagnostics.push({ code, severity, range, message: localize(message, this.lang, args), ...(data ? { data } : {}) });
  }
}
