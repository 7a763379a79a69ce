/**
 * Hugo's `anchorize` with the default `autoHeadingIDType = "github"`: trim, then keep letters,
 * digits and `_` (lower-cased, accents kept), turn each space or `-` into `-`, drop everything
 * else. Runs of dashes are not collapsed, as in Hugo ("A - B" → "a---b").
 */
export function anchorize(text: string): string {
  const t = text.trim();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80) {
      // ASCII, most of a French title's characters: no regular expression, no case mapping call.
      if (c === 0x20 || c === 0x2d) out += '-';
      else if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) out += t[i];
      else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 0x20);
      continue;
    }
    const cp = t.codePointAt(i) ?? 0xfffd;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (LETTER_OR_DIGIT.test(ch)) out += firstCodePoint(ch.toLowerCase());
  }
  return out;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}_]$/u;

/** Go lower-cases rune by rune; JavaScript may expand one ("İ" → "i̇"), so keep the first code point. */
function firstCodePoint(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0xfffd);
}
