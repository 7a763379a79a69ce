import { parseShortcodes } from '../shortcodes/document';
import { shortcodeKey } from '../shortcodes/scan';
import { BUILTIN_SHORTCODES } from '../shortcodes/templates';

/**
 * What the cursor is writing, read from its line only (cheap on every keystroke):
 * - `page`: the target of `relref "…"` / `ref "…"`, before any `#`;
 * - `anchor`: the part after `#` in such a target;
 * - `shortcode`: a name right after `{{%` or `{{<` (`closing` after `{{% /`).
 * `start`/`end` are the characters of the line the chosen item replaces.
 */
export type CompletionContext =
  | { readonly kind: 'page'; readonly start: number; readonly end: number; readonly prefix: string }
  | { readonly kind: 'anchor'; readonly start: number; readonly end: number; readonly prefix: string; readonly ref: string }
  | {
      readonly kind: 'shortcode';
      readonly start: number;
      readonly end: number;
      readonly prefix: string;
      readonly closing: boolean;
      readonly delimiter: '%' | '<';
    };

const REF_VALUE = /\{\{([%<])[ \t]*(?:relref|ref)[ \t]+(?:path=)?(["`])([^"`]*)$/i;
const SHORTCODE_NAME = /\{\{([%<])[ \t]*(\/[ \t]*)?([\p{L}\p{N}_\-./]*)$/u;
const NAME_CHAR = /[\p{L}\p{N}_\-./]/u;

export function completionContextAt(lineText: string, character: number): CompletionContext | undefined {
  const before = lineText.slice(0, character);
  const ref = REF_VALUE.exec(before);
  if (ref) {
    const quote = ref[2];
    const typed = ref[3];
    const valueStart = character - typed.length;
    // Replace up to the end of the part being edited, so completing inside a path leaves no tail.
    let end = character;
    const hash = typed.indexOf('#');
    while (end < lineText.length && lineText[end] !== quote && !(hash < 0 && lineText[end] === '#') && !lineText.startsWith('}}', end)) end++;
    if (end >= lineText.length || (lineText[end] !== quote && lineText[end] !== '#')) end = character;
    if (hash >= 0) {
      return { kind: 'anchor', start: valueStart + hash + 1, end, prefix: typed.slice(hash + 1), ref: typed.slice(0, hash) };
    }
    return { kind: 'page', start: valueStart, end, prefix: typed };
  }
  const sc = SHORTCODE_NAME.exec(before);
  if (sc) {
    const prefix = sc[3];
    let end = character;
    while (end < lineText.length && NAME_CHAR.test(lineText[end])) end++;
    return { kind: 'shortcode', start: character - prefix.length, end, prefix, closing: sc[2] !== undefined, delimiter: sc[1] as '%' | '<' };
  }
  return undefined;
}

export interface ShortcodeNameItem {
  readonly name: string;
  readonly source: 'site' | 'builtin' | 'open';
}

/**
 * Names to offer after `{{%` / `{{<`: the site's templates, then Hugo's built-ins. After `{{% /`,
 * the shortcodes still open at the cursor come first, innermost first: that is what one closes.
 */
/**
 * `spellings`: each template name's spellings in its file names (the site model's): a template is
 * offered as its file writes it (`myNote`), the spelling every Hugo version finds.
 */
export function shortcodeNameItems(
  templates: ReadonlySet<string> | undefined,
  open: readonly string[] = [],
  spellings?: ReadonlyMap<string, readonly string[]>,
): ShortcodeNameItem[] {
  const out: ShortcodeNameItem[] = [];
  const seen = new Set<string>();
  const push = (name: string, source: ShortcodeNameItem['source']) => {
    const key = shortcodeKey(name);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, source });
  };
  for (const n of open) push(n, 'open');
  for (const n of [...(templates ?? [])].sort()) push(spellings?.get(n)?.[0] ?? n, 'site');
  for (const n of BUILTIN_SHORTCODES) push(n, 'builtin');
  return out;
}

/** Names of the shortcodes opened before `offset` and not closed yet, innermost first. */
export function openShortcodesAt(text: string, offset: number, paired: readonly string[] = []): string[] {
  const doc = parseShortcodes(text, paired);
  const unclosed = new Set(doc.pairErrors.filter((e) => e.code === 'shortcode/unclosed').map((e) => e.tag));
  const out: string[] = [];
  for (let i = 0; i < doc.tags.length; i++) {
    const tag = doc.tags[i];
    if (tag.start >= offset) break;
    const partner = doc.partner[i];
    if (tag.kind !== 'open') continue;
    // Open at the cursor: closed after it, or never closed (and a name that takes a body).
    if (partner >= 0 ? doc.tags[partner].start >= offset : unclosed.has(i)) out.push(tag.name);
  }
  return out.reverse();
}
