import type * as z from 'zod/mini';
import type { PageContext } from './context';
import { detectDateStyle, formatDate, readLooseDate } from './dates';
import { typeName, type KeyRule } from './keys';
import { MESSAGES, withWhy } from './messages';
import { schemaIssues } from './schema';
import { closest } from './suggest';
import { requiredInsertion } from './insert';

/** Validates the page's known keys with the site's zod schema and turns each issue into a located diagnostic. */
export function checkSchema(ctx: PageContext): void {
  for (const issue of schemaIssues(ctx.rules, ctx.values)) reportIssue(ctx, issue);
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return String((issue.params as { code?: unknown } | undefined)?.code ?? 'type');
  if (issue.code === 'invalid_value') return 'not-allowed-value';
  return 'type';
}

function reportIssue(ctx: PageContext, issue: z.core.$ZodIssue): void {
  const lower = String(issue.path[0]);
  const rule = ctx.rules.keys.get(lower);
  if (!rule) return;
  const code = issueCode(issue);
  const key = ctx.spelling(lower, rule.name);
  if (code === 'required') {
    const insertion = requiredInsertion(ctx, rule);
    const why = rule.origin?.required;
    ctx.report('required', ctx.openRange(), withWhy(MESSAGES.required, why), { key: rule.name, type: typeName(rule.type, ctx.lang) }, why?.text ? { ...insertion, origin: why.source } : insertion);
    return;
  }
  const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
  const span = ctx.valueSpan(lower, index);
  if (!span) return;
  const range = ctx.range(span.start, span.end);
  const raw = ctx.slice(span);
  const whole = ctx.values[lower];
  const value = index === undefined ? whole : Array.isArray(whole) ? whole[index] : undefined;
  const at = index === undefined ? {} : { index };
  switch (code) {
    case 'type': {
      const fixed = typeFix(index === undefined ? rule.type : 'string', value, raw);
      const fix = fixed === undefined ? {} : { fixed, edit: ctx.edit(span.start, span.end, fixed) };
      const why = rule.origin?.type;
      const message = withWhy(index === undefined ? MESSAGES.type : MESSAGES.typeElement, why);
      ctx.report('type', range, message, { key, type: typeName(rule.type, ctx.lang) }, { key, expected: rule.type, ...at, ...fix, ...(why?.text ? { origin: why.source } : {}) });
      return;
    }
    case 'date-format': {
      const text = String(value);
      const fixed = dateFix(ctx, lower, text);
      const fix = fixed === undefined ? {} : { fixed, edit: ctx.edit(span.start, span.end, fixed) };
      ctx.report('date-format', range, fixed ? MESSAGES.dateFormatFix : MESSAGES.dateFormat, { value: text, fixed: fixed ?? '' }, { key, value: text, ...fix });
      return;
    }
    case 'year':
      ctx.report('year', range, MESSAGES.yearFormat, { key }, { key, value: String(value) });
      return;
    case 'not-allowed-value':
      reportNotAllowed(ctx, rule, key, String(value), span, index);
      return;
  }
}

function reportNotAllowed(ctx: PageContext, rule: KeyRule, key: string, value: string, span: { start: number; end: number }, index: number | undefined): void {
  const allowed = rule.values ?? [];
  const suggestion = closest(value, allowed);
  ctx.report(
    'not-allowed-value',
    ctx.range(span.start, span.end),
    withWhy(suggestion ? MESSAGES.notAllowedSuggest : MESSAGES.notAllowed, rule.origin?.values),
    { key, value, suggestion: suggestion ?? '' },
    {
      key,
      ...(rule.origin?.values?.text ? { origin: rule.origin.values.source } : {}),
      value,
      allowed,
      ...(index === undefined ? {} : { index }),
      ...(suggestion ? { suggestion, edit: ctx.edit(span.start, span.end, JSON.stringify(suggestion)) } : {}),
    },
  );
}

/** The value rewritten in the expected type, when the intent is clear (`"true"` → `true`, `2024` → `"2024"`). */
function typeFix(expected: KeyRule['type'], value: unknown, raw: string): string | undefined {
  switch (expected) {
    case 'boolean':
      if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase();
      return undefined;
    case 'year':
      if (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999) return `"${value}"`;
      return undefined;
    case 'string-array':
      if (typeof value === 'string') return `[${raw}]`;
      return undefined;
    case 'string':
      if (typeof value === 'number' || typeof value === 'boolean') return `"${raw}"`;
      return undefined;
    case 'integer':
    case 'number':
      if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return value.trim();
      return undefined;
    default:
      return undefined;
  }
}

/**
 * `"29/04/2022"` → `"2022-04-29"` in the form the page's other dates use. `date` is often a full
 * date-time while the other dates are days, so it only sets the style of its own fixes.
 */
function dateFix(ctx: PageContext, lower: string, text: string): string | undefined {
  const loose = readLooseDate(text);
  if (!loose) return undefined;
  const samples: string[] = [];
  for (const [k, rule] of ctx.rules.keys) {
    if (rule.type !== 'date' || k === lower || (k === 'date' && lower !== 'date')) continue;
    const span = ctx.valueSpan(k);
    if (span) samples.push(ctx.slice(span));
  }
  return formatDate(loose.day, detectDateStyle(samples), loose.time);
}
