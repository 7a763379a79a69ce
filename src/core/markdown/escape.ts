/**
 * Every value that comes from the page (shortcode arguments, front matter, attribute values)
 * goes through here before reaching the HTML. markdown-it's own escaper leaves `'` alone; we
 * escape it too so a value is safe in either kind of attribute quote.
 */

// Most texts need no change: a test (no allocation) before the replacement.
const SPECIAL = /[&<>"']/;
const SURROGATE = /[\uD800-\uDFFF]/;
const UNSAFE = /[&<>"'\uD800-\uDFFF]/;

export function escapeHtml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  // One pass, the unchanged runs copied as slices (a replace callback per character costs more).
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    let r: string;
    switch (text.charCodeAt(i)) {
      case 0x26:
        r = '&amp;';
        break;
      case 0x3c:
        r = '&lt;';
        break;
      case 0x3e:
        r = '&gt;';
        break;
      case 0x22:
        r = '&quot;';
        break;
      case 0x27:
        r = '&#39;';
        break;
      default:
        continue;
    }
    out += text.slice(last, i) + r;
    last = i + 1;
  }
  return out + text.slice(last);
}

/** Lone surrogates cannot be encoded in UTF-8 output; show the replacement character instead. */
export function wellFormed(text: string): string {
  return SURROGATE.test(text) ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : text;
}

/** Escaped and well-formed: the one function renderers use for page text. */
export function safeText(text: string): string {
  // Most texts have neither: one test instead of two.
  return UNSAFE.test(text) ? escapeHtml(wellFormed(text)) : text;
}
