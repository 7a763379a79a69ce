/**
 * Every value that comes from the page (shortcode arguments, front matter, attribute values)
 * goes through here before reaching the HTML. markdown-it's own escaper leaves `'` alone; we
 * escape it too so a value is safe in either kind of attribute quote.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Most texts need no change: a test (no allocation) before the replacement.
const SPECIAL = /[&<>"']/;
const SURROGATE = /[\uD800-\uDFFF]/;

export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => REPLACEMENTS[c]) : text;
}

/** Lone surrogates cannot be encoded in UTF-8 output; show the replacement character instead. */
export function wellFormed(text: string): string {
  return SURROGATE.test(text) ? text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') : text;
}

/** Escaped and well-formed: the one function renderers use for page text. */
export function safeText(text: string): string {
  return escapeHtml(wellFormed(text));
}
