import type { Range } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A problem found in a page or a configuration file. `code` is stable (documented, used in
 * `.medguide.toml` to change severities); `message` is already in the user's language.
 * `data` carries what a quick fix needs (a suggested key, a replacement text…).
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly data?: Readonly<Record<string, unknown>>;
  /**
   * Other places of the same file that explain the problem (where an unclosed list was opened…),
   * each with a short message in the user's language; the editor shows them as related information.
   */
  readonly related?: readonly RelatedInformation[];
}

/** A place in the same file that a diagnostic refers to. */
export interface RelatedInformation {
  readonly range: Range;
  readonly message: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Sorts by position, then severity, then code, so output (CLI, tests) is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    ORDER[a.severity] - ORDER[b.severity] ||
    compareCodes(a.code, b.code)
  );
}

const PLAIN_CODE = /^[a-z0-9-]*$/;

/**
 * `a.localeCompare(b)`'s order without its cost for the usual codes (lowercase letters, digits,
 * hyphens: there the collation's order is the characters' own, `-` < digits < letters): the first
 * localeCompare of a process loads ICU's collation data, some 10 ms at every `medguide check`.
 */
function compareCodes(a: string, b: string): number {
  if (PLAIN_CODE.test(a) && PLAIN_CODE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}
