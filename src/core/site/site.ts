/**
 * One Hugo site, read the way Hugo reads it: its configuration (hugoConfig.ts), its content files
 * and their languages and bundles (contentFiles.ts), each language's pages as Hugo keys them
 * (pageMap.ts), the front matter facts of each page (pageFacts.ts) with a cache, its shortcode
 * templates, and its `.medguide.toml` rules. Every check, the preview and both front ends ask this
 * object; none gathers site facts on its own.
 */
import { CONFIG_FILE_NAME, DEFAULT_SITE_CONFIG, parseSiteConfig, type KeyOverride, type SiteConfig } from '../config/siteConfig';
import {
  composeSiteConfig,
  FRONTMATTER_CONTENT_TYPES_DIR,
  FRONTMATTER_JSON,
  importFrontMatterCms,
  inferRules,
  type CmsFile,
  type CmsImport,
  type InferencePage,
  type InferenceThresholds,
  type InferredRules,
  type RuleLayer,
  type RuleSources,
} from '../conventions';
import type { Diagnostic } from '../diagnostic';
import { type Lang, localize, type Text } from '../l10n';
import { DEFAULT_ALERT_SHORTCODES, type AlertShortcodeSpec } from '../markdown/options';
import { pageAnchors, type PageAnchorOptions } from '../navigation/anchors';
import { DEFAULT_PAIRED_SHORTCODES } from '../shortcodes/pair';
import { BUILTIN_STANDALONE, templateSpelling } from '../shortcodes/templates';
import { shortcodeKey } from '../shortcodes/scan';
import { collectContentFiles, type ContentFile } from './contentFiles';
import { join, relative, type SiteChange, type SiteHost } from './host';
import { isHugoConfigName, loadHugoConfig, mountSourcePath, type ContentMount, type HugoConfig } from './hugoConfig';
import { BUILT, goLower, PageMap, termKey, type BuildState, type MapNode } from './pageMap';
import { buildState, readFrontMatter, type BuildOptions, type PageFrontMatter } from './pageFacts';
import { hugoFileFilter, type HugoFileFilter } from './hugoGlob';
import type { ShortcodeCheckOptions } from '../check';
import type { RefResolver } from '../shortcodes/diagnostics';
import { refArgsOf } from '../shortcodes/relrefs';
import { shortcodeTags } from '../shortcodes/document';
import { sameArgs } from '../memo';
import { relrefUses } from '../shortcodes/relrefs';

export type RefVerdict =
  | {
      readonly kind: 'found';
      /** Absolute path of the target's file; undefined for a section Hugo makes without `_index`. */
      readonly file?: string;
      /** The target as Hugo names it: its content path (`blog/post.fr.md`), or the section's path (`blog/`). */
      readonly path: string;
      readonly lang: string;
      readonly anchor?: string;
      /** Hugo finds the page but writes no file for it (headless, `_build.render = "never"`): the link is empty. */
      readonly unrendered?: boolean;
    }
  | {
      readonly kind: 'not-found';
      /** Why Hugo does not find it, when MedGuide knows more than "no such page". */
      readonly reason?: 'draft' | 'future' | 'expired' | 'resource' | 'no-language' | 'other-language' | 'bad-url' | 'output-format' | 'newer-hugo';
      /** For `reason = other-language`: the languages that have the page; for `resource`: the bundle; for drafts: the file. */
      readonly detail?: string;
    }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] };

/** The site's rules (see `HugoSite.rules`). */
export interface SiteRules {
  readonly config: SiteConfig;
  /** Problems in `.medguide.toml`, at `path`. */
  readonly diagnostics: readonly Diagnostic[];
  /** `.medguide.toml`'s path, when the site has one. */
  readonly path?: string;
  /** Problems in `frontmatter.json` and the split Front Matter CMS files, per file. */
  readonly problems?: readonly { readonly file: string; readonly diagnostics: readonly Diagnostic[] }[];
  /** Which sources the rules come from (`medguide check --explain`, `medguide init`). */
  readonly sources?: RuleSources;
}

/** What checkPage needs about the site for one file (see `HugoSite.checkContext`). */
export interface PageCheckContext {
  readonly role: 'page' | 'resource' | 'outside';
  readonly lang: string;
  readonly sitePath: string | undefined;
  readonly config: SiteConfig;
  readonly shortcodes: ShortcodeCheckOptions;
}

export interface RefArgs {
  readonly path: string;
  readonly lang?: string;
  readonly outputFormat?: string;
}

interface CachedFacts {
  readonly stamp: string;
  readonly frontMatter?: PageFrontMatter;
  readonly anchors?: ReadonlySet<string>;
}

/** What the checks need to know about one file of the site. */
export interface SitePage {
  readonly file: ContentFile;
  /** Path from the site root (`content/recommandations/hta.md`), for `.medguide.toml` section rules. */
  readonly sitePath: string;
}

/** Shortcode names and alert specs the site declares (templates and `.medguide.toml`). */
export interface SiteShortcodes {
  /** Names defined by the site's and themes' templates; undefined when none are visible (theme as a module). */
  readonly templates?: ReadonlySet<string>;
  /**
   * Each name of `templates` to the spellings its template files write it in (`myNote` for
   * `myNote.html`): Hugo 0.111 to 0.145 find a template only under its file's spelling.
   */
  readonly spellings?: ReadonlyMap<string, readonly string[]>;
  /**
   * Names (lower case) the site's own templates define without reading `.Inner`: Hugo takes no body
   * for them (they are left out of `paired`, MedGuide's defaults included).
   */
  readonly standalone?: ReadonlySet<string>;
  /** Names that must be closed: MedGuide's defaults, the alerts, `.medguide.toml`, templates that use `.Inner`. */
  readonly paired: readonly string[];
  readonly alerts: Readonly<Record<string, AlertShortcodeSpec>>;
}

const MAX_FACT_FILE = 2_000_000;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Go's url.Parse for a ref: the path (percent-decoded) and the fragment; undefined when Go refuses it. */
export function parseRefUrl(ref: string): { path: string; fragment: string } | undefined {
  const hash = ref.indexOf('#');
  let path = hash >= 0 ? ref.slice(0, hash) : ref;
  const fragment = hash >= 0 ? ref.slice(hash + 1) : '';
  const query = path.indexOf('?');
  if (query >= 0) path = path.slice(0, query);
  // A scheme (`http:`) makes the rest opaque; a colon in the first segment of a relative path is refused.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(path);
  if (scheme) return { path: '', fragment };
  try {
    if (/%(?![0-9a-fA-F]{2})/.test(path)) return undefined;
    return { path: decodeURIComponent(path), fragment };
  } catch {
    return undefined;
  }
}

export class HugoSite {
  private filesPromise?: Promise<ContentFile[]>;
  private readonly facts = new Map<string, CachedFacts | Promise<CachedFacts>>();
  private maps?: Promise<Map<string, PageMap>>;
  /** The same maps with every page counted as built: says why a ref to a draft is not found. */
  private unpruned?: { maps: Map<string, PageMap>; files: readonly ContentFile[] };
  private byFile = new WeakMap<readonly ContentFile[], Map<string, ContentFile>>();
  private templatesPromise?: Promise<{ names?: Set<string>; spellings: Map<string, string[]>; inner: Set<string>; complete: boolean }>;
  private rulesPromise?: Promise<{ config: SiteConfig; diagnostics: readonly Diagnostic[]; path?: string }>;
  /** Bumped at every change; the page list and maps of an older version are dropped. */
  private version = 0;

  private constructor(
    readonly host: SiteHost,
    readonly root: string,
    readonly config: HugoConfig,
    private readonly lang: Lang,
    private readonly now: () => Date,
  ) {}

  static async open(host: SiteHost, root: string, options: { lang?: Lang; now?: () => Date; environment?: string } = {}): Promise<HugoSite> {
    const config = await loadHugoConfig(host, root, { lang: options.lang, environment: options.environment });
    return new HugoSite(host, root, config, options.lang ?? 'fr', options.now ?? (() => new Date()));
  }

  get languages(): readonly string[] {
    return this.config.languages.map((l) => l.code);
  }

  get defaultLanguage(): string {
    return this.config.defaultContentLanguage;
  }

  /** How a page's anchors are read on this site: the ids of raw HTML count when Goldmark writes it. */
  get anchorOptions(): PageAnchorOptions {
    return this.config.goldmarkUnsafe ? RAW_HTML_ANCHORS : NO_RAW_HTML_ANCHORS;
  }

  /** Whether Hugo stops on a broken ref (ERROR, the default) or only warns. */
  get refLinksSeverity(): 'error' | 'warning' {
    return this.config.refLinksErrorLevel === 'WARNING' ? 'warning' : 'error';
  }

  // ---- content files -------------------------------------------------------------------------

  files(): Promise<ContentFile[]> {
    this.filesPromise ??= this.listFiles();
    return this.filesPromise;
  }

  private async listFiles(): Promise<ContentFile[]> {
    // A disabled language still names files (hugofs reads `page.es.md` as Spanish); Hugo then
    // skips every file of it, bundles and sections included (hugolib/pages_process.go shouldSkip).
    const disabled = this.config.disabledLanguageTables;
    const files = await collectContentFiles(this.host, {
      root: this.root,
      mounts: this.config.mounts,
      languages: new Set([...this.languages, ...disabled]),
      defaultLanguage: this.defaultLanguage,
      ignoreFiles: this.ignoreRegexps(),
      mountFilter: mountFilter,
    });
    return disabled.length > 0 ? files.filter((f) => !disabled.includes(f.lang)) : files;
  }

  private ignoreRegexps(): RegExp[] {
    const out: RegExp[] = [];
    for (const re of this.config.ignoreFiles) {
      try {
        out.push(new RegExp(re));
      } catch {
        // Go's RE2 syntax that JavaScript does not take: ignored here (hugoConfig reports the value).
      }
    }
    return out;
  }

  /** The content folders of the site (absolute), for "is this file content?" before listing. */
  contentRoots(): string[] {
    return this.config.mounts.map((m) => mountSourcePath(this.root, m.source));
  }

  /** The site's file for `file`, or undefined when `file` is not content Hugo reads. */
  async page(file: string): Promise<SitePage | undefined> {
    const f = this.indexOf(await this.files()).get(file);
    if (!f) return undefined;
    return { file: f, sitePath: relative(this.root, file) ?? f.pathFile };
  }

  // ---- front matter facts --------------------------------------------------------------------

  private async factsOf(file: string, want: 'frontMatter' | 'anchors'): Promise<CachedFacts | undefined> {
    const cached = this.facts.get(file);
    let entry = cached instanceof Promise ? await cached : cached;
    // A host whose files do not change (a CLI run): what was read stays true, no stat needed.
    if (this.host.unchanging && entry && entry[want] !== undefined) return entry;
    let stamp = 'unchanging';
    if (!this.host.unchanging) {
      const stat = await this.host.stat(file);
      if (!stat || stat.kind !== 'file') {
        this.facts.delete(file);
        return undefined;
      }
      stamp = `${stat.mtime}:${stat.size}`;
      if (entry && entry.stamp === stamp && entry[want] !== undefined) return entry;
      if (stat.size > MAX_FACT_FILE) return { stamp };
    }
    const previous = entry;
    const p = (async (): Promise<CachedFacts> => {
      let text: string;
      try {
        text = await this.host.readFile(file);
      } catch {
        return { stamp };
      }
      return factsFrom(text, stamp, previous, want, this.anchorOptions);
    })();
    this.facts.set(file, p);
    entry = await p;
    this.facts.set(file, entry);
    return entry;
  }

  /**
   * {@link factsOf} without a promise, for a host whose files do not change and that reads at
   * once (a CLI run): undefined when the host cannot, or while the file is being read the other way.
   */
  private factsNow(file: string, want: 'frontMatter' | 'anchors'): CachedFacts | undefined {
    if (!this.host.unchanging || !this.host.readFileNow) return undefined;
    const cached = this.facts.get(file);
    if (cached instanceof Promise) return undefined;
    if (cached && cached[want] !== undefined) return cached;
    const stamp = 'unchanging';
    let entry: CachedFacts;
    try {
      entry = factsFrom(this.host.readFileNow(file), stamp, cached, want, this.anchorOptions);
    } catch {
      entry = { stamp };
    }
    this.facts.set(file, entry);
    return entry;
  }

  /** The page's front matter facts (cached per modification). */
  async frontMatter(file: string): Promise<PageFrontMatter | undefined> {
    return (await this.factsOf(file, 'frontMatter'))?.frontMatter;
  }

  /** The ids a `#fragment` may point at on the page (cached per modification). */
  async anchors(file: string): Promise<ReadonlySet<string> | undefined> {
    return (await this.factsOf(file, 'anchors'))?.anchors;
  }

  /** Whether Hugo builds and writes the page (`options`: the build options, when taken once for many pages). */
  stateOf(fm: PageFrontMatter | undefined, options?: BuildOptions): BuildState {
    if (!fm) return BUILT;
    return buildState(fm, options ?? this.buildOptions());
  }

  /** The build options, "now" included: once for a whole page list, not once per page. */
  private buildOptions(): BuildOptions {
    return { buildDrafts: this.config.buildDrafts, buildFuture: this.config.buildFuture, buildExpired: this.config.buildExpired, now: this.now() };
  }

  // ---- page maps and refs ----------------------------------------------------------------------

  /**
   * The page maps and files last built, for synchronous callers (the preview): possibly one edit
   * old, never missing once built; a newer build is started when they are stale.
   */
  snapshot(): { maps: ReadonlyMap<string, PageMap>; files: readonly ContentFile[] } | undefined {
    if (!this.built || this.built.version !== this.version) void this.pageMaps().catch(() => undefined);
    return this.built;
  }

  /** Whether the last built maps are current. */
  get isCurrent(): boolean {
    return this.built !== undefined && this.built.version === this.version;
  }

  private built?: { version: number; maps: Map<string, PageMap>; files: readonly ContentFile[]; states: ReadonlyMap<string, BuildState>; terms: string; mayHide: boolean };

  /**
   * The taxonomy terms the built pages of each language use (`tags = ["HTA"]` → `/tags/hta/`):
   * Hugo makes a page of each, and a bare-name ref can find it (or be ambiguous with it).
   * None when the site disables the `term` kind, as Hugo 0.111 does.
   */
  private termsByLanguage(
    pages: readonly ContentFile[],
    states: ReadonlyMap<string, BuildState>,
    frontMatters: ReadonlyMap<string, PageFrontMatter | undefined>,
  ): Map<string, Map<string, Set<string>>> {
    const out = new Map<string, Map<string, Set<string>>>();
    if (this.config.disableKinds.includes('term') || this.config.taxonomies.length === 0) return out;
    // Each taxonomy's front matter key, lower-cased once, not for every page.
    const taxonomies = this.config.taxonomies.map((plural) => ({ plural, key: goLower(plural) }));
    // A page inside a section Hugo does not build (a draft `_index`, the home's included) is
    // dropped with that section's whole subtree, and its terms with it: no term page of its own.
    // Not a section below it: Hugo 0.111 (hugolib/content_map_page.go assembleSections) takes each
    // built section's terms while it walks the sections, and deletes the unbuilt ones' subtrees
    // only after the walk. The folders of such sections per language (most sites have none).
    const hidden = new Map<string, string[]>();
    for (const f of pages) {
      if (f.role !== 'section' || states.get(f.file)?.built !== false) continue;
      const folder = goLower(f.path.slice(0, f.path.lastIndexOf('/') + 1));
      const folders = hidden.get(f.lang);
      if (folders) folders.push(folder);
      else hidden.set(f.lang, [folder]);
    }
    const dropped = (f: ContentFile) => {
      const folders = hidden.get(f.lang);
      if (!folders) return false;
      const path = goLower(f.path);
      return folders.some((folder) => path.startsWith(folder));
    };
    // First the distinct values of each language's taxonomies (a site repeats its terms on many
    // pages), then their terms: a term's key is made once per distinct value, not once per use.
    // Each taxonomy's terms still come in the order of their first use (only a taxonomy that a
    // page names without a term may come later among its language's: nothing reads that order).
    const values = new Map<string, Map<string, Set<unknown>>>();
    for (const f of pages) {
      if (!states.get(f.file)?.built || (f.role !== 'section' && dropped(f))) continue;
      const data = frontMatters.get(f.file)?.data;
      if (!data) continue;
      let byPlural = values.get(f.lang);
      for (const { plural, key } of taxonomies) {
        const v = data[key];
        if (v === undefined || v === null) continue;
        if (!byPlural) values.set(f.lang, (byPlural = new Map()));
        let set = byPlural.get(plural);
        if (!set) byPlural.set(plural, (set = new Set()));
        // A list of terms, or one term (no array made for it). Indexed: no iterator result per
        // term while the loop is not yet optimized (most of a single run).
        if (Array.isArray(v)) for (let i = 0; i < v.length; i++) set.add(v[i]);
        else set.add(v);
      }
    }
    for (const [lang, byPlural] of values) {
      for (const [plural, set] of byPlural) {
        for (const value of set) {
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
          const term = termKey(String(value));
          if (term === '') continue;
          let keys = out.get(lang);
          if (!keys) out.set(lang, (keys = new Map()));
          let terms = keys.get(plural);
          if (!terms) keys.set(plural, (terms = new Set()));
          terms.add(term);
        }
      }
    }
    return out;
  }

  /** A resolver for refs written in `file`, over the current maps (built if needed). */
  async resolver(file: string | undefined): Promise<RefResolver> {
    await this.pageMaps();
    return this.resolverFor(file)!;
  }

  /** A synchronous resolver for refs written in `file`, from the last built maps; undefined until they are built. */
  resolverFor(file: string | undefined): RefResolver | undefined {
    const snap = this.snapshot();
    return snap ? this.resolverOver(snap.maps, snap.files, file) : undefined;
  }

  /** Refs written in `file` (a page of the site, else no relative lookup), resolved over these maps. */
  private resolverOver(maps: ReadonlyMap<string, PageMap>, files: readonly ContentFile[], file: string | undefined): RefResolver {
    const from = file !== undefined ? this.indexOf(files).get(file) : undefined;
    const targets = this.targetsOf(maps.get(from?.lang ?? this.defaultLanguage));
    return { targets, severity: this.refLinksSeverity, resolve: (args) => this.resolveWith(maps, files, from ? file : undefined, args) };
  }

  private readonly targetLists = new WeakMap<PageMap, readonly string[]>();
  private readonly resourceNames = new WeakMap<readonly ContentFile[], Map<string, ContentFile[]>>();

  /** Content files of bundles by their lower-cased name, once per file list. */
  private resourcesByName(files: readonly ContentFile[]): Map<string, ContentFile[]> {
    let m = this.resourceNames.get(files);
    if (!m) {
      m = new Map();
      for (const f of files) {
        if (f.role !== 'resource' || f.classifier !== 'content') continue;
        const name = goLower(f.translationBaseName);
        const list = m.get(name);
        if (list) list.push(f);
        else m.set(name, [f]);
      }
      this.resourceNames.set(files, m);
    }
    return m;
  }

  /**
   * The pages of one language as refs name them, sorted; one array per map, so the checks' caches
   * keyed on it (page index, "did you mean" suggestions) serve every page of the site.
   */
  private targetsOf(map: PageMap | undefined): readonly string[] {
    if (!map) return [];
    let list = this.targetLists.get(map);
    if (!list) this.targetLists.set(map, (list = [...map.byFile.values()].map((n) => n.file!.path).sort(compareStrings)));
    return list;
  }

  private indexOf(files: readonly ContentFile[]): Map<string, ContentFile> {
    let index = this.byFile.get(files);
    if (!index) this.byFile.set(files, (index = new Map(files.map((f) => [f.file, f]))));
    return index;
  }

  /** Each language's page map, built once per version of the site (reads every page's front matter once, cached). */
  pageMaps(): Promise<Map<string, PageMap>> {
    const version = this.version;
    const p = (this.maps ??= (async () => {
      const files = await this.files();
      const previous = this.built?.files === files ? this.built : undefined;
      const states = new Map<string, BuildState>();
      const frontMatters = new Map<string, PageFrontMatter | undefined>();
      const pages = files.filter((f) => f.role !== 'resource');
      const options = this.buildOptions();
      // What the host reads at once (a CLI run: every page), in a plain loop; the rest read below.
      const later = this.readNow(pages, frontMatters, states, options);
      // A bounded number of reads at once: a 5,000-page site must not open 5,000 files together.
      let next = 0;
      const worker = async () => {
        while (next < later.length) {
          const f = later[next++];
          const fm = await this.frontMatter(f.file);
          frontMatters.set(f.file, fm);
          states.set(f.file, this.stateOf(fm, options));
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      const terms = this.termsByLanguage(pages, states, frontMatters);
      // An edit that changed no page's build state nor term (the usual case while typing) keeps the maps.
      const same = previous && previous.terms === termsSignature(terms) && [...states].every(([f, st]) => sameState(previous.states.get(f), st));
      const maps = same ? previous.maps : new Map<string, PageMap>();
      if (!same) {
        for (const lang of this.languages) {
          maps.set(
            lang,
            new PageMap(files, { lang, taxonomies: this.config.taxonomies, terms: terms.get(lang), module: 'project', state: (f) => states.get(f.file) ?? BUILT }),
          );
        }
      }
      // Whether a page is, or may later be, left out of the build (a draft, an expiry date, not
      // built now): only then can a missing ref be one of them (see whyNotFound).
      let mayHide = false;
      for (const [f, st] of states) {
        const fm = frontMatters.get(f);
        if (!st.built || fm?.draft || fm?.expiryDate !== undefined) mayHide = true;
      }
      if (version === this.version) this.built = { version, maps, files, states, terms: termsSignature(terms), mayHide };
      return maps;
    })());
    return p.then((maps) => (version === this.version ? maps : this.pageMaps()));
  }

  /**
   * The front matter and build state of each page the host reads at once (see {@link factsNow}),
   * in `frontMatters` and `states`; returns the pages left to read asynchronously. A synchronous
   * loop: an async worker running a whole site's pages is costly to compile for a single run.
   */
  private readNow(
    pages: readonly ContentFile[],
    frontMatters: Map<string, PageFrontMatter | undefined>,
    states: Map<string, BuildState>,
    options: BuildOptions,
  ): ContentFile[] {
    const later: ContentFile[] = [];
    for (const f of pages) {
      const now = this.factsNow(f.file, 'frontMatter');
      if (!now) {
        later.push(f);
        continue;
      }
      frontMatters.set(f.file, now.frontMatter);
      states.set(f.file, this.stateOf(now.frontMatter, options));
    }
    return later;
  }

  /**
   * `ref`/`relref` as Hugo resolves it from the page `fromFile` (absolute; undefined for a page
   * outside the content, which gets no relative lookup).
   */
  async resolveRef(fromFile: string | undefined, args: RefArgs): Promise<RefVerdict> {
    const [maps, files] = await Promise.all([this.pageMaps(), this.files()]);
    return this.resolveWith(maps, files, fromFile, args);
  }

  /** The synchronous part of {@link resolveRef}, for the checks and the preview once the maps are built. */
  resolveWith(maps: ReadonlyMap<string, PageMap>, files: readonly ContentFile[], fromFile: string | undefined, args: RefArgs): RefVerdict {
    const from = fromFile !== undefined ? this.indexOf(files).get(fromFile) : undefined;
    // A verdict depends on the page's folder (relative refs), whether it is a leaf bundle's index,
    // its language and the arguments: pages of one folder share it (a whole site's check reads
    // the same refs over and over). `#anchor` alone names the page itself: not shared.
    if (args.path.startsWith('#') || args.path === '') return this.resolveUncached(maps, files, from, args);
    let cache = this.verdicts.get(maps);
    if (!cache) this.verdicts.set(maps, (cache = { size: 0, folders: new Map() }));
    const folder = from ? this.folderKey(from) : '-';
    let byRef = cache.folders.get(folder);
    if (!byRef) cache.folders.set(folder, (byRef = { plain: new Map() }));
    // Most refs name only a path: keyed by it alone; the others by their language and output format too.
    const qualified = (args.lang ?? '') !== '' || (args.outputFormat ?? '') !== '';
    const key = qualified ? `${args.lang ?? ''}|${args.outputFormat ?? ''}|${args.path}` : args.path;
    const byKey = qualified ? (byRef.qualified ??= new Map()) : byRef.plain;
    const cached = byKey.get(key);
    if (cached) return cached;
    const verdict = this.resolveUncached(maps, files, from, args);
    if (cache.size < 100_000) {
      byKey.set(key, verdict);
      cache.size++;
    }
    return verdict;
  }

  /** Verdicts by the referring page's folder, then by ref: what {@link resolveWith} keeps, per set of maps. */
  private readonly verdicts = new WeakMap<ReadonlyMap<string, PageMap>, { size: number; folders: Map<string, { plain: Map<string, RefVerdict>; qualified?: Map<string, RefVerdict> }> }>();
  private readonly folderKeys = new WeakMap<ContentFile, string>();

  /** What a ref's verdict depends on about the referring page: its language, folder and whether it is a leaf bundle's index. */
  private folderKey(from: ContentFile): string {
    let key = this.folderKeys.get(from);
    if (key === undefined) this.folderKeys.set(from, (key = `${from.lang}|${from.path.slice(0, from.path.lastIndexOf('/') + 1)}|${from.classifier === 'leaf'}`));
    return key;
  }

  private resolveUncached(maps: ReadonlyMap<string, PageMap>, files: readonly ContentFile[], from: ContentFile | undefined, args: RefArgs): RefVerdict {
    const pageLang = from?.lang ?? this.defaultLanguage;
    const lang = args.lang !== undefined && args.lang !== '' ? args.lang : pageLang;
    const map = maps.get(lang);
    if (!map) return { kind: 'not-found', reason: 'no-language', detail: lang };
    const url = parseRefUrl(args.path.replace(/\\/g, '/'));
    if (!url) return { kind: 'not-found', reason: 'bad-url' };
    if (url.path === '') {
      // `#anchor` alone: the current page.
      if (!from) return { kind: 'not-found' };
      return { kind: 'found', file: from.file, path: from.path, lang: from.lang, ...(url.fragment !== '' ? { anchor: url.fragment } : {}) };
    }
    const context = from ? { path: from.path, leaf: from.classifier === 'leaf' } : undefined;
    const r = map.lookup(context, url.path);
    if (r.kind === 'ambiguous') return { kind: 'ambiguous', candidates: r.candidates.map((n) => nodePath(n)).sort(compareStrings) };
    if (r.kind === 'found') {
      if (args.outputFormat !== undefined && args.outputFormat !== '' && !this.outputFormatsOf(r.node).includes(args.outputFormat.toLowerCase())) {
        return { kind: 'not-found', reason: 'output-format', detail: args.outputFormat };
      }
      const unrendered = r.node.file ? !this.cachedState(r.node.file).rendered : false;
      return {
        kind: 'found',
        ...(r.node.file ? { file: r.node.file.file } : {}),
        path: nodePath(r.node),
        lang,
        ...(url.fragment !== '' ? { anchor: url.fragment } : {}),
        ...(unrendered ? { unrendered: true } : {}),
      };
    }
    return this.whyNotFound(maps, files, context, url.path, lang);
  }

  /** The output formats Hugo renders a node in: `[outputs]` for its kind, without RSS when `disableKinds` has it. */
  private outputFormatsOf(node: MapNode): readonly string[] {
    // A page Hugo does not render (headless, `_build.render = "never"`) has no output format at all.
    if (node.file && !this.cachedState(node.file).rendered) return [];
    const kind = node.kind === 'taxonomy' ? (node.key.split('/').length > 3 ? 'term' : 'taxonomy') : node.kind;
    const formats = this.config.outputs[kind] ?? ['html'];
    return this.config.disableKinds.includes('rss') ? formats.filter((f) => f !== 'rss') : formats;
  }

  private cachedState(f: ContentFile): BuildState {
    const entry = this.facts.get(f.file);
    return entry && !(entry instanceof Promise) ? this.stateOf(entry.frontMatter) : BUILT;
  }

  /** A ref Hugo does not find: would it find it if the page were built, or in another language? */
  private whyNotFound(maps: ReadonlyMap<string, PageMap>, files: readonly ContentFile[], context: { path: string; leaf: boolean } | undefined, path: string, lang: string): RefVerdict {
    // Hugo 0.123 and later (the new content map) clean a ref before looking it up: `//` folded,
    // a trailing `/` and a section's `.md` dropped. Hugo 0.111.3, the judge of our tests, does not:
    // such a ref works with a current Hugo and breaks with 0.111, which the author is told.
    const map = maps.get(lang);
    const newer = map ? newerHugoSpellings(path).find((p) => map.lookup(context, p).kind === 'found') : undefined;
    if (newer !== undefined) return { kind: 'not-found', reason: 'newer-hugo', detail: newer };
    // Built as if every page were published: a draft, future or expired target shows. A site
    // whose every page is built, and stays so, has none to show: no map of them is built.
    const noneHidden = this.built?.files === files && this.built.version === this.version && !this.built.mayHide;
    if (!noneHidden) {
      if (this.unpruned?.files !== files) this.unpruned = { files, maps: new Map() };
      let all = this.unpruned.maps.get(lang);
      if (!all) this.unpruned.maps.set(lang, (all = new PageMap(files, { lang, taxonomies: this.config.taxonomies, module: 'project', state: () => BUILT })));
      const hit = all.lookup(context, path);
      if (hit.kind === 'found' && hit.node.file) {
        const state = this.cachedState(hit.node.file);
        if (!state.built) return { kind: 'not-found', reason: state.reason, detail: hit.node.file.path };
      }
    }
    const others: string[] = [];
    for (const [other, map] of maps) if (other !== lang && map.lookup(context, path).kind === 'found') others.push(other);
    if (others.length > 0) return { kind: 'not-found', reason: 'other-language', detail: others.join(', ') };
    // A file inside a bundle: a resource of that bundle, not a page. The ref's folders, when it
    // names some, must end the resource's path too (`nim/index.md` is not `includes/ngf/index.md`).
    const segments = goLower(path.replace(/\/+$/, '')).split('/').filter((s) => s !== '' && s !== '.' && s !== '..');
    const wanted = segments.pop()?.replace(/\.[^.]*$/, '');
    const folders = segments.length > 0 ? `/${segments.join('/')}/` : '/';
    const resource = wanted ? this.resourcesByName(files).get(wanted)?.find((f) => goLower(`/${f.path.slice(0, f.path.length - f.logicalName.length)}`).endsWith(folders)) : undefined;
    if (resource) {
      const bundle = resource.bundle ? files.find((f) => f.file === resource.bundle) : undefined;
      return { kind: 'not-found', reason: 'resource', detail: bundle?.path ?? resource.path };
    }
    return { kind: 'not-found' };
  }

  /** The pages a ref may name (built pages of the language, sorted): completion and suggestions. */
  async refTargets(lang?: string): Promise<{ path: string; file: string; lang: string }[]> {
    const maps = await this.pageMaps();
    const map = maps.get(lang ?? this.defaultLanguage);
    if (!map) return [];
    return [...map.byFile.values()].map((n) => ({ path: n.file!.path, file: n.file!.file, lang: n.file!.lang })).sort((a, b) => compareStrings(a.path, b.path));
  }

  // ---- templates and rules ---------------------------------------------------------------------

  private layoutDirs(): string[] {
    const dirs = [join(this.root, this.config.layoutDir)];
    for (const roots of this.componentRoots()) for (const r of roots) dirs.push(join(r, 'layouts'));
    return dirs;
  }

  /**
   * Where each theme (`theme`) and Hugo module (`[[module.imports]]`) may be on disk, in the order
   * Hugo looks: the themes folder, then `_vendor/` (`hugo mod vendor`). A module found in neither is
   * in Hugo's module cache, outside the site.
   */
  private componentRoots(): string[][] {
    const names = [...new Set([...this.config.themes, ...this.config.moduleImports])];
    return names.map((name) => [join(this.root, this.config.themesDir, name), join(this.root, '_vendor', name)]);
  }

  /**
   * The site's shortcode templates: `layouts/shortcodes/` (Hugo 0.111), `layouts/_shortcodes/` and
   * `layouts/<path>/_shortcodes/` (Hugo 0.146 and later), the site's then its themes' and modules'. A template that reads
   * `.Inner` takes a body. `names` is left unknown (no name is reported as unknown) when a theme or
   * module is not on disk (a module in Hugo's cache, a theme not checked out): its shortcodes
   * cannot be listed.
   */
  private templates(): Promise<{ names?: Set<string>; spellings: Map<string, string[]>; inner: Set<string>; complete: boolean }> {
    this.templatesPromise ??= (async () => {
      const spellings = new Map<string, string[]>();
      const inner = new Set<string>();
      const walk = async (dir: string, depth: number): Promise<void> => {
        if (depth > 8) return;
        for (const e of await this.host.readDirectory(dir)) {
          const p = join(dir, e.name);
          if (e.kind === 'directory') await walk(p, depth + 1);
          else {
            const spelling = templateSpelling(p);
            if (spelling === undefined) continue;
            const name = shortcodeKey(spelling);
            const list = spellings.get(name);
            if (!list) spellings.set(name, [spelling]);
            else if (!list.includes(spelling)) list.push(spelling);
            try {
              if (/\.Inner\b|\.InnerDeindent\b/.test(await this.host.readFile(p))) inner.add(name);
            } catch {
              // An unreadable template still defines its name.
            }
          }
        }
      };
      // The shortcode folders of a layouts folder: `shortcodes/` and `_shortcodes/` at its top, and
      // (Hugo 0.146+) `_shortcodes/` below a path of it (`layouts/docs/_shortcodes/`). Hugo finds
      // the latter for the pages under that path or of that `type`, which `cascade` often sets and
      // MedGuide does not read: they count as defined on every page.
      const folders = async (dir: string, depth: number): Promise<void> => {
        if (depth > 6) return;
        for (const e of await this.host.readDirectory(dir)) {
          if (e.kind !== 'directory' || e.name.startsWith('.')) continue;
          if (e.name === '_shortcodes' || (depth === 0 && e.name === 'shortcodes')) await walk(join(dir, e.name), 0);
          else if (!e.name.startsWith('_')) await folders(join(dir, e.name), depth + 1);
        }
      };
      for (const layouts of this.layoutDirs()) await folders(layouts, 0);
      let complete = true;
      for (const roots of this.componentRoots()) {
        const found = await Promise.all(roots.map(async (r) => (await this.host.stat(r))?.kind === 'directory'));
        if (!found.includes(true)) complete = false;
      }
      return { names: complete && spellings.size > 0 ? new Set(spellings.keys()) : undefined, spellings, inner, complete };
    })();
    return this.templatesPromise;
  }

  /**
   * The site's rules, by precedence: `.medguide.toml` (at the site root; its problems in
   * `diagnostics`) > Front Matter CMS's `frontmatter.json` and `.frontmatter/config/` (their
   * problems in `problems`) > the conventions inferred from the pages > the built-in dialect
   * (src/core/conventions). Inference runs when the site has no `.medguide.toml` (or one with
   * `[infer]`) and enough pages; it follows the pages' changes, and rules that come out the same
   * keep the same object, so the checks' caches hold. `sources` says which sources apply.
   */
  rules(): Promise<SiteRules> {
    if (!this.rulesPromise) this.cmsPromise = undefined;
    this.rulesPromise ??= (async () => {
      const path = join(this.root, CONFIG_FILE_NAME);
      const stat = await this.host.stat(path);
      if (!stat) return { config: DEFAULT_SITE_CONFIG, diagnostics: [] };
      try {
        const parsed = parseSiteConfig(await this.host.readFile(path), this.lang);
        return { ...parsed, path };
      } catch {
        return { config: DEFAULT_SITE_CONFIG, diagnostics: [], path };
      }
    })();
    this.cmsPromise ??= this.readFrontMatterCms();
    const file = this.rulesPromise;
    const cms = this.cmsPromise;
    return (async () => {
      const [own, imported] = await Promise.all([file, cms]);
      const broken = own.path !== undefined && own.diagnostics.some((d) => d.code === 'toml-syntax');
      const infer = own.path === undefined ? { enabled: true, thresholds: {} } : broken ? undefined : own.config.infer;
      const inferred = infer?.enabled ? await this.inferredRules(infer.thresholds) : undefined;
      return this.composeRules(own, imported, inferred, infer === undefined ? 'medguide' : !infer.enabled ? 'disabled' : undefined);
    })();
  }

  /**
   * The rules the site's own sources give without its `.medguide.toml`: Front Matter CMS's
   * description and the conventions inferred from its pages (with `[infer]`'s thresholds, if
   * any), over the built-in dialect. What `medguide init` and "Write the Site's Rules" write out.
   */
  async conventions(): Promise<SiteRules> {
    const own = await this.rules();
    const imported = await (this.cmsPromise ?? (this.cmsPromise = this.readFrontMatterCms()));
    const inference = await this.inferredRules(own.config.infer?.thresholds ?? {});
    const layers: RuleLayer[] = [];
    if (inference.inferred) layers.push({ source: 'inferred', keys: inference.inferred.keys, sections: inference.inferred.sections, types: inference.inferred.types });
    if (imported?.layer) layers.push(imported.layer);
    const inferred = inference.inferred;
    return {
      config: composeSiteConfig(undefined, layers),
      diagnostics: [],
      problems: imported?.problems ?? [],
      sources: {
        ...(imported?.layer ? { frontmatter: { files: imported.files, contentTypes: imported.contentTypes } } : {}),
        ...(inferred ? { inferred: { pages: inferred.pages, thresholds: inferred.thresholds, typos: inferred.typos, rare: inferred.rare } } : { inferenceSkipped: 'too-few-pages' as const }),
        sitePages: inference.pages,
      },
    };
  }

  private cmsPromise?: Promise<CmsImport | undefined>;
  private inferredCache?: { version: number; thresholds: string; promise: Promise<{ inferred?: InferredRules; pages: number; signature: string; inputs: readonly unknown[] }> };
  private composed?: { own: unknown; imported: unknown; inferred: unknown; result: SiteRules };

  /** `frontmatter.json` and the split content types of `.frontmatter/config/`, imported; undefined when the site has none. */
  private async readFrontMatterCms(): Promise<CmsImport | undefined> {
    const files: CmsFile[] = [];
    const root = join(this.root, FRONTMATTER_JSON);
    try {
      if ((await this.host.stat(root))?.kind === 'file') files.push({ file: root, text: await this.host.readFile(root), kind: 'root' });
    } catch {
      // Unreadable: as if absent.
    }
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 4) return;
      for (const e of await this.host.readDirectory(dir)) {
        const p = join(dir, e.name);
        if (e.kind === 'directory') await walk(p, depth + 1);
        else if (e.name.endsWith('.json')) {
          try {
            files.push({ file: p, text: await this.host.readFile(p), kind: 'contentType' });
          } catch {
            // Unreadable: skipped.
          }
        }
      }
    };
    await walk(join(this.root, FRONTMATTER_CONTENT_TYPES_DIR), 0);
    if (files.length === 0) return undefined;
    return importFrontMatterCms(files, this.lang);
  }

  /**
   * The conventions of the site's pages, once per version of the site (the page maps read every
   * page's front matter; inference reads those cached facts). Undefined below `minPages` pages.
   */
  private inferredRules(thresholds: Readonly<Record<string, number>>): Promise<{ inferred?: InferredRules; pages: number; signature: string }> {
    const version = this.version;
    const key = JSON.stringify(thresholds);
    const previous = this.inferredCache;
    if (previous && previous.version === version && previous.thresholds === key) return previous.promise;
    const promise = (async () => {
      await this.pageMaps();
      const files = await this.files();
      const pages: InferencePage[] = [];
      const inputs: unknown[] = [];
      for (const f of files) {
        if (f.role === 'resource') continue;
        const entry = this.facts.get(f.file);
        const fm = entry && !(entry instanceof Promise) && entry.frontMatter ? entry.frontMatter : await this.frontMatter(f.file);
        inputs.push(fm);
        const sitePath = relative(this.root, f.file) ?? f.pathFile;
        const role = f.role === 'section' ? 'section' : 'page';
        // Two literals, not a spread of an optional part: one page each of thousands.
        pages.push(fm?.names ? { sitePath, path: f.path, role, data: fm.data, names: fm.names } : { sitePath, path: f.path, role, data: fm?.data ?? {} });
      }
      const old = previous && previous.thresholds === key ? await previous.promise : undefined;
      // The same facts as last time (nothing read anew): the same rules.
      if (old && old.inputs.length === inputs.length && old.inputs.every((x, i) => x === inputs[i])) return old;
      const inferred = inferRules(pages, thresholds as Partial<InferenceThresholds>);
      const signature = inferred ? rulesSignature(inferred) : '';
      const count = pages.filter((p) => p.role === 'page').length;
      // Rules that come out the same keep their object (and the checks' compiled schemas).
      if (old && old.signature === signature) return { ...old, inputs };
      return { ...(inferred ? { inferred } : {}), pages: count, signature, inputs };
    })();
    this.inferredCache = { version, thresholds: key, promise };
    return promise;
  }

  private composeRules(
    own: { config: SiteConfig; diagnostics: readonly Diagnostic[]; path?: string },
    imported: CmsImport | undefined,
    inference: { inferred?: InferredRules; pages: number } | undefined,
    skipped: 'medguide' | 'disabled' | undefined,
  ): SiteRules {
    const c = this.composed;
    if (c && c.own === own && c.imported === imported && c.inferred === inference?.inferred) return c.result;
    const layers: RuleLayer[] = [];
    const inferred = inference?.inferred;
    if (inferred) layers.push({ source: 'inferred', keys: inferred.keys, sections: inferred.sections, types: inferred.types });
    if (imported?.layer) layers.push(imported.layer);
    const config = composeSiteConfig(own.path !== undefined ? own.config : undefined, layers);
    const sources: RuleSources = {
      ...(own.path !== undefined ? { medguide: own.path } : {}),
      ...(imported?.layer ? { frontmatter: { files: imported.files, contentTypes: imported.contentTypes } } : {}),
      ...(inferred ? { inferred: { pages: inferred.pages, thresholds: inferred.thresholds, typos: inferred.typos, rare: inferred.rare } } : {}),
      ...(inferred ? {} : { inferenceSkipped: skipped ?? 'too-few-pages' }),
      sitePages: inference?.pages ?? 0,
    };
    const result: SiteRules = { config, diagnostics: own.diagnostics, ...(own.path !== undefined ? { path: own.path } : {}), problems: imported?.problems ?? [], sources };
    this.composed = { own, imported, inferred: inferred, result };
    return result;
  }

  /** The shortcodes of the site, the same for the editor and the CLI. */
  async shortcodes(): Promise<SiteShortcodes> {
    const [t, r] = await Promise.all([this.templates(), this.rules()]);
    // Asked for every page checked: the same templates and rules give the same (shared) answer.
    if (this.lastShortcodes && this.shortcodesFrom?.templates === t && this.shortcodesFrom.rules === r) return this.lastShortcodes;
    this.shortcodesFrom = { templates: t, rules: r };
    const allAlerts: Record<string, AlertShortcodeSpec> = { ...DEFAULT_ALERT_SHORTCODES, ...(r.config.shortcodes?.alerts ?? {}) };
    // Hugo asks the template whether a shortcode takes a body: one of the site's that reads no
    // `.Inner` takes none, whatever MedGuide's defaults or `.medguide.toml` say.
    const standalone = new Set([...t.spellings.keys()].filter((k) => !t.inner.has(k)));
    // Hugo's own that take no body (figure, ref, youtube…), unless the site's or a theme's template
    // replaces them: only when every theme is on disk, as one of them could.
    if (t.complete) for (const k of BUILTIN_STANDALONE) if (!t.spellings.has(k)) standalone.add(k);
    // Nor is one of them an alert box in the preview: it has no content to show in it.
    const alerts = Object.fromEntries(Object.entries(allAlerts).filter(([n]) => !standalone.has(shortcodeKey(n))));
    const paired = [...new Set([...DEFAULT_PAIRED_SHORTCODES, ...Object.keys(alerts), ...(r.config.shortcodes?.paired ?? []), ...t.inner])].filter(
      (n) => !standalone.has(shortcodeKey(n)),
    );
    this.lastShortcodes = { templates: t.names, spellings: t.spellings, standalone, paired, alerts };
    return this.lastShortcodes;
  }

  private lastShortcodes?: SiteShortcodes;
  private shortcodesFrom?: { templates: unknown; rules: unknown };

  /** The shortcodes last read (synchronous callers: the preview); starts reading them when not yet read. */
  knownShortcodes(): SiteShortcodes | undefined {
    if (!this.lastShortcodes) void this.shortcodes().catch(() => undefined);
    return this.lastShortcodes;
  }

  // ---- what the checks need for one page --------------------------------------------------------

  /** What every page's check context starts from, asked once per state of the site (a check asks for each page). */
  private contextBasics(): Promise<[ContentFile[], Map<string, PageMap>, SiteRules, SiteShortcodes]> {
    if (this.basics && sameArgs(this.basics.sources, this.basicsSources())) return this.basics.promise;
    const promise = Promise.all([this.files(), this.pageMaps(), this.rules(), this.shortcodes()]);
    // Keyed on what the answers come from, as the calls above left it: any change makes a new one.
    this.basics = { sources: this.basicsSources(), promise };
    return promise;
  }

  /** What {@link contextBasics}' answers come from: the version and the promises that a change replaces. */
  private basicsSources(): unknown[] {
    return [this.version, this.filesPromise, this.maps, this.rulesPromise, this.cmsPromise, this.templatesPromise];
  }

  private basics?: { sources: readonly unknown[]; promise: Promise<[ContentFile[], Map<string, PageMap>, SiteRules, SiteShortcodes]> };

  /**
   * Everything `checkPage` needs about the site for one file: its rules (`.medguide.toml`, by its
   * path from the site root), the shortcodes, and a ref resolver with the anchors of the pages the
   * text links to read ahead. `role` says what the file is to Hugo: a resource (inside a leaf
   * bundle) gets no page checks; `outside` is a file in no content folder.
   */
  async checkContext(file: string, text: string, extra: { paired?: readonly string[] } = {}): Promise<PageCheckContext> {
    const [files, maps, rules, shortcodes] = await this.contextBasics();
    const page = this.indexOf(files).get(file);
    const sitePath = relative(this.root, file);
    const role: PageCheckContext['role'] = page ? (page.role === 'resource' ? 'resource' : 'page') : 'outside';
    const lang = page?.lang ?? this.defaultLanguage;
    const resolver = this.resolverOver(maps, files, file);
    // The anchors of the pages this text links to with a `#fragment`. The checks are synchronous: a
    // host that reads at once (a CLI run) is asked when a check needs them; any other is read ahead,
    // which costs a scan of the page's tags and a resolution of its refs before the checks do both.
    const anchors = new Map<string, ReadonlySet<string> | undefined>();
    const readsNow = this.host.unchanging === true && this.host.readFileNow !== undefined;
    // Only a ref with a `#fragment` needs another page's anchors (most pages have none).
    if (!readsNow && /\{\{[<%]\s*(?:rel)?ref\b[^}]*#/i.test(text)) {
      // The tags only (the page's checks pair them with the site's names, from the same scan).
      const tags = shortcodeTags(text);
      const wanted = new Set<string>();
      for (const use of relrefUses(text, tags)) {
        if (use.ref === undefined || !use.ref.includes('#')) continue;
        const v = resolver.resolve(refArgsOf(tags[use.tag], use.ref));
        if (v.kind === 'found' && v.file && v.file !== file) wanted.add(v.file);
      }
      await Promise.all([...wanted].map(async (f) => anchors.set(f, await this.anchors(f))));
    }
    return {
      role,
      lang,
      sitePath,
      config: rules.config,
      shortcodes: {
        templates: shortcodes.templates,
        templateSpellings: shortcodes.spellings,
        standalone: shortcodes.standalone,
        // The site's own list when nothing is added: the same array for every page (pairing keeps what it derives per list).
        paired: extra.paired && extra.paired.length > 0 ? [...shortcodes.paired, ...extra.paired] : shortcodes.paired,
        resolver,
        currentFile: file,
        pageLang: lang,
        anchorsOf: readsNow ? (f) => this.factsNow(f, 'anchors')?.anchors : (f) => anchors.get(f),
        anchorOptions: this.anchorOptions,
        inlineShortcodes: this.config.enableInlineShortcodes,
      },
    };
  }

  // ---- changes -------------------------------------------------------------------------------

  /**
   * A file changed: what depended on it is dropped. Returns 'reload' when the Hugo configuration
   * changed (the owner opens the site again).
   */
  applyChange(change: SiteChange): 'reload' | 'ok' {
    const rel = relative(this.root, change.path);
    if (rel === undefined) return 'ok';
    if (this.config.files.includes(change.path) || isHugoConfigName(rel) || rel.startsWith('config/')) return 'reload';
    if (rel === CONFIG_FILE_NAME || rel === FRONTMATTER_JSON || rel.startsWith('.frontmatter/')) {
      this.rulesPromise = undefined;
      this.lastShortcodes = undefined;
      return 'ok';
    }
    const inLayouts = this.layoutDirs().some((d) => change.path === d || change.path.startsWith(`${d}/`) || d.startsWith(`${change.path}/`));
    if (inLayouts) {
      this.templatesPromise = undefined;
      this.lastShortcodes = undefined;
    }
    const inContent = this.contentRoots().some((d) => change.path === d || change.path.startsWith(`${d}/`) || d.startsWith(`${change.path}/`));
    if (inContent) {
      if (change.kind !== 'changed') this.filesPromise = undefined;
      for (const k of [...this.facts.keys()]) if (k === change.path || k.startsWith(`${change.path}/`)) this.facts.delete(k);
      this.maps = undefined;
      this.version++;
    }
    return 'ok';
  }

  /** Text of an open, unsaved page changed: its facts are read again next time (the host returns the new text). */
  forget(file: string): void {
    this.facts.delete(file);
    this.maps = undefined;
    this.version++;
  }
}

/** How anchors are read on a site that writes raw HTML, and on one that does not (one object each). */
const RAW_HTML_ANCHORS: PageAnchorOptions = { rawHtml: true };
const NO_RAW_HTML_ANCHORS: PageAnchorOptions = {};

/** A file's facts from its text: `want` read, added to what `previous` holds when it has the same stamp. */
function factsFrom(text: string, stamp: string, previous: CachedFacts | undefined, want: 'frontMatter' | 'anchors', anchorOptions: PageAnchorOptions): CachedFacts {
  if (text.length > MAX_FACT_FILE) return { stamp };
  // A literal when nothing was read before (a whole site's first reading): no copy of an empty entry.
  if (!previous || previous.stamp !== stamp) return want === 'frontMatter' ? { stamp, frontMatter: readFrontMatter(text) } : { stamp, anchors: pageAnchors(text, anchorOptions) };
  return want === 'frontMatter' ? { ...previous, frontMatter: readFrontMatter(text) } : { ...previous, anchors: pageAnchors(text, anchorOptions) };
}

/** The spellings of a ref that Hugo 0.123+ reads as the same page and Hugo 0.111 does not. */
function newerHugoSpellings(path: string): string[] {
  const out = new Set<string>();
  let p = path.replace(/\/{2,}/g, '/');
  if (p !== path) out.add(p);
  if (p.length > 1 && p.endsWith('/')) out.add((p = p.replace(/\/+$/, '')));
  const ext = /\.(md|markdown|mdown|mkd|mkdn|html|htm|adoc|asciidoc|ad|org|pandoc|pdc|rst)$/i;
  if (ext.test(p)) out.add((p = p.replace(ext, '')));
  // A bundle's or section's index file named explicitly (`docs/_index.md`): newer Hugo reads the
  // logical path, the folder, whatever language the file is in (`docs/_index.en.md`); 0.111 needs
  // the file's exact name. A bare `_index.md` is left alone: which folder newer Hugo would read
  // depends on its lookup order.
  const index = /\/_?index$/i.exec(p);
  if (index && index.index > 0) out.add(p.slice(0, index.index));
  out.delete(path);
  return [...out];
}

function termsSignature(terms: Map<string, Map<string, Set<string>>>): string {
  const parts: string[] = [];
  for (const [lang, byPlural] of terms) for (const [plural, set] of byPlural) parts.push(`${lang}/${plural}:${[...set].sort().join(',')}`);
  return parts.sort().join('|');
}

function sameState(a: BuildState | undefined, b: BuildState): boolean {
  return a !== undefined && a.built === b.built && a.rendered === b.rendered && a.reason === b.reason;
}

function nodePath(n: MapNode): string {
  if (n.file) return n.file.path;
  return n.key === '/' ? '/' : n.key.replace(/^\//, '');
}

/** Each mount's includeFiles/excludeFiles, compiled once (the filter runs for every file); null: no filter. */
const mountFilters = new WeakMap<ContentMount, HugoFileFilter | null>();

/** A mount's includeFiles/excludeFiles, Hugo's filter on one entry, by its path inside the mount (site/hugoGlob.ts). */
function mountFilter(mount: ContentMount, pathInMount: string, isDir: boolean): boolean {
  let f = mountFilters.get(mount);
  if (f === undefined) mountFilters.set(mount, (f = hugoFileFilter(mount.includeFiles, mount.excludeFiles) ?? null));
  return f === null || f.entry(pathInMount, isDir);
}


/** A rule's reason in English, for comparing inferences. */
const en = (text: Text | undefined) => (text === undefined ? undefined : localize(text, 'en'));

/** What the checks see of inferred rules, to tell whether a new inference changed anything. */
function rulesSignature(r: InferredRules): string {
  const keys = (m: ReadonlyMap<string, { name: string; override: KeyOverride }>) =>
    [...m].map(([k, { name, override: o }]) => [k, name, o.type, o.required, o.values, o.closed, en(o.origin?.key), en(o.origin?.required), en(o.origin?.type), en(o.origin?.values)]);
  return JSON.stringify([keys(r.keys), r.sections.map((s) => [s.paths, keys(s.keys)]), [...r.types].map(([t, c]) => [t, keys(c.keys)]), r.typos, r.rare]);
}
