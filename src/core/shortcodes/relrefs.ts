import { getArg, shortcodeKey, type ShortcodeArg, type ShortcodeTag } from './scan';
import type { RefArgs } from '../site/site';

/**
 * The `ref` / `relref` shortcodes of a page and where their target is written, so diagnostics,
 * document links and completion point at the same characters.
 */
export interface RelrefUse {
  /** Index of the tag in the scan. */
  readonly tag: number;
  /** The target as Hugo reads it (`cabinet/e-cps.md#activer`), or undefined when the tag gives none. */
  readonly ref: string | undefined;
  /** The argument giving the target, when there is one. */
  readonly arg?: ShortcodeArg;
  /** Offsets of the target's text without its quotes. */
  readonly refStart: number;
  readonly refEnd: number;
  /**
   * Whether each character of `ref` stands at `refStart + i` in the page (no escapes), so a part
   * of it (the `#anchor`) can be pointed at precisely.
   */
  readonly exact: boolean;
}

export function isRelrefName(name: string): boolean {
  const key = shortcodeKey(name);
  return key === 'relref' || key === 'ref';
}

/** Hugo's `ref` shortcode takes the path as first positional argument or as `path="…"`. */
function pathArg(tag: ShortcodeTag): ShortcodeArg | undefined {
  const positional = tag.args.find((a) => a.key === undefined);
  return positional ?? tag.args.find((a) => a.key === 'path');
}

export function relrefUses(text: string, tags: readonly ShortcodeTag[]): RelrefUse[] {
  const out: RelrefUse[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if ((tag.kind !== 'open' && tag.kind !== 'self-closing') || !isRelrefName(tag.name)) continue;
    const arg = pathArg(tag);
    if (!arg) {
      out.push({ tag: i, ref: getArg(tag, 'path'), refStart: tag.nameStart, refEnd: tag.nameEnd, exact: false });
      continue;
    }
    const quoted = arg.quote !== '' && arg.valueEnd - arg.valueStart >= 2 && text[arg.valueEnd - 1] === arg.quote;
    const refStart = arg.valueStart + (arg.quote !== '' ? 1 : 0);
    const refEnd = quoted ? arg.valueEnd - 1 : arg.valueEnd;
    out.push({ tag: i, ref: arg.value, arg, refStart, refEnd, exact: text.slice(refStart, refEnd) === arg.value });
  }
  return out;
}

/** The `lang` and `outputFormat` a ref tag gives (named, or the second positional argument). */
export function refArgsOf(tag: ShortcodeTag, path: string): RefArgs {
  const lang = getArg(tag, 'lang');
  const positional = tag.args.filter((a) => a.key === undefined);
  const outputFormat = getArg(tag, 'outputFormat') ?? (positional.length > 1 ? positional[1].value : undefined);
  return { path, ...(lang !== undefined ? { lang } : {}), ...(outputFormat !== undefined && outputFormat !== '' ? { outputFormat } : {}) };
}

