import type { StateBlock, StateCore, Token } from 'markdown-it';
import { localize, type Lang } from '../l10n';
import { getArg, type ShortcodeTag } from '../shortcodes/scan';
import { anchorize } from './anchorize';
import { LABELS } from './labels';
import { ICONS } from './icons';
import { safeText, wellFormed } from './escape';
import type { CollapseMode } from './options';


/**
 * `{{% collapse "Titre" ["show"] %}}` is a section of the guide site: an `<h2>` whose id is the
 * anchorized title, and a body that folds. In the preview the heading is a real markdown-it
 * heading (so VS Code's outline, breadcrumbs and `#fragment` links see it) inside `<summary>`.
 */

export const COLLAPSE_OPEN = 'medguide_collapse_open';
export const COLLAPSE_CLOSE = 'medguide_collapse_close';
export const COLLAPSE_SUMMARY_OPEN = 'medguide_collapse_summary_open';
export const COLLAPSE_SUMMARY_CLOSE = 'medguide_collapse_summary_close';

export interface CollapseMeta {
  readonly title: string;
  /** The author asked for the section open at load (`"show"`). */
  readonly show: boolean;
  readonly unclosedName?: string;
}

/** Marks the heading's inline token whose children must stay the plain title (see {@link plainTitles}). */
const TITLE_META = 'medguideTitle';

export function collapseArgs(tag: ShortcodeTag): { title: string; show: boolean } {
  const title = getArg(tag, 0) ?? getArg(tag, 'title') ?? '';
  const show = (getArg(tag, 1) ?? getArg(tag, 'show') ?? '').trim().toLowerCase();
  return { title, show: show === 'show' || show === 'true' || show === 'open' };
}

export function pushCollapseOpen(
  state: StateBlock,
  tag: ShortcodeTag,
  startLine: number,
  endLine: number,
  unclosedName: string | undefined,
  lang: Lang,
): void {
  const { title, show } = collapseArgs(tag);
  const meta: CollapseMeta = { title, show, unclosedName };
  const open = state.push(COLLAPSE_OPEN, 'details', 1);
  open.block = true;
  open.map = [startLine, endLine];
  open.meta = meta;
  open.attrSet('class', 'medguide-collapse');

  const summary = state.push(COLLAPSE_SUMMARY_OPEN, 'summary', 1);
  summary.block = true;
  summary.map = [startLine, startLine + 1];
  summary.attrSet('class', 'medguide-collapse-summary');

  const h = state.push('heading_open', 'h2', 1);
  h.block = true;
  h.markup = '##';
  h.map = [startLine, startLine + 1];
  const id = anchorize(title);
  if (id !== '') h.attrSet('id', id);
  if (title.trim() === '') h.attrSet('class', 'medguide-collapse-untitled');
  h.meta = { medguideCollapse: true };

  const inline = state.push('inline', '', 0);
  inline.content = title.trim() === '' ? '' : title;
  inline.map = [startLine, startLine + 1];
  inline.children = [];
  inline.meta = { [TITLE_META]: title.trim() === '' ? localize(LABELS.untitled, lang) : title, untitled: title.trim() === '' };

  const hc = state.push('heading_close', 'h2', -1);
  hc.block = true;
  hc.markup = '##';

  const sc = state.push(COLLAPSE_SUMMARY_CLOSE, 'summary', -1);
  sc.block = true;
  sc.map = [startLine, startLine + 1];
  sc.meta = { unclosedName };
}

/**
 * After inline parsing: the title is shown as plain text, as Hugo's template prints `.Get 0`
 * (escaped); Markdown or HTML in a title argument stays literal.
 */
export function plainTitle(state: StateCore, t: Token): void {
  if (t.type !== 'inline' || !t.meta || typeof t.meta[TITLE_META] !== 'string') return;
  const text = new state.Token('text', '', 0);
  text.content = wellFormed(t.meta[TITLE_META] as string);
  t.children = [text];
}

export function renderCollapseOpen(meta: CollapseMeta, mode: CollapseMode, attrs: string): string {
  const open = mode === 'open' || (mode === 'authored' && meta.show);
  return `<details${attrs}${open ? ' open' : ''}${meta.show ? ' data-show="true"' : ''}>\n`;
}

export function renderUnclosed(name: string, lang: Lang): string {
  return `<p class="medguide-shortcode-warning" role="note"><span class="medguide-warning-icon" aria-hidden="true">${ICONS.problem}</span> ${safeText(localize(LABELS.unclosed, lang, { name }))}</p>\n`;
}
