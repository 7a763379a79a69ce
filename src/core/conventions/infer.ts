/**
 * The site's own conventions, learned from its pages: which keys nearly every page of a section
 * (or of a content type) has, each key's type, small closed vocabularies, the keys only a handful
 * of pages use and, among those, probable typos of a common key. Pure: it receives the pages'
 * front matter (already read by the site model) and returns rules in the shape of `.medguide.toml`
 * overrides, each carrying the reason it was inferred. Thresholds: {@link DEFAULT_THRESHOLDS},
 * configurable under `[infer]` in `.medguide.toml` (docs/configuration.md).
 */
import { compileGlob } from '../config/glob';
import type { KeyOverride, OverrideOrigin, SectionConfig, TypeConfig } from '../config/siteConfig';
import { parseHugoDate } from '../frontmatter/dates';
import { DEFAULT_KEY_RULES, HUGO_KEY_NAMES, typeName, type KeyType } from '../frontmatter/keys';
import { closest } from '../frontmatter/suggest';
import { bilingual, localize, type Message, msg, type Text } from '../l10n';
import { isTable } from '../own';

export interface InferenceThresholds {
  /** Pages (section index pages excluded) a site needs before anything is inferred. */
  readonly minPages: number;
  /** Pages a section, a content type or the section index pages need to get rules of their own. */
  readonly minSectionPages: number;
  /** Share of pages having a key for it to be expected (required). */
  readonly expectedShare: number;
  /** Share of a key's values of one type for that type to be the key's. */
  readonly typeShare: number;
  /** At most this many values make a closed vocabulary… */
  readonly vocabularyMaxValues: number;
  /** …over at least this many uses… */
  readonly vocabularyMinUses: number;
  /** …each value used at least this many times (a value used less is an outlier). */
  readonly vocabularyMinValueUses: number;
  /** A key on at most this many pages is rare; a rare key one typo away from a common key is a typo. */
  readonly rareMaxPages: number;
}

export const DEFAULT_THRESHOLDS: InferenceThresholds = {
  minPages: 20,
  minSectionPages: 5,
  expectedShare: 0.95,
  typeShare: 0.9,
  vocabularyMaxValues: 12,
  vocabularyMinUses: 20,
  vocabularyMinValueUses: 2,
  rareMaxPages: 2,
};

/** A key's type is inferred from at least this many values; fewer: any value. */
const MIN_TYPE_USES = 3;
/** Free-text keys never make a vocabulary, nor do values longer than this. */
const FREE_TEXT = new Set(['title', 'description', 'summary', 'linktitle', 'slug', 'url', 'aliases', 'todo', 'titleseo', 'imagesrc', 'translationkey', 'id', 'english', 'prefix', 'synonyms', 'images']);
const MAX_VOCABULARY_VALUE = 60;

/** One page as inference sees it. */
export interface InferencePage {
  /** Path from the site root (`content/recommandations/hta.md`). */
  readonly sitePath: string;
  /** Path inside the content tree (`recommandations/hta.md`); its first folder is the section. */
  readonly path: string;
  /** `section`: a section's `_index` page (its own group); `page`: any other page. */
  readonly role: 'page' | 'section';
  /** Front matter keys, lower-cased, to their values (TOML, YAML or JSON). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Lower-cased key → spelling used on the page; a key not listed is spelled in lower case. */
  readonly names?: Readonly<Record<string, string>>;
}

export type Overrides = Map<string, { name: string; override: KeyOverride }>;

/** What inference learned, as layers of `.medguide.toml` rules, and the facts behind them. */
export interface InferredRules {
  /** Pages counted (section index pages excluded). */
  readonly pages: number;
  readonly thresholds: InferenceThresholds;
  /** Rules for every page. */
  readonly keys: Overrides;
  /** Rules per section (`content/recommandations/**`), then for section index pages (`_index*`). */
  readonly sections: readonly SectionConfig[];
  /** Rules per content type (the `type` key). */
  readonly types: ReadonlyMap<string, TypeConfig>;
  /** Rare keys one typo away from a common key: left unknown, so "did you mean" fires. */
  readonly typos: readonly { readonly key: string; readonly suggestion: string; readonly pages: number }[];
  /** Keys on at most `rareMaxPages` pages, kept as known keys. */
  readonly rare: readonly string[];
}

type Kind = 'string' | 'date-string' | 'date' | 'boolean' | 'number' | 'string-array' | 'empty-array' | 'array' | 'table' | 'null';

/** A string Hugo reads as a date (a cheap test first: most strings are not dates). */
function isDateString(v: string): boolean {
  return /^\s*\d{4}-\d/.test(v) && parseHugoDate(v) !== undefined;
}

function kindOf(v: unknown): Kind {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (v instanceof Date) return 'date';
  if (typeof v === 'string') return isDateString(v) ? 'date-string' : 'string';
  if (Array.isArray(v)) return v.length === 0 ? 'empty-array' : v.every((x) => typeof x === 'string') ? 'string-array' : 'array';
  if (v === null || v === undefined) return 'null';
  return 'table';
}

/** Whether a value fits a key type as the checks read it. */
export function fitsType(type: KeyType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'year':
      return typeof v === 'string' && /^\d{4}$/.test(v);
    case 'date':
      return v instanceof Date || (typeof v === 'string' && isDateString(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    case 'number':
      return typeof v === 'number' || typeof v === 'bigint';
    case 'string-array':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'array':
      return Array.isArray(v);
    case 'table':
      return isTable(v);
    case 'any':
      return true;
  }
}

/** The type most of a key's values have, or `any`. */
function dominantType(kinds: Readonly<Record<Kind, number>>, uses: number, share: number): KeyType {
  if (uses < MIN_TYPE_USES) return 'any';
  const n = (...ks: Kind[]) => ks.reduce((sum, k) => sum + kinds[k], 0);
  const enough = (x: number) => x >= share * uses;
  if (n('date', 'date-string') > 0 && enough(n('date', 'date-string'))) return 'date';
  if (enough(n('string', 'date-string'))) return 'string';
  if (n('string-array') > 0 && enough(n('string-array', 'empty-array'))) return 'string-array';
  if (enough(n('boolean'))) return 'boolean';
  if (enough(n('number'))) return 'number';
  if (enough(n('table'))) return 'table';
  if (enough(n('array', 'string-array', 'empty-array'))) return 'array';
  return 'any';
}

interface KeyStats {
  lower: string;
  /** Spelling → uses; undefined while every page writes the key in lower case (most keys of most sites). */
  spellings: Map<string, number> | undefined;
  /** Uses written in lower case before any other spelling. */
  lowerUses: number;
  pages: number;
  /** Values of each kind (a record, not a Map: one per key of the site, counted for every value). */
  kinds: Record<Kind, number>;
  values: unknown[];
  /**
   * String value (or element) → uses; undefined once the key cannot get a closed vocabulary (free
   * text, a built-in closed key, a value longer than {@link MAX_VOCABULARY_VALUE}): its values are
   * then not counted (a site's titles and descriptions are thousands of distinct strings).
   */
  strings: Map<string, number> | undefined;
}

function statsOf(pages: readonly InferencePage[]): Map<string, KeyStats> {
  const out = new Map<string, KeyStats>();
  for (const p of pages) {
    for (const lower in p.data) {
      if (!Object.prototype.hasOwnProperty.call(p.data, lower)) continue;
      const v = p.data[lower];
      let s = out.get(lower);
      if (!s) {
        const vocabulary = !FREE_TEXT.has(lower) && !DEFAULT_KEY_RULES.get(lower)?.closed;
        const kinds = { string: 0, 'date-string': 0, date: 0, boolean: 0, number: 0, 'string-array': 0, 'empty-array': 0, array: 0, table: 0, null: 0 };
        out.set(lower, (s = { lower, spellings: undefined, lowerUses: 0, pages: 0, kinds, values: [], strings: vocabulary ? new Map() : undefined }));
      }
      s.pages++;
      const spelled = p.names?.[lower] ?? lower;
      if (spelled === lower && s.spellings === undefined) s.lowerUses++;
      else {
        if (s.spellings === undefined) s.spellings = s.lowerUses > 0 ? new Map([[lower, s.lowerUses]]) : new Map();
        s.spellings.set(spelled, (s.spellings.get(spelled) ?? 0) + 1);
      }
      s.kinds[kindOf(v)]++;
      s.values.push(v);
      if (s.strings === undefined) continue;
      // Indexed: no iterator result per element while the loop is not yet optimized.
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) countString(s, v[i]);
      else countString(s, v);
    }
  }
  return out;
}

function countString(s: KeyStats, x: unknown): void {
  if (typeof x !== 'string' || s.strings === undefined) return;
  if (x.length > MAX_VOCABULARY_VALUE) s.strings = undefined;
  else s.strings.set(x, (s.strings.get(x) ?? 0) + 1);
}

/**
 * How many of a key's values fit a type, from the kinds counted (each kind fits a type or not),
 * for the types whose test depends only on the kind; undefined for the others.
 */
function fitsByKind(type: KeyType, k: Readonly<Record<Kind, number>>): number | undefined {
  switch (type) {
    case 'string':
      return k.string + k['date-string'];
    case 'date':
      return k.date + k['date-string'];
    case 'boolean':
      return k.boolean;
    case 'number':
      return k.number;
    case 'string-array':
      return k['string-array'] + k['empty-array'];
    case 'array':
      return k.array + k['string-array'] + k['empty-array'];
    default:
      return undefined;
  }
}

/** How many of a key's values fit a type as the checks read it. */
function fitting(type: KeyType, s: KeyStats): number {
  return fitsByKind(type, s.kinds) ?? s.values.filter((v) => fitsType(type, v)).length;
}

/** How many pages of a group have each key. */
function presence(pages: readonly InferencePage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of pages) for (const k of Object.keys(p.data)) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

/** The spelling most pages use for a key. */
function spellingOf(s: KeyStats): string {
  return s.spellings === undefined ? s.lower : mostCommon(s.spellings);
}

function mostCommon(m: ReadonlyMap<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, c] of m) if (c > n) [best, n] = [k, c];
  return best;
}

function sectionOf(p: InferencePage): string {
  const cut = p.path.indexOf('/');
  return cut < 0 ? '' : p.path.slice(0, cut);
}

const WHY = {
  site: msg('Inferred from the site: {n} of {total} pages have `{key}`.'),
  section: msg('Inferred from the site: {n} of {total} pages in `{section}/` have `{key}`.'),
  type: msg('Inferred from the site: {n} of {total} pages of type `{type}` have `{key}`.'),
  index: msg('Inferred from the site: {n} of {total} section index pages (`_index`) have `{key}`.'),
  valueType: msg('Inferred from the site: {n} of {total} values of `{key}` are of type {type}.'),
  vocabulary: msg('Inferred from the site: {n} of the {uses} values of `{key}` are among {list}.'),
};

function why(template: Message, args: Record<string, string | number>): Text {
  return bilingual(template, args);
}

/**
 * Infers the site's rules from its pages; undefined when the site has fewer than `minPages`
 * pages (the built-in dialect then applies). Deterministic: the same pages give the same rules.
 */
export function inferRules(all: readonly InferencePage[], overrides: Partial<InferenceThresholds> = {}): InferredRules | undefined {
  const th: InferenceThresholds = { ...DEFAULT_THRESHOLDS, ...overrides };
  const pages = all.filter((p) => p.role === 'page');
  const indexes = all.filter((p) => p.role === 'section');
  const total = pages.length;
  if (total < th.minPages) return undefined;
  const stats = statsOf(pages);
  const indexStats = statsOf(indexes);
  // Keys only section index pages use are known too.
  for (const [k, s] of indexStats) if (!stats.has(k)) stats.set(k, { ...s, pages: 0 });

  // Rare keys: a typo of a common (or built-in) key stays unknown; the others are known keys.
  const common = [...stats.values()].filter((s) => s.pages > th.rareMaxPages).map((s) => s.lower);
  const builtIn = [...DEFAULT_KEY_RULES.values()].map((r) => r.name.toLowerCase());
  const typos: { key: string; suggestion: string; pages: number }[] = [];
  const rare: string[] = [];
  for (const s of stats.values()) {
    if (s.pages > th.rareMaxPages || DEFAULT_KEY_RULES.has(s.lower) || HUGO_KEY_NAMES.has(s.lower)) continue;
    if (s.pages === 0) continue; // index pages only
    const suggestion = closest(s.lower, [...common, ...builtIn].filter((c) => c !== s.lower));
    if (suggestion) typos.push({ key: spellingOf(s), suggestion, pages: s.pages });
    else rare.push(spellingOf(s));
  }
  const typoKeys = new Set(typos.map((t) => t.key.toLowerCase()));
  const known = [...stats.values()].filter((s) => !typoKeys.has(s.lower)).sort((a, b) => b.pages - a.pages || (a.lower < b.lower ? -1 : 1));

  const keys: Overrides = new Map();
  const required = new Map<string, boolean>();
  for (const s of known) {
    const builtin = DEFAULT_KEY_RULES.get(s.lower);
    const name = builtin?.name ?? spellingOf(s);
    const o: { -readonly [K in keyof KeyOverride]: KeyOverride[K] } = {};
    const origin: { -readonly [K in keyof OverrideOrigin]: OverrideOrigin[K] } = { source: 'inferred' };
    origin.key = why(WHY.site, { n: s.pages, total, key: name });
    const expected = isExpected(s.pages, total, th);
    required.set(s.lower, expected);
    if (expected) {
      o.required = true;
      origin.required = origin.key;
    }
    // The type: the built-in one when the site's values fit it, else the one most values have.
    const uses = s.values.length;
    const fitBuiltin = builtin ? fitting(builtin.type, s) : 0;
    let type: KeyType = builtin?.type ?? 'any';
    if (!builtin || (uses > 0 && fitBuiltin < th.typeShare * uses)) {
      type = dominantType(s.kinds, uses, th.typeShare);
      if (type !== (builtin?.type ?? 'any') || !builtin) {
        o.type = type;
        if (type !== 'any') {
          const fit = fitting(type, s);
          origin.type = { fr: localize(WHY.valueType, 'fr', { n: fit, total: uses, key: name, type: typeName(type, 'fr') }), en: localize(WHY.valueType, 'en', { n: fit, total: uses, key: name, type: typeName(type, 'en') }) };
        }
      }
    }
    // A small closed vocabulary, when the site clearly has one.
    if ((type === 'string' || type === 'string-array') && s.strings !== undefined) {
      const stringUses = [...s.strings.values()].reduce((a, b) => a + b, 0);
      const frequent = [...s.strings].filter(([, c]) => c >= th.vocabularyMinValueUses).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const outliers = stringUses - frequent.reduce((a, [, c]) => a + c, 0);
      const allowedOutliers = Math.max(1, Math.floor(stringUses * (1 - th.expectedShare)));
      if (stringUses >= th.vocabularyMinUses && frequent.length >= 2 && frequent.length <= th.vocabularyMaxValues && outliers <= allowedOutliers) {
        o.values = frequent.map(([v]) => v);
        o.closed = true;
        origin.values = why(WHY.vocabulary, { n: stringUses - outliers, uses: stringUses, key: name, list: frequent.map(([v]) => JSON.stringify(v)).join(', ') });
      }
    }
    keys.set(s.lower, { name, override: { ...o, origin } });
  }

  // Sections with enough pages: which keys their pages have, where it differs from the whole site.
  const sections: SectionConfig[] = [];
  const bySection = new Map<string, InferencePage[]>();
  for (const p of pages) {
    const s = sectionOf(p);
    if (s === '') continue;
    let list = bySection.get(s);
    if (!list) bySection.set(s, (list = []));
    list.push(p);
  }
  const requiredAnywhere = new Set([...required].filter(([, r]) => r).map(([k]) => k));
  for (const [section, list] of [...bySection].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (list.length < th.minSectionPages) continue;
    const has = presence(list);
    const sectionKeys: Overrides = new Map();
    for (const s of known) {
      const n = has.get(s.lower) ?? 0;
      const expected = isExpected(n, list.length, th);
      if (expected === required.get(s.lower)) continue;
      const name = keys.get(s.lower)!.name;
      const text = why(WHY.section, { n, total: list.length, section, key: name });
      sectionKeys.set(s.lower, { name, override: { required: expected, origin: { source: 'inferred', required: text } } });
      if (expected) requiredAnywhere.add(s.lower);
    }
    // The glob of each distinct folder above the section (`content/`, `content/fr/`), not one per page.
    const above = new Set<string>();
    for (const p of list) if (p.sitePath.endsWith(p.path)) above.add(p.sitePath.slice(0, p.sitePath.length - p.path.length));
    const paths = [...above].map((prefix) => `${prefix}${section}/**`).sort();
    if (sectionKeys.size > 0 && paths.length > 0) sections.push({ paths, matchers: paths.map(compileGlob), keys: sectionKeys, severity: new Map() });
  }

  // Content types (the `type` key) with enough pages.
  const types = new Map<string, TypeConfig>();
  const byType = new Map<string, InferencePage[]>();
  for (const p of pages) {
    const t = p.data.type;
    if (typeof t !== 'string' || t === '') continue;
    let list = byType.get(t);
    if (!list) byType.set(t, (list = []));
    list.push(p);
  }
  for (const [type, list] of [...byType].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (list.length < th.minSectionPages || list.length === total) continue;
    const has = presence(list);
    const typeKeys: Overrides = new Map();
    for (const s of known) {
      const n = has.get(s.lower) ?? 0;
      const expected = isExpected(n, list.length, th);
      if (expected === required.get(s.lower)) continue;
      const name = keys.get(s.lower)!.name;
      typeKeys.set(s.lower, { name, override: { required: expected, origin: { source: 'inferred', required: why(WHY.type, { n, total: list.length, type, key: name }) } } });
      if (expected) requiredAnywhere.add(s.lower);
    }
    if (typeKeys.size > 0) types.set(type, { keys: typeKeys });
  }

  // Section index pages (`_index`): their own keys, never the pages' requirements.
  if (indexes.length > 0 && requiredAnywhere.size + indexStats.size > 0) {
    const has = presence(indexes);
    const indexKeys: Overrides = new Map();
    for (const s of known) {
      const n = has.get(s.lower) ?? 0;
      // Too few index pages to learn from: only what all of them have stays expected.
      const expected = n > 0 && (indexes.length >= th.minSectionPages ? n >= th.expectedShare * indexes.length : n === indexes.length);
      if (expected ? required.get(s.lower) === true : !requiredAnywhere.has(s.lower)) continue;
      const name = keys.get(s.lower)!.name;
      indexKeys.set(s.lower, { name, override: { required: expected, origin: { source: 'inferred', required: why(WHY.index, { n, total: indexes.length, key: name }) } } });
    }
    if (indexKeys.size > 0) sections.push({ paths: ['_index*'], matchers: [compileGlob('_index*')], keys: indexKeys, severity: new Map() });
  }

  return { pages: total, thresholds: th, keys, sections, types, typos, rare: rare.sort() };
}

/**
 * A key is expected when at least `expectedShare` of the pages have it, or when a single page of a
 * group of at least `minSectionPages` lacks it: the page an author forgot, which would otherwise lower
 * the share below the threshold by its own absence (a key removed that all its siblings have).
 * `expectedShare = 1` asks for every page, and turns this off.
 */
function isExpected(n: number, total: number, th: InferenceThresholds): boolean {
  if (n === 0) return false;
  return n >= th.expectedShare * total || (th.expectedShare < 1 && total >= th.minSectionPages && total - n === 1);
}
