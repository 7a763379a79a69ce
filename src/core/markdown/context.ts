import { hasUnterminatedString, scanShortcodes, shortcodeKey, type ShortcodeTag } from '../shortcodes/scan';
import { DEFAULT_PAIRED_SHORTCODES, pairShortcodes } from '../shortcodes/pair';
import { listResolver, type ResolveResult } from '../relref/resolve';
import { resolveSettings, type MedguidePluginOptions, type ResolvedSettings } from './options';
import { refArgsOf } from '../shortcodes/relrefs';
import type { RefResolver } from '../shortcodes/diagnostics';

/**
 * What one parse needs beyond markdown-it's state: the settings read at its start, every shortcode
 * tag of the page with its partner (scanned once, so finding a closing tag never rescans the page),
 * and the relref lookup.
 */
export interface ParseContext {
  /** Read at the start of the parse; the page's front matter may change `lang`. */
  settings: ResolvedSettings;
  /** Tags by the offset of their first `{` in the normalized source. */
  readonly tagsByStart: ReadonlyMap<number, { readonly tag: ShortcodeTag; readonly close?: ShortcodeTag }>;
  readonly env: unknown;
  readonly currentPage: string | undefined;
  /** The normalized source the page is parsed from. */
  readonly src: string;
  /**
   * Where each source line starts and ends, from markdown-it's block state (set by the first block
   * rule of ours to see it; it has measured every line already, and restores its marks after
   * nested blocks). Lets later rules read a line without measuring the page again.
   */
  lineMarks?: { readonly bMarks: readonly number[]; readonly eMarks: readonly number[] };
  /** undefined when no page index is available: refs are then not checked. `tag` gives `lang` and `outputFormat`. */
  resolve(ref: string, tag?: ShortcodeTag): ResolveResult | undefined;
  href(path: string, anchor: string | undefined): string;
}

/** The names that take a body under some settings (resolved settings are shared while unchanged, see `resolveSettings`). */
const pairedBySettings = new WeakMap<ResolvedSettings, readonly string[]>();

function pairedNames(settings: ResolvedSettings): readonly string[] {
  let names = pairedBySettings.get(settings);
  if (!names) {
    const all = [...DEFAULT_PAIRED_SHORTCODES, ...settings.alertShortcodes.keys(), ...settings.pairedShortcodes];
    const standalone = settings.standaloneShortcodes;
    pairedBySettings.set(settings, (names = standalone.size > 0 ? all.filter((n) => !standalone.has(shortcodeKey(n))) : all));
  }
  return names;
}

export function createParseContext(src: string, env: unknown, options: MedguidePluginOptions): ParseContext {
  const settings = resolveSettings(options, env);
  const { tags } = scanShortcodes(src);
  const { partner } = pairShortcodes(tags, pairedNames(settings));
  const tagsByStart = new Map<number, { tag: ShortcodeTag; close?: ShortcodeTag }>();
  tags.forEach((tag, i) => {
    // Same rule as the inline scan: a tag cut short by an unterminated string stays Markdown text.
    if (hasUnterminatedString(tag)) return;
    if (tag.kind === 'open' || tag.kind === 'self-closing') {
      tagsByStart.set(tag.start, { tag, close: partner[i] >= 0 ? tags[partner[i]] : undefined });
    }
  });

  let currentPage: string | undefined;
  try {
    currentPage = options.getCurrentPage?.(env) ?? undefined;
  } catch {
    currentPage = undefined;
  }
  // One lookup: the site model's resolver, or Hugo's rules over a plain list of pages.
  let resolver: RefResolver | undefined | null = null; // null: not asked yet

  return {
    settings,
    src,
    tagsByStart,
    env,
    currentPage,
    resolve(ref, tag) {
      if (resolver === null) {
        try {
          resolver = options.getRefResolver?.(env);
          if (!resolver) {
            const list = options.getPageIndex?.(env);
            resolver = list ? listResolver(list, currentPage) : undefined;
          }
        } catch {
          resolver = undefined;
        }
      }
      if (!resolver) return undefined;
      const v = resolver.resolve(tag ? refArgsOf(tag, ref) : { path: ref });
      if (v.kind === 'found') return { kind: 'found', path: v.file ?? v.path, anchor: v.anchor };
      return v.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: v.candidates } : { kind: 'not-found' };
    },
    href(path, anchor) {
      if (options.resolveHref) return options.resolveHref(path, anchor, env);
      return defaultHref(currentPage, path, anchor);
    },
  };
}

/** A path from the current page's folder to `path` (both content-relative), plus the anchor. */
export function defaultHref(currentPage: string | undefined, path: string, anchor: string | undefined): string {
  const hash = anchor !== undefined && anchor !== '' ? `#${anchor}` : '';
  if (currentPage !== undefined && currentPage === path && hash) return hash;
  const from = currentPage !== undefined ? currentPage.split('/').slice(0, -1) : [];
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].join('/') + hash;
}

export function isPairedName(ctx: ParseContext, name: string): boolean {
  const key = shortcodeKey(name);
  if (ctx.settings.standaloneShortcodes.has(key)) return false;
  return DEFAULT_PAIRED_SHORTCODES.includes(key) || ctx.settings.alertShortcodes.has(key) || ctx.settings.pairedShortcodes.some((n) => shortcodeKey(n) === key);
}
