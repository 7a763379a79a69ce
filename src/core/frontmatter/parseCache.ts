import { parse } from 'smol-toml';

/**
 * smol-toml's `parse`, remembered for the last few thousand front matter blocks: the site model
 * reads every page's front matter (build state, terms) and the checks read it again, so a site-wide
 * check would parse each block twice. The result is shared: callers must not change it (none does).
 * A block that does not parse throws the same error each time.
 */
const MAX_ENTRIES = 4096;
/** Blocks above this size are parsed each time: not worth keeping. */
const MAX_BLOCK = 64 * 1024;
const cache = new Map<string, { value?: Record<string, unknown>; error?: unknown }>();

export function parseTomlCached(block: string): Record<string, unknown> {
  if (block.length > MAX_BLOCK) return parse(block) as Record<string, unknown>;
  let entry = cache.get(block);
  if (entry) {
    // Most recently used last: the oldest go first when the cache is full.
    cache.delete(block);
    cache.set(block, entry);
  } else {
    try {
      entry = { value: parse(block) as Record<string, unknown> };
    } catch (error) {
      entry = { error };
    }
    cache.set(block, entry);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  if (entry.error !== undefined) throw entry.error;
  return entry.value!;
}

/** Forgets every remembered block (the extension's deactivation). */
export function clearTomlParseCache(): void {
  cache.clear();
}
