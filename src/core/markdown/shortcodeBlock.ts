import type MarkdownIt from 'markdown-it';
import type { StateBlock } from 'markdown-it';
import { getArg, shortcodeKey, type ShortcodeTag } from '../shortcodes/scan';
import { ALERT_CLOSE, ALERT_OPEN, alertClass, alertFromShortcode, alertKind, type AlertMeta } from './alerts';
import { pushCollapseOpen, COLLAPSE_CLOSE } from './collapse';
import { isPairedName, type ParseContext } from './context';

type BlockRule = Parameters<MarkdownIt['block']['ruler']['before']>[2];

/**
 * Block-level paired shortcodes: an opening tag alone on its line(s) and, normally, its closing tag
 * alone on a later line. The body is parsed as Markdown with the normal block rules (like
 * markdown-it-container), so lists, alerts and nested shortcodes work inside, and every token
 * keeps its source lines.
 */

export const FRAME_OPEN = 'medguide_shortcode_frame_open';
export const FRAME_CLOSE = 'medguide_shortcode_frame_close';

export interface FrameMeta {
  readonly name: string;
  readonly delimiter: '%' | '<';
  /** The arguments as written, for the label. */
  readonly args: string;
  readonly unclosedName?: string;
}

/** Line containing `offset` (binary search over the line starts markdown-it computed). */
function lineOf(state: StateBlock, offset: number): number {
  let lo = 0;
  let hi = state.bMarks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (state.bMarks[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function onlySpaces(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

export function argsText(src: string, tag: ShortcodeTag): string {
  if (tag.args.length === 0) return '';
  return src.slice(tag.args[0].start, tag.args[tag.args.length - 1].end).replace(/\s+/g, ' ');
}

/**
 * Where an unclosed section stops: at the next line opening a shortcode of the same name, else at
 * the end of the enclosing block. Sections written one after the other with their closings
 * forgotten then stay siblings instead of nesting ever deeper.
 */
function nextSibling(state: StateBlock, ctx: ParseContext, key: string, from: number, endLine: number): number {
  for (let line = from; line < endLine; line++) {
    const e = ctx.tagsByStart.get(state.bMarks[line] + state.tShift[line]);
    if (e && e.tag.kind === 'open' && shortcodeKey(e.tag.name) === key) return line;
  }
  return endLine;
}

export function shortcodeBlockRule(getCtx: () => ParseContext | undefined): BlockRule {
  return (state, startLine, endLine, silent) => {
    const ctx = getCtx();
    if (!ctx) return false;
    if (ctx.lineMarks === undefined && state.src === ctx.src) ctx.lineMarks = { bMarks: state.bMarks, eMarks: state.eMarks };
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const pos = state.bMarks[startLine] + state.tShift[startLine];
    if (state.src.charCodeAt(pos) !== 123 /* { */) return false;
    const entry = ctx.tagsByStart.get(pos);
    if (!entry || entry.tag.kind !== 'open') return false;
    const { tag } = entry;
    // Nothing but spaces after the opening tag (which may span several lines).
    const openLast = lineOf(state, tag.end - 1);
    if (openLast >= endLine || !onlySpaces(state.src.slice(tag.end, state.eMarks[openLast]))) return false;

    let closeLine = -1;
    const close = entry.close;
    if (close) {
      const cl = lineOf(state, close.start);
      if (
        cl > openLast &&
        cl < endLine &&
        state.bMarks[cl] + state.tShift[cl] === close.start &&
        close.end <= state.eMarks[cl] &&
        onlySpaces(state.src.slice(close.end, state.eMarks[cl]))
      ) {
        closeLine = cl;
      }
    }
    const key = shortcodeKey(tag.name);
    const known = key === 'collapse' || ctx.settings.alertShortcodes.has(key) || isPairedName(ctx, tag.name);
    // Without a usable closing tag, only names known to take a body open a section (to the end of
    // the enclosing block, flagged as unclosed); others are standalone and shown inline.
    if (closeLine < 0 && !known) return false;
    if (silent) return true;

    const bodyEnd = closeLine >= 0 ? closeLine : nextSibling(state, ctx, key, openLast + 1, endLine);
    const after = closeLine >= 0 ? closeLine + 1 : bodyEnd;
    const unclosedName = closeLine < 0 ? tag.name : undefined;

    if (key === 'highlight' && tag.delimiter === '<' && closeLine >= 0) {
      // `{{< highlight go >}}` takes raw code, not Markdown.
      const token = state.push('fence', 'code', 0);
      token.info = getArg(tag, 0) ?? '';
      token.content = state.getLines(openLast + 1, bodyEnd, state.sCount[startLine], true);
      token.markup = '```';
      token.map = [startLine, after];
      state.line = after;
      return true;
    }

    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    // Lazy continuation lines must never run past the closing tag.
    state.lineMax = bodyEnd;
    state.parentType = 'medguide_shortcode' as typeof state.parentType;
    let closeType: string;
    let closeTag: string;
    if (key === 'collapse') {
      pushCollapseOpen(state, tag, startLine, after, unclosedName, ctx.settings.lang);
      closeType = COLLAPSE_CLOSE;
      closeTag = 'details';
    } else if (ctx.settings.alertShortcodes.has(key)) {
      const { word, title } = alertFromShortcode(tag, ctx.settings.alertShortcodes.get(key)!);
      const meta: AlertMeta = { kind: alertKind(word), word, title, source: 'shortcode', unclosedName };
      const open = state.push(ALERT_OPEN, 'div', 1);
      open.block = true;
      open.map = [startLine, after];
      open.meta = meta;
      open.attrSet('class', alertClass(meta.kind));
      closeType = ALERT_CLOSE;
      closeTag = 'div';
    } else {
      const meta: FrameMeta = { name: tag.name, delimiter: tag.delimiter, args: argsText(state.src, tag), unclosedName };
      const open = state.push(FRAME_OPEN, 'div', 1);
      open.block = true;
      open.map = [startLine, after];
      open.meta = meta;
      open.attrSet('class', 'medguide-shortcode-frame');
      closeType = FRAME_CLOSE;
      closeTag = 'div';
    }
    state.md.block.tokenize(state, openLast + 1, bodyEnd);
    const end = state.push(closeType, closeTag, -1);
    end.block = true;
    // No source lines on a closing token: the opening one has them, and VS Code's preview would tag
    // every token that has some (data-line, class, dir) for nothing, a closing tag shows no attributes.
    end.meta = { guard: true };
    state.parentType = oldParent;
    state.lineMax = oldLineMax;
    state.line = after;
    return true;
  };
}
