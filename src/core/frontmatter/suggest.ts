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
  const prepared = list ? preparedList(list) : undefined;
  const wordBag = prepared ? bagOf(w) : undefined;
  let i = -1;
  for (const c of candidates) {
    i++;
    const limit = bestD - 1 < max ? bestD - 1 : max;
    // Too different in length to be within reach: skip before any work.
    if (Math.abs(c.length - w.length) > limit) continue;
    // Too different in letters: each edit changes the letters of either side by one at most.
    if (prepared && wordBag && bagDistance(wordBag, prepared.bags, i) > limit) continue;
    const d = editDistance(w, prepared ? prepared.lowered[i] : c.toLowerCase(), limit);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** Letters are counted in this many buckets (by UTF-16 code modulo): a bucket shared by two letters only lowers the bound. */
const BAG = 64;

/** A string's letter counts, per bucket. */
function bagOf(s: string, into = new Uint16Array(BAG), at = 0): Uint16Array {
  for (let k = 0; k < s.length; k++) into[at + (s.charCodeAt(k) & (BAG - 1))]++;
  return into;
}

/**
 * A lower bound of the edit distance between the word and candidate `i` (Bartolini's bag distance):
 * the larger of the letters one side has and the other lacks. An insertion, deletion or
 * substitution changes each side's excess by one at most, a transposition not at all.
 */
function bagDistance(word: Uint16Array, bags: Uint16Array, i: number): number {
  let more = 0;
  let less = 0;
  const at = i * BAG;
  for (let k = 0; k < BAG; k++) {
    const d = word[k] - bags[at + k];
    if (d > 0) more += d;
    else less -= d;
  }
  return more > less ? more : less;
}

/** A candidate list lower-cased once, with its letter counts (page paths are compared with every broken ref of a site). */
function preparedList(list: readonly string[]): { lowered: readonly string[]; bags: Uint16Array } {
  let out = preparedLists.get(list);
  if (!out) {
    const lowered = list.map((c) => (typeof c === 'string' ? c.toLowerCase() : ''));
    const bags = new Uint16Array(lowered.length * BAG);
    lowered.forEach((c, i) => bagOf(c, bags, i * BAG));
    preparedLists.set(list, (out = { lowered, bags }));
  }
  return out;
}

const preparedLists = new WeakMap<readonly string[], { lowered: readonly string[]; bags: Uint16Array }>();
