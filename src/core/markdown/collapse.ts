import type { StateBlock, Token } from 'markdown-it';
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
 * Five tokens a section: the `<details>` opening (which also writes `<summary>`), the heading's
 * three, whose closing one (marked in its meta) also closes `<summary>`, and the `</details>`.
 */

export const COLLAPSE_OPEN = 'medguide_collapse_open';
export const COLLAPSE_CLOSE = 'medguide_collapse_close';

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

  const h = state.push('heading_open', 'h2', 1);
  h.block = true;
  h.markup = '##';
  h.map = [startLine, startLine + 1];
  const id = anchorize(title);
  if (id !== '') h.attrSet('id', id);
  const untitled = title.trim() === '';
  if (untitled) h.attrSet('class', 'medguide-collapse-untitled');
  h.meta = COLLAPSE_HEADING_META;

  // The title is shown as plain text, as Hugo's template prints `.Get 0` (escaped): Markdown or
  // HTML in a title argument stays literal. Its text token is made here, and the token is not an
  // `inline` one until the inline rules are done (see {@link plainTitle}): markdown-it does not
  // parse a title whose tokens would be thrown away.
  const inline = state.push(TITLE_TYPE, '', 0);
  inline.content = untitled ? '' : title;
  inline.map = [startLine, startLine + 1];
  const shown = untitled ? localize(LABELS.untitled, lang) : title;
  const text = new state.Token('text', '', 0);
  text.content = wellFormed(shown);
  inline.children = [text];
  inline.meta = { [TITLE_META]: shown, untitled };

  const hc = state.push('heading_close', 'h2', -1);
  hc.block = true;
  hc.markup = '##';
  hc.meta = unclosedName === undefined ? SUMMARY_END_META : ({ [SUMMARY_END]: true, unclosedName } satisfies SummaryEnd);
}

/** A collapse heading's inline token while markdown-it parses inline content: it has its text already. */
const TITLE_TYPE = 'medguide_collapse_title';

/** The meta of every collapse heading's opening token (read only, shared). */
const COLLAPSE_HEADING_META: Readonly<{ medguideCollapse: true }> = { medguideCollapse: true };

/** In the meta of a collapse heading's closing token: it also closes the `<summary>`. */
const SUMMARY_END = 'medguideSummaryEnd';
interface SummaryEnd {
  readonly [SUMMARY_END]: true;
  readonly unclosedName: string | undefined;
}
/** The closing meta of a section whose closing tag is there (read only, shared). */
const SUMMARY_END_META: SummaryEnd = { [SUMMARY_END]: true, unclosedName: undefined };

/** The `</summary>` (and the unclosed-section warning) after a collapse heading, or undefined for any other heading. */
export function collapseHeadingEnd(token: Token, lang: Lang): string | undefined {
  const meta = token.meta as Partial<SummaryEnd> | null;
  if (!meta || meta[SUMMARY_END] !== true) return undefined;
  return `</summary>\n${meta.unclosedName ? renderUnclosed(meta.unclosedName, lang) : ''}`;
}

/**
 * After inline parsing (before markdown-it-attrs, which reads headings' inline tokens): a collapse
 * title's token becomes the heading's `inline` token, with the plain text made when it was pushed.
 */
export function plainTitle(t: Token): void {
  if (t.type === TITLE_TYPE) t.type = 'inline';
}

export function renderCollapseOpen(meta: CollapseMeta, mode: CollapseMode, attrs: string): string {
  const open = mode === 'open' || (mode === 'authored' && meta.show);
  return `<details${attrs}${open ? ' open' : ''}${meta.show ? ' data-show="true"' : ''}>\n<summary class="medguide-collapse-summary">`;
}

export function renderUnclosed(name: string, lang: Lang): string {
  return `<p class="medguide-shortcode-warning" role="note"><span class="medguide-warning-icon" aria-hidden="true">${ICONS.problem}</span> ${safeText(localize(LABELS.unclosed, lang, { name }))}</p>\n`;
}
