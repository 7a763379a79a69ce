import type { Bilingual, Lang } from '../l10n';
import { localize } from '../l10n';

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
  readonly text?: Bilingual;
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
  readonly description: Bilingual;
  /** Rule text beyond type and requirement (order of dates, SEO length…), for hover. */
  readonly note?: Bilingual;
  /** Bounds of a number (Front Matter CMS `numberOptions`); outside them is a `not-allowed-value` error. */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Where the rule comes from, aspect by aspect (absent: the built-in dialect). */
  readonly origin?: RuleOrigin;
}

const T = (fr: string, en: string): Bilingual => ({ fr, en });

function rule(
  name: string,
  type: KeyType,
  description: Bilingual,
  extra: Partial<Omit<KeyRule, 'name' | 'type' | 'description'>> = {},
): KeyRule {
  return { name, type, required: false, closed: false, hugo: false, description, ...extra };
}

/** Keys of the guide-page dialect (see docs/configuration.md), in the order completion offers them. */
const DIALECT_KEYS: readonly KeyRule[] = [
  rule('title', 'string', T('Titre de la page.', 'Page title.'), {
    required: true,
    hugo: true,
    maxLength: 70,
    note: T('Au-delà de 70 caractères, les moteurs de recherche le coupent.', 'Search engines cut titles beyond 70 characters.'),
  }),
  rule('description', 'string', T('Méta-description de la page (résumé pour les moteurs de recherche).', 'Meta description (summary for search engines).'), {
    required: true,
    hugo: true,
    minLength: 50,
    maxLength: 160,
    note: T('Idéalement entre 50 et 160 caractères.', 'Ideally between 50 and 160 characters.'),
  }),
  rule('auteurs', 'string-array', T('Auteurs de la page, « Prénom NOM ».', 'Page authors, "Firstname LASTNAME".'), { required: true }),
  rule('date', 'date', T('Date de création de la page.', 'Page creation date.'), {
    required: true,
    hugo: true,
    note: T('Date RFC 3339 (« 2022-04-29T19:00:00+02:00 ») ou date TOML.', 'RFC 3339 date ("2022-04-29T19:00:00+02:00") or TOML date.'),
  }),
  rule('publishdate', 'date', T('Date de publication : Hugo ne publie pas la page avant ce jour.', 'Publication date: Hugo does not publish the page before that day.'), {
    hugo: true,
    note: T('Le jour de `date` ou après.', 'On or after the day of `date`.'),
  }),
  rule('lastmod', 'date', T('Dernière mise à jour éditoriale.', 'Last editorial update.'), {
    hugo: true,
    note: T('Le jour de `publishdate` ou après, jamais dans le futur.', 'On or after `publishdate`, never in the future.'),
  }),
  rule('annees', 'year', T('Année de la dernière recommandation majeure suivie (taxonomie).', 'Year of the latest major guideline the page follows (taxonomy).'), {
    note: T('Quatre chiffres (« 2024 »), pas après l’année de `lastmod`.', 'Four digits ("2024"), not after the year of `lastmod`.'),
  }),
  rule('sources', 'string-array', T('Sociétés savantes et agences à l’origine de la recommandation (HAS, ESC…).', 'Learned societies and agencies behind the guideline (HAS, ESC…).')),
  rule('tags', 'string-array', T('Mots-clés (taxonomie) ; sans doublon.', 'Keywords (taxonomy); no duplicates.'), { hugo: true }),
  rule('specialites', 'string-array', T('Spécialités médicales concernées (taxonomie).', 'Medical specialties concerned (taxonomy).')),
  rule('image', 'boolean', T('La page a une image d’en-tête.', 'The page has a hero image.'), {
    note: T('Avec `image = true`, indiquez le crédit dans `imageSrc`.', 'With `image = true`, give the credit in `imageSrc`.'),
  }),
  rule('imageSrc', 'string', T('Crédit de l’image d’en-tête.', 'Credit of the hero image.')),
  rule('noindex', 'boolean', T('Exclure la page des moteurs de recherche.', 'Keep the page out of search engines.')),
  rule('draft', 'boolean', T('Brouillon : Hugo ne publie pas la page.', 'Draft: Hugo does not publish the page.'), { hugo: true }),
  rule('todo', 'string', T('Travail éditorial restant (texte libre).', 'Remaining editorial work (free text).')),
  rule('titleSeo', 'string', T('Titre pour les moteurs de recherche, s’il diffère du titre.', 'Title for search engines, when it differs from the title.'), { maxLength: 70 }),
  rule('prefix', 'string', T('Préfixe affiché avant le titre.', 'Prefix shown before the title.')),
  rule('synonyms', 'string-array', T('Synonymes du sujet, pour la recherche.', 'Synonyms of the topic, for search.')),
  rule('english', 'string', T('Nom anglais du sujet.', 'English name of the topic.')),
  rule('sctid', 'any', T('Identifiant SNOMED CT du sujet.', 'SNOMED CT identifier of the topic.')),
  rule('icd10', 'any', T('Code(s) CIM-10 du sujet.', 'ICD-10 code(s) of the topic.')),
  rule('id', 'any', T('Identifiant de la page propre au site.', 'Site-specific page identifier.')),
  rule(
    'lang',
    'string',
    T(
      'Langue de la page (`fr`, `en-GB`…), si elle diffère de celle du site : libellés de l’aperçu MedGuide, et du thème s’il la lit.',
      'Language of the page (`fr`, `en-GB`…), when it differs from the site’s: labels of the MedGuide preview, and of the theme if it reads it.',
    ),
  ),
  rule(
    'medguide_ignore',
    'string-array',
    T('Codes de vérification MedGuide à ignorer pour cette page (par ex. `patient-identifier`).', 'MedGuide check codes to ignore on this page (e.g. `patient-identifier`).'),
  ),
];

/** Hugo's own front matter keys (https://gohugo.io/content-management/front-matter/), always known. */
const HUGO_KEYS: readonly KeyRule[] = [
  rule('aliases', 'string-array', T('Anciennes adresses redirigées vers cette page.', 'Former URLs redirected to this page.'), { hugo: true }),
  rule('audio', 'string-array', T('Fichiers audio de la page (métadonnées Open Graph).', 'Audio files of the page (Open Graph metadata).'), { hugo: true }),
  rule('build', 'table', T('Options de construction de la page (list, render, publishResources).', 'Build options of the page (list, render, publishResources).'), { hugo: true }),
  rule('_build', 'table', T('Ancien nom de `build`.', 'Former name of `build`.'), { hugo: true }),
  rule('cascade', 'any', T('Front matter transmis aux pages descendantes.', 'Front matter passed down to descendant pages.'), { hugo: true }),
  rule('categories', 'string-array', T('Catégories (taxonomie Hugo par défaut).', 'Categories (Hugo default taxonomy).'), { hugo: true }),
  rule('expiryDate', 'date', T('Date d’expiration : Hugo ne publie plus la page après.', 'Expiry date: Hugo stops publishing the page after it.'), { hugo: true }),
  rule('headless', 'boolean', T('Page sans rendu propre (incluse dans d’autres).', 'Page without its own rendering (included in others).'), { hugo: true }),
  rule('images', 'string-array', T('Images de la page (métadonnées Open Graph).', 'Images of the page (Open Graph metadata).'), { hugo: true }),
  rule('isCJKLanguage', 'boolean', T('Contenu en chinois, japonais ou coréen.', 'Content in Chinese, Japanese or Korean.'), { hugo: true }),
  rule('keywords', 'string-array', T('Mots-clés méta.', 'Meta keywords.'), { hugo: true }),
  rule('layout', 'string', T('Gabarit Hugo à utiliser.', 'Hugo layout to use.'), { hugo: true }),
  rule('linkTitle', 'string', T('Titre court pour les liens et menus.', 'Short title for links and menus.'), { hugo: true }),
  rule('markup', 'string', T('Format du contenu (markdown, html…).', 'Content format (markdown, html…).'), { hugo: true }),
  rule('menus', 'any', T('Menus où la page apparaît.', 'Menus the page appears in.'), { hugo: true }),
  rule('menu', 'any', T('Menus où la page apparaît.', 'Menus the page appears in.'), { hugo: true }),
  rule('modified', 'date', T('Synonyme Hugo de `lastmod`.', 'Hugo synonym of `lastmod`.'), { hugo: true }),
  rule('outputs', 'string-array', T('Formats de sortie de la page.', 'Output formats of the page.'), { hugo: true }),
  rule('params', 'table', T('Paramètres libres de la page.', 'Free page parameters.'), { hugo: true }),
  rule('pubdate', 'date', T('Synonyme Hugo de `publishdate`.', 'Hugo synonym of `publishdate`.'), { hugo: true }),
  rule('published', 'date', T('Synonyme Hugo de `publishdate`.', 'Hugo synonym of `publishdate`.'), { hugo: true }),
  rule('unpublishdate', 'date', T('Synonyme Hugo de `expiryDate`.', 'Hugo synonym of `expiryDate`.'), { hugo: true }),
  rule('resources', 'array', T('Métadonnées des ressources de la page.', 'Metadata of the page resources.'), { hugo: true }),
  rule('series', 'string-array', T('Séries (taxonomie).', 'Series (taxonomy).'), { hugo: true }),
  rule('sitemap', 'table', T('Options du plan du site pour la page.', 'Sitemap options for the page.'), { hugo: true }),
  rule('slug', 'string', T('Dernier segment de l’adresse de la page.', 'Last segment of the page URL.'), { hugo: true }),
  rule('summary', 'string', T('Résumé de la page.', 'Page summary.'), { hugo: true }),
  rule('translationKey', 'string', T('Clé reliant les traductions d’une page.', 'Key linking translations of a page.'), { hugo: true }),
  rule('type', 'string', T('Type de contenu Hugo (choix du gabarit).', 'Hugo content type (layout lookup).'), { hugo: true }),
  rule('url', 'string', T('Adresse complète de la page.', 'Full URL of the page.'), { hugo: true }),
  rule('videos', 'string-array', T('Vidéos de la page (métadonnées Open Graph).', 'Videos of the page (Open Graph metadata).'), { hugo: true }),
  rule('weight', 'integer', T('Poids pour l’ordre des listes.', 'Weight for list ordering.'), { hugo: true }),
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

const TYPE_NAMES: Record<KeyType, Bilingual> = {
  string: T('texte', 'string'),
  boolean: T('booléen (true ou false)', 'boolean (true or false)'),
  integer: T('nombre entier', 'integer'),
  number: T('nombre', 'number'),
  date: T('date', 'date'),
  year: T('année à quatre chiffres entre guillemets (« 2024 »)', 'four-digit year in quotes ("2024")'),
  'string-array': T('liste de textes', 'array of strings'),
  array: T('liste', 'array'),
  table: T('table', 'table'),
  any: T('toute valeur', 'any value'),
};

export function typeName(type: KeyType, lang: Lang): string {
  return TYPE_NAMES[type][lang];
}

/** The hover text for a key's rule: requirement, type, vocabulary, then the specific note. */
export function ruleText(r: KeyRule, lang: Lang): string {
  const parts: string[] = [];
  parts.push(localize(r.required ? T('Obligatoire', 'Required') : T('Facultatif', 'Optional'), lang) + ' — ' + typeName(r.type, lang) + '.');
  if (r.values && r.values.length > 0) {
    const list = r.values.map((v) => `\`${v}\``).join(', ');
    parts.push(localize(r.closed ? T('Valeurs permises : {list}.', 'Allowed values: {list}.') : T('Valeurs usuelles : {list}.', 'Usual values: {list}.'), lang, { list }));
  }
  if (r.minimum !== undefined || r.maximum !== undefined) {
    parts.push(localize(T('Entre {min} et {max}.', 'Between {min} and {max}.'), lang, { min: r.minimum ?? '−∞', max: r.maximum ?? '+∞' }));
  }
  if (r.note) parts.push(r.note[lang]);
  const why = originText(r, lang);
  if (why) parts.push(why);
  return parts.join(' ');
}

const SOURCE_NAMES: Record<RuleSource, Bilingual> = {
  medguide: T('`.medguide.toml`', '`.medguide.toml`'),
  frontmatter: T('`frontmatter.json` (Front Matter CMS)', '`frontmatter.json` (Front Matter CMS)'),
  inferred: T('déduit des pages du site', 'inferred from the site\'s pages'),
  dialect: T('dialecte des guides (règle intégrée)', 'guide dialect (built-in rule)'),
};

/** The name of a rule source, for hover and `medguide check --explain`. */
export function sourceName(source: RuleSource, lang: Lang): string {
  return SOURCE_NAMES[source][lang];
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
    if (why.text && !reasons.includes(why.text[lang])) reasons.push(why.text[lang]);
  }
  // Rules from `.medguide.toml` and the dialect read as before; imported and inferred ones say so.
  if (![...sources].some((x) => x === 'frontmatter' || x === 'inferred')) return '';
  const head = localize(T('Source : {sources}.', 'Source: {sources}.'), lang, { sources: [...sources].map((s) => sourceName(s, lang)).join(', ') });
  return [head, ...reasons].join(' ');
}
