import type { Token } from 'markdown-it';
import { scanShortcodes } from '../shortcodes/scan';


/**
 * Hugo expands shortcodes before Markdown, even inside code, so the comment form `{{</*` … `*\/>}}` in a code block
 * prints `{{< x >}}`; that is how documentation pages show shortcode syntax. Other shortcodes in
 * code are left as written: showing the source is more useful in a preview.
 */
export function replaceCommentShortcodes(text: string): string {
  if (!text.includes('{{')) return text;
  const { tags } = scanShortcodes(text);
  let out = '';
  let last = 0;
  for (const t of tags) {
    if (t.kind !== 'comment') continue;
    out += text.slice(last, t.start) + (t.literal ?? '');
    last = t.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * For one token: a code block's text, or the code spans of an inline token, with comment
 * shortcodes printed as Hugo prints them. Code spans are looked at only when the inline token's
 * text has `{{` (a code span's text is part of it).
 */
export function codeLiterals(t: Token): void {
  if (t.type === 'fence' || t.type === 'code_block') {
    t.content = replaceCommentShortcodes(t.content);
  } else if (t.type === 'inline' && t.children && t.content.includes('{{')) {
    for (const c of t.children) if (c.type === 'code_inline') c.content = replaceCommentShortcodes(c.content);
  }
}
