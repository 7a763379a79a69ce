/**
 * Edit distance with transpositions (optimal string alignment), so `titel` is one step from
 * `title`. Stops early beyond `max` to keep suggestions cheap on long unknown keys.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  // Three rows of one buffer, rotated: the row before the previous one (transpositions), the previous one, the current one.
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = rows[prev + j] + 1;
      const ins = rows[cur + j - 1] + 1;
      if (ins < v) v = ins;
      const sub = rows[prev + j - 1] + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const tr = rows[prev2 + j - 2] + 1;
        if (tr < v) v = tr;
      }
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + b.length];
}

/** The rows of {@link editDistance}, grown once and reused: no allocation per comparison. */
let rows = new Int32Array(0);

/**
 * The candidate closest to `word`, compared case-insensitively, if close enough to be a typo:
 * at most one edit for short words, a third of the length for longer ones. First candidate wins ties.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  const list = Array.isArray(candidates) ? (candidates as readonly string[]) : undefined;
  const lowered = list ? lowerCased(list) : undefined;
  let i = -1;
  for (const c of candidates) {
    i++;
    // Too different in length to be within reach: skip before any work.
    if (Math.abs(c.length - w.length) > max) continue;
    const d = editDistance(w, lowered ? lowered[i] : c.toLowerCase(), bestD - 1 < max ? bestD - 1 : max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** A candidate list lower-cased once (page paths are compared with every broken ref of a site). */
function lowerCased(list: readonly string[]): readonly string[] {
  let out = loweredLists.get(list);
  if (!out) loweredLists.set(list, (out = list.map((c) => c.toLowerCase())));
  return out;
}

const loweredLists = new WeakMap<readonly string[], readonly string[]>();
