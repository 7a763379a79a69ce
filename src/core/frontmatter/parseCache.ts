import { parse } from 'smol-toml';
import { keepResults } from '../memo';

/**
 * smol-toml's `parse`, remembered for the last few thousand front matter blocks: the site model
 * reads every page's front matter (build state, terms) and the checks read it again, so a site-wide
 * check would parse each block twice. The result is shared: callers must not change it (none does).
 * A block that does not parse throws the same error each time. Blocks above 64 KB are parsed each
 * time: not worth keeping.
 */
export const parseTomlCached = keepResults((block) => parse(block) as Record<string, unknown>, { max: 4096, maxKeyLength: 64 * 1024 });

/** Forgets every remembered block (the extension's deactivation). */
export function clearTomlParseCache(): void {
  parseTomlCached.clear();
}
