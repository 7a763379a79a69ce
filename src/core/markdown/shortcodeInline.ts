import type MarkdownIt from 'markdown-it';
import type { StateInline, Token } from 'markdown-it';
import { localize, type Lang } from '../l10n';
import { getArg, hasUnterminatedString, scanShortcodes, shortcodeKey, type ShortcodeTag } from '../shortcodes/scan';
import { pairShortcodes } from '../shortcodes/pair';
import { ALERT_INLINE_CLOSE, ALERT_INLINE_OPEN, alertClass, alertFromShortcode, alertKind, type AlertMeta } from './alerts';
import type { ParseContext } from './context';
import { LABELS } from './labels';
import { safeText } from './escape';
import { isRefShortcode, pushRefClose, pushRefOpen, refTarget } from './relref';
import { argsText } from './shortcodeBlock';

type InlineRule = Parameters<MarkdownIt['inline']['ruler']['before']>[2];

/**
 * Shortcodes inside a paragraph, a heading or a table cell: a pair on the same line shows its inner
 * Markdown in a labelled frame (or as an inline alert); anything else becomes a small placeholder
 * with the name and arguments, escaped. the comment form (`{{</*` … `*\/>}}`) shows `{{< x >}}`, as Hugo prints it.
 */

export const PLACEHOLDER = 'medguide_shortcode';
export const FRAME_INLINE_OPEN = 'medguide_shortcode_inline_open';
export const FRAME_INLINE_CLOSE = 'medguide_shortcode_inline_close';
export const LITERAL = 'medguide_shortcode_literal';

export interface PlaceholderMeta {
  readonly name: string;
  readonly delimiter: '%' | '<';
  readonly args: string;
  readonly stray?: boolean;
}

/** Deeper inline pairs are shown as placeholders: nested parsing is recursive. */
const MAX_INLINE_DEPTH = 16;

interface InlineScan {
  readonly byStart: ReadonlyMap<number, { readonly tag: ShortcodeTag; readonly close?: ShortcodeTag }>;
}

const scans = new WeakMap<object, InlineScan>();

function scanOf(state: StateInline): InlineScan {
  let s = scans.get(state);
  if (!s) {
    const { tags } = scanShortcodes(state.src);
    // Any name pairs with a later closing tag of the same name in the same paragraph.
    const { partner } = pairShortcodes(tags, []);
    const byStart = new Map<number, { tag: ShortcodeTag; close?: ShortcodeTag }>();
    tags.forEach((tag, i) => {
      // A tag cut short by an unterminated string is left to Markdown: taking it would end it at a
      // delimiter inside the string and expose the rest of the string (raw HTML included).
      if (hasUnterminatedString(tag)) return;
      const p = partner[i];
      byStart.set(tag.start, { tag, close: tag.kind === 'open' && p > i ? tags[p] : undefined });
    });
    s = { byStart };
    scans.set(state, s);
  }
  return s;
}

function appendTokens(state: StateInline, children: Token[]): void {
  // tokens_meta runs parallel to tokens (balance_pairs reads it), so keep them aligned.
  for (const child of children) {
    state.tokens.push(child);
    state.tokens_meta.push(null);
  }
}

export function shortcodeInlineRule(getCtx: () => ParseContext | undefined): InlineRule {
  let depth = 0;
  return (state, silent) => {
    const ctx = getCtx();
    const pos = state.pos;
    if (!ctx || state.src.charCodeAt(pos) !== 123 || state.src.charCodeAt(pos + 1) !== 123) return false;
    const entry = scanOf(state).byStart.get(pos);
    if (!entry || entry.tag.end > state.posMax) return false;
    const { tag } = entry;
    const close = entry.close && entry.close.end <= state.posMax && depth < MAX_INLINE_DEPTH ? entry.close : undefined;

    if (silent) {
      state.pos = close ? close.end : tag.end;
      return true;
    }

    if (close) {
      const key = shortcodeKey(tag.name);
      const spec = ctx.settings.alertShortcodes.get(key);
      let closeType: string;
      if (spec) {
        const { word, title } = alertFromShortcode(tag, spec);
        const meta: AlertMeta = { kind: alertKind(word), word, title, source: 'shortcode' };
        const open = state.push(ALERT_INLINE_OPEN, 'span', 1);
        open.meta = meta;
        open.attrSet('class', `${alertClass(meta.kind)} medguide-alert-inline`);
        closeType = ALERT_INLINE_CLOSE;
      } else {
        const meta: PlaceholderMeta = { name: tag.name, delimiter: tag.delimiter, args: argsText(state.src, tag) };
        const open = state.push(FRAME_INLINE_OPEN, 'span', 1);
        open.meta = meta;
        open.attrSet('class', 'medguide-shortcode-frame medguide-shortcode-frame-inline');
        closeType = FRAME_INLINE_CLOSE;
      }
      const children: Token[] = [];
      depth++;
      try {
        state.md.inline.parse(state.src.slice(tag.end, close.start), state.md, state.env, children);
      } finally {
        depth--;
      }
      appendTokens(state, children);
      state.push(closeType, 'span', -1);
      state.pos = close.end;
      return true;
    }

    if (tag.kind === 'comment') {
      // Not a text token: typographer and linkify must leave the printed shortcode exactly as written.
      const t = state.push(LITERAL, '', 0);
      t.content = tag.literal ?? '';
    } else if (isRefShortcode(tag)) {
      const target = refTarget(ctx, state.md, tag);
      pushRefOpen(state, target);
      const t = state.push('text', '', 0);
      t.content = getArg(tag, 0) ?? getArg(tag, 'path') ?? tag.name;
      pushRefClose(state, target);
    } else {
      const meta: PlaceholderMeta = {
        name: tag.name,
        delimiter: tag.delimiter,
        args: argsText(state.src, tag),
        stray: tag.kind === 'close' ? true : undefined,
      };
      const t = state.push(PLACEHOLDER, 'span', 0);
      t.meta = meta;
    }
    state.pos = tag.end;
    return true;
  };
}

/** `{{< figure src="x.png" >}}` → a chip reading `figure src="x.png"`; the frame label is the same. */
export function renderPlaceholder(meta: PlaceholderMeta, lang: Lang, attrs: string): string {
  const title = meta.stray ? localize(LABELS.strayClose, lang, { name: meta.name }) : localize(LABELS.shortcode, lang, { name: meta.name });
  const cls = meta.stray ? 'medguide-shortcode medguide-shortcode-stray' : 'medguide-shortcode';
  return (
    `<span class="${cls}"${attrs} title="${safeText(title)}" data-shortcode="${safeText(meta.name)}">` +
    `<span class="medguide-shortcode-name">${meta.stray ? '/' : ''}${safeText(meta.name)}</span>` +
    (meta.args ? ` <span class="medguide-shortcode-args">${safeText(meta.args)}</span>` : '') +
    `</span>`
  );
}

export function renderFrameLabel(meta: PlaceholderMeta, lang: Lang, tag: 'div' | 'span'): string {
  return (
    `<${tag} class="medguide-shortcode-label" title="${safeText(localize(LABELS.shortcode, lang, { name: meta.name }))}">` +
    `<span class="medguide-shortcode-name">${safeText(meta.name)}</span>` +
    (meta.args ? ` <span class="medguide-shortcode-args">${safeText(meta.args)}</span>` : '') +
    `</${tag}>`
  );
}
