import type { PageContext } from './context';
import { HUGO_KEY_NAMES, HUGO_TABLE_KEYS } from './keys';
import { pathText, type TomlEntry } from './locator';
import { MESSAGES, withWhy } from './messages';
import { closest } from './suggest';
import { isTable, ownValue } from '../own';

/** Where a top-level key is first written: its own line, or the first segment of a header or dotted key. */
function firstMention(ctx: PageContext, key: string): TomlEntry | undefined {
  for (const e of ctx.layout.entries) {
    if (e.depth !== 0 || e.path[0] !== key || e.segments.length === 0) continue;
    if (e.kind !== 'pair' || e.table.length === 0) return e;
  }
  return undefined;
}

/**
 * Maps the page's keys to the known ones (case-insensitively, as Hugo reads them; custom keys may
 * also sit under `[params]`), and reports the unknown and misplaced ones.
 */
export function collectKeys(ctx: PageContext, parsed: Record<string, unknown>): void {
  const { rules } = ctx;
  const unknown: string[] = [];
  let params: { key: string; value: Record<string, unknown> } | undefined;
  let misplaced = false;
  for (const key of Object.keys(parsed)) {
    const lower = key.toLowerCase();
    // A Hugo table (`[menu]`, `[build]`…) holding one of the page's keys: maybe written under it by mistake.
    if (!misplaced) {
      const allowed = ownValue(HUGO_TABLE_KEYS, lower);
      if (allowed && holdsForeignKey(ctx, parsed[key], allowed, 0)) misplaced = true;
    }
    if (rules.keys.has(lower)) {
      if (!ctx.keyPaths.has(lower)) {
        ctx.keyPaths.set(lower, [key]);
        ctx.values[lower] = parsed[key];
      }
      if (lower === 'params' && isTable(parsed[key])) params = { key, value: parsed[key] };
    } else if (!HUGO_KEY_NAMES.has(lower)) {
      unknown.push(key);
    }
  }
  if (params) {
    for (const key of Object.keys(params.value)) {
      const lower = key.toLowerCase();
      const rule = rules.keys.get(lower);
      if (rule && !rule.hugo && !ctx.keyPaths.has(lower)) {
        ctx.keyPaths.set(lower, [params.key, key]);
        ctx.values[lower] = params.value[key];
      }
    }
  }
  if (unknown.length > 0) reportUnknown(ctx, unknown);
  // Only then can a key be misplaced, and the page's layout is read to say where.
  if (misplaced) reportMisplaced(ctx);
}

/**
 * Whether a Hugo table's value holds, at any depth, a key that is one of the page's known keys and
 * not one of the table's own.
 */
function holdsForeignKey(ctx: PageContext, v: unknown, allowed: ReadonlySet<string>, depth: number): boolean {
  if (depth > 64) return true; // too deep to tell cheaply: let the layout decide
  if (Array.isArray(v)) return v.some((x) => holdsForeignKey(ctx, x, allowed, depth + 1));
  if (!isTable(v)) return false;
  for (const k of Object.keys(v)) {
    const lower = k.toLowerCase();
    if (!allowed.has(lower) && ctx.rules.keys.has(lower)) return true;
    if (holdsForeignKey(ctx, v[k], allowed, depth + 1)) return true;
  }
  return false;
}

function reportUnknown(ctx: PageContext, keys: readonly string[]): void {
  const names = [...ctx.rules.keys.values()].map((r) => r.name);
  for (const key of keys) {
    const entry = firstMention(ctx, key);
    if (!entry) continue;
    const seg = entry.segments[0];
    const suggestion = closest(key, names);
    const bare = ctx.slice(seg) === key;
    // A key the site's pages taught us: say how common the suggested spelling is.
    const known = suggestion ? ctx.rules.keys.get(suggestion.toLowerCase())?.origin?.key : undefined;
    ctx.report(
      'unknown-key',
      ctx.range(seg.start, seg.end),
      suggestion ? withWhy(MESSAGES.unknownKeySuggest, known) : MESSAGES.unknownKey,
      { key, suggestion: suggestion ?? '' },
      {
        key,
        ...(suggestion ? { suggestion } : {}),
        ...(suggestion && bare ? { edit: ctx.edit(seg.start, seg.end, suggestion) } : {}),
      },
    );
  }
}

function reportMisplaced(ctx: PageContext): void {
  for (const e of ctx.layout.entries) {
    if (e.kind !== 'pair' || e.depth !== 0 || e.table.length === 0) continue;
    const allowed = ownValue(HUGO_TABLE_KEYS, String(e.table[0]).toLowerCase());
    const seg = e.segments[0];
    const lower = seg.name.toLowerCase();
    if (!allowed || allowed.has(lower) || !ctx.rules.keys.has(lower)) continue;
    const table = pathText(e.table);
    ctx.report('misplaced-key', ctx.range(seg.start, seg.end), MESSAGES.misplaced, { key: seg.name, table }, {
      key: seg.name,
      table,
    });
  }
}
