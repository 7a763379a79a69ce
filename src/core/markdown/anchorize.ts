/**
 * Hugo's `anchorize` with the default `autoHeadingIDType = "github"`: trim, then keep letters,
 * digits and `_` (lower-cased, accents kept), turn each space or `-` into `-`, drop everything
 * else. Runs of dashes are not collapsed, as in Hugo ("A - B" → "a---b").
 */
export function anchorize(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    if (ch === ' ' || ch === '-') out += '-';
    else if (/^[\p{L}\p{Nd}_]$/u.test(ch)) out += firstCodePoint(ch.toLowerCase());
  }
  return out;
}

/** Go lower-cases rune by rune; JavaScript may expand one ("İ" → "i̇"), so keep the first code point. */
function firstCodePoint(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0xfffd);
}
