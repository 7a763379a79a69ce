/**
 * The core's two ways of not doing the same work twice, written once. Every memo here can be
 * emptied (`clear()`): the extension empties them on deactivation (src/extension/caches.ts).
 */

/** A function that keeps what it computed, and can forget it. */
export type Memo<A extends unknown[], R> = ((...args: A) => R) & { clear(): void };

/**
 * `fn` with its last call kept: called again with the same arguments (`===` each), it returns the
 * same result without running. For work that several steps ask for in a row on the same input
 * (a page's text, the preview's settings), where keeping more than the last one buys nothing.
 */
export function keepLastCall<A extends unknown[], R>(fn: (...args: A) => R): Memo<A, R> {
  let lastArgs: A | undefined;
  let lastResult: R | undefined;
  const call = (...args: A): R => {
    if (lastArgs !== undefined && sameArgs(lastArgs, args)) return lastResult as R;
    const result = fn(...args);
    lastArgs = args;
    lastResult = result;
    return result;
  };
  return Object.assign(call, {
    clear(): void {
      lastArgs = undefined;
      lastResult = undefined;
    },
  });
}

/** Whether two lists hold the same items (`===` each), in the same order. */
export function sameArgs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface KeepResultsOptions {
  /** How many results are kept; the least recently used goes first. */
  readonly max: number;
  /** Keys longer than this are computed each time: a long string is not held alive by the memo. */
  readonly maxKeyLength?: number;
  /**
   * Compute from, and keep under, a copy of the key: a key sliced from a page (a line, a front
   * matter block) would otherwise keep the whole page alive, and so would values sliced from it.
   */
  readonly copyKey?: boolean;
}

/** A string of its own, not a slice or a concatenation still pointing at the text it came from. */
export function copyString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/**
 * `fn` of a string with its results kept, the recently used ones (what throws throws again, the
 * same error): a result used again at least once every `max / 2` new keys stays, the least
 * recently used go first. For values a site repeats over many pages (a date, a taxonomy term, a
 * front matter block). A kept result is shared: callers must not change it.
 */
export function keepResults<R>(fn: (key: string) => R, { max, maxKeyLength = Infinity, copyKey = false }: KeepResultsOptions): Memo<[string], R> {
  const kept = new Map<string, { key: string; value?: R; error?: unknown; threw: boolean; at: number }>();
  // Places taken at the recent end of `kept` so far: how recent an entry's place is (its `at`).
  let clock = 0;
  const call = (given: string): R => {
    if (given.length > maxKeyLength) return fn(given);
    let entry = kept.get(given);
    if (entry) {
      // Used again: moved to the recent end (under the key it was kept under), the oldest go first
      // when full. Not when its place is among the newer half already: it is far from going, and
      // a move costs a delete and an insertion on every hit of a memo hit thousands of times a run.
      if (clock - entry.at >= max / 2) {
        kept.delete(given);
        entry.at = ++clock;
        kept.set(entry.key, entry);
      }
    } else {
      const key = copyKey ? copyString(given) : given;
      try {
        entry = { key, value: fn(key), threw: false, at: ++clock };
      } catch (error) {
        entry = { key, error, threw: true, at: ++clock };
      }
      kept.set(key, entry);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
    }
    if (entry.threw) throw entry.error;
    return entry.value as R;
  };
  return Object.assign(call, {
    clear(): void {
      kept.clear();
    },
  });
}
