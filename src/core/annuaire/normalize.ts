/** Lower case, no accents or ligatures: what search compares. `Saint-Étienne` → `saint-etienne`. */
export function fold(text: string): string {
  let t = text.toLowerCase();
  // Plain ASCII (most of the extract) skips the Unicode work.
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(t)) {
    t = t
      .replace(/œ/g, 'oe')
      .replace(/æ/g, 'ae')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  }
  return t;
}

/** Words that carry nothing for search ("chu DE nantes"); dropped from the index and from queries (but the word being typed). */
export const STOP_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'au', 'aux', 'sur', 'sous', 'pour', 'par', 'cedex']);

/** The words of a text, folded; hyphens, apostrophes, dots and spaces separate words. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** The words a field is indexed under: no stop words, no single letters. */
export function indexWords(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/**
 * The words of a query. Stop words go, except the last word (it may be the start of a longer
 * one being typed: "du" → "dupont") and except when nothing else is left.
 */
export function queryWords(query: string): string[] {
  const all = words(query);
  const kept = all.filter((w, i) => !STOP_WORDS.has(w) || i === all.length - 1);
  const unique = [...new Set(kept.length > 0 ? kept : all)];
  // A longer word already says what its prefixes say ("mart martin").
  return unique.filter((w) => !unique.some((o) => o !== w && o.startsWith(w)));
}
