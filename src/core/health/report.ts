/**
 * The guide health report of one Hugo site, computed from the site model: which pages are out of
 * date (their sources, their last update, against each section's thresholds in `.medguide.toml`),
 * unfinished, not published, with broken links or no links in, with sources to fix, or with patient
 * data. Pure: every read goes through the site's host; `today` is given.
 */
import { compileGlob, matchesAny, type GlobMatcher, type SiteConfig } from '../config';
import { resolvePageRules } from '../config';
import { type Lang, localize, type Message } from '../l10n';
import type { ContentFile, HugoSite, PageFrontMatter, RefVerdict } from '../site';
import { join, relative } from '../site/host';
import { isContentExtension, isIgnoredName } from '../site/contentFiles';
import { DEFAULT_MARKERS, textFacts, type TextFacts } from './facts';
import { BROKEN_WHY, FRESHNESS_BUCKETS, HEALTH_GROUPS, HEALTH_KINDS, HEALTH_MESSAGES as M, REPORT_LABELS, type HealthGroup, type HealthKind } from './messages';

export const DEFAULT_MAX_SOURCE_AGE = 5;
export const DEFAULT_MAX_UPDATE_AGE = 2;
export const DEFAULT_RECOMMENDATIONS: readonly string[] = ['**/recommandations/**'];
const DEFAULT_RECOMMENDATION_MATCHERS: readonly GlobMatcher[] = DEFAULT_RECOMMENDATIONS.map(compileGlob);
const DAY_MS = 86_400_000;
const NO_FACTS: TextFacts = { keyLines: new Map(), markers: [], refs: [], patient: [] };

export interface HealthProblem {
  readonly kind: HealthKind;
  readonly group: HealthGroup;
  /** 0-based line and column in the file (what the editor opens at). */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface PageHealth {
  /** Absolute path of the file. */
  readonly file: string;
  /** The page as Hugo names it (`recommandations/hta.md`). */
  readonly path: string;
  /** From the site root (`content/recommandations/hta.md`). */
  readonly sitePath: string;
  readonly lang: string;
  readonly role: 'page' | 'section';
  /** The top-level section (`recommandations`), `''` for the home page and the pages beside it. */
  readonly section: string;
  readonly title: string;
  /** The newest source year (`annees`). */
  readonly sourcesYear?: number;
  /** Years from `sourcesYear` to today's year. */
  readonly sourcesAge?: number;
  /** The last update (`lastmod`, else `date`), `YYYY-MM-DD`. */
  readonly lastmod?: string;
  /** Days since `lastmod`. */
  readonly updateAge?: number;
  /** The thresholds that apply to the page, in years. */
  readonly maxSourceAge: number;
  readonly maxUpdateAge: number;
  /** A recommendation page (it must cite `sources`). */
  readonly recommendation: boolean;
  /** Hugo builds and writes it. */
  readonly published: boolean;
  /** Published pages whose refs lead here (Hugo's paths), sorted. */
  readonly backlinks: readonly string[];
  readonly problems: readonly HealthProblem[];
}

export interface SectionHealth {
  readonly key: string;
  /** The title of the section's `_index` page, when it has one. */
  readonly title?: string;
  /** Regular pages of the section (its `_index` pages not counted). */
  readonly pages: number;
  /** Pages of the section (its `_index` included) with at least one problem of each group. */
  readonly counts: Readonly<Record<HealthGroup, number>>;
  /** Regular pages per bucket of years since their sources (FRESHNESS_BUCKETS), then those without `annees`. */
  readonly freshness: readonly number[];
}

export interface HealthReport {
  readonly root: string;
  readonly title?: string;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  readonly lang: Lang;
  readonly pages: readonly PageHealth[];
  readonly sections: readonly SectionHealth[];
  readonly totals: Readonly<Record<HealthGroup, number>> & { readonly pages: number };
}

/** A page's text facts kept between runs, by file and modification stamp. */
export class HealthCache {
  private readonly entries = new Map<string, { stamp: string; key: string; config: SiteConfig; facts: TextFacts }>();

  get(file: string, stamp: string, key: string, config: SiteConfig): TextFacts | undefined {
    const e = this.entries.get(file);
    return e && e.stamp === stamp && e.key === key && e.config === config ? e.facts : undefined;
  }

  set(file: string, stamp: string, key: string, config: SiteConfig, facts: TextFacts): void {
    this.entries.set(file, { stamp, key, config, facts });
  }

  /** Drops files for which `keep` says no (deleted pages, closed sites). */
  prune(keep: (file: string) => boolean): void {
    for (const file of [...this.entries.keys()]) if (!keep(file)) this.entries.delete(file);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class HealthCancelled extends Error {
  constructor() {
    super('health report cancelled');
  }
}

export interface HealthOptions {
  readonly lang: Lang;
  /** Today: the date counts for ages, the moment for publication and expiry (pass noon UTC of the day). */
  readonly today: Date;
  readonly cache?: HealthCache;
  /** Asked between pages: true stops the run with {@link HealthCancelled}. */
  readonly cancelled?: () => boolean;
  /**
   * Only these kinds of problem (all by default). `['outdated']` needs only the front matter the
   * site model reads anyway: the editor's status bar count, without reading every page's text.
   */
  readonly groups?: readonly HealthGroup[];
}

/** The problem of `kind` at a line, with its message. */
function problem(kind: HealthKind, line: number, column: number, message: string): HealthProblem {
  return { kind, group: HEALTH_KINDS[kind], line, column, message };
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utcDay(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** `annees`: a year string, a number, or a list of them; the newest four-digit year. */
export function sourcesYearOf(value: unknown): number | undefined {
  const values = Array.isArray(value) ? value : [value];
  let best: number | undefined;
  for (const v of values) {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
    if (!/^\d{4}$/.test(s)) continue;
    const y = Number(s);
    if (best === undefined || y > best) best = y;
  }
  return best;
}

function hasText(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(hasText);
  return v !== undefined && v !== null && v !== false;
}

function lowerKeys(v: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) for (const [k, x] of Object.entries(v)) out[k.toLowerCase()] = x;
  return out;
}

/** `_build.list = "never"` (or `local`, or false): no section lists the page. */
function listedNever(data: Readonly<Record<string, unknown>>): boolean {
  const b = lowerKeys(data._build ?? data.build);
  const list = b.list;
  if (list === false) return true;
  return typeof list === 'string' && ['never', 'local', 'false'].includes(list.toLowerCase());
}

/** Go's path.Dir for content paths, `''` at the top. */
function parentDir(p: string): string {
  const cut = p.lastIndexOf('/');
  return cut < 0 ? '' : p.slice(0, cut);
}

function sectionOf(path: string): string {
  const cut = path.indexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function basenameOf(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Days, months or years, as a reader says an age. */
export function formatAge(days: number, lang: Lang): string {
  if (days < 60) return localize(REPORT_LABELS.days, lang, { n: Math.max(0, days) });
  if (days < 730) return localize(REPORT_LABELS.months, lang, { n: Math.floor(days / 30.44) });
  return localize(REPORT_LABELS.years, lang, { n: Math.floor(days / 365.25) });
}

interface Thresholds {
  maxSourceAge: number;
  maxUpdateAge: number;
  recommendation: boolean;
}

function thresholdsFor(config: SiteConfig, sitePath: string): Thresholds {
  const h = config.health;
  const t: Thresholds = {
    maxSourceAge: h?.maxSourceAge ?? DEFAULT_MAX_SOURCE_AGE,
    maxUpdateAge: h?.maxUpdateAge ?? DEFAULT_MAX_UPDATE_AGE,
    recommendation: matchesAny(h?.recommendationMatchers ?? DEFAULT_RECOMMENDATION_MATCHERS, sitePath),
  };
  for (const s of config.sections) {
    if (!s.health || !matchesAny(s.matchers, sitePath)) continue;
    if (s.health.maxSourceAge !== undefined) t.maxSourceAge = s.health.maxSourceAge;
    if (s.health.maxUpdateAge !== undefined) t.maxUpdateAge = s.health.maxUpdateAge;
    if (s.health.recommendations !== undefined) t.recommendation = s.health.recommendations;
  }
  return t;
}

/** Runs `fn` over `items`, 16 at a time (a 5,000-page site must not open 5,000 files together). */
async function eachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>, cancelled?: () => boolean): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (cancelled?.()) throw new HealthCancelled();
      await fn(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, items.length) }, worker));
}

function whyBroken(v: RefVerdict, lang: Lang): string | undefined {
  if (v.kind === 'ambiguous') return localize(BROKEN_WHY.ambiguous, lang, { detail: v.candidates.join(', ') });
  if (v.kind === 'found') return v.unrendered ? localize(BROKEN_WHY.unrendered, lang) : undefined;
  const why = (BROKEN_WHY as Readonly<Record<string, Message>>)[v.reason ?? 'not-found'] ?? BROKEN_WHY['not-found'];
  return localize(why, lang, { detail: v.detail ?? '' });
}

interface Entry {
  readonly f: ContentFile;
  readonly sitePath: string;
  readonly fm: PageFrontMatter | undefined;
  readonly facts: TextFacts;
  readonly thresholds: Thresholds;
  readonly built: boolean;
  readonly published: boolean;
  readonly problems: HealthProblem[];
}

/** The Markdown files under the site's content folders that Hugo leaves out (`ignoreFiles`, mount filters). */
async function excludedFiles(site: HugoSite, known: ReadonlySet<string>, config: SiteConfig): Promise<{ file: string; path: string; sitePath: string }[]> {
  const out: { file: string; path: string; sitePath: string }[] = [];
  const walk = async (root: string, dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    for (const e of await site.host.readDirectory(dir)) {
      if (isIgnoredName(e.name)) continue;
      const p = join(dir, e.name);
      if (e.kind === 'directory') await walk(root, p, depth + 1);
      else if (!known.has(p) && isContentExtension(e.name) && /\.(?:md|markdown)$/i.test(e.name)) {
        const sitePath = relative(site.root, p) ?? p;
        if (resolvePageRules(config, sitePath).skip) continue;
        out.push({ file: p, path: relative(root, p) ?? p, sitePath });
      }
    }
  };
  for (const root of [...new Set(site.contentRoots())]) await walk(root, root, 0);
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The health report of `site`. Throws {@link HealthCancelled} when `options.cancelled` says so. */
export async function siteHealth(site: HugoSite, options: HealthOptions): Promise<HealthReport> {
  const { lang } = options;
  const cache = options.cache ?? new HealthCache();
  const todayDay = ymd(options.today);
  const todayMs = utcDay(todayDay);
  const todayYear = Number(todayDay.slice(0, 4));
  const now = options.today.getTime();
  const [files, maps, rules] = await Promise.all([site.files(), site.pageMaps(), site.rules()]);
  const config = rules.config;
  const markers = config.health?.markers ?? DEFAULT_MARKERS;
  const factsKey = `${lang}|${markers.join(',')}`;
  const hugo = site.config;
  const wanted = new Set<HealthGroup>(options.groups ?? HEALTH_GROUPS);
  const needsText = wanted.has('unfinished') || wanted.has('links') || wanted.has('patient');

  const readFacts = async (file: string, sitePath: string): Promise<TextFacts> => {
    if (!needsText) return NO_FACTS;
    const stat = await site.host.stat(file);
    const stamp = stat ? `${stat.mtime}:${stat.size}` : 'none';
    const key = `${factsKey}|${sitePath}`;
    const hit = cache.get(file, stamp, key, config);
    if (hit) return hit;
    let text = '';
    try {
      if (!stat || stat.size <= 2_000_000) text = await site.host.readFile(file);
    } catch {
      text = '';
    }
    const facts = textFacts(text, { lang, config, sitePath, markers });
    cache.set(file, stamp, key, config, facts);
    return facts;
  };

  // ---- every page and section, its front matter and text facts --------------------------------
  const candidates = files.filter((f) => f.role !== 'resource');
  const entries: Entry[] = [];
  await eachLimited(
    candidates,
    async (f) => {
      const sitePath = relative(site.root, f.file) ?? f.pathFile;
      if (resolvePageRules(config, sitePath).skip) return;
      const [fm, facts] = await Promise.all([site.frontMatter(f.file), readFacts(f.file, sitePath)]);
      const draftOut = Boolean(fm?.draft) && !hugo.buildDrafts;
      const future = !hugo.buildFuture && fm?.publishDate !== undefined && fm.publishDate.getTime() > now;
      const expired = !hugo.buildExpired && fm?.expiryDate !== undefined && fm.expiryDate.getTime() < now;
      const built = !draftOut && !future && !expired;
      const inMap = maps.get(f.lang)?.byFile.has(f.file) ?? false;
      const published = built && inMap && (fm?.render ?? true);
      entries.push({ f, sitePath, fm, facts, thresholds: thresholdsFor(config, sitePath), built, published, problems: [] });
    },
    options.cancelled,
  );
  entries.sort((a, b) => (a.f.file < b.f.file ? -1 : a.f.file > b.f.file ? 1 : a.f.lang < b.f.lang ? -1 : a.f.lang > b.f.lang ? 1 : 0));
  const byFile = new Map(entries.map((e) => [`${e.f.lang}\u0000${e.f.file}`, e]));
  const sectionFiles = new Map<string, Entry>();
  for (const e of entries) if (e.f.role === 'section') sectionFiles.set(`${e.f.lang}\u0000${parentDir(e.f.path)}`, e);
  /** The sections above a page, nearest first. */
  const ancestors = (e: Entry): Entry[] => {
    const out: Entry[] = [];
    let dir = parentDir(e.f.path);
    if (e.f.classifier === 'leaf' || e.f.role === 'section') dir = parentDir(dir);
    for (;;) {
      const s = sectionFiles.get(`${e.f.lang}\u0000${dir}`);
      if (s && s !== e) out.push(s);
      if (dir === '') break;
      dir = parentDir(dir);
    }
    return out;
  };

  // ---- links: every ref resolved as Hugo resolves it, backlinks, anchors -------------------------
  const backlinks = new Map<Entry, Set<string>>();
  for (const e of wanted.has('links') ? entries : []) {
    if (options.cancelled?.()) throw new HealthCancelled();
    for (const r of e.facts.refs) {
      const v = site.resolveWith(maps, files, e.f.file, r.args);
      const why = whyBroken(v, lang);
      if (why !== undefined) {
        e.problems.push(problem('broken-ref', r.line, r.column, localize(M.brokenRef, lang, { ref: r.ref, why })));
        continue;
      }
      if (v.kind !== 'found' || !v.file) continue;
      const target = byFile.get(`${v.lang}\u0000${v.file}`);
      if (target && target !== e && e.published) {
        let set = backlinks.get(target);
        if (!set) backlinks.set(target, (set = new Set()));
        set.add(e.f.path);
      }
      if (v.anchor !== undefined && v.anchor !== '') {
        const anchors = await site.anchors(v.file);
        if (anchors && !anchors.has(v.anchor)) {
          e.problems.push(problem('broken-anchor', r.line, r.column, localize(M.brokenAnchor, lang, { anchor: v.anchor, page: v.path })));
        }
      }
    }
  }

  // ---- each page's own problems ---------------------------------------------------------------
  const pages: PageHealth[] = [];
  for (const e of entries) {
    const { f, fm, facts, thresholds } = e;
    const data = fm?.data ?? {};
    const lineOf = (...keys: string[]) => {
      for (const k of keys) {
        const l = facts.keyLines.get(k);
        if (l !== undefined) return l;
      }
      return 0;
    };
    const p = e.problems;
    const sourcesYear = sourcesYearOf(data.annees);
    const lastmodDate = fm?.lastmod ?? fm?.publishDate;
    const lastmod = lastmodDate ? ymd(lastmodDate) : undefined;
    const updateAge = lastmod ? Math.floor((todayMs - utcDay(lastmod)) / DAY_MS) : undefined;
    const sourcesAge = sourcesYear !== undefined ? todayYear - sourcesYear : undefined;

    // Out of date: regular pages only (a section's `_index` lists, it does not advise).
    if (f.role === 'page') {
      if (sourcesYear !== undefined && sourcesAge !== undefined && sourcesAge > thresholds.maxSourceAge) {
        p.push(problem('sources-old', lineOf('annees'), 0, localize(M.sourcesOld, lang, { year: sourcesYear, max: thresholds.maxSourceAge, age: sourcesAge })));
      }
      if (lastmod === undefined) {
        p.push(problem('undated', 0, 0, localize(M.undated, lang)));
      } else {
        const limit = `${String(Number(lastmod.slice(0, 4)) + thresholds.maxUpdateAge).padStart(4, '0')}${lastmod.slice(4)}`;
        if (limit < todayDay) {
          p.push(
            problem('update-old', lineOf('lastmod', 'modified', 'date'), 0, localize(M.updateOld, lang, { date: lastmod, age: formatAge(updateAge ?? 0, lang), max: thresholds.maxUpdateAge })),
          );
        }
      }
    }

    // Unfinished.
    if (hasText(data.todo)) {
      const text = (Array.isArray(data.todo) ? data.todo.filter((x) => typeof x === 'string').join(' ; ') : String(data.todo)).replace(/\s+/g, ' ').trim();
      p.push(problem('todo', lineOf('todo'), 0, localize(M.todo, lang, { text: text.length > 80 ? `${text.slice(0, 79)}…` : text })));
    }
    if (fm?.draft) p.push(problem('draft', lineOf('draft'), 0, localize(hugo.buildDrafts ? M.draftBuilt : M.draft, lang)));
    for (const m of facts.markers) p.push(problem('marker', m.line, m.column, localize(M.marker, lang, { word: m.word, text: m.text })));

    // Not published (drafts are listed as unfinished).
    if (fm) {
      if (!hugo.buildFuture && fm.publishDate && fm.publishDate.getTime() > now) {
        p.push(problem('future', lineOf('publishdate', 'pubdate', 'published', 'date'), 0, localize(M.future, lang, { date: ymd(fm.publishDate) })));
      }
      if (!hugo.buildExpired && fm.expiryDate && fm.expiryDate.getTime() < now) {
        p.push(problem('expired', lineOf('expirydate', 'unpublishdate'), 0, localize(M.expired, lang, { date: ymd(fm.expiryDate) })));
      }
      if (fm.headless) p.push(problem('headless', lineOf('headless'), 0, localize(M.headless, lang)));
      else if (!fm.render) p.push(problem('not-rendered', lineOf('_build', 'build'), 0, localize(M.notRendered, lang)));
    }
    if (e.built && !(maps.get(f.lang)?.byFile.has(f.file) ?? false)) {
      const unbuilt = ancestors(e).find((s) => !(maps.get(s.f.lang)?.byFile.has(s.f.file) ?? false));
      if (unbuilt) p.push(problem('section-not-built', 0, 0, localize(M.sectionNotBuilt, lang, { section: unbuilt.f.path })));
    }

    // Orphans: published, nothing links to them, and no section lists them.
    const links = [...(backlinks.get(e) ?? [])].sort();
    if (f.role === 'page' && e.published && links.length === 0) {
      const parent = ancestors(e)[0];
      const unlisted = listedNever(data) || (parent !== undefined && !parent.published);
      if (unlisted) p.push(problem('orphan', 0, 0, localize(M.orphan, lang)));
    }

    // Sources.
    if (f.role === 'page' && thresholds.recommendation && !hasText(data.sources)) {
      p.push(problem('no-sources', lineOf('sources'), 0, localize(M.noSources, lang)));
    }
    if (sourcesYear !== undefined && lastmod !== undefined && sourcesYear > Number(lastmod.slice(0, 4))) {
      p.push(problem('source-after-lastmod', lineOf('annees'), 0, localize(M.sourceAfterLastmod, lang, { year: sourcesYear, date: lastmod })));
    }

    // Patient data (the existing checks' messages never contain the number).
    for (const d of facts.patient) p.push(problem(d.code, d.line, d.column, d.message));

    if (wanted.size < HEALTH_GROUPS.length) for (let i = p.length - 1; i >= 0; i--) if (!wanted.has(p[i].group)) p.splice(i, 1);
    p.sort((a, b) => HEALTH_GROUPS.indexOf(a.group) - HEALTH_GROUPS.indexOf(b.group) || a.line - b.line || a.column - b.column);
    pages.push({
      file: f.file,
      path: f.path,
      sitePath: e.sitePath,
      lang: f.lang,
      role: f.role === 'section' ? 'section' : 'page',
      section: sectionOf(f.path),
      title: fm?.title?.trim() || basenameOf(f.path),
      ...(sourcesYear !== undefined ? { sourcesYear, sourcesAge } : {}),
      ...(lastmod !== undefined ? { lastmod, updateAge } : {}),
      maxSourceAge: thresholds.maxSourceAge,
      maxUpdateAge: thresholds.maxUpdateAge,
      recommendation: thresholds.recommendation,
      published: e.published,
      backlinks: links,
      problems: p,
    });
  }

  // ---- files Hugo leaves out ------------------------------------------------------------------
  const known = new Set(files.map((f) => f.file));
  for (const x of wanted.has('unpublished') ? await excludedFiles(site, known, config) : []) {
    if (options.cancelled?.()) throw new HealthCancelled();
    const fm = await site.frontMatter(x.file);
    const t = thresholdsFor(config, x.sitePath);
    pages.push({
      file: x.file,
      path: x.path,
      sitePath: x.sitePath,
      lang: site.defaultLanguage,
      role: basenameOf(x.path).startsWith('_index.') ? 'section' : 'page',
      section: sectionOf(x.path),
      title: fm?.title?.trim() || basenameOf(x.path),
      maxSourceAge: t.maxSourceAge,
      maxUpdateAge: t.maxUpdateAge,
      recommendation: t.recommendation,
      published: false,
      backlinks: [],
      problems: [problem('excluded', 0, 0, localize(M.excluded, lang))],
    });
  }

  pages.sort(comparePages);
  return { root: site.root, ...(hugo.title ? { title: hugo.title } : {}), today: todayDay, lang, pages, sections: sectionsOf(pages), totals: totalsOf(pages) };
}

/** By section, then the oldest update first (undated first), then by path and language. */
export function comparePages(a: PageHealth, b: PageHealth): number {
  if (a.section !== b.section) return a.section < b.section ? -1 : 1;
  const ageA = a.updateAge ?? Infinity;
  const ageB = b.updateAge ?? Infinity;
  if (ageA !== ageB) return ageB - ageA;
  const srcA = a.sourcesAge ?? -Infinity;
  const srcB = b.sourcesAge ?? -Infinity;
  if (srcA !== srcB) return srcB - srcA;
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;
}

function emptyCounts(): Record<HealthGroup, number> {
  return { outdated: 0, unfinished: 0, unpublished: 0, links: 0, sources: 0, patient: 0 };
}

/** The groups a page has problems in. */
export function groupsOf(page: PageHealth): Set<HealthGroup> {
  return new Set(page.problems.map((p) => p.group));
}

function sectionsOf(pages: readonly PageHealth[]): SectionHealth[] {
  const out = new Map<string, { key: string; title?: string; pages: number; counts: Record<HealthGroup, number>; freshness: number[] }>();
  for (const p of pages) {
    let s = out.get(p.section);
    if (!s) out.set(p.section, (s = { key: p.section, pages: 0, counts: emptyCounts(), freshness: new Array(FRESHNESS_BUCKETS.length + 1).fill(0) }));
    if (p.role === 'section' && p.path.split('/').length === (p.section === '' ? 1 : 2) && s.title === undefined) s.title = p.title;
    for (const g of groupsOf(p)) s.counts[g]++;
    if (p.role !== 'page' || p.problems.some((x) => x.kind === 'excluded')) continue;
    s.pages++;
    const bucket = p.sourcesAge === undefined ? FRESHNESS_BUCKETS.length : FRESHNESS_BUCKETS.findIndex((b) => (p.sourcesAge ?? 0) <= b.max);
    s.freshness[bucket]++;
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((s) => ({ ...s, ...(s.title !== undefined ? { title: s.title } : {}) }));
}

function totalsOf(pages: readonly PageHealth[]): HealthReport['totals'] {
  const counts = emptyCounts();
  for (const p of pages) for (const g of groupsOf(p)) counts[g]++;
  return { pages: pages.length, ...counts };
}
