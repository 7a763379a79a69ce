import type { Severity } from '../diagnostic';
import { catalogue, type Lang, msg, type Text } from '../l10n';

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

/** Every message of the validator, in both languages; `{name}` placeholders are filled by `localize`. */
export const MESSAGES = {
  missing: msg('No front matter: the page must start with a `+++` line, the TOML keys, then a `+++` line.'),
  unclosed: msg('Unclosed front matter: add a `+++` line after the last key.'),
  notToml: msg('{format} front matter: this validator reads TOML (between `+++` lines) only; the page is not checked.'),
  syntax: msg('TOML syntax error: {reason}.'),
  required: msg('Missing required key: `{key}` ({type}).'),
  requiredNoFrontMatter: msg('The page has no front matter, and the site requires {keys}: add a `+++` block with these keys at the top, closed by `+++`.'),
  type: msg('`{key}` must be: {type}.'),
  typeElement: msg('The elements of `{key}` must be quoted strings.'),
  dateFormat: msg('Hugo cannot read the date "{value}": write YYYY-MM-DD or an RFC 3339 date.'),
  dateFormatFix: msg('Hugo cannot read the date "{value}": write {fixed}.'),
  dateOrder: msg('`{key}` ({day}) is before `{other}` ({otherDay}).'),
  publishFuture: msg('`{key}` is in the future ({day}): Hugo will not publish the page until then.'),
  lastmodFuture: msg('`{key}` is in the future ({day}).'),
  yearFormat: msg('`{key}` must be a four-digit year in quotes ("2024").'),
  yearAfter: msg('`{key}` ({value}) is after the year of `{other}` ({otherYear}).'),
  yearFuture: msg('`{key}` ({value}) is a future year.'),
  duplicate: msg('"{value}" is already in `{key}`.'),
  duplicateCase: msg('"{value}" is already in `{key}` as "{first}".'),
  notAllowed: msg('"{value}" is not an allowed value for `{key}`.'),
  notAllowedSuggest: msg('"{value}" is not an allowed value for `{key}`; did you mean "{suggestion}"?'),
  outOfRange: msg('`{key}` is {value}: expected between {min} and {max}.'),
  imageCredit: msg('`image = true`: give the image credit in `imageSrc`.'),
  tooLong: msg('`{key}` has {length} characters: search engines cut it beyond {max}.'),
  tooShort: msg('`{key}` has {length} characters: aim for at least {min}.'),
  whitespace: msg('Leading or trailing spaces in `{key}`.'),
  unknownKey: msg('Unknown key: `{key}`.'),
  unknownKeySuggest: msg('Unknown key: `{key}`. Did you mean `{suggestion}`?'),
  misplaced: msg('`{key}` is read as part of the `[{table}]` table above it, not as a page key: move it above `[{table}]`.'),
  internal: msg('Internal validator error: {reason}.'),
} as const;

/** A message followed by the reason of an imported or inferred rule ("38 of 40 pages in `recommandations/` have `sources`"). */
export function withWhy(message: Text, why: { readonly text?: Text } | undefined): Text {
  if (!why?.text) return message;
  const text = why.text;
  // Both parts in each language; the message's placeholders are filled later, by the caller's arguments.
  const part = (t: Text, lang: Lang) => (typeof t === 'string' ? catalogue(lang)[t] || t : t[lang]);
  return { fr: `${part(message, 'fr')} ${part(text, 'fr')}`, en: `${part(message, 'en')} ${part(text, 'en')}` };
}
