import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import { curlyAttributesRule, type AttrsOptions } from './attrsRule';


/**
 * Goldmark attribute lists (`{.lead}`, `{.alert .alert-info}`, `{#id .class}`, `## Titre {.x}`)
 * through markdown-it-attrs, limited to attributes that cannot run code or restyle the page:
 * class, id, title and `data-*` (except the ones VS Code's preview acts on).
 */
export const ALLOWED_ATTRIBUTES: readonly (string | RegExp)[] = [
  'class',
  'id',
  'title',
  /^data-(?!href$|src$|line$|vscode)[a-z][a-z0-9-]*$/,
];

/** Values are escaped anyway; refusing script URLs keeps them out of any attribute VS Code might reuse. */
export const SAFE_ATTRIBUTE_VALUE = /^(?![\s\S]*(?:javascript|vbscript)\s*:)[\s\S]*$/i;

export function useAttributes(md: MarkdownIt): void {
  const options: AttrsOptions = {
    leftDelimiter: '{',
    rightDelimiter: '}',
    allowedAttributes: [...ALLOWED_ATTRIBUTES],
    allowedAttributeValues: [SAFE_ATTRIBUTE_VALUE],
  };
  // The plugin's typings see markdown-it through another module path; the shapes are the same.
  const plugin = markdownItAttrs as unknown as (md: MarkdownIt, options: object) => void;
  md.use(plugin, options);
  // Same patterns and transforms, a loop that skips tokens that cannot hold an attribute list.
  md.core.ruler.at('curly_attributes', curlyAttributesRule(options, (state) => prepared.get(state)?.inlineMayHold));
}

/**
 * Prepares the tokens for markdown-it-attrs, one token at a time (the plugin visits each token once
 * for all its work between inline parsing and markdown-it-attrs): template text is shielded from it
 * (always), and with MedGuide's rules on (`guard`), the closings of MedGuide's containers are
 * hidden from it and attribute lines after nested lists are pointed at the list Goldmark picks.
 *
 * markdown-it-attrs gives a `{.x}` line the closing tags that follow it, so it climbs out of a
 * blockquote or list (as on the site) but would also climb out of a collapse section or an alert
 * shortcode. Those closings are made invisible to it while it runs.
 */
export class AttributeGuard {
  private readonly shieldedTexts: Token[] = [];
  private readonly hidden: Token[] = [];
  /** The inline tokens whose text has a character an attribute list or template text needs (see `INLINE_SPECIAL`). */
  private readonly inlineMayHold = new Set<Token>();
  private readonly listLines: number[] = [];
  /** For each list line, the opening tokens around it, outermost first (see `outerListAttributes`). */
  private readonly listLineAncestors: number[][] = [];
  /**
   * The opening tokens around the token visited, outermost first, as their nesting reads once
   * visited: the first `depth` entries (an array that never shrinks: popping would give its
   * storage back, and each push after that would allocate it again).
   */
  private readonly open: number[] = [];
  private depth = 0;

  constructor(
    private readonly state: StateCore,
    private readonly guard: boolean,
    /** The page's source lines, when the parse already measured them. */
    private readonly lineMarks?: { readonly bMarks: readonly number[]; readonly eMarks: readonly number[] },
  ) {}

  visit(i: number): void {
    const tokens = this.state.tokens;
    const t = tokens[i];
    if (t.type === 'inline') {
      // One look at the text for both questions (template text here, attribute lists next).
      if (INLINE_SPECIAL.test(t.content)) {
        this.inlineMayHold.add(t);
        if (t.children && mayHoldTemplateText(t.content)) shieldTemplateText(t.children, this.shieldedTexts);
      }
      if (this.guard && isListAttributeLine(tokens, i)) {
        this.listLines.push(i);
        this.listLineAncestors.push(this.listAncestors(i));
      }
    } else if (this.guard) {
      if (t.nesting === -1 && t.meta && (t.meta as { guard?: boolean }).guard) {
        t.nesting = 0;
        this.hidden.push(t);
      }
      // The opening tokens around the next ones, kept as the visit goes (a hidden closing no longer
      // closes): what a list line needs to find its lists, without a pass of its own.
      if (t.nesting === -1) {
        if (this.depth > 0) this.depth--;
      } else if (t.nesting === 1) {
        this.open[this.depth++] = i;
      }
    }
  }

  /**
   * The opening tokens around list line `i` that `outerListAttributes` reads: from the innermost,
   * the lists, their items and the line's paragraph, then the first other one. (Hidden closings do
   * not close, so the sections and alerts before the line are still "open" further out: copying
   * them all for each line would cost as much as the page has sections.)
   */
  private listAncestors(i: number): number[] {
    const tokens = this.state.tokens;
    const open = this.open;
    let from = this.depth - 1;
    while (from > 0) {
      const j = open[from];
      const type = tokens[j].type;
      if (type !== 'list_item_open' && type !== 'bullet_list_open' && type !== 'ordered_list_open' && j !== i - 1) break;
      from--;
    }
    return open.slice(from < 0 ? 0 : from, this.depth);
  }

  /** After the last token: the list lines are settled, and `afterAttributes` will undo it all. */
  finish(): void {
    const retyped =
      this.listLines.length > 0 ? outerListAttributes(this.state, this.hidden, this.listLines, this.listLineAncestors, this.lineMarks) : [];
    prepared.set(this.state, { shieldedTexts: this.shieldedTexts, hidden: this.hidden, retyped, inlineMayHold: this.inlineMayHold });
  }
}

/** After markdown-it-attrs: everything `AttributeGuard` changed is put back. */
export function afterAttributes(state: StateCore): void {
  const p = prepared.get(state);
  if (!p) return;
  for (const t of p.shieldedTexts) t.type = 'text';
  for (const t of p.hidden) t.nesting = -1;
  for (const [t, type] of p.retyped) t.type = type;
  prepared.delete(state);
}

const prepared = new WeakMap<
  StateCore,
  { shieldedTexts: Token[]; hidden: Token[]; retyped: [Token, string][]; inlineMayHold: ReadonlySet<Token> }
>();

/**
 * What an inline token's text must have for it or its children to hold an attribute list (`{`, or
 * a character markdown-it decodes into one: a backslash escape, an entity, a percent-encoded link)
 * or template text (`{{`, `}}`, `%`, see `mayHoldTemplateText`). markdown-it-attrs' transforms only
 * take text away, so a token without any keeps none while they run.
 */
const INLINE_SPECIAL = /[{}%&\\]/;

const ONLY_ATTRIBUTES = /^\{[^{}\n]*\}$/;
const LIST_MARKER = /^( *)([-+*]|\d{1,9}[.)])( *)/;

/** The column where a list item's content starts, from its first source line. */
function contentColumn(line: string): number | undefined {
  const m = LIST_MARKER.exec(line);
  if (!m) return undefined;
  const spaces = m[3].length;
  return m[1].length + m[2].length + (spaces === 0 || spaces > 4 ? 1 : spaces);
}

/** A list item's first paragraph whose last line is an attribute list (a lazy continuation line). */
function isListAttributeLine(tokens: readonly Token[], i: number): boolean {
  const inline = tokens[i];
  const children = inline.children;
  if (i < 2 || tokens[i - 2].type !== 'list_item_open' || !inline.map || !children || children.length < 2) return false;
  const last = children[children.length - 1];
  return children[children.length - 2].type === 'softbreak' && last.type === 'text' && ONLY_ATTRIBUTES.test(last.content.trim());
}

/**
 * An attribute line after a nested list is a lazy continuation of the last item's paragraph for
 * markdown-it, and markdown-it-attrs gives it to the innermost list. Goldmark (Hugo) reads the
 * line where it is indented: `{.alert .alert-info}` at column 0 ends every list and applies to the
 * outermost one. For such a line, the innermost-list pattern is turned off (the item's type is
 * changed for the time markdown-it-attrs runs) and the closings beyond the target list are hidden,
 * so its "last closing tag" pattern lands on the list Goldmark picks.
 */
function outerListAttributes(
  state: StateCore,
  hidden: Token[],
  candidates: readonly number[],
  ancestorsOf: readonly (readonly number[])[],
  marks?: { readonly bMarks: readonly number[]; readonly eMarks: readonly number[] },
): [Token, string][] {
  const retyped: [Token, string][] = [];
  const tokens = state.tokens;
  const line = marks ? (k: number) => (k >= 0 && k < marks.bMarks.length ? state.src.slice(marks.bMarks[k], marks.eMarks[k]) : '') : sourceLines(state.src);
  // Where a list closes, read as the closings were before this pass hid any; remembered, as
  // several lines may pick the same list.
  const hiddenHere = new Set<Token>();
  const closes = new Map<number, number>();
  for (let c = 0; c < candidates.length; c++) {
    const i = candidates[c];
    const inline = tokens[i];
    const attrLine = line((inline.map as [number, number])[1] - 1);
    if (!attrLine.trimStart().startsWith('{') || /^[ ]*\t/.test(attrLine)) continue;
    const indent = attrLine.length - attrLine.trimStart().length;
    // Enclosing list items, innermost first, each with the list that holds it (the opening tokens
    // around the line, as the visit recorded them, read from the innermost).
    const ancestors = ancestorsOf[c];
    const chain: { item: Token; list: number; col: number }[] = [];
    let ok = true;
    for (let a = ancestors.length - 1; a >= 0 && ok; a--) {
      const j = ancestors[a];
      const t = tokens[j];
      if (t.type === 'list_item_open') {
        const col = t.map ? contentColumn(line(t.map[0])) : undefined;
        const list = a > 0 ? ancestors[a - 1] : -1;
        const listType = list >= 0 ? tokens[list].type : '';
        if (col === undefined || (listType !== 'bullet_list_open' && listType !== 'ordered_list_open')) ok = false;
        else chain.push({ item: t, list, col });
      } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open' || j === i - 1) {
        continue;
      } else break; // a blockquote, an alert, a section: the line stays inside it
    }
    if (!ok || chain.length < 2 || indent >= chain[1].col) continue;
    let target = chain.length - 1;
    while (target > 0 && indent >= chain[target].col) target--;
    const list = chain[target].list;
    let listClose = closes.get(list);
    if (listClose === undefined) {
      listClose = closingIndexOf(tokens, list, hiddenHere);
      closes.set(list, listClose);
    }
    if (listClose < 0) continue;
    retyped.push([tokens[i - 2], tokens[i - 2].type]);
    tokens[i - 2].type = 'medguide_list_item_open_attrs';
    const after = tokens[listClose + 1];
    if (after && after.nesting === -1) {
      after.nesting = 0;
      hidden.push(after);
      hiddenHere.add(after);
    }
  }
  return retyped;
}

/**
 * The index of the token closing the one opened at `open` (-1 if none does), reading the tokens
 * in `reclosed` (closings hidden since) as the closings they were.
 */
function closingIndexOf(tokens: readonly Token[], open: number, reclosed: ReadonlySet<Token>): number {
  let depth = 0;
  for (let j = open + 1; j < tokens.length; j++) {
    const t = tokens[j];
    const nesting = t.nesting === 0 && reclosed.size > 0 && reclosed.has(t) ? -1 : t.nesting;
    if (nesting === 1) depth++;
    else if (nesting === -1) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/** Line `k` of a normalized source (lines end with `\n`), line starts found once, on first use. */
function sourceLines(src: string): (k: number) => string {
  let starts: number[] | undefined;
  return (k) => {
    if (!starts) {
      starts = [0];
      for (let at = src.indexOf('\n'); at >= 0; at = src.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    if (k < 0 || k >= starts.length) return '';
    const end = k + 1 < starts.length ? starts[k + 1] - 1 : src.length;
    return src.slice(starts[k], end);
  };
}

const SHIELDED = 'medguide_shielded_text';

/**
 * Text with `{{` or `}}` (a Go template action, or a shortcode our rules did not take) is never an
 * attribute list, but markdown-it-attrs would read `{{ .Title }}` on its own line as one and drop
 * it. Such text is hidden from it while it runs. This runs even when our other rules are off.
 */
function shieldTemplateText(children: readonly Token[], list: Token[]): void {
  for (const c of children) {
    if (c.type === 'text' && /\{\{|\}\}/.test(c.content)) {
      c.type = SHIELDED;
      list.push(c);
    }
  }
}

/**
 * Whether an inline token's children may have text with `{{` or `}}`. Their text is the token's
 * own, except where markdown-it decodes it: escapes and entities (not text tokens, and a lone
 * character each) and percent-encoded links (linkify), hence the `%`.
 */
function mayHoldTemplateText(content: string): boolean {
  return content.includes('{{') || content.includes('}}') || content.includes('%');
}
