import { parseArgs } from 'node:util';

/**
 * A command's arguments split by Node's `util.parseArgs` (non-strict, with tokens), in the order they
 * were written, so each command reads them in one loop and answers the first problem as before:
 * - `flag`: a boolean option (`--force`, `-h`);
 * - `value`: an option with its value (`--lang fr`, `--lang=fr`; the next argument is the value even
 *   when it starts with `-`, as POSIX utilities read option-arguments);
 * - `missing`: a value option at the end of the line;
 * - `unknown`: an option the command does not have, or a flag given a value (`--force=yes`), or a
 *   group of short options (`-hx`), each with the argument as typed;
 * - `positional`: anything else (`-` included); `--` ends the options, and what follows is positional
 *   with `afterDashes`.
 */
export type ArgItem =
  | { readonly kind: 'flag'; readonly name: string }
  | { readonly kind: 'value'; readonly name: string; readonly value: string }
  | { readonly kind: 'missing'; readonly name: string }
  | { readonly kind: 'unknown'; readonly raw: string; readonly name: string }
  | { readonly kind: 'dashes' }
  | { readonly kind: 'positional'; readonly value: string; readonly afterDashes: boolean };

export interface ArgSpec {
  /** Boolean options, long names with their dashes (`--help`); `-h` is `--help`'s short form. */
  readonly flags: readonly string[];
  /** Options that take a value (`--lang`). */
  readonly values: readonly string[];
}

export function readArgs(args: readonly string[], spec: ArgSpec): ArgItem[] {
  const options: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const f of spec.flags) options[f.slice(2)] = { type: 'boolean', ...(f === '--help' ? { short: 'h' } : {}) };
  for (const v of spec.values) options[v.slice(2)] = { type: 'string' };
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const out: ArgItem[] = [];
  let afterDashes = false;
  let lastGroup = -1;
  for (const t of tokens) {
    if (t.kind === 'option-terminator') {
      out.push({ kind: 'dashes' });
      afterDashes = true;
    } else if (t.kind === 'positional') {
      out.push({ kind: 'positional', value: t.value, afterDashes });
    } else {
      const raw = args[t.index];
      const eq = raw.indexOf('=');
      const name = eq >= 0 ? raw.slice(0, eq) : raw;
      const known = options[t.name];
      if (!raw.startsWith('--') && raw.length > 2) {
        // A group of short options (-hx) is one unknown argument, reported once.
        if (t.index !== lastGroup) out.push({ kind: 'unknown', raw, name });
        lastGroup = t.index;
      } else if (!known) {
        out.push({ kind: 'unknown', raw, name });
      } else if (known.type === 'boolean') {
        out.push(t.value === undefined ? { kind: 'flag', name: `--${t.name}` } : { kind: 'unknown', raw, name });
      } else {
        out.push(t.value === undefined ? { kind: 'missing', name: `--${t.name}` } : { kind: 'value', name: `--${t.name}`, value: t.value });
      }
    }
  }
  return out;
}
