import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import { localize, type Lang } from '../l10n';
import { getArg, type ShortcodeTag } from '../shortcodes/scan';
import { ALERT_LABELS } from './labels';
import { ICONS } from './icons';
import { safeText } from './escape';
import type { AlertShortcodeSpec } from './options';
import { ownValue } from '../own';


/**
 * The three ways guide pages write a callout (alert shortcodes, Goldmark `{.alert .alert-x}`
 * attributes, Hugo `> [!NOTE]` blockquotes) all become the same box: one wrapper with
 * `medguide-alert medguide-alert-<kind>`, an icon and a label in the user's language.
 */

export type AlertKind = 'note' | 'info' | 'tip' | 'success' | 'important' | 'warning' | 'danger';

export const ALERT_OPEN = 'medguide_alert_open';
export const ALERT_CLOSE = 'medguide_alert_close';
export const ALERT_INLINE_OPEN = 'medguide_alert_inline_open';
export const ALERT_INLINE_CLOSE = 'medguide_alert_inline_close';

const KIND_BY_WORD: Readonly<Record<string, AlertKind>> = {
  note: 'note',
  secondary: 'note',
  light: 'note',
  dark: 'note',
  quote: 'note',
  example: 'note',
  info: 'info',
  information: 'info',
  primary: 'info',
  question: 'info',
  abstract: 'info',
  summary: 'info',
  tip: 'tip',
  hint: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  important: 'important',
  warning: 'warning',
  warn: 'warning',
  attention: 'warning',
  caution: 'danger',
  danger: 'danger',
  error: 'danger',
  bug: 'danger',
  failure: 'danger',
};

export interface AlertMeta {
  readonly kind: AlertKind;
  /** The word as written, lower case (`caution`, `info`, `foo`): picks the label. */
  readonly word: string;
  readonly title?: string;
  readonly source: 'shortcode' | 'blockquote' | 'attributes';
  /** An alert shortcode whose closing tag is missing. */
  readonly unclosedName?: string;
}

export function alertKind(word: string): AlertKind {
  return ownValue(KIND_BY_WORD, word.toLowerCase()) ?? 'note';
}

export function alertClass(kind: AlertKind): string {
  return `medguide-alert medguide-alert-${kind}`;
}

export function alertLabel(word: string, lang: Lang): string {
  const known = ownValue(ALERT_LABELS, word.toLowerCase());
  if (known) return localize(known, lang);
  const w = word.trim();
  return w === '' ? localize(ALERT_LABELS.note, lang) : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}

/** Type and title of an alert shortcode tag, per its spec. */
export function alertFromShortcode(tag: ShortcodeTag, spec: AlertShortcodeSpec): { word: string; title?: string } {
  let word: string | undefined;
  for (const a of spec.typeArgs ?? []) {
    const v = getArg(tag, a);
    if (v !== undefined && v.trim() !== '') {
      word = v.trim().toLowerCase();
      break;
    }
  }
  let title: string | undefined;
  for (const a of spec.titleArgs ?? []) {
    const v = getArg(tag, a);
    if (v !== undefined && v.trim() !== '') {
      title = v;
      break;
    }
  }
  return { word: word ?? (spec.type ?? tag.name).toLowerCase(), title };
}

/** The box's first line: icon, then the custom title or the type's label. */
export function renderAlertTitle(meta: AlertMeta, lang: Lang, tag: 'p' | 'span'): string {
  const label = meta.title ?? alertLabel(meta.word, lang);
  return (
    `<${tag} class="medguide-alert-title"><span class="medguide-alert-icon" aria-hidden="true">${ICONS[meta.kind]}</span> ` +
    `<span class="medguide-alert-label">${safeText(label)}</span></${tag}>`
  );
}

type BlockRule = Parameters<MarkdownIt['block']['ruler']['before']>[2];

const MARKER = /^\[!([A-Za-z][\w-]*)\]([-+]?)(?:[ \t]+(.*))?$/;

/**
 * `> [!NOTE]` blockquotes become alert boxes. markdown-it's blockquote rule is wrapped: right after
 * it has parsed a blockquote (before inline parsing, so the marker line can still be taken out of
 * the text), its tokens are the last ones in the list. No pass over the page's tokens is needed,
 * and removing a marker-only paragraph moves only the quote's own tokens. The blockquote token
 * itself becomes the box, so attributes written after the quote (`{.x}`) still land on it.
 */
export function blockquoteAlertRule(blockquote: BlockRule, enabled: () => boolean): BlockRule {
  return (state, startLine, endLine, silent) => {
    const start = state.tokens.length;
    const parsed = blockquote(state, startLine, endLine, silent);
    if (parsed && !silent && enabled()) blockquoteAlert(state.tokens, start);
    return parsed;
  };
}

/** The blockquote whose tokens run from `i` to the end of `tokens`, made an alert box if it starts with a marker. */
function blockquoteAlert(tokens: Token[], i: number): void {
  const open = tokens[i];
  const close = tokens[tokens.length - 1];
  if (open?.type !== 'blockquote_open' || close.type !== 'blockquote_close' || close === open) return;
  const para = tokens[i + 1];
  const inline = tokens[i + 2];
  if (para?.type !== 'paragraph_open' || inline?.type !== 'inline') return;
  const nl = inline.content.indexOf('\n');
  const first = nl < 0 ? inline.content : inline.content.slice(0, nl);
  const m = MARKER.exec(first.trim());
  if (!m) return;
  const word = m[1].toLowerCase();
  const written = m[3]?.trim() ? m[3].trim() : undefined;
  // A backtick in the title may open a code span that closes lines below: taking the title out
  // of the text would expose what that span protects (raw HTML included), so it stays in the body.
  const keepInBody = written !== undefined && written.includes('`');
  const title = keepInBody ? undefined : written;
  const meta: AlertMeta = { kind: alertKind(word), word, title, source: 'blockquote' };
  open.type = ALERT_OPEN;
  open.tag = 'div';
  open.meta = meta;
  open.attrJoin('class', alertClass(meta.kind));
  close.type = ALERT_CLOSE;
  close.tag = 'div';
  close.map = null; // the opening token has the source lines (see shortcodeBlock.ts)
  if (keepInBody) {
    inline.content = nl < 0 ? written : `${written}\n${inline.content.slice(nl + 1)}`;
  } else if (nl < 0) {
    tokens.splice(i + 1, 3); // the marker was the whole paragraph (only this quote's tokens follow)
  } else {
    inline.content = inline.content.slice(nl + 1);
    if (para.map) para.map = [para.map[0] + 1, para.map[1]];
    if (inline.map) inline.map = [inline.map[0] + 1, inline.map[1]];
  }
}

const ATTRIBUTE_ALERT_BLOCKS = new Set([
  'paragraph_open',
  'bullet_list_open',
  'ordered_list_open',
  'blockquote_open',
  'table_open',
  'dl_open',
  'heading_open',
]);

/**
 * Goldmark's `{.alert .alert-warning}` on a block: the block keeps its classes (as on the site)
 * and gets wrapped in the alert box. Runs after markdown-it-attrs has put the classes in place.
 */
const ALERT_CLASS = /(?:^|\s)alert(?:\s|$)/;
const ALERT_TYPE_CLASS = /^alert-([\w-]+)$/;

export class AttributeAlerts {
  /** Boxes in the order their blocks open; each knows the index of its block's closing token. */
  private readonly boxes: { at: number; close: number; open: Token; end: Token; level: number }[] = [];

  constructor(private readonly state: StateCore) {}

  visit(i: number): void {
    const tokens = this.state.tokens;
    const t = tokens[i];
    // Most tokens have no attributes at all: that is the one check made for every token.
    if (t.attrs === null || !ATTRIBUTE_ALERT_BLOCKS.has(t.type)) return;
    const classAttr = t.attrGet('class');
    if (!classAttr || !ALERT_CLASS.test(classAttr)) return;
    const close = closingIndex(tokens, i);
    if (close < 0) return;
    // The first `alert-<word>` class names the kind.
    let typed: string | undefined;
    for (const c of classAttr.split(/\s+/)) {
      typed = ALERT_TYPE_CLASS.exec(c)?.[1];
      if (typed !== undefined) break;
    }
    const word = (typed ?? 'note').toLowerCase();
    const meta: AlertMeta = { kind: alertKind(word), word, source: 'attributes' };
    const open = new this.state.Token(ALERT_OPEN, 'div', 1);
    open.block = true;
    open.map = t.map ? [t.map[0], t.map[1]] : null;
    open.meta = meta;
    open.attrSet('class', alertClass(meta.kind));
    const end = new this.state.Token(ALERT_CLOSE, 'div', -1);
    end.block = true;
    this.boxes.push({ at: i, close, open, end, level: t.level });
  }

  /** After the last token: the boxes are put in place (the token list is replaced). */
  finish(): void {
    const boxes = this.boxes;
    if (boxes.length === 0) return;
    const tokens = this.state.tokens;
    // Where the boxes close, in page order (an inner block closes before the block around it).
    const ends = [...boxes].sort((a, b) => a.close - b.close);
    // One rebuild instead of a splice per box: linear in the page, however many alerts it has.
    const out: Token[] = new Array<Token>(tokens.length + 2 * boxes.length);
    let n = 0;
    let depth = 0; // boxes open around the current token
    let nextOpen = 0;
    let nextEnd = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (nextOpen < boxes.length && boxes[nextOpen].at === i) {
        const box = boxes[nextOpen++];
        box.open.level = box.level + depth;
        out[n++] = box.open;
        depth++;
      }
      const t = tokens[i];
      if (depth > 0) t.level += depth;
      out[n++] = t;
      while (nextEnd < ends.length && ends[nextEnd].close === i) {
        const box = ends[nextEnd++];
        depth--;
        box.end.level = box.level + depth;
        out[n++] = box.end;
      }
    }
    out.length = n;
    this.state.tokens = out;
  }
}

/** The index of the token closing the block opened at `openIndex` (-1 if it never closes). */
function closingIndex(tokens: readonly Token[], openIndex: number): number {
  let depth = 0;
  for (let j = openIndex + 1; j < tokens.length; j++) {
    const nesting = tokens[j].nesting;
    if (nesting === 1) depth++;
    else if (nesting === -1) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}
