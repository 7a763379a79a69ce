import type { Severity } from '../diagnostic';
import { msg } from '../l10n';

/** Codes of problems in `.medguide.toml` itself. */
export type ConfigCode = 'toml-syntax' | 'config-unknown-option' | 'config-type' | 'config-value';

export const CONFIG_SEVERITY: Readonly<Record<ConfigCode, Severity>> = {
  'toml-syntax': 'error',
  'config-unknown-option': 'warning',
  'config-type': 'error',
  'config-value': 'error',
};

export const CONFIG_MESSAGES = {
  syntax: msg('TOML syntax error: {reason}. The default rules apply to pages.'),
  unknownOption: msg('Unknown option: `{option}`.'),
  unknownOptionSuggest: msg('Unknown option: `{option}`. Did you mean `{suggestion}`?'),
  type: msg('`{option}` must be: {expected}. Option ignored.'),
  severity: msg('Unknown severity "{value}": error, warning, information, hint or off.'),
  keyType: msg('Unknown type "{value}": {types}.'),
  glob: msg('Invalid path pattern: "{value}".'),
  noPaths: msg('A section needs `paths` (path patterns).'),
  marker: msg('Invalid marker "{value}": one word (letters, digits, _).'),
} as const;

export const EXPECTED = {
  stringArray: msg('an array of strings'),
  string: msg('a string'),
  boolean: msg('true or false'),
  integer: msg('a non-negative integer'),
  table: msg('a table'),
  tables: msg('an array of tables (`[[sections]]`)'),
  argList: msg('an array of names (strings) or positions (integers ≥ 0)'),
  description: msg('a string or a table { fr = "…", en = "…" }'),
} as const;
