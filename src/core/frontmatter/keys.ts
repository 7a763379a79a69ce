import { type Lang, localize, type Message, msg, type Text } from '../l10n';

/** Value types a front matter key may be given (also the `type` names of `.medguide.toml`). */
export type KeyType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'date'
  | 'year'
  | 'string-array'
  | 'array'
  | 'table'
  | 'any';

export const KEY_TYPES: readonly KeyType[] = [
  'string',
  'boolean',
  'integer',
  'number',
  'date',
  'year',
  'string-array',
  'array',
  'table',
  'any',
];

/** Where a rule (or one aspect of it) comes from, in order of precedence (see docs/configuration.md). */
export type RuleSource = 'medguide' | 'frontmatter' | 'inferred' | 'dialect';

/** One aspect's source, with the reason to show ("38 of 40 pages in `recommandations/` have `sources`"). */
export interface RuleWhy {
  readonly source: RuleSource;
  readonly text?: Text;
}

/**
 * Where each aspect of a key's rule comes from; an aspect without an entry is the built-in
 * dialect's (or Hugo's). Messages of imported and inferred rules end with the reason.
 */
export interface RuleOrigin {
  /** The key itself is known because… (a site key, a Front Matter CMS field, used on pages). */
  readonly key?: RuleWhy;
  readonly required?: RuleWhy;
  readonly type?: RuleWhy;
  readonly values?: RuleWhy;
  readonly bounds?: RuleWhy;
}

/** What the validator, completion and hover know about one key. */
export interface KeyRule {
  /** The spelling to show and to insert (`publishdate`, `imageSrc`); matching is case-insensitive like Hugo's. */
  readonly name: string;
  readonly type: KeyType;
  readonly required: boolean;
  /** Vocabulary: suggested values, or the only values allowed when `closed`. */
  readonly values?: readonly string[];
  readonly closed: boolean;
  /** Length bounds in characters (code points) for strings; outside them is the `length` information. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Hugo's own key: always known, whatever the site says. */
  readonly hugo: boolean;
  readonly description: Text;
  /** Rule text beyond type and requirement (order of dates, SEO length…), for hover. */
  readonly note?: Message;
  /** Bounds of a number (Front Matter CMS `numberOptions`); outside them is a `not-allowed-value` error. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Where the rule comes from, aspect by aspect (absent: the built-in dialect). */
  readonly origin?: RuleOrigin;
}

function rule(
  name: string,
  type: KeyType,
  description: Message,
  extra: Partial<Omit<KeyRule, 'name' | 'type' | 'description'>> = {},
): KeyRule {
  return { name, type, required: false, closed: false, hugo: false, description, ...extra };
}

/** Keys of the guide-page dialect (see docs/configuration.md), in the order completion offers them. */
const DIALECT_KEYS: readonly KeyRule[] = [
  rule('title', 'string', msg('Page title.'), {
    required: true,
    hugo: true,
    maxLength: 70,
    note: msg('Search engines cut titles beyond 70 characters.'),
  }),
  rule('description', 'string', msg('Meta description (summary for search engines).'), {
    required: true,
    hugo: true,
    minLength: 50,
    maxLength: 160,
    note: msg('Ideally between 50 and 160 characters.'),
  }),
  rule('auteurs', 'string-array', msg('Page authors, "Firstname LASTNAME".'), { required: true }),
  rule('date', 'date', msg('Page creation date.'), {
    required: true,
    hugo: true,
    note: msg('RFC 3339 date ("2022-04-29T19:00:00+02:00") or TOML date.'),
  }),
  rule('publishdate', 'date', msg('Publication date: Hugo does not publish the page before that day.'), {
    hugo: true,
    note: msg('On or after the day of `date`.'),
  }),
  rule('lastmod', 'date', msg('Last editorial update.'), {
    hugo: true,
    note: msg('On or after `publishdate`, never in the future.'),
  }),
  rule('annees', 'year', msg('Year of the latest major guideline the page follows (taxonomy).'), {
    note: msg('Four digits ("2024"), not after the year of `lastmod`.'),
  }),
  rule('sources', 'string-array', msg('Learned societies and agencies behind the guideline (HAS, ESC…).')),
  rule('tags', 'string-array', msg('Keywords (taxonomy); no duplicates.'), { hugo: true }),
  rule('specialites', 'string-array', msg('Medical specialties concerned (taxonomy).')),
  rule('image', 'boolean', msg('The page has a hero image.'), {
    note: msg('With `image = true`, give the credit in `imageSrc`.'),
  }),
  rule('imageSrc', 'string', msg('Credit of the hero image.')),
  rule('noindex', 'boolean', msg('Keep the page out of search engines.')),
  rule('draft', 'boolean', msg('Draft: Hugo does not publish the page.'), { hugo: true }),
  rule('todo', 'string', msg('Remaining editorial work (free text).')),
  rule('titleSeo', 'string', msg('Title for search engines, when it differs from the title.'), { maxLength: 70 }),
  rule('prefix', 'string', msg('Prefix shown before the title.')),
  rule('synonyms', 'string-array', msg('Synonyms of the topic, for search.')),
  rule('english', 'string', msg('English name of the topic.')),
  rule('sctid', 'any', msg('SNOMED CT identifier of the topic.')),
  rule('icd10', 'any', msg('ICD-10 code(s) of the topic.')),
  rule('id', 'any', msg('Site-specific page identifier.')),
  rule(
    'lang',
    'string',
    msg('Language of the page (`fr`, `en-GB`…), when it differs from the site’s: labels of the MedGuide preview, and of the theme if it reads it.'),
  ),
  rule(
    'medguide_ignore',
    'string-array',
    msg('MedGuide check codes to ignore on this page (e.g. `patient-identifier`).'),
  ),
];

/** Hugo's own front matter keys (https://gohugo.io/content-management/front-matter/), always known. */
const HUGO_KEYS: readonly KeyRule[] = [
  rule('aliases', 'string-array', msg('Former URLs redirected to this page.'), { hugo: true }),
  rule('audio', 'string-array', msg('Audio files of the page (Open Graph metadata).'), { hugo: true }),
  rule('build', 'table', msg('Build options of the page (list, render, publishResources).'), { hugo: true }),
  rule('_build', 'table', msg('Former name of `build`.'), { hugo: true }),
  rule('cascade', 'any', msg('Front matter passed down to descendant pages.'), { hugo: true }),
  rule('categories', 'string-array', msg('Categories (Hugo default taxonomy).'), { hugo: true }),
  rule('expiryDate', 'date', msg('Expiry date: Hugo stops publishing the page after it.'), { hugo: true }),
  rule('headless', 'boolean', msg('Page without its own rendering (included in others).'), { hugo: true }),
  rule('images', 'string-array', msg('Images of the page (Open Graph metadata).'), { hugo: true }),
  rule('isCJKLanguage', 'boolean', msg('Content in Chinese, Japanese or Korean.'), { hugo: true }),
  rule('keywords', 'string-array', msg('Meta keywords.'), { hugo: true }),
  rule('layout', 'string', msg('Hugo layout to use.'), { hugo: true }),
  rule('linkTitle', 'string', msg('Short title for links and menus.'), { hugo: true }),
  rule('markup', 'string', msg('Content format (markdown, html…).'), { hugo: true }),
  rule('menus', 'any', msg('Menus the page appears in.'), { hugo: true }),
  rule('menu', 'any', msg('Menus the page appears in.'), { hugo: true }),
  rule('modified', 'date', msg('Hugo synonym of `lastmod`.'), { hugo: true }),
  rule('outputs', 'string-array', msg('Output formats of the page.'), { hugo: true }),
  rule('params', 'table', msg('Free page parameters.'), { hugo: true }),
  rule('pubdate', 'date', msg('Hugo synonym of `publishdate`.'), { hugo: true }),
  rule('published', 'date', msg('Hugo synonym of `publishdate`.'), { hugo: true }),
  rule('unpublishdate', 'date', msg('Hugo synonym of `expiryDate`.'), { hugo: true }),
  rule('resources', 'array', msg('Metadata of the page resources.'), { hugo: true }),
  rule('series', 'string-array', msg('Series (taxonomy).'), { hugo: true }),
  rule('sitemap', 'table', msg('Sitemap options for the page.'), { hugo: true }),
  rule('slug', 'string', msg('Last segment of the page URL.'), { hugo: true }),
  rule('summary', 'string', msg('Page summary.'), { hugo: true }),
  rule('translationKey', 'string', msg('Key linking translations of a page.'), { hugo: true }),
  rule('type', 'string', msg('Hugo content type (layout lookup).'), { hugo: true }),
  rule('url', 'string', msg('Full URL of the page.'), { hugo: true }),
  rule('videos', 'string-array', msg('Videos of the page (Open Graph metadata).'), { hugo: true }),
  rule('weight', 'integer', msg('Weight for list ordering.'), { hugo: true }),
];

/** Lower-case key → rule: the built-in knowledge before any `.medguide.toml`. */
export const DEFAULT_KEY_RULES: ReadonlyMap<string, KeyRule> = new Map(
  [...DIALECT_KEYS, ...HUGO_KEYS.filter((h) => !DIALECT_KEYS.some((d) => d.name.toLowerCase() === h.name.toLowerCase()))].map(
    (r) => [r.name.toLowerCase(), r] as const,
  ),
);

/** Hugo's keys (lower case): known in every site, whatever `.medguide.toml` says. */
export const HUGO_KEY_NAMES: ReadonlySet<string> = new Set(
  [...HUGO_KEYS, ...DIALECT_KEYS.filter((k) => k.hugo)].map((k) => k.name.toLowerCase()),
);

/**
 * Keys Hugo reads inside its own tables. A page key written after `[menu.main]` lands in that table:
 * TOML's most common trap, reported as `misplaced-key`.
 */
export const HUGO_TABLE_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  menu: new Set(['identifier', 'name', 'parent', 'post', 'pre', 'title', 'url', 'weight', 'params', 'pageref']),
  menus: new Set(['identifier', 'name', 'parent', 'post', 'pre', 'title', 'url', 'weight', 'params', 'pageref']),
  build: new Set(['list', 'publishresources', 'render']),
  _build: new Set(['list', 'publishresources', 'render']),
  sitemap: new Set(['changefreq', 'disable', 'filename', 'priority']),
};

const TYPE_NAMES: Record<KeyType, Message> = {
  string: msg('string'),
  boolean: msg('boolean (true or false)'),
  integer: msg('integer'),
  number: msg('number'),
  date: msg('date'),
  year: msg('four-digit year in quotes ("2024")'),
  'string-array': msg('array of strings'),
  array: msg('array'),
  table: msg('table'),
  any: msg('any value'),
};

export function typeName(type: KeyType, lang: Lang): string {
  return localize(TYPE_NAMES[type], lang);
}

/** The hover text for a key's rule: requirement, type, vocabulary, then the specific note. */
export function ruleText(r: KeyRule, lang: Lang): string {
  const parts: string[] = [];
  parts.push(localize(r.required ? msg('Required') : msg('Optional'), lang) + ' — ' + typeName(r.type, lang) + '.');
  if (r.values && r.values.length > 0) {
    const list = r.values.map((v) => `\`${v}\``).join(', ');
    parts.push(localize(r.closed ? msg('Allowed values: {list}.') : msg('Usual values: {list}.'), lang, { list }));
  }
  if (r.minimum !== undefined || r.maximum !== undefined) {
    parts.push(localize(msg('Between {min} and {max}.'), lang, { min: r.minimum ?? '−∞', max: r.maximum ?? '+∞' }));
  }
  if (r.note) parts.push(localize(r.note, lang));
  const why = originText(r, lang);
  if (why) parts.push(why);
  return parts.join(' ');
}

const SOURCE_NAMES: Record<RuleSource, Message> = {
  medguide: msg('`.medguide.toml`'),
  frontmatter: msg('`frontmatter.json` (Front Matter CMS)'),
  inferred: msg('inferred from the site\'s pages'),
  dialect: msg('guide dialect (built-in rule)'),
};

/** The name of a rule source, for hover and `medguide check --explain`. */
export function sourceName(source: RuleSource, lang: Lang): string {
  return localize(SOURCE_NAMES[source], lang);
}

/** "Source: …" for hover: which source each aspect of the rule came from, with the reasons. */
export function originText(r: KeyRule, lang: Lang): string {
  const o = r.origin;
  if (!o) return '';
  const sources = new Set<RuleSource>();
  const reasons: string[] = [];
  for (const why of [o.key, o.required, o.type, o.values, o.bounds]) {
    if (!why) continue;
    sources.add(why.source);
    if (why.text && !reasons.includes(localize(why.text, lang))) reasons.push(localize(why.text, lang));
  }
  // Rules from `.medguide.toml` and the dialect read as before; imported and inferred ones say so.
  if (![...sources].some((x) => x === 'frontmatter' || x === 'inferred')) return '';
  const head = localize(msg('Source: {sources}.'), lang, { sources: [...sources].map((s) => sourceName(s, lang)).join(', ') });
  return [head, ...reasons].join(' ');
}
