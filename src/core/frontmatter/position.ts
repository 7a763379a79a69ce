import { LineIndex, stripBom, type Position, type Range } from '../text';
import { locateFrontMatter } from './locate';
import { locateToml, type EntryKind, type PathSegment, type TomlEntry } from './locator';

/**
 * Position helpers for the editor (folding, hover, completion). Positions refer to the text
 * without its BOM, as editors show it.
 */

/** The front matter block, delimiter lines included (any format; to the end of the text when unclosed). */
export function frontMatterRange(text: string): Range | undefined {
  const t = stripBom(text);
  const loc = locateFrontMatter(t);
  if (!loc) return undefined;
  const end = loc.closed ? loc.closeEnd : t.length;
  return new LineIndex(t.slice(0, end)).rangeAt(loc.openStart, end);
}

export interface KeyAtPosition {
  /** Resolved path: `['menu', 'main', 'weight']`, `['tags', 1]`, `['cascade', 0, 'build']`. */
  readonly path: readonly PathSegment[];
  /** The top-level key the position belongs to (`tags` for `['tags', 1]`). */
  readonly key: string;
  readonly kind: EntryKind;
  /** Whether the position is on the key or on the value. */
  readonly part: 'key' | 'value';
  readonly keyRange: Range;
  readonly valueRange?: Range;
}

function innermost(entries: readonly TomlEntry[], offset: number): { entry: TomlEntry; part: 'key' | 'value' } | undefined {
  let best: { entry: TomlEntry; part: 'key' | 'value' } | undefined;
  for (const e of entries) {
    let part: 'key' | 'value' | undefined;
    if (e.kind !== 'element' && offset >= e.keyStart && offset <= e.keyEnd) part = 'key';
    else if (e.value && offset >= e.value.start && offset <= e.value.end) part = 'value';
    if (part && (!best || e.depth >= best.entry.depth)) best = { entry: e, part };
  }
  return best;
}

/** The key or array element under `position` in the TOML front matter, if any. */
export function keyAtPosition(text: string, position: Position): KeyAtPosition | undefined {
  const t = stripBom(text);
  const loc = locateFrontMatter(t);
  if (!loc || loc.format !== 'toml') return undefined;
  const end = loc.closed ? loc.contentEnd : t.length;
  const index = new LineIndex(t.slice(0, end));
  const offset = index.offsetAt(position);
  if (offset < loc.contentStart || offset > end) return undefined;
  const found = innermost(locateToml(t, loc.contentStart, end).entries, offset);
  if (!found) return undefined;
  const { entry, part } = found;
  return {
    path: entry.path,
    key: String(entry.path[0]),
    kind: entry.kind,
    part,
    keyRange: index.rangeAt(entry.keyStart, entry.keyEnd),
    ...(entry.value ? { valueRange: index.rangeAt(entry.value.start, entry.value.end) } : {}),
  };
}

/** What completion should offer at a position of the front matter. */
export type CompletionContext =
  | {
      readonly kind: 'key';
      /** The word typed so far and its range (to replace). */
      readonly prefix: string;
      readonly range: Range;
      /** The `[table]` the new key would belong to (empty at top level). */
      readonly table: readonly PathSegment[];
      /** Top-level keys already set (as written), to leave them out. */
      readonly existing: readonly string[];
    }
  | {
      readonly kind: 'value';
      readonly path: readonly PathSegment[];
      readonly key: string;
      readonly existing: readonly string[];
    };

/** Whether the position is where a key is being typed, or inside a value, in the TOML front matter. */
export function completionContext(text: string, position: Position): CompletionContext | undefined {
  const t = stripBom(text);
  const loc = locateFrontMatter(t);
  if (!loc || loc.format !== 'toml') return undefined;
  const end = loc.closed ? loc.contentEnd : t.length;
  const index = new LineIndex(t.slice(0, end));
  if (position.line <= loc.openLine || position.line >= index.lineCount || (loc.closed && position.line >= loc.closeLine)) return undefined;
  const offset = index.offsetAt(position);
  const layout = locateToml(t, loc.contentStart, end);
  const existing = layout.entries.filter((e) => e.depth === 0 && e.kind === 'pair' && e.table.length === 0).map((e) => String(e.path[0]));
  const found = innermost(layout.entries, offset);
  const value = (f: typeof found): CompletionContext | undefined =>
    f && f.part === 'value' ? { kind: 'value', path: f.entry.path, key: String(f.entry.path[0]), existing } : undefined;
  // Inside a multi-line array or string, a blank line is still part of the value.
  const v = found?.entry.value;
  if (v && offset > v.start && offset < v.end) return value(found);
  const before = t.slice(index.lineStarts[position.line], offset);
  const typing = /^[ \t]*([A-Za-z0-9_-]*)$/.exec(before);
  if (typing) {
    let table: readonly PathSegment[] = [];
    for (const e of layout.entries) {
      if (e.keyStart >= offset) break;
      if (e.kind === 'table' || e.kind === 'array-table') table = e.path;
    }
    const prefix = typing[1];
    return { kind: 'key', prefix, range: index.rangeAt(offset - prefix.length, offset), table, existing };
  }
  return value(found);
}
