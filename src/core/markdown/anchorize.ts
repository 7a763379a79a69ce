/**
 * Hugo's `anchorize` with the default `autoHeadingIDType = "github"`: trim, then keep letters,
 * digits and `_` (lower-cased, accents kept), turn each space or `-` into `-`, drop everything
 * else. Runs of dashes are not collapsed, as in Hugo ("A - B" → "a---b").
 */
export function anchorize(text: string): string {
  const t = text.trim();
  let out = '';
  // Characters kept as they are (lower-case ASCII letters, digits, `_`, `-`) are copied in runs:
  // one slice per run instead of one string per character.
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d) continue;
    if (run < i) out += t.slice(run, i);
    if (c < 0x80) {
      // ASCII, most of a French title's characters: no regular expression, no case mapping call.
      if (c === 0x20) out += '-';
      else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 0x20);
      run = i + 1;
      continue;
    }
    const cp = t.codePointAt(i) ?? 0xfffd;
    if (cp > 0xffff) i++;
    const ch = String.fromCodePoint(cp);
    if (LETTER_OR_DIGIT.test(ch)) out += firstCodePoint(ch.toLowerCase());
    run = i + 1;
  }
  return run === 0 ? t : run < t.length ? out + t.slice(run) : out;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}_]$/u;

/** Go lower-cases rune by rune; JavaScript may expand one ("İ" → "i̇"), so keep the first code point. */
function firstCodePoint(s: string): string {
  return String.fromCodePoint(s.codePointAt(0) ?? 0xfffd);
}
