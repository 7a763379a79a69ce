import type { Severity } from '../diagnostic';
import { type Lang, localize } from '../l10n';
import { DEFAULT_KEY_RULES, HUGO_KEY_NAMES, ruleText, type KeyRule, type KeyType } from './keys';

/** A severity as configured: `off` drops the diagnostic. */
export type ConfiguredSeverity = Severity | 'off';

/** Everything the validator needs for one page: built-in rules, merged with the site's and its section's. */
export interface PageRules {
  /** Lower-case key name → rule. */
  readonly keys: ReadonlyMap<string, KeyRule>;
  /** Code → severity override (`off` removes the diagnostic). */
  readonly severity: ReadonlyMap<string, ConfiguredSeverity>;
  /** The page is listed in `skip`: nothing to check. */
  readonly skip: boolean;
}

export const DEFAULT_PAGE_RULES: PageRules = {
  keys: DEFAULT_KEY_RULES,
  severity: new Map(),
  skip: false,
};

/** A rule with its lower-case key. */
export interface RuleEntry {
  readonly lower: string;
  readonly rule: KeyRule;
}

/** The rules of a page as lists, by the checks that read them: iterated on every page without a Map iterator's entries. */
export interface RuleLists {
  /** Every rule, in the rules' order. */
  readonly all: readonly RuleEntry[];
  readonly date: readonly RuleEntry[];
  readonly year: readonly RuleEntry[];
  readonly stringArray: readonly RuleEntry[];
  /** `string` and `string-array` rules. */
  readonly strings: readonly RuleEntry[];
  /** Rules with a minimum or a maximum. */
  readonly bounded: readonly RuleEntry[];
}

const ruleListCache = new WeakMap<ReadonlyMap<string, KeyRule>, RuleLists>();

/** The page's rules as lists, built once per set of key rules. */
export function ruleLists(rules: PageRules): RuleLists {
  let lists = ruleListCache.get(rules.keys);
  if (!lists) {
    const all: RuleEntry[] = [];
    for (const [lower, rule] of rules.keys) all.push({ lower, rule });
    lists = {
      all,
      date: all.filter((e) => e.rule.type === 'date'),
      year: all.filter((e) => e.rule.type === 'year'),
      stringArray: all.filter((e) => e.rule.type === 'string-array'),
      strings: all.filter((e) => e.rule.type === 'string' || e.rule.type === 'string-array'),
      bounded: all.filter((e) => e.rule.minimum !== undefined || e.rule.maximum !== undefined),
    };
    ruleListCache.set(rules.keys, lists);
  }
  return lists;
}

/** The rule of a key, matched case-insensitively as Hugo does. */
export function findKeyRule(rules: PageRules, key: string): KeyRule | undefined {
  return rules.keys.get(key.toLowerCase());
}

/** Whether Hugo or the site knows the key. */
export function isKnownKey(rules: PageRules, key: string): boolean {
  const lower = key.toLowerCase();
  return rules.keys.has(lower) || HUGO_KEY_NAMES.has(lower);
}

/**
 * Severity after the site's overrides; `undefined` when turned off. `origin`: the source of the rule
 * behind the finding, when the finding names one (a diagnostic's `data.origin`).
 */
export function effectiveSeverity(rules: PageRules, code: string, fallback: Severity, origin?: unknown): Severity | undefined {
  const s = rules.severity.get(code);
  if (s === 'off') return undefined;
  // A rule inferred from the site's pages is a guess the authors never wrote: what it finds is a
  // warning, not an error that fails their CI, unless `[severity]` says otherwise. Written into
  // `.medguide.toml` (`medguide init`), it becomes the site's own rule, an error like the others.
  if (s === undefined && fallback === 'error' && origin === 'inferred') return 'warning';
  return s ?? fallback;
}

/** What completion and hover show for a key. */
export interface KeyDescription {
  readonly name: string;
  readonly type: KeyType;
  readonly required: boolean;
  readonly hugo: boolean;
  readonly values: readonly string[];
  readonly closed: boolean;
  readonly description: string;
  readonly rule: string;
}

export function describeKey(rules: PageRules, key: string, lang: Lang): KeyDescription | undefined {
  const r = findKeyRule(rules, key);
  if (!r) return undefined;
  return {
    name: r.name,
    type: r.type,
    required: r.required,
    hugo: r.hugo,
    values: r.values ?? [],
    closed: r.closed,
    description: localize(r.description, lang),
    rule: ruleText(r, lang),
  };
}

/** All known keys in completion order (site and dialect keys first, then Hugo's). */
export function listKeys(rules: PageRules, lang: Lang): KeyDescription[] {
  const out: KeyDescription[] = [];
  for (const name of rules.keys.keys()) {
    const d = describeKey(rules, name, lang);
    if (d) out.push(d);
  }
  return out;
}
