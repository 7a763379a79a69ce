import type { Severity } from '../diagnostic';
import type { Bilingual } from '../l10n';

/** Codes of problems in `.medguide.toml` itself. */
export type ConfigCode = 'toml-syntax' | 'config-unknown-option' | 'config-type' | 'config-value';

export const CONFIG_SEVERITY: Readonly<Record<ConfigCode, Severity>> = {
  'toml-syntax': 'error',
  'config-unknown-option': 'warning',
  'config-type': 'error',
  'config-value': 'error',
};

const T = (fr: string, en: string): Bilingual => ({ fr, en });

export const CONFIG_MESSAGES = {
  syntax: T(
    'Erreur de syntaxe TOML : {reason}. Les règles par défaut s’appliquent aux pages.',
    'TOML syntax error: {reason}. The default rules apply to pages.',
  ),
  unknownOption: T('Option inconnue : `{option}`.', 'Unknown option: `{option}`.'),
  unknownOptionSuggest: T('Option inconnue : `{option}`. Vouliez-vous dire `{suggestion}` ?', 'Unknown option: `{option}`. Did you mean `{suggestion}`?'),
  type: T('`{option}` doit être : {expected}. Option ignorée.', '`{option}` must be: {expected}. Option ignored.'),
  severity: T(
    'Gravité inconnue « {value} » : error, warning, information, hint ou off.',
    'Unknown severity "{value}": error, warning, information, hint or off.',
  ),
  keyType: T('Type inconnu « {value} » : {types}.', 'Unknown type "{value}": {types}.'),
  glob: T('Motif de chemin invalide : « {value} ».', 'Invalid path pattern: "{value}".'),
  noPaths: T('Une section doit avoir `paths` (motifs de chemins).', 'A section needs `paths` (path patterns).'),
  marker: T(
    'Marqueur invalide « {value} » : un mot (lettres, chiffres, _).',
    'Invalid marker "{value}": one word (letters, digits, _).',
  ),
} as const;

export const EXPECTED = {
  stringArray: T('une liste de textes', 'an array of strings'),
  string: T('un texte', 'a string'),
  boolean: T('true ou false', 'true or false'),
  integer: T('un entier positif', 'a non-negative integer'),
  table: T('une table', 'a table'),
  tables: T('une liste de tables (`[[sections]]`)', 'an array of tables (`[[sections]]`)'),
  argList: T('une liste de noms (textes) ou de positions (entiers ≥ 0)', 'an array of names (strings) or positions (integers ≥ 0)'),
  description: T('un texte ou une table { fr = "…", en = "…" }', 'a string or a table { fr = "…", en = "…" }'),
} as const;
