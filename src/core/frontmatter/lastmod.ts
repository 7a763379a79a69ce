import type { TextEdit } from '../edit';
import { LineIndex, stripBom } from '../text';
import { dateStyleOf, detectDateStyle, formatDate, toDay, type DateStyle, type Day } from './dates';
import { topLevelInsertOffset } from './insert';
import { locateFrontMatter } from './locate';
import { locateToml, type TomlEntry, type TomlLayout } from './locator';

/** A top-level key's entry, matched case-insensitively (`lastMod` is Hugo's `lastmod`). */
function topLevel(layout: TomlLayout, lower: string): TomlEntry | undefined {
  return layout.entries.find(
    (e) => e.kind === 'pair' && e.depth === 0 && e.table.length === 0 && e.path.length === 1 && String(e.path[0]).toLowerCase() === lower,
  );
}

/** Date values of the page as written (with quotes), by lower-case key: samples for {@link detectDateStyle}. */
export function pageDateValues(text: string): { key: string; text: string }[] {
  const t = stripBom(text);
  const loc = locateFrontMatter(t);
  if (!loc || loc.format !== 'toml' || !loc.closed) return [];
  const out: { key: string; text: string }[] = [];
  for (const e of locateToml(t, loc.contentStart, loc.contentEnd).entries) {
    if (e.kind !== 'pair' || e.depth !== 0 || !e.value) continue;
    const raw = t.slice(e.value.start, e.value.end);
    if (dateStyleOf(raw)) out.push({ key: String(e.path[e.path.length - 1]).toLowerCase(), text: raw });
  }
  return out;
}

/** The page's usual form for day dates (`publishdate`, `lastmod`…; `date` is often a full date-time). */
export function pageDateStyle(text: string): DateStyle {
  const values = pageDateValues(text);
  const days = values.filter((v) => v.key !== 'date');
  return detectDateStyle((days.length > 0 ? days : values).map((v) => v.text));
}

export interface LastmodOptions {
  /** Force a style (the site's usual one); otherwise the existing value's, then the page's. */
  readonly style?: DateStyle;
}

/**
 * The edit that sets `lastmod` to `day`: replaces the existing value in its own form, or inserts
 * the key after `publishdate` (or `date`, or before the first table). `undefined` when the page has
 * no closed TOML front matter or `lastmod` already says that day in that form.
 */
export function lastmodEdit(text: string, day: Day | Date | string, options: LastmodOptions = {}): TextEdit | undefined {
  const t = stripBom(text);
  const loc = locateFrontMatter(t);
  if (!loc || loc.format !== 'toml' || !loc.closed) return undefined;
  const layout = locateToml(t, loc.contentStart, loc.contentEnd);
  const index = new LineIndex(t.slice(0, loc.closeEnd));
  const target = toDay(day);
  const existing = topLevel(layout, 'lastmod');
  if (existing?.value) {
    const raw = t.slice(existing.value.start, existing.value.end);
    const newText = formatDate(target, options.style ?? dateStyleOf(raw) ?? pageDateStyle(t));
    if (newText === raw) return undefined;
    return { range: index.rangeAt(existing.value.start, existing.value.end), newText };
  }
  const style = options.style ?? pageDateStyle(t);
  const eol = /\r\n/.test(t.slice(0, loc.closeEnd)) ? '\r\n' : '\n';
  const line = `lastmod = ${formatDate(target, style)}`;
  const after = topLevel(layout, 'publishdate') ?? topLevel(layout, 'date');
  if (after?.value) {
    let end = after.value.end;
    while (end < t.length && t[end] !== '\n' && t[end] !== '\r') end++;
    const at = index.positionAt(end);
    return { range: { start: at, end: at }, newText: `${eol}${line}` };
  }
  const at = index.positionAt(topLevelInsertOffset(loc, layout));
  return { range: { start: at, end: at }, newText: `${line}${eol}` };
}
