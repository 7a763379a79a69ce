import type MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';


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
  // The plugin's typings see markdown-it through another module path; the shapes are the same.
  const plugin = markdownItAttrs as unknown as (md: MarkdownIt, options: object) => void;
  md.use(plugin, {
    allowedAttributes: [...ALLOWED_ATTRIBUTES],
    allowedAttributeValues: [SAFE_ATTRIBUTE_VALUE],
  });
}

/**
 * markdown-it-attrs gives a `{.x}` line the closing tags that follow it, so it climbs out of a
 * blockquote or list (as on the site) but would also climb out of a collapse section or an alert
 * shortcode. Those closings are made invisible to it while it runs.
 */
export function guardContainers(state: StateCore): void {
  const hidden: Token[] = [];
  for (const t of state.tokens) {
    if (t.nesting === -1 && t.meta && (t.meta as { guard?: boolean }).guard) {
      t.nesting = 0;
      hidden.push(t);
    }
  }
  guarded.set(state, hidden);
}

export function unguardContainers(state: StateCore): void {
  for (const t of guarded.get(state) ?? []) t.nesting = -1;
  guarded.delete(state);
}

const guarded = new WeakMap<StateCore, Token[]>();

const SHIELDED = 'medguide_shielded_text';

/**
 * Text with `{{` or `}}` (a Go template action, or a shortcode our rules did not take) is never an
 * attribute list, but markdown-it-attrs would read `{{ .Title }}` on its own line as one and drop
 * it. Such text is hidden from it while it runs. This runs even when our other rules are off.
 */
export function shieldTemplateText(state: StateCore): void {
  const list: Token[] = [];
  for (const t of state.tokens) {
    if (t.type !== 'inline' || !t.children) continue;
    for (const c of t.children) {
      if (c.type === 'text' && /\{\{|\}\}/.test(c.content)) {
        c.type = SHIELDED;
        list.push(c);
      }
    }
  }
  shielded.set(state, list);
}

export function unshieldTemplateText(state: StateCore): void {
  for (const t of shielded.get(state) ?? []) t.type = 'text';
  shielded.delete(state);
}

const shielded = new WeakMap<StateCore, Token[]>();
