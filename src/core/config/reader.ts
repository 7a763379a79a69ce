import type { Diagnostic } from '../diagnostic';
import { localize, type Text, type Lang } from '../l10n';
import { LineIndex, range, type Range } from '../text';
import type { PathSegment, TomlEntry, TomlLayout } from '../frontmatter/locator';
import { pathText } from '../frontmatter/locator';
import { closest } from '../frontmatter/suggest';
import { CONFIG_MESSAGES, CONFIG_SEVERITY, EXPECTED, type ConfigCode } from './messages';
import { isTable } from '../own';

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

/**
 * Reads options out of a parsed `.medguide.toml`, reporting each problem at the option's key or
 * value in the file. A wrong option is reported and ignored; reading never throws.
 */
export class ConfigReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly index: LineIndex,
    private readonly layout: TomlLayout,
    private readonly lang: Lang,
  ) {}

  private entryFor(path: readonly PathSegment[]): TomlEntry | undefined {
    return this.layout.find(path) ?? this.layout.entries.find((e) => startsWith(e.path, path));
  }

  /** The key of an option as written (the right segment of a dotted key or header). */
  keyRange(path: readonly PathSegment[]): Range {
    const e = this.entryFor(path);
    if (!e) return range(0, 0, 0, 0);
    const segIndex = path.length - 1 - (e.path.length - e.segments.length);
    const seg = e.segments[segIndex] ?? e.segments[e.segments.length - 1];
    return seg ? this.index.rangeAt(seg.start, seg.end) : this.index.rangeAt(e.keyStart, e.keyEnd);
  }

  /** The value of an option, or its key when it is a table written as a header. */
  valueRange(path: readonly PathSegment[]): Range {
    const e = this.layout.find(path);
    if (e?.value) return this.index.rangeAt(e.value.start, e.value.end);
    return this.keyRange(path);
  }

  report(code: ConfigCode, r: Range, message: Text, args: Readonly<Record<string, string | number>> = {}): void {
    this.diagnostics.push({ code, severity: CONFIG_SEVERITY[code], range: r, message: localize(message, this.lang, args) });
  }

  typeError(path: readonly PathSegment[], expected: Text): void {
    this.report('config-type', this.valueRange(path), CONFIG_MESSAGES.type, { option: pathText(path), expected: localize(expected, this.lang) });
  }

  /** Reports keys of `table` that are not among `known`; returns the known ones present. */
  checkOptions(table: Record<string, unknown>, path: readonly PathSegment[], known: readonly string[]): void {
    for (const key of Object.keys(table)) {
      if (known.includes(key)) continue;
      const suggestion = closest(key, known);
      const option = pathText([...path, key]);
      this.report(
        'config-unknown-option',
        this.keyRange([...path, key]),
        suggestion ? CONFIG_MESSAGES.unknownOptionSuggest : CONFIG_MESSAGES.unknownOption,
        { option, suggestion: suggestion ?? '' },
      );
    }
  }

  table(value: unknown, path: readonly PathSegment[]): Record<string, unknown> | undefined {
    if (value === undefined) return undefined;
    if (isTable(value)) return value;
    this.typeError(path, EXPECTED.table);
    return undefined;
  }

  stringArray(value: unknown, path: readonly PathSegment[]): string[] | undefined {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    this.typeError(path, EXPECTED.stringArray);
    return undefined;
  }

  boolean(value: unknown, path: readonly PathSegment[]): boolean | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    this.typeError(path, EXPECTED.boolean);
    return undefined;
  }

  count(value: unknown, path: readonly PathSegment[]): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
    this.typeError(path, EXPECTED.integer);
    return undefined;
  }

  string(value: unknown, path: readonly PathSegment[]): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    this.typeError(path, EXPECTED.string);
    return undefined;
  }
}

export { isTable };
