import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import deflist from 'markdown-it-deflist';
import mark from 'markdown-it-mark';
import sub from 'markdown-it-sub';
import sup from 'markdown-it-sup';
import { ALERT_CLOSE, ALERT_INLINE_CLOSE, ALERT_INLINE_OPEN, ALERT_OPEN, AttributeAlerts, blockquoteAlertRule, renderAlertTitle, type AlertMeta } from './alerts';
import { afterAttributes, AttributeGuard, useAttributes } from './attrs';
import {
  COLLAPSE_CLOSE,
  COLLAPSE_OPEN,
  collapseHeadingEnd,
  plainTitle,
  renderCollapseOpen,
  renderUnclosed,
  type CollapseMeta,
} from './collapse';
import { createParseContext, type ParseContext } from './context';
import { safeText } from './escape';
import { FRONT_MATTER_TOKEN, frontMatterRule, renderFrontMatter, type FrontMatterMeta } from './frontMatter';
import { HeadingIds } from './headingIds';
import { labelLangOf } from './pageLang';
import { codeLiterals } from './literals';
import { resolveSettings, type MedguidePluginOptions, type ResolvedSettings } from './options';
import { BROKEN_REF_CLOSE, BROKEN_REF_OPEN, relrefLinkRule, renderBrokenRefOpen, type RefTarget } from './relref';
import { FRAME_CLOSE, FRAME_OPEN, shortcodeBlockRule, type FrameMeta } from './shortcodeBlock';
import {
  FRAME_INLINE_CLOSE,
  FRAME_INLINE_OPEN,
  LITERAL,
  PLACEHOLDER,
  renderFrameLabel,
  renderPlaceholder,
  shortcodeInlineRule,
  type PlaceholderMeta,
} from './shortcodeInline';

type RenderRule = NonNullable<MarkdownIt['renderer']['rules']['text']>;
type BlockRule = Parameters<MarkdownIt['block']['ruler']['before']>[2];
type InlineRule = Parameters<MarkdownIt['inline']['ruler']['before']>[2];

/**
 * Teaches a markdown-it instance (VS Code's preview passes its own, markdown-it 14) the guide-page
 * dialect: front matter, Hugo shortcodes (collapse, alerts, relref, any other), Goldmark attribute
 * lists and blockquote alerts, definition lists, `==mark==`, `^sup^`, `~sub~`.
 *
 * If anything of ours throws while parsing, the page is parsed again without our rules: the user
 * gets plain Markdown rather than an empty preview.
 */
export function medguidePlugin(md: MarkdownIt, options: MedguidePluginOptions = {}): void {
  let ctx: ParseContext | undefined;
  let bypass = false;
  const getCtx = () => (bypass ? undefined : ctx);

  md.use(deflist);
  md.use(mark);
  md.use(sub);
  md.use(sup);
  useAttributes(md);

  md.core.ruler.after('normalize', 'medguide_begin', (state) => {
    ctx = bypass ? undefined : createParseContext(state.src, state.env, options);
  });
  md.block.ruler.before('table', 'medguide_front_matter', frontMatterRule(() => getCtx() !== undefined, (meta) => {
    // A page that names its language (`lang = "en"`) gets labels in it, from this parse on.
    const c = getCtx();
    const lang = labelLangOf(meta.data?.lang);
    if (c && lang && lang !== c.settings.lang) c.settings = { ...c.settings, lang };
  }));
  md.block.ruler.before('fence', 'medguide_shortcode_block', shortcodeBlockRule(getCtx), {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  inlineDispatcher(md, shortcodeInlineRule(getCtx), relrefLinkRule(getCtx));
  wrapBlockquoteRule(md, () => getCtx() !== undefined);
  // Between inline parsing and markdown-it-attrs, and again after it, each of these rules visits
  // every token once for all its work: on a long page, a pass over the tokens costs about as much
  // as the work done in it.
  md.core.ruler.before('curly_attributes', 'medguide_before_attributes', (state) => {
    const ctx = getCtx();
    const on = ctx !== undefined;
    // A comment shortcode (`{{</* x */>}}`) has `/*`, and code keeps the page's text as written.
    const literals = on && state.src.includes('/*');
    const guard = new AttributeGuard(state, on, ctx?.lineMarks);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (on) plainTitle(tokens[i]);
      if (literals) codeLiterals(tokens[i]);
      guard.visit(i);
    }
    guard.finish();
  });
  md.core.ruler.after('curly_attributes', 'medguide_after_attributes', (state) => {
    afterAttributes(state);
    if (!getCtx()) return;
    const alerts = new AttributeAlerts(state);
    const headings = new HeadingIds(state);
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      alerts.visit(i);
      headings.visit(i);
    }
    alerts.finish();
    headings.finish();
  });
  md.core.ruler.push('medguide_end', () => {
    ctx = undefined;
  });

  const parse = md.parse.bind(md);
  md.parse = (src: string, env: unknown) => {
    try {
      return parse(src, env);
    } catch (error) {
      if (bypass) throw error;
      bypass = true;
      try {
        return parse(src, env);
      } finally {
        bypass = false;
      }
    }
  };

  installRenderers(md, options);
}

/**
 * One inline rule for the five that each react to one character: shortcodes (`{`), relref links
 * (`[`), `==mark==`, `^sup^`, `~sub~`. markdown-it tries every inline rule in turn at every
 * position its text rule stops at (most punctuation), so five rules cost five calls there; this
 * is one call and a switch. It takes the place of markdown-it-mark's rule (before emphasis):
 * none of the rules before it reads those characters, except strikethrough (`~~`), still first.
 * The packages' own rules do the work; theirs are turned off in the chain.
 */
function inlineDispatcher(md: MarkdownIt, shortcode: InlineRule, relref: InlineRule): void {
  type Rule = { name: string; fn: InlineRule; enabled: boolean };
  const rules = (md.inline.ruler as unknown as { __rules__?: Rule[] }).__rules__ ?? [];
  const pick = (name: string): InlineRule | undefined => rules.find((r) => r.name === name && r.enabled)?.fn;
  const mark = pick('mark');
  const sub = pick('sub');
  const sup = pick('sup');
  const dispatch: InlineRule = (state, silent) => {
    switch (state.src.charCodeAt(state.pos)) {
      case 0x7b /* { */:
        return shortcode(state, silent);
      case 0x5b /* [ */:
        return relref(state, silent);
      case 0x3d /* = */:
        return mark !== undefined && mark(state, silent);
      case 0x5e /* ^ */:
        return sup !== undefined && sup(state, silent);
      case 0x7e /* ~ */:
        return sub !== undefined && sub(state, silent);
      default:
        return false;
    }
  };
  if (mark && sub && sup) {
    md.inline.ruler.at('mark', dispatch);
    md.inline.ruler.disable(['sub', 'sup']);
  } else {
    // Another instance's layout (a plugin already loaded elsewhere): the rules where they were.
    md.inline.ruler.after('text', 'medguide_shortcode', shortcode);
    md.inline.ruler.before('link', 'medguide_relref_link', relref);
  }
}

/**
 * Hugo alerts are made from blockquotes as markdown-it's blockquote rule parses them. The rule is
 * read from the instance (VS Code's preview passes its own), through markdown-it's rule list: the
 * Ruler API can replace a rule by name but not return it. Without a blockquote rule there is
 * nothing to wrap.
 */
function wrapBlockquoteRule(md: MarkdownIt, enabled: () => boolean): void {
  type Rule = { name: string; fn: BlockRule; alt: string[] };
  const rules = (md.block.ruler as unknown as { __rules__?: Rule[] }).__rules__ ?? [];
  const blockquote = rules.find((r) => r.name === 'blockquote');
  if (blockquote) md.block.ruler.at('blockquote', blockquoteAlertRule(blockquote.fn, enabled), { alt: [...blockquote.alt] });
}

/** The settings with the labels in the language the page's front matter names (`lang`), if French or English. */
function withPageLang(settings: ResolvedSettings, tokens: readonly Token[]): ResolvedSettings {
  const first = tokens[0];
  if (first?.type !== FRONT_MATTER_TOKEN) return settings;
  const lang = labelLangOf((first.meta as FrontMatterMeta | null)?.data?.lang);
  return lang && lang !== settings.lang ? { ...settings, lang } : settings;
}

function installRenderers(md: MarkdownIt, options: MedguidePluginOptions): void {
  // Settings are read once per render, so a change applies at the next preview refresh.
  let renderSettings: ResolvedSettings | undefined;
  const settings = () => renderSettings ?? resolveSettings(options);
  const render = md.renderer.render.bind(md.renderer);
  md.renderer.render = (tokens, opts, env) => {
    const previous = renderSettings;
    renderSettings = withPageLang(resolveSettings(options, env), tokens);
    try {
      return render(tokens, opts, env);
    } finally {
      renderSettings = previous;
    }
  };

  const rules = md.renderer.rules;
  const rule =
    (fn: (token: Token, s: ResolvedSettings, attrs: string) => string): RenderRule =>
    (tokens, idx, _opts, _env, self) => {
      const token = tokens[idx];
      try {
        return fn(token, settings(), self.renderAttrs(token));
      } catch {
        return safeText(token.content ?? '');
      }
    };

  rules[FRONT_MATTER_TOKEN] = rule((t, s, attrs) => renderFrontMatter(t.meta as FrontMatterMeta, s.frontMatter, s.lang, attrs));

  rules[COLLAPSE_OPEN] = rule((t, s, attrs) => renderCollapseOpen(t.meta as CollapseMeta, s.collapse, attrs));
  // A collapse heading's closing token also closes its `<summary>`; other headings as before.
  const headingClose = rules.heading_close;
  rules.heading_close = (tokens, idx, opts, env, self) => {
    const end = tokens[idx].meta === null ? undefined : collapseHeadingEnd(tokens[idx], settings().lang);
    const html = headingClose ? headingClose(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
    return end === undefined ? html : html + end;
  };
  rules[COLLAPSE_CLOSE] = rule(() => '</details>\n');

  rules[ALERT_OPEN] = rule((t, s, attrs) => {
    const meta = t.meta as AlertMeta;
    return `<div${attrs} role="note">\n${renderAlertTitle(meta, s.lang, 'p')}\n${meta.unclosedName ? renderUnclosed(meta.unclosedName, s.lang) : ''}`;
  });
  rules[ALERT_CLOSE] = rule(() => '</div>\n');
  rules[ALERT_INLINE_OPEN] = rule((t, s, attrs) => `<span${attrs} role="note">${renderAlertTitle(t.meta as AlertMeta, s.lang, 'span')} `);
  rules[ALERT_INLINE_CLOSE] = rule(() => '</span>');

  rules[FRAME_OPEN] = rule((t, s, attrs) => {
    const meta = t.meta as FrameMeta;
    return `<div${attrs}>\n${renderFrameLabel(meta, s.lang, 'div')}\n${meta.unclosedName ? renderUnclosed(meta.unclosedName, s.lang) : ''}`;
  });
  rules[FRAME_CLOSE] = rule(() => '</div>\n');
  rules[FRAME_INLINE_OPEN] = rule((t, s, attrs) => `<span${attrs}>${renderFrameLabel(t.meta as PlaceholderMeta, s.lang, 'span')} `);
  rules[FRAME_INLINE_CLOSE] = rule(() => '</span>');

  rules[LITERAL] = rule((t) => safeText(t.content));
  rules[PLACEHOLDER] = rule((t, s, attrs) => renderPlaceholder(t.meta as PlaceholderMeta, s.lang, attrs));
  rules[BROKEN_REF_OPEN] = rule((t, s) => renderBrokenRefOpen(t.meta as Extract<RefTarget, { kind: 'broken' }>, s.lang));
  rules[BROKEN_REF_CLOSE] = rule(() => '</span>');
}
