/**
 * Edit distance with transpositions (optimal string alignment), so `titel` is one step from
 * `title`. Stops early beyond `max` to keep suggestions cheap on long unknown keys.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `word`, compared case-insensitively, if close enough to be a typo:
 * at most one edit for short words, a third of the length for longer ones. First candidate wins ties.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    // Too different in length to be within reach: skip before any work.
    if (Math.abs(c.length - w.length) > max) continue;
    const d = editDistance(w, c.toLowerCase(), bestD - 1 < max ? bestD - 1 : max);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
