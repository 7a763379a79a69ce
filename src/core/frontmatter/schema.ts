import { TomlDate } from 'smol-toml';
// zod/mini: the same engine with a functional, tree-shakable API: the bundle carries only what
// these schemas use (the full `zod` import weighed 440 KB and ~20 ms of activation).
import * as z from 'zod/mini';
import { parseHugoDate } from './dates';
import type { KeyRule, KeyType } from './keys';
import type { PageRules } from './rules';
import { isTable } from '../own';

/**
 * The zod schema of each key of a page, built once per set of key rules (cached on the rules map),
 * so validating a page costs one `safeParse` per key it sets (and per required key). Checks that need our own codes raise `custom` issues
 * with `params.code`; messages are never taken from zod (we write our own, per language, without
 * touching zod's global locale).
 */

type Ctx = z.core.$RefinementCtx<unknown>;

function issue(ctx: Ctx, code: string): void {
  ctx.addIssue({ code: 'custom', message: code, params: { code } });
}

const dateSchema = z.unknown().check(z.superRefine((v, ctx) => {
  if (v instanceof TomlDate) {
    if (v.isTime()) issue(ctx, 'type');
  } else if (typeof v === 'string') {
    if (!parseHugoDate(v)) issue(ctx, 'date-format');
  } else {
    issue(ctx, 'type');
  }
}));

const yearSchema = z.unknown().check(z.superRefine((v, ctx) => {
  if (typeof v === 'string') {
    if (!/^\d{4}$/.test(v)) issue(ctx, 'year');
  } else {
    issue(ctx, 'type');
  }
}));

const tableSchema = z.unknown().check(z.superRefine((v, ctx) => {
  if (!isTable(v)) issue(ctx, 'type');
}));

const SIMPLE: Readonly<Record<Exclude<KeyType, 'string' | 'string-array'>, z.ZodMiniType>> = {
  boolean: z.boolean(),
  integer: z.int(),
  number: z.number(),
  date: dateSchema,
  year: yearSchema,
  array: z.array(z.unknown()),
  table: tableSchema,
  any: z.unknown(),
};

function stringSchema(rule: KeyRule): z.ZodMiniType {
  const values = rule.closed && rule.values && rule.values.length > 0 ? rule.values : undefined;
  return values ? z.pipe(z.string(), z.enum(values as [string, ...string[]])) : z.string();
}

function keySchema(rule: KeyRule): z.ZodMiniType {
  if (rule.type === 'string') return stringSchema(rule);
  if (rule.type === 'string-array') return z.array(stringSchema(rule));
  return SIMPLE[rule.type];
}

/** A key that must be present: `required` on absence, then the key's own schema. */
function requiredSchema(inner: z.ZodMiniType): z.ZodMiniType {
  return z.pipe(
    z.unknown().check(
      z.superRefine((v, ctx) => {
        if (v === undefined) issue(ctx, 'required');
      }),
    ),
    inner,
  );
}

/**
 * Values that plainly fit the key's schema: a value this accepts is one the schema accepts (a test
 * holds them to that on random values), so zod only runs on the others, and reports their issues.
 * Anything unsure answers false. Most values of most pages fit: zod's parse is most of a clean page's cost.
 */
type Fits = (value: unknown) => boolean;

function stringFits(rule: KeyRule): Fits {
  const values = rule.closed && rule.values && rule.values.length > 0 ? new Set(rule.values) : undefined;
  return values ? (v) => typeof v === 'string' && values.has(v) : (v) => typeof v === 'string';
}

function keyFits(rule: KeyRule): Fits {
  switch (rule.type) {
    case 'string':
      return stringFits(rule);
    case 'string-array': {
      const element = stringFits(rule);
      return (v) => Array.isArray(v) && v.every(element);
    }
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'integer':
      return (v) => typeof v === 'number' && Number.isSafeInteger(v);
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'date':
      return (v) => (v instanceof TomlDate ? !v.isTime() : typeof v === 'string' && parseHugoDate(v) !== undefined);
    case 'year':
      return (v) => typeof v === 'string' && /^\d{4}$/.test(v);
    case 'array':
      return Array.isArray;
    case 'table':
      return isTable;
    case 'any':
      return () => true;
  }
}

interface KeySchema {
  readonly lower: string;
  readonly required: boolean;
  readonly schema: z.ZodMiniType;
  /** True only for values the schema accepts (see {@link Fits}); absent values go to the schema. */
  readonly fits: Fits;
}

const cache = new WeakMap<ReadonlyMap<string, KeyRule>, readonly KeySchema[]>();

/** The schema of each key of a page's front matter (lower-case keys), in the rules' order, built once per set of key rules. */
export function keySchemas(rules: PageRules): readonly KeySchema[] {
  const cached = cache.get(rules.keys);
  if (cached) return cached;
  const schemas: KeySchema[] = [];
  for (const [lower, rule] of rules.keys) {
    schemas.push({ lower, required: rule.required, schema: rule.required ? requiredSchema(keySchema(rule)) : z.optional(keySchema(rule)), fits: keyFits(rule) });
  }
  cache.set(rules.keys, schemas);
  return schemas;
}

/**
 * The zod issues of a page's known keys (lower case → value), their paths starting with the key, in
 * the order of the rules: what `z.looseObject` of every key's schema reports, without running the
 * schemas of the optional keys the page does not set (most of a site's rules, on most pages).
 */
export function schemaIssues(rules: PageRules, values: Readonly<Record<string, unknown>>): z.core.$ZodIssue[] {
  const issues: z.core.$ZodIssue[] = [];
  for (const { lower, required, schema, fits } of keySchemas(rules)) {
    const value = values[lower];
    if (value === undefined ? !required : fits(value)) continue;
    const result = schema.safeParse(value);
    if (result.success) continue;
    for (const issue of result.error.issues) issues.push({ ...issue, path: [lower, ...issue.path] });
  }
  return issues;
}
