import { TomlError } from 'smol-toml';
import { range, type LineIndex, type Range } from '../text';
import type { Lang } from '../l10n';

/**
 * smol-toml's error reasons in French. Keys are the reasons as smol-toml 1.9 writes them; an
 * unknown reason (a newer smol-toml) is shown in English rather than hidden.
 */
const FRENCH: Readonly<Record<string, string>> = {
  'control characters are not allowed in comments': 'caractère de contrôle interdit dans un commentaire',
  'control characters are not allowed in strings': 'caractère de contrôle interdit dans une chaîne',
  'document contains an unsafe property': 'le document contient une propriété dangereuse',
  'document contains excessively nested structures. aborting.': 'structures trop profondément imbriquées',
  'each key-value declaration must be followed by an end-of-line': 'chaque paire clé = valeur doit être suivie d’un retour à la ligne',
  'expected comma or end of structure': 'virgule ou fin de structure attendue',
  'expected end of table array declaration': 'fin de déclaration de tableau de tables (`]]`) attendue',
  'illegal character in key': 'caractère interdit dans une clé (mettez la clé entre guillemets)',
  'illegal empty bare key': 'clé vide interdite',
  'illegal leading zero': 'zéro initial interdit dans un nombre',
  'illegal quoted key: multiline strings are not allowed': 'clé invalide : une chaîne multiligne ne peut pas servir de clé',
  'illegal underscore': 'tiret bas mal placé dans un nombre',
  'incomplete key-value: cannot find end of key': 'paire clé = valeur incomplète : signe `=` introuvable',
  'integer value cannot be represented losslessly': 'entier trop grand pour être représenté exactement',
  'invalid date': 'date invalide',
  'invalid date-time: date part is malformed': 'date-heure invalide : partie date mal formée',
  'invalid date-time: time part is malformed': 'date-heure invalide : partie heure mal formée',
  'invalid escape: only line-ending whitespace may be escaped': 'échappement invalide : seule une fin de ligne peut suivre `\\` ici',
  'invalid non-hex character in unicode escape': 'caractère non hexadécimal dans un échappement Unicode',
  'invalid unicode escape': 'échappement Unicode invalide',
  'invalid value': 'valeur invalide (un texte doit être entre guillemets)',
  'trying to redefine an already defined value': 'valeur déjà définie plus haut',
  'trying to redefine an already defined table or value': 'table ou valeur déjà définie plus haut',
  'unexpected end of key': 'fin de clé inattendue',
  'unfinished array': 'liste non terminée (`]` manquant)',
  'unfinished numeric value': 'nombre incomplet',
  'unfinished string': 'chaîne non terminée (guillemet fermant manquant)',
  'unfinished table': 'table en ligne non terminée (`}` manquant)',
  'unrecognised escape sequence': 'séquence d’échappement inconnue',
  'illegal character in numeric literal': 'caractère interdit dans un nombre',
};

/** The reason in `lang`; unknown reasons stay in smol-toml's English. */
export function translateTomlReason(reason: string, lang: Lang): string {
  return lang === 'fr' ? (FRENCH[reason] ?? reason) : reason;
}

/** smol-toml's message is `Invalid TOML document: <reason>\n\n<code block>`: keep the reason. */
export function tomlReason(message: string): string {
  const body = message.replace(/^Invalid TOML document: /, '');
  const cut = body.indexOf('\n');
  return (cut >= 0 ? body.slice(0, cut) : body).trim();
}

/**
 * Where a smol-toml error is in the page: its 1-based line and column are counted from the TOML
 * text, which starts at `firstLine` of the page. The range runs from the error to the end of the
 * line; at the end of a line it covers the line's content instead.
 */
export function locateTomlError(e: unknown, firstLine: number, lastLine: number, index: LineIndex): { range: Range; reason: string } {
  let reason = e instanceof Error ? tomlReason(e.message) : String(e);
  if (!(e instanceof TomlError)) return { range: index.lineRange(firstLine), reason };
  const line = Math.max(firstLine, Math.min(firstLine + e.line - 1, lastLine));
  const text = index.lineText(line);
  const start = Math.min(Math.max(0, e.column - 1), text.length);
  const end = text.trimEnd().length;
  if (end > start) return { range: range(line, start, line, end), reason };
  // A line break inside a one-line string: the author forgot the closing quote.
  if (reason === 'control characters are not allowed in strings') reason = 'unfinished string';
  const first = text.length - text.trimStart().length;
  return { range: range(line, Math.min(first, end), line, end), reason };
}
