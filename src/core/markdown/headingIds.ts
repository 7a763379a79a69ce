import type { StateCore, Token } from 'markdown-it';
import { anchorize } from './anchorize';

/**
 * Markdown headings get the id Hugo's Goldmark gives them (`autoHeadingID`, GitHub style), so a
 * relref to `page.md#titre` finds its target in the preview as on the site:
 * - the id is the anchorized source text of the heading line, markup included as written
 *   (Goldmark reads the raw line: `## Un **gras**` → `un-gras`, a link's URL counts too);
 * - an empty result is `heading`; a repeated one gets `-1`, `-2`… in page order;
 * - an explicit id (`{#id}`) is kept and reserved; collapse section ids are not (on the site they
 *   come from a template's `anchorize`, which Goldmark does not see).
 * Runs after the attribute lists are applied.
 */
export class HeadingIds {
  private readonly headings: [Token, Token | undefined][] = [];

  constructor(private readonly state: StateCore) {}

  visit(i: number): void {
    const tokens = this.state.tokens;
    const h = tokens[i];
    if (h.type !== 'heading_open' || (h.meta as { medguideCollapse?: boolean } | null)?.medguideCollapse) return;
    this.headings.push([h, tokens[i + 1]]);
  }

  /** After the last token: ids in page order. */
  finish(): void {
    const taken = new Set<string>();
    for (const [h, inline] of this.headings) {
      const explicit = h.attrGet('id');
      if (explicit !== null) {
        taken.add(explicit);
        continue;
      }
      let id = anchorize(inline?.type === 'inline' ? rawHeadingText(inline) : '');
      if (id === '') id = 'heading';
      if (taken.has(id)) {
        let n = 1;
        while (taken.has(`${id}-${n}`)) n++;
        id = `${id}-${n}`;
      }
      taken.add(id);
      h.attrSet('id', id);
    }
  }
}

/**
 * The heading's source text without a trailing attribute list that markdown-it-attrs consumed: its
 * last line, as Goldmark takes it (a setext heading of two lines gets its id from the second).
 */
function rawHeadingText(inline: Token): string {
  const content = inline.content.slice(inline.content.lastIndexOf('\n') + 1);
  const m = /[ \t]*\{[^{}\n]*\}[ \t]*$/.exec(content);
  if (!m) return content;
  const texts = (inline.children ?? []).filter((c) => c.type === 'text');
  const last = texts[texts.length - 1]?.content ?? '';
  return last.trimEnd().endsWith('}') ? content : content.slice(0, m.index);
}
