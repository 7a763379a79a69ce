import { parse } from 'smol-toml';
import { compareDiagnostics, type Diagnostic } from './diagnostic';
import type { SiteConfig } from './config';
import { resolvePageRules } from './config';
import { DEFAULT_PAGE_RULES, effectiveSeverity, locateFrontMatter, validatePage } from './frontmatter';
import type { Lang } from './l10n';
import { checkPatientIdentifiers, PATIENT_IDENTIFIER_CODE } from './nir';
import { checkProfessionalAddresses } from './annuaire/addresses';
import type { AddressBook } from './annuaire/searchIndex';
import { checkShortcodes, type CheckShortcodesOptions } from './shortcodes/diagnostics';
import { stripBom } from './text';

/** The front matter key a page uses to silence MedGuide checks for itself: `medguide_ignore = ["patient-identifier"]`. */
export const PAGE_IGNORE_KEY = 'medguide_ignore';

export interface CheckPageOptions {
  readonly lang: Lang;
  /** The site's configuration; the built-in rules when absent. */
  readonly config?: SiteConfig;
  /** The page's path relative to the site root (`content/recommandations/hta.md`), for section rules and `skip`. */
  readonly sitePath?: string;
  /** "Today", for the future-date checks (tests pin it). */
  readonly today?: Date | string;
  /** The site around the page for the shortcode and relref checks; without it they are skipped. */
  readonly shortcodes?: ShortcodeCheckOptions;
  /**
   * What the file is to Hugo: a `resource` (a file inside a leaf bundle, included by pages) gets
   * the patient-identifier and shortcode-structure checks only, no page rules and no ref lookup.
   */
  readonly role?: 'page' | 'resource' | 'outside';
  /**
   * The Annuaire Santé extract, when one is loaded: professional MSSanté addresses it does not know
   * are reported (`mssante-address-unknown`).
   */
  readonly addressBook?: AddressBook;
}

/** Site facts the shortcode and relref checks use (templates, page index, anchors of targets). */
export type ShortcodeCheckOptions = Omit<CheckShortcodesOptions, 'lang'>;

/** Codes the page itself silences through its front matter. */
export function pageIgnoredCodes(text: string): Set<string> {
  const out = new Set<string>();
  try {
    const body = stripBom(text);
    const loc = locateFrontMatter(body);
    if (!loc || loc.format !== 'toml' || !loc.closed) return out;
    const block = body.slice(loc.contentStart, loc.contentEnd);
    // Most pages silence nothing: don't parse their front matter a second time for it (nor
    // search the whole page for the key: only the front matter can hold it).
    if (!block.includes(PAGE_IGNORE_KEY)) return out;
    const data = parse(block) as Record<string, unknown>;
    const list = data[PAGE_IGNORE_KEY];
    if (Array.isArray(list)) for (const code of list) if (typeof code === 'string') out.add(code);
  } catch {
    // Broken TOML is reported by the front matter checks; nothing is silenced then.
  }
  return out;
}

/** The page's content type: its TOML front matter's `type` key (any case), when it is a string. */
export function pageContentType(text: string): string | undefined {
  if (!/(^|[\r\n])[ \t]*["']?type["']?[ \t]*=/i.test(text.slice(0, 65536))) return undefined;
  try {
    const body = stripBom(text);
    const loc = locateFrontMatter(body);
    if (!loc || loc.format !== 'toml' || !loc.closed) return undefined;
    const data = parse(body.slice(loc.contentStart, loc.contentEnd).replace(/\r(?!\n)/g, '\n')) as Record<string, unknown>;
    for (const [k, v] of Object.entries(data)) if (k.toLowerCase() === 'type' && typeof v === 'string') return v;
  } catch {
    // Broken TOML: the front matter checks report it; no content type then.
  }
  return undefined;
}

/**
 * Every check MedGuide runs on a guide page, as the editor and `medguide check` both run them:
 * the front matter, patient identifiers in the text, and (given the site) shortcodes and relrefs. Codes listed in the site's `ignore` or
 * in the page's `medguide_ignore` are dropped. Never throws.
 */
export function checkPage(text: string, options: CheckPageOptions): Diagnostic[] {
  // A site with rules per content type (`[types]`, Front Matter CMS content types): the page's `type` key picks them.
  const type = options.config?.types && options.config.types.size > 0 ? pageContentType(text) : undefined;
  const rules = options.config && options.sitePath !== undefined ? resolvePageRules(options.config, options.sitePath, type) : options.config?.base;
  if (rules?.skip) return [];
  const ignored = pageIgnoredCodes(text);
  for (const code of options.config?.ignore ?? []) ignored.add(code);
  // The other checks' severities follow the site's `[severity]` table too. Plain loops, not
  // spreads: a huge page can yield more diagnostics than a call's argument list can hold.
  const resource = options.role === 'resource';
  const out: Diagnostic[] = resource ? [] : validatePage(text, { lang: options.lang, rules, today: options.today });
  const identifiers = checkPatientIdentifiers(stripBom(text), options.lang, {
    silenced: ignored.has(PATIENT_IDENTIFIER_CODE),
    testIdentities: options.config?.testIdentities ?? [],
  });
  const shortcodeOptions = options.shortcodes && resource ? { ...options.shortcodes, resolver: undefined, pageIndex: undefined } : options.shortcodes;
  let others = shortcodeOptions ? identifiers.concat(checkShortcodes(text, { ...shortcodeOptions, lang: options.lang })) : identifiers;
  if (options.addressBook) others = others.concat(checkProfessionalAddresses(stripBom(text), options.addressBook, options.lang));
  for (const d of others) {
    const severity = effectiveSeverity(rules ?? DEFAULT_PAGE_RULES, d.code, d.severity);
    if (severity) out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out.filter((d) => !ignored.has(d.code)).sort(compareDiagnostics);
}
