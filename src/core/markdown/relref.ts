import type MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import { localize, type Lang } from '../l10n';
import { getArg, scanShortcodeAt, shortcodeKey, type ShortcodeTag } from '../shortcodes/scan';
import { LABELS } from './labels';
import { safeText } from './escape';
import type { ParseContext } from './context';

type InlineRule = Parameters<MarkdownIt['inline']['ruler']['before']>[2];

/**
 * `relref` / `ref` shortcodes, as a link destination (`[texte]({{< relref "e-cps.md" >}})`, which
 * CommonMark cannot parse because of the spaces) and as text. A resolved ref links to the file so
 * VS Code opens it; a missing or ambiguous one is shown broken, with the reason as a tooltip.
 */

export const BROKEN_REF_OPEN = 'medguide_broken_ref_open';
export const BROKEN_REF_CLOSE = 'medguide_broken_ref_close';

export type RefTarget =
  | { readonly kind: 'link'; readonly href: string; readonly checked: boolean }
  | { readonly kind: 'broken'; readonly reason: 'not-found' | 'ambiguous' | 'invalid' | 'missing'; readonly ref: string; readonly candidates?: readonly string[] };

export function isRefShortcode(tag: ShortcodeTag): boolean {
  const key = shortcodeKey(tag.name);
  return (key === 'relref' || key === 'ref') && (tag.kind === 'open' || tag.kind === 'self-closing');
}

export function refTarget(ctx: ParseContext, md: MarkdownIt, tag: ShortcodeTag): RefTarget {
  const ref = getArg(tag, 0) ?? getArg(tag, 'path');
  if (ref === undefined || ref.trim() === '') return { kind: 'broken', reason: 'missing', ref: '' };
  const result = ctx.resolve(ref, tag);
  let href: string;
  let checked = true;
  if (result === undefined) {
    // No page index (a file outside any site): link to the ref as written, unchecked.
    href = ref;
    checked = false;
  } else if (result.kind === 'not-found') {
    return { kind: 'broken', reason: 'not-found', ref };
  } else if (result.kind === 'ambiguous') {
    return { kind: 'broken', reason: 'ambiguous', ref, candidates: result.candidates };
  } else {
    href = ctx.href(result.path, result.anchor);
  }
  const normalized = md.normalizeLink(href);
  if (!md.validateLink(normalized)) return { kind: 'broken', reason: 'invalid', ref };
  return { kind: 'link', href: normalized, checked };
}

export function pushRefOpen(state: StateInline, target: RefTarget): void {
  if (target.kind === 'link') {
    const t = state.push('link_open', 'a', 1);
    t.attrs = [['href', target.href]];
    t.attrSet('class', target.checked ? 'medguide-relref' : 'medguide-relref medguide-relref-unchecked');
    t.markup = 'relref';
    t.info = 'auto';
  } else {
    const t = state.push(BROKEN_REF_OPEN, 'span', 1);
    t.meta = target;
  }
}

export function pushRefClose(state: StateInline, target: RefTarget): void {
  if (target.kind === 'link') state.push('link_close', 'a', -1);
  else state.push(BROKEN_REF_CLOSE, 'span', -1);
}

export function brokenRefTitle(target: Extract<RefTarget, { kind: 'broken' }>, lang: Lang): string {
  switch (target.reason) {
    case 'ambiguous':
      return localize(LABELS.refAmbiguous, lang, { ref: target.ref, candidates: (target.candidates ?? []).join(', ') });
    case 'invalid':
      return localize(LABELS.refInvalid, lang, { ref: target.ref });
    case 'missing':
      return localize(LABELS.refMissing, lang);
    default:
      return localize(LABELS.refNotFound, lang, { ref: target.ref });
  }
}

export function renderBrokenRefOpen(target: Extract<RefTarget, { kind: 'broken' }>, lang: Lang): string {
  return `<span class="medguide-broken-ref" title="${safeText(brokenRefTitle(target, lang))}">`;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10;
}

/**
 * `[label]({{< relref "x" >}} "title")`: the same steps as markdown-it's own link rule, with a
 * relref shortcode where the destination goes.
 */
export function relrefLinkRule(getCtx: () => ParseContext | undefined): InlineRule {
  return (state, silent) => {
    const ctx = getCtx();
    if (!ctx || state.src.charCodeAt(state.pos) !== 0x5b /* [ */) return false;
    const max = state.posMax;
    // No `{{` after the bracket: not a relref link, and markdown-it's link rule parses the label.
    const shortcode = state.src.indexOf('{{', state.pos + 1);
    if (shortcode < 0 || shortcode >= max) return false;
    const labelStart = state.pos + 1;
    const labelEnd = state.md.helpers.parseLinkLabel(state, state.pos, true);
    if (labelEnd < 0) return false;
    let pos = labelEnd + 1;
    if (state.src.charCodeAt(pos) !== 0x28 /* ( */) return false;
    pos++;
    while (pos < max && isSpace(state.src.charCodeAt(pos))) pos++;
    if (!state.src.startsWith('{{', pos)) return false;
    const tag = scanShortcodeAt(state.src, pos);
    if (!tag || !isRefShortcode(tag) || tag.end > max) return false;
    pos = tag.end;
    while (pos < max && isSpace(state.src.charCodeAt(pos))) pos++;
    let title = '';
    if (pos < max && pos > tag.end) {
      const res = state.md.helpers.parseLinkTitle(state.src, pos, max);
      if (res.ok) {
        title = res.str;
        pos = res.pos;
        while (pos < max && isSpace(state.src.charCodeAt(pos))) pos++;
      }
    }
    if (state.src.charCodeAt(pos) !== 0x29 /* ) */) return false;
    if (!silent) {
      const target = refTarget(ctx, state.md, tag);
      state.pos = labelStart;
      state.posMax = labelEnd;
      pushRefOpen(state, target);
      const open = state.tokens[state.tokens.length - 1];
      if (title && target.kind === 'link') open.attrs!.push(['title', title]);
      // linkLevel (missing from the typings) stops linkify from nesting a link in the label.
      const links = state as unknown as { linkLevel: number };
      links.linkLevel++;
      state.md.inline.tokenize(state);
      links.linkLevel--;
      pushRefClose(state, target);
    }
    state.pos = pos + 1;
    state.posMax = max;
    return true;
  };
}
