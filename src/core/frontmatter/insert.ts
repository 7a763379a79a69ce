import type { TextEdit } from '../edit';
import type { PageContext } from './context';
import { detectDateStyle, formatDate, type Day } from './dates';
import type { KeyRule } from './keys';
import type { FrontMatterLocation } from './locate';
import type { TomlLayout } from './locator';

/** A key as TOML source: bare when it can be, quoted otherwise (`"année"`). */
export function keySource(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

/**
 * Where a new top-level key goes: before the first `[table]` header (after it, the key would
 * belong to the table), otherwise at the start of the closing `+++` line.
 */
export function topLevelInsertOffset(location: FrontMatterLocation, layout: TomlLayout): number {
  return layout.firstHeaderLineStart ?? location.contentEnd;
}

/** A sensible value to start from for a missing key, as TOML source. */
export function placeholderValue(rule: KeyRule, today: Day, dateSamples: readonly string[]): string {
  switch (rule.type) {
    case 'boolean':
      return 'false';
    case 'integer':
    case 'number':
      return '0';
    case 'date':
      return formatDate(today, detectDateStyle(dateSamples));
    case 'year':
      return `"${today.year}"`;
    case 'string-array':
      return rule.values && rule.values.length > 0 && rule.closed ? `[${JSON.stringify(rule.values[0])}]` : '[""]';
    case 'array':
      return '[]';
    case 'table':
      return '{}';
    default:
      return rule.values && rule.values.length > 0 && rule.closed ? JSON.stringify(rule.values[0]) : '""';
  }
}

/** Quick-fix data of a missing required key: the value to insert and the edit that inserts it. */
export function requiredInsertion(ctx: PageContext, rule: KeyRule): { key: string; value: string; edit: TextEdit } {
  const samples: string[] = [];
  for (const [k, r] of ctx.rules.keys) {
    if (r.type !== 'date' || k === 'date') continue;
    const span = ctx.valueSpan(k);
    if (span) samples.push(ctx.slice(span));
  }
  const value = placeholderValue(rule, ctx.today, samples);
  const at = topLevelInsertOffset(ctx.location, ctx.layout);
  return { key: rule.name, value, edit: ctx.edit(at, at, `${keySource(rule.name)} = ${value}${ctx.eol()}`) };
}
