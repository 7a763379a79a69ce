/**
 * What a page's front matter tells the site model: whether Hugo builds it (draft, publish and
 * expiry dates, hugolib/site.go `shouldBuild`), whether it writes it (headless bundle,
 * `_build.render`), and its title. TOML, YAML and JSON front matter, keys case-insensitive as in
 * Hugo. Never throws: a page whose front matter cannot be read counts as built.
 */
import { parseTomlCached } from '../frontmatter/parseCache';
import { parse as parseYaml } from 'yaml';
import { locateFrontMatter } from '../frontmatter/locate';
import { keepResults } from '../memo';
import { stripBom } from '../text';
import type { BuildState } from './pageMap';

export interface PageFrontMatter {
  /** The page has a front matter block (a page without one is still a page for Hugo). */
  readonly hasFrontMatter: boolean;
  readonly draft: boolean;
  /** publishDate, else pubdate, published, then date (Hugo's default front matter date config). */
  readonly publishDate?: Date;
  /** expiryDate, else unpublishdate. */
  readonly expiryDate?: Date;
  readonly headless: boolean;
  /** `_build.render` (Hugo 0.111), or `build.render` (Hugo 0.123 and later): `never`/false means Hugo writes no file. */
  readonly render: boolean;
  readonly title?: string;
  readonly lastmod?: Date;
  /** Every key, lower-cased, to its value (for the rule checks that need another page's front matter). */
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * Lower-cased key → the spelling the page uses (`niveauPreuve`), for rules inferred from the
   * pages; a key the page writes in lower case is not listed (its spelling is the key).
   */
  readonly names?: Readonly<Record<string, string>>;
}

const EMPTY: PageFrontMatter = { hasFrontMatter: false, draft: false, headless: false, render: true, data: {} };

function lowerKeys(v: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) out[k.toLowerCase()] = x;
  return out;
}

/** Hugo's cast.ToBool for the values pages use. */
function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return ['1', 't', 'true', 'yes'].includes(v.trim().toLowerCase()) ? true : false;
  return false;
}

/** A front matter date as Hugo reads it (TOML dates, RFC 3339 and the usual date forms); undefined when it is none. */
export function toDate(v: unknown): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v !== 'string') return undefined;
  const time = dateTimes(v);
  // A Date of its own for each page: a Date can be changed, a kept one must not be shared.
  return Number.isNaN(time) ? undefined : new Date(time);
}

/**
 * The time of each date string read so far (NaN: not a date): a site writes the same dates on
 * many pages, and `new Date(text)` parses slowly. A date is short: a longer text is not kept, and
 * a kept one is a copy, not a slice holding its page alive.
 */
const dateTimes = keepResults(timeOf, { max: 4096, maxKeyLength: 40, copyKey: true });

/** Forgets the date strings read so far (on deactivation). */
export function clearDateTimeCache(): void {
  dateTimes.clear();
}

function timeOf(v: string): number {
  const s = v.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(s);
  if (!m) return NaN;
  const [, y, mo, d, h = '00', mi = '00', se = '00', zone] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${se}${zone ? (zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : 'Z'}`;
  return new Date(iso).getTime();
}

/** Hugo's default front matter date keys, in order: the first that holds a date wins. */
const PUBLISH_DATE_KEYS = ['publishdate', 'pubdate', 'published', 'date'];
const EXPIRY_DATE_KEYS = ['expirydate', 'unpublishdate'];
const LASTMOD_KEYS = ['lastmod', 'modified', 'date'];

function firstDate(data: Record<string, unknown>, keys: readonly string[]): Date | undefined {
  for (const k of keys) {
    const d = toDate(data[k]);
    if (d) return d;
  }
  return undefined;
}

function renderOf(build: unknown): boolean {
  const b = lowerKeys(build);
  if (!('render' in b)) return true;
  const r = b.render;
  if (typeof r === 'boolean') return r;
  return typeof r === 'string' ? r.toLowerCase() !== 'never' && r.toLowerCase() !== 'false' : true;
}

export function readFrontMatter(rawText: string): PageFrontMatter {
  const text = stripBom(rawText);
  const loc = locateFrontMatter(text);
  if (!loc) return EMPTY;
  let data: Record<string, unknown>;
  const names: Record<string, string> = {};
  try {
    const block = text.slice(loc.contentStart, loc.contentEnd);
    // Lone `\r`s made line breaks; most blocks have no `\r` at all, which `includes` tells faster than the replace.
    const parsed = loc.format === 'toml' ? parseTomlCached(block.includes('\r') ? block.replace(/\r(?!\n)/g, '\n') : block) : loc.format === 'yaml' ? parseYaml(block, { maxAliasCount: 100 }) : JSON.parse(block);
    data = {};
    // One pass over the keys for both the lower-cased copy and the spellings: a TOML table is a
    // null-prototype object, kept in dictionary mode by V8, slow to enumerate.
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const table = parsed as Record<string, unknown>;
      for (const k of Object.keys(table)) {
        const lower = k.toLowerCase();
        // Only a first spelling that is not the lower-cased key itself (most are) is written down.
        if (k !== lower && !Object.prototype.hasOwnProperty.call(data, lower)) names[lower] ??= k;
        data[lower] = table[k];
      }
    }
  } catch {
    return { ...EMPTY, hasFrontMatter: true };
  }
  const headless = toBool(data.headless);
  const render = headless ? false : renderOf(data._build ?? data.build);
  return {
    hasFrontMatter: true,
    draft: toBool(data.draft),
    publishDate: firstDate(data, PUBLISH_DATE_KEYS),
    expiryDate: firstDate(data, EXPIRY_DATE_KEYS),
    headless,
    render,
    title: typeof data.title === 'string' ? data.title : undefined,
    lastmod: firstDate(data, LASTMOD_KEYS),
    data,
    names,
  };
}

export interface BuildOptions {
  readonly buildDrafts: boolean;
  readonly buildFuture: boolean;
  readonly buildExpired: boolean;
  /** "Now" for the future and expiry tests. */
  readonly now: Date;
}

/** hugolib/site.go shouldBuild, plus whether Hugo writes a file for the page. */
export function buildState(fm: PageFrontMatter, o: BuildOptions): BuildState {
  if (fm.draft && !o.buildDrafts) return { built: false, reason: 'draft', rendered: false };
  if (!o.buildFuture && fm.publishDate && fm.publishDate.getTime() > o.now.getTime()) return { built: false, reason: 'future', rendered: false };
  if (!o.buildExpired && fm.expiryDate && fm.expiryDate.getTime() < o.now.getTime()) return { built: false, reason: 'expired', rendered: false };
  return { built: true, rendered: fm.render };
}
