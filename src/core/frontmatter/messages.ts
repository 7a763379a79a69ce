import type { Severity } from '../diagnostic';
import type { Bilingual } from '../l10n';

/** Stable codes of the front matter validator (used in `.medguide.toml` under `[severity]`). */
export type FrontMatterCode =
  | 'frontmatter-missing'
  | 'frontmatter-unclosed'
  | 'frontmatter-not-toml'
  | 'toml-syntax'
  | 'required'
  | 'type'
  | 'date-format'
  | 'date-order'
  | 'date-future'
  | 'year'
  | 'duplicate-value'
  | 'not-allowed-value'
  | 'image-credit'
  | 'length'
  | 'whitespace'
  | 'unknown-key'
  | 'misplaced-key'
  | 'internal-error';

export const DEFAULT_SEVERITY: Readonly<Record<FrontMatterCode, Severity>> = {
  'frontmatter-missing': 'error',
  'frontmatter-unclosed': 'error',
  'frontmatter-not-toml': 'information',
  'toml-syntax': 'error',
  required: 'error',
  type: 'error',
  'date-format': 'error',
  'date-order': 'warning',
  'date-future': 'warning',
  year: 'warning',
  'duplicate-value': 'warning',
  'not-allowed-value': 'error',
  'image-credit': 'warning',
  length: 'information',
  whitespace: 'information',
  'unknown-key': 'warning',
  'misplaced-key': 'warning',
  'internal-error': 'information',
};

const T = (fr: string, en: string): Bilingual => ({ fr, en });

/** Every message of the validator, in both languages; `{name}` placeholders are filled by `localize`. */
export const MESSAGES = {
  missing: T(
    'Pas de front matter : la page doit commencer par une ligne `+++`, les clés TOML, puis une ligne `+++`.',
    'No front matter: the page must start with a `+++` line, the TOML keys, then a `+++` line.',
  ),
  unclosed: T(
    'Front matter non fermé : ajoutez une ligne `+++` après la dernière clé.',
    'Unclosed front matter: add a `+++` line after the last key.',
  ),
  notToml: T(
    'Front matter {format} : ce validateur ne lit que le TOML (entre lignes `+++`) ; la page n’est pas vérifiée.',
    '{format} front matter: this validator reads TOML (between `+++` lines) only; the page is not checked.',
  ),
  syntax: T('Erreur de syntaxe TOML : {reason}.', 'TOML syntax error: {reason}.'),
  required: T('Clé obligatoire manquante : `{key}` ({type}).', 'Missing required key: `{key}` ({type}).'),
  requiredNoFrontMatter: T(
    'La page n’a pas de front matter, et le site exige {keys} : ajoutez en tête un bloc `+++` avec ces clés, fermé par `+++`.',
    'The page has no front matter, and the site requires {keys}: add a `+++` block with these keys at the top, closed by `+++`.',
  ),
  type: T('`{key}` doit être : {type}.', '`{key}` must be: {type}.'),
  typeElement: T('Les éléments de `{key}` doivent être des textes entre guillemets.', 'The elements of `{key}` must be quoted strings.'),
  dateFormat: T(
    'Date « {value} » illisible pour Hugo : écrivez AAAA-MM-JJ ou une date RFC 3339.',
    'Hugo cannot read the date "{value}": write YYYY-MM-DD or an RFC 3339 date.',
  ),
  dateFormatFix: T(
    'Date « {value} » illisible pour Hugo : écrivez {fixed}.',
    'Hugo cannot read the date "{value}": write {fixed}.',
  ),
  dateOrder: T('`{key}` ({day}) est antérieur à `{other}` ({otherDay}).', '`{key}` ({day}) is before `{other}` ({otherDay}).'),
  publishFuture: T(
    '`{key}` est dans le futur ({day}) : Hugo ne publiera pas la page avant cette date.',
    '`{key}` is in the future ({day}): Hugo will not publish the page until then.',
  ),
  lastmodFuture: T('`{key}` est dans le futur ({day}).', '`{key}` is in the future ({day}).'),
  yearFormat: T('`{key}` doit être une année à quatre chiffres entre guillemets (« 2024 »).', '`{key}` must be a four-digit year in quotes ("2024").'),
  yearAfter: T('`{key}` ({value}) est postérieure à l’année de `{other}` ({otherYear}).', '`{key}` ({value}) is after the year of `{other}` ({otherYear}).'),
  yearFuture: T('`{key}` ({value}) est une année future.', '`{key}` ({value}) is a future year.'),
  duplicate: T('« {value} » figure déjà dans `{key}`.', '"{value}" is already in `{key}`.'),
  duplicateCase: T('« {value} » figure déjà dans `{key}` sous la forme « {first} ».', '"{value}" is already in `{key}` as "{first}".'),
  notAllowed: T('« {value} » n’est pas une valeur permise pour `{key}`.', '"{value}" is not an allowed value for `{key}`.'),
  notAllowedSuggest: T(
    '« {value} » n’est pas une valeur permise pour `{key}` ; vouliez-vous dire « {suggestion} » ?',
    '"{value}" is not an allowed value for `{key}`; did you mean "{suggestion}"?',
  ),
  outOfRange: T('`{key}` vaut {value} : attendu entre {min} et {max}.', '`{key}` is {value}: expected between {min} and {max}.'),
  imageCredit: T('`image = true` : indiquez le crédit de l’image dans `imageSrc`.', '`image = true`: give the image credit in `imageSrc`.'),
  tooLong: T('`{key}` fait {length} caractères : au-delà de {max}, les moteurs de recherche le coupent.', '`{key}` has {length} characters: search engines cut it beyond {max}.'),
  tooShort: T('`{key}` fait {length} caractères : visez au moins {min}.', '`{key}` has {length} characters: aim for at least {min}.'),
  whitespace: T('Espaces superflues au début ou à la fin de `{key}`.', 'Leading or trailing spaces in `{key}`.'),
  unknownKey: T('Clé inconnue : `{key}`.', 'Unknown key: `{key}`.'),
  unknownKeySuggest: T('Clé inconnue : `{key}`. Vouliez-vous dire `{suggestion}` ?', 'Unknown key: `{key}`. Did you mean `{suggestion}`?'),
  misplaced: T(
    '`{key}` est lu dans la table `[{table}]` qui le précède, pas comme clé de la page : placez-le avant `[{table}]`.',
    '`{key}` is read as part of the `[{table}]` table above it, not as a page key: move it above `[{table}]`.',
  ),
  internal: T('Erreur interne du validateur : {reason}.', 'Internal validator error: {reason}.'),
} as const;

/** A message followed by the reason of an imported or inferred rule ("38 of 40 pages in `recommandations/` have `sources`"). */
export function withWhy(message: Bilingual, why: { readonly text?: Bilingual } | undefined): Bilingual {
  if (!why?.text) return message;
  return { fr: `${message.fr} ${why.text.fr}`, en: `${message.en} ${why.text.en}` };
}
