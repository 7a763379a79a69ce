import type { StateCore, Token } from 'markdown-it';
// markdown-it-attrs' own patterns and transforms: what an attribute list means and where it lands
// stays the package's. Only the loop that tries them is ours (see `curlyAttributesRule`).
import patternsConfig from 'markdown-it-attrs/patterns.js';

/** The options markdown-it-attrs builds its patterns from (its defaults plus ours). */
export interface AttrsOptions {
  readonly leftDelimiter: string;
  readonly rightDelimiter: string;
  readonly allowedAttributes: readonly (string | RegExp)[];
  readonly allowedAttributeValues: readonly (string | RegExp)[];
}

type Rule = { shift?: number; position?: number; [key: string]: unknown };
interface Pattern {
  readonly name: string;
  readonly tests: readonly Rule[];
  transform(tokens: Token[], i: number, j: number | null): void;
}

/** A token that may hold an attribute list: its text, fence info or inline children have the delimiter. */
function mayHold(token: Token, left: string): boolean {
  if (token.content.includes(left) || (token.info && token.info.includes(left))) return true;
  const children = token.children;
  if (children) for (const c of children) if (c.content.includes(left)) return true;
  return false;
}

/**
 * markdown-it-attrs' core rule, with the same patterns, transforms and order, but a pattern is
 * only tried at a token when the tokens its delimiter tests look at can hold the delimiter at all.
 * Its own loop tries every pattern at every token, building closures and key lists each time:
 * on a guide page that was most of the preview's cost. Patterns whose tests read no text (the
 * table metadata passes) are always tried. Skipping is conservative: a token that merely
 * contains the delimiter still goes through the package's full tests.
 */
export function curlyAttributesRule(options: AttrsOptions): (state: StateCore) => void {
  const patterns = (patternsConfig(options) as Pattern[]).map((pattern) => ({
    pattern,
    // Shifts of the tests that read text (content, info or children): all must hold the delimiter.
    anchors: pattern.tests
      .filter((t) => t.shift !== undefined && ('content' in t || 'info' in t || 'children' in t))
      .map((t) => t.shift as number),
    // Token types the tests require at fixed shifts: compared first, with no allocation.
    types: pattern.tests
      .filter((t) => t.shift !== undefined && typeof t.type === 'string')
      .map((t) => [t.shift as number, t.type as string] as const),
    retry: pattern.name === 'inline attributes' || pattern.name === 'inline nesting 0',
  }));
  const left = options.leftDelimiter;
  // Flat arrays for the hot loop (it runs for every pattern at every token): the first required
  // token type of each pattern, checked before anything else.
  const firstShift = patterns.map((p) => (p.types.length > 0 ? p.types[0][0] : 0));
  const firstType = patterns.map((p) => (p.types.length > 0 ? p.types[0][1] : undefined));
  const count = patterns.length;
  return (state) => {
    const tokens = state.tokens;
    // Once per token, not once per pattern: the patterns tried at one position ask about the same
    // few tokens, so a tiny cache of the last answers is enough (a map over the whole page cost more
    // than it saved). A token's text only loses delimiters as the transforms run, so a remembered
    // "may hold" can only be conservative.
    const seen: (Token | undefined)[] = [undefined, undefined, undefined, undefined];
    const answer = [false, false, false, false];
    let next = 0;
    const tokenMayHold = (t: Token | undefined): boolean => {
      if (!t) return false;
      for (let k = 0; k < 4; k++) if (seen[k] === t) return answer[k];
      const h = mayHold(t, left);
      seen[next] = t;
      answer[next] = h;
      next = (next + 1) & 3;
      return h;
    };
    for (let i = 0; i < tokens.length; i++) {
      for (let p = 0; p < count; p++) {
        const type = firstType[p];
        if (type !== undefined && tokens[i + firstShift[p]]?.type !== type) continue;
        const { pattern, anchors, types, retry } = patterns[p];
        let skip = false;
        for (let k = 1; k < types.length; k++) {
          if (tokens[i + types[k][0]]?.type !== types[k][1]) {
            skip = true;
            break;
          }
        }
        if (skip) continue;
        for (let k = 0; k < anchors.length; k++) {
          const s = anchors[k];
          if (i + s < 0 || !tokenMayHold(tokens[i + s])) {
            skip = true;
            break;
          }
        }
        if (skip) continue;
        let j: number | null = null;
        const match = pattern.tests.every((t) => {
          const res = test(tokens, i, t);
          if (res.j !== null) j = res.j;
          return res.match;
        });
        if (!match) continue;
        try {
          pattern.transform(tokens, i, j);
          if (retry) p--; // several inline attribute lists may follow each other
        } catch {
          // The package logs and goes on; the preview goes on without that attribute list.
        }
      }
    }
  };

}

// `test`, `get` and the two type checks below are markdown-it-attrs' own (MIT, Arve Seljebu),
// unchanged but for types and a rule's keys listed once, since the package does not export them.

function test(tokens: Token[], i: number, t: Rule): { match: boolean; j: number | null } {
  const res: { match: boolean; j: number | null } = { match: false, j: null };
  const ii = t.shift !== undefined ? i + t.shift : (t.position as number);
  if (t.shift !== undefined && ii < 0) return res;
  const token = get(tokens, ii) as unknown as Record<string, unknown> | undefined;
  if (token === undefined) return res;
  for (const key of keysOf(t)) {
    if (token[key] === undefined) return res;
    if (key === 'children' && isArrayOfObjects(t.children)) {
      const children = token.children as Token[];
      if (children.length === 0) return res;
      let match = false;
      const childTests = t.children as Rule[];
      if (childTests.every((tt) => tt.position !== undefined)) {
        match = childTests.every((tt) => test(children, tt.position as number, tt).match);
        if (match) {
          const j = (childTests[childTests.length - 1] ?? {}).position as number;
          res.j = j >= 0 ? j : children.length + j;
        }
      } else {
        const anchors = childAnchors(childTests);
        for (let j = 0; j < children.length; j++) {
          // Same shortcut as for tokens: a child a content test reads must hold the delimiter.
          if (anchors.some((s) => !children[j + s]?.content.includes(LEFT))) continue;
          match = childTests.every((tt) => test(children, j, tt).match);
          if (match) {
            res.j = j;
            break;
          }
        }
      }
      if (match === false) return res;
      continue;
    }
    const expected = t[key];
    switch (typeof expected) {
      case 'boolean':
      case 'number':
      case 'string':
        if (token[key] !== expected) return res;
        break;
      case 'function':
        if (!(expected as (v: unknown) => boolean)(token[key])) return res;
        break;
      default:
        // An array of predicates; any other object is not a test (the package throws too).
        if (!isArrayOfFunctions(expected)) throw new Error(`Unknown type of pattern test (key: ${key}).`);
        if (!(expected as ((v: unknown) => boolean)[]).every((f) => f(token[key]))) return res;
    }
  }
  res.match = true;
  return res;
}

/** The package's only delimiter in MedGuide (its default). */
const LEFT = '{';

/** Shifts of the child tests that read a child's content, once per list of child tests. */
const childAnchorCache = new WeakMap<readonly Rule[], readonly number[]>();
function childAnchors(tests: readonly Rule[]): readonly number[] {
  let anchors = childAnchorCache.get(tests);
  if (!anchors) {
    anchors = tests.filter((t) => t.shift !== undefined && 'content' in t).map((t) => t.shift as number);
    childAnchorCache.set(tests, anchors);
  }
  return anchors;
}

/** A rule's keys other than shift/position, listed once per rule (the rules never change). */
const ruleKeys = new WeakMap<Rule, readonly string[]>();
function keysOf(t: Rule): readonly string[] {
  let keys = ruleKeys.get(t);
  if (!keys) ruleKeys.set(t, (keys = Object.keys(t).filter((k) => k !== 'shift' && k !== 'position')));
  return keys;
}

function isArrayOfObjects(arr: unknown): boolean {
  return Array.isArray(arr) && arr.length > 0 && arr.every((i) => typeof i === 'object');
}

function isArrayOfFunctions(arr: unknown): boolean {
  return Array.isArray(arr) && arr.length > 0 && arr.every((i) => typeof i === 'function');
}

function get<T>(arr: readonly T[], n: number): T | undefined {
  return n >= 0 ? arr[n] : arr[arr.length + n];
}
