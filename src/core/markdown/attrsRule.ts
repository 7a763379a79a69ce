import type { StateCore, Token } from 'markdown-it';
// markdown-it-attrs' own patterns and transforms: what an attribute list means and where it lands
// stays the package's. Only the loop that tries them is ours (see `curlyAttributesRule`).
import patternsConfig from 'markdown-it-attrs/patterns.js';
import attrsUtils from 'markdown-it-attrs/utils.js';

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
function mayHoldAny(token: Token, left: string): boolean {
  const content = token.content;
  if (content.includes(left) || (token.info && token.info.includes(left))) return true;
  const children = token.children;
  if (!children) return false;
  // A child's text comes from the token's own text, except where inline rules decode it: a
  // backslash escape or an entity (not text tokens), a percent-encoded link (linkify). Without
  // those, a token whose text has no delimiter has no child with one.
  if (!content.includes('\\') && !content.includes('%') && !content.includes('&')) return false;
  for (const c of children) if (c.content.includes(left)) return true;
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
export function curlyAttributesRule(
  options: AttrsOptions,
  /**
   * When given and it answers: the only inline tokens of the state that may hold the delimiter
   * (found by a pass made anyway before this rule); other inline tokens are not read.
   */
  inlineHintOf?: (state: StateCore) => ReadonlySet<Token> | undefined,
): (state: StateCore) => void {
  const { list, delimiterTests } = buildPatterns(options);
  const shortcuts: Shortcuts = { delimiterTests, left: options.leftDelimiter, right: options.rightDelimiter };
  const patterns = list.map((pattern) => ({
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
    matchers: pattern.tests.map((t) => compileTest(pattern.name === END_OF_BLOCK ? endOfBlockShortcut(t, shortcuts.right) : t, shortcuts)),
  }));
  const left = options.leftDelimiter;
  // Flat arrays for the hot loop (it runs for every pattern at every token): the first required
  // token type of each pattern, checked before anything else.
  const firstShift = patterns.map((p) => (p.types.length > 0 ? p.types[0][0] : 0));
  const firstType = patterns.map((p) => (p.types.length > 0 ? p.types[0][1] : undefined));
  const count = patterns.length;
  // Where a pattern can start at all: a token at one of these shifts may hold the delimiter, or the
  // token itself has a type that a pattern reading no text starts with (the table passes). At any
  // other position no pattern can match, so none is tried: one or two checks per token instead of
  // one per pattern.
  const anchorShifts = [...new Set(patterns.flatMap((p) => p.anchors))].sort((a, b) => a - b);
  const untexted = patterns.filter((p) => p.anchors.length === 0);
  const alwaysTry = untexted.some((p) => p.types.length === 0 || p.types[0][0] !== 0);
  const startTypes = [...new Set(untexted.map((p) => (p.types.length > 0 ? p.types[0][1] : '')))];
  // A couple of types (the table passes): compared directly, cheaper than a set lookup per token.
  const isStartType = (type: string): boolean => {
    for (let k = 0; k < startTypes.length; k++) if (startTypes[k] === type) return true;
    return false;
  };
  const minShift = anchorShifts.length > 0 ? anchorShifts[0] : 0;
  const maxShift = anchorShifts.length > 0 ? anchorShifts[anchorShifts.length - 1] : -1;
  return (state) => {
    const tokens = state.tokens;
    const hint = inlineHintOf?.(state);
    // An inline token the hint leaves out has none of the characters its text would need (unless
    // something gave it fence info, read as the package would).
    const mayHold =
      hint === undefined
        ? mayHoldAny
        : (t: Token, l: string): boolean => (t.type !== 'inline' || hint.has(t) || t.info !== '' ? mayHoldAny(t, l) : false);
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
    // The first token at or after some index that may hold the delimiter (tokens.length: none),
    // found by one forward scan and kept while no transform changes the tokens.
    let nextHold = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (!alwaysTry && !isStartType(tokens[i].type)) {
        const from = i + minShift < 0 ? 0 : i + minShift;
        if (nextHold < from) {
          nextHold = from;
          while (nextHold < tokens.length && !mayHold(tokens[nextHold], left)) nextHold++;
        }
        if (nextHold > i + maxShift) continue;
      }
      for (let p = 0; p < count; p++) {
        const type = firstType[p];
        if (type !== undefined && tokens[i + firstShift[p]]?.type !== type) continue;
        const { pattern, anchors, types, retry, matchers } = patterns[p];
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
        let match = true;
        for (let k = 0; k < matchers.length; k++) {
          const r = matchers[k](tokens, i);
          if (r === NO_MATCH) {
            match = false;
            break;
          }
          if (r >= 0) j = r;
        }
        if (!match) continue;
        try {
          nextHold = -1; // the tokens may have changed: scan again
          pattern.transform(tokens, i, j);
          if (retry) p--; // several inline attribute lists may follow each other
        } catch {
          // The package logs and goes on; the preview goes on without that attribute list.
        }
      }
    }
  };

}

/** Where a delimiter test of the patterns (`utils.hasDelimiters(where)`) looks for the attribute list. */
type DelimiterWhere = 'start' | 'end' | 'only';

/** What compiled tests may use to answer "no" without calling the package's function. */
interface Shortcuts {
  readonly delimiterTests: WeakMap<object, DelimiterWhere>;
  readonly left: string;
  readonly right: string;
}

/**
 * The package's patterns, and for each delimiter test among their tests, where it looks. patterns.js
 * makes those tests by calling `utils.hasDelimiters(where, options)` while it builds the list, so the
 * call is observed for that time (and put back at once). The package is pinned byte for byte
 * (test/unit/markdown/attrsInternals.test.ts).
 */
function buildPatterns(options: AttrsOptions): { list: Pattern[]; delimiterTests: WeakMap<object, DelimiterWhere> } {
  const delimiterTests = new WeakMap<object, DelimiterWhere>();
  const utils = attrsUtils;
  const original = utils.hasDelimiters;
  utils.hasDelimiters = (where, opts) => {
    const test = original(where, opts);
    if (where === 'start' || where === 'end' || where === 'only') delimiterTests.set(test, where);
    return test;
  };
  try {
    return { list: patternsConfig(options) as Pattern[], delimiterTests };
  } finally {
    utils.hasDelimiters = original;
  }
}

/**
 * What `hasDelimiters(where)` requires of a text before it reads it: `start` finds the list at offset
 * 0, `end` needs the right delimiter to end the text, `only` both (see utils.js). Reading a text for
 * its delimiters goes character by character, over a whole paragraph for `end`: most texts fail
 * these two comparisons first.
 */
function mayHaveDelimiters(where: DelimiterWhere, text: string, left: string, right: string): boolean {
  if (where === 'start') return text.startsWith(left);
  if (where === 'end') return text.endsWith(right);
  return text.startsWith(left) && text.endsWith(right);
}

/** The pattern whose children test is `endOfBlockSearch(children) !== null` (patterns.js). */
const END_OF_BLOCK = 'end of block';

/**
 * The "end of block" pattern's children test picks one text child (the last one that is not blank,
 * outside any inline tag) and asks `hasDelimiters('end')` about it: it needs a text child that ends
 * with the right delimiter, which is checked first.
 */
function endOfBlockShortcut(t: Rule, right: string): Rule {
  const children = t.children;
  if (typeof children !== 'function') return t;
  const search = children as (arr: unknown) => boolean;
  const shortcut = (arr: unknown): boolean => {
    if (!Array.isArray(arr)) return search(arr);
    let candidate = false;
    for (let k = 0; k < arr.length && !candidate; k++) {
      const c = arr[k] as Token;
      candidate = c.type === 'text' && typeof c.content === 'string' && c.content.endsWith(right);
    }
    return candidate && search(arr);
  };
  return { ...t, children: shortcut };
}

// `compileTest` is markdown-it-attrs' own `test` (MIT, Arve Seljebu), which the package does not
// export, turned into a function built once per rule: the same checks in the same order, without
// listing a rule's keys or allocating a result at every call (see `test` in the package's index.js).

/** What a compiled test returns: no match, a match, or a match that found child `j` (≥ 0). */
const NO_MATCH = -2;
const MATCH = -1;
type Matcher = (tokens: readonly Token[], i: number) => number;
type KeyCheck = (token: Record<string, unknown>) => number;

export function compileTest(t: Rule, shortcuts?: Shortcuts): Matcher {
  const shift = t.shift;
  const position = t.position as number;
  const checks = Object.keys(t)
    .filter((k) => k !== 'shift' && k !== 'position')
    .map((key) => compileKey(key, t, shortcuts));
  return (tokens, i) => {
    const ii = shift !== undefined ? i + shift : position;
    if (shift !== undefined && ii < 0) return NO_MATCH;
    const token = get(tokens, ii) as unknown as Record<string, unknown> | undefined;
    if (token === undefined) return NO_MATCH;
    let j = MATCH;
    for (let k = 0; k < checks.length; k++) {
      const r = checks[k](token);
      if (r === NO_MATCH) return NO_MATCH;
      if (r >= 0) j = r;
    }
    return j;
  };
}

function compileKey(key: string, t: Rule, shortcuts?: Shortcuts): KeyCheck {
  if (key === 'children' && isArrayOfObjects(t.children)) {
    const childTests = t.children as Rule[];
    const matchers = childTests.map((c) => compileTest(c, shortcuts));
    if (childTests.every((tt) => tt.position !== undefined)) {
      const positions = childTests.map((tt) => tt.position as number);
      const last = positions[positions.length - 1];
      return (token) => {
        if (token.children === undefined) return NO_MATCH;
        const children = token.children as Token[];
        if (children.length === 0) return NO_MATCH;
        for (let k = 0; k < matchers.length; k++) if (matchers[k](children, positions[k]) === NO_MATCH) return NO_MATCH;
        return last >= 0 ? last : children.length + last;
      };
    }
    // Shifts of the child tests that read a child's content: such a child must hold the delimiter
    // (our shortcut; the package tries every child). Where the content test is a delimiter test,
    // the child must pass its first comparisons (`mayHaveDelimiters`, as the compiled test asks
    // first): a look at the text's first or last character rather than a search through it.
    const anchorTests = childTests.filter((tt) => tt.shift !== undefined && 'content' in tt);
    const anchors = anchorTests.map((tt) => tt.shift as number);
    const anchorWhere = anchorTests.map((tt) => (typeof tt.content === 'function' ? shortcuts?.delimiterTests.get(tt.content) : undefined));
    const left = shortcuts?.left ?? LEFT;
    const right = shortcuts?.right ?? '}';
    const holdsAt = (child: Token | undefined, k: number): boolean => {
      if (child === undefined) return false;
      const where = anchorWhere[k];
      if (where !== undefined && typeof child.content === 'string' && !mayHaveDelimiters(where, child.content, left, right)) return false;
      return child.content.includes(LEFT);
    };
    return (token) => {
      if (token.children === undefined) return NO_MATCH;
      const children = token.children as Token[];
      if (children.length === 0) return NO_MATCH;
      for (let j = 0; j < children.length; j++) {
        let holds = true;
        for (let k = 0; k < anchors.length && holds; k++) holds = holdsAt(children[j + anchors[k]], k);
        if (!holds) continue;
        let match = true;
        for (let k = 0; k < matchers.length && match; k++) match = matchers[k](children, j) !== NO_MATCH;
        if (match) return j;
      }
      return NO_MATCH;
    };
  }
  const expected = t[key];
  // The keys the package's patterns test, read directly (a computed key is a slow property read).
  const read = READERS[key] ?? ((token: Record<string, unknown>) => token[key]);
  switch (typeof expected) {
    case 'boolean':
    case 'number':
    case 'string':
      // `undefined` (the package's first check) never equals such a value.
      if (key === 'type') return (token) => (token.type === expected ? MATCH : NO_MATCH);
      return (token) => (read(token) === expected ? MATCH : NO_MATCH);
    case 'function': {
      const f = expected as (v: unknown) => boolean;
      const where = shortcuts?.delimiterTests.get(f);
      if (where !== undefined) {
        // A delimiter test: false for anything but a string (utils.js), and for a string that fails
        // its first comparisons (mayHaveDelimiters).
        const { left, right } = shortcuts!;
        return (token) => {
          const v = read(token);
          return typeof v !== 'string' || !mayHaveDelimiters(where, v, left, right) || !f(v) ? NO_MATCH : MATCH;
        };
      }
      return (token) => {
        const v = read(token);
        return v === undefined || !f(v) ? NO_MATCH : MATCH;
      };
    }
    default: {
      // An array of predicates; any other object is not a test (the package throws when it meets one).
      const fs = expected as ((v: unknown) => boolean)[];
      return (token) => {
        if (token[key] === undefined) return NO_MATCH;
        if (!isArrayOfFunctions(expected)) throw new Error(`Unknown type of pattern test (key: ${key}).`);
        return fs.every((f) => f(token[key])) ? MATCH : NO_MATCH;
      };
    }
  }
}

const READERS: Readonly<Record<string, (token: Record<string, unknown>) => unknown>> = {
  type: (token) => token.type,
  content: (token) => token.content,
  children: (token) => token.children,
  info: (token) => token.info,
  nesting: (token) => token.nesting,
  hidden: (token) => token.hidden,
};

/** The package's only delimiter in MedGuide (its default). */
const LEFT = '{';

function isArrayOfObjects(arr: unknown): boolean {
  return Array.isArray(arr) && arr.length > 0 && arr.every((i) => typeof i === 'object');
}

function isArrayOfFunctions(arr: unknown): boolean {
  return Array.isArray(arr) && arr.length > 0 && arr.every((i) => typeof i === 'function');
}

function get<T>(arr: readonly T[], n: number): T | undefined {
  return n >= 0 ? arr[n] : arr[arr.length + n];
}
