import { parseTomlCached } from './parseCache';
import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { localize, type Lang } from '../l10n';
import { LineIndex, range, stripBom, type Range } from '../text';
import { checkPage } from './checks';
import { PageContext } from './context';
import { toDay, type Day } from './dates';
import { collectKeys } from './keyChecks';
import { locateFrontMatter, type FrontMatterLocation } from './locate';
import { keySource, placeholderValue } from './insert';
import { locateToml } from './locator';
import { DEFAULT_SEVERITY, MESSAGES, type FrontMatterCode } from './messages';
import { DEFAULT_PAGE_RULES, effectiveSeverity, type PageRules } from './rules';
import { checkSchema } from './schemaChecks';
import { describeOpenStructure, locateTomlError, translateTomlReason } from './tomlErrors';

export interface ValidateOptions {
  /** Language of the messages; French by default (the authors are French GPs). */
  readonly lang?: Lang;
  /** "Today" for the future-date checks: `YYYY-MM-DD`, a Date (its local day) or a Day. Defaults to the clock. */
  readonly today?: Date | string | Day;
  /** The page's rules, from `resolvePageRules`; the built-in dialect when absent. */
  readonly rules?: PageRules;
}

/**
 * Checks a page's front matter. Positions refer to the text without its BOM (as editors show it).
 * Never throws: an unexpected failure becomes one `internal-error` information.
 */
export function validatePage(text: string, options: ValidateOptions = {}): Diagnostic[] {
  const lang = options.lang ?? 'fr';
  const rules = options.rules ?? DEFAULT_PAGE_RULES;
  try {
    if (rules.skip) return [];
    return validate(typeof text === 'string' ? stripBom(text) : '', lang, rules, options.today).sort(compareDiagnostics);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [{ code: 'internal-error', severity: 'information', range: range(0, 0, 0, 0), message: localize(MESSAGES.internal, lang, { reason }) }];
  }
}

function single(code: FrontMatterCode, r: Range, message: string, rules: PageRules, data?: Record<string, unknown>): Diagnostic[] {
  const severity = effectiveSeverity(rules, code, DEFAULT_SEVERITY[code], data?.origin);
  return severity ? [{ code, severity, range: r, message, ...(data ? { data } : {}) }] : [];
}

function validate(text: string, lang: Lang, rules: PageRules, today: ValidateOptions['today']): Diagnostic[] {
  const location = locateFrontMatter(text);
  if (!location) return withoutFrontMatter(text, lang, rules, today);
  // Only the front matter is indexed: the body may be megabytes and is never read.
  const index = new LineIndex(text.slice(0, location.closed ? location.closeEnd : text.length));
  const openRange = () => index.rangeAt(location.openStart, location.openEnd);
  if (location.format !== 'toml') {
    const format = location.format === 'yaml' ? 'YAML' : 'JSON';
    return single('frontmatter-not-toml', openRange(), localize(MESSAGES.notToml, lang, { format }), rules, { format: location.format });
  }
  if (!location.closed) return single('frontmatter-unclosed', openRange(), localize(MESSAGES.unclosed, lang), rules);

  // TOML has no lone-CR line break; old-Mac files are read as the editor shows them (one line per CR).
  const toml = text.slice(location.contentStart, location.contentEnd).replace(/\r(?!\n)/g, '\n');
  let parsed: Record<string, unknown>;
  try {
    parsed = parseTomlCached(toml);
  } catch (e) {
    return syntaxError(e, location, index, lang, rules);
  }
  const ctx = new PageContext(text, index, location, () => locateToml(text, location.contentStart, location.contentEnd), rules, lang, toDay(today));
  collectKeys(ctx, parsed);
  checkSchema(ctx);
  checkPage(ctx);
  return ctx.diagnostics;
}

/**
 * A page with no front matter is a page for Hugo: nothing to say unless the site's rules require
 * keys, and then one problem on the first line that names them, with a fix that adds a front
 * matter holding them.
 */
function withoutFrontMatter(text: string, lang: Lang, rules: PageRules, today: ValidateOptions['today']): Diagnostic[] {
  const required = [...rules.keys.values()].filter((r) => r.required);
  if (required.length === 0) return [];
  const firstLine = new LineIndex(text.slice(0, firstLineEnd(text)));
  const day = toDay(today);
  const eol = /\r\n/.test(text.slice(0, 4096)) ? '\r\n' : '\n';
  const lines = required.map((r) => `${keySource(r.name)} = ${placeholderValue(r, day, [])}`);
  const block = ['+++', ...lines, '+++', ''].join(eol);
  const keys = required.map((r) => `\`${r.name}\``).join(', ');
  // Inferred when every key asked for is (a warning then, as for a page with front matter).
  const inferred = required.every((r) => r.origin?.required?.source === 'inferred');
  const data = { key: required.map((r) => r.name).join(', '), keys: required.map((r) => r.name), edit: { range: range(0, 0, 0, 0), newText: block }, ...(inferred ? { origin: 'inferred' } : {}) };
  return single('required', firstLine.lineRange(0), localize(MESSAGES.requiredNoFrontMatter, lang, { keys }), rules, data);
}

function firstLineEnd(text: string): number {
  const n = text.search(/[\r\n]/);
  return n < 0 ? text.length : n;
}

function syntaxError(e: unknown, location: FrontMatterLocation, index: LineIndex, lang: Lang, rules: PageRules): Diagnostic[] {
  const { range: r, reason, opened } = locateTomlError(e, location.openLine + 1, Math.max(location.openLine, location.closeLine - 1), index);
  const open = describeOpenStructure(opened, lang);
  const message = localize(MESSAGES.syntax, lang, { reason: translateTomlReason(reason, lang) }) + (open ? ` ${open.sentence}` : '');
  const out = single('toml-syntax', r, message, rules, { reason });
  return open ? out.map((d) => ({ ...d, related: open.related })) : out;
}
