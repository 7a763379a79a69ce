/**
 * Random small Hugo sites for the differential test (fast-check arbitraries, seeded).
 *
 * A site is drawn as a `SiteSpec` (config choices, content nodes, refs) made only of small
 * numbers and enums, so fast-check shrinks it well (drop a node, drop a ref, simpler config),
 * then turned into files by `buildSite`. Names come from small pools so that base names repeat
 * across sections (ambiguous simple names), sections nest, bundles hold resources, and so on.
 *
 * Left out on purpose (layoutNodes): two files with one page key in one language (`a.md` and
 * `A.md`, `x.md` and `x/index.md`: Hugo keeps one at random), sections inside bundles, nested
 * bundles, folder names differing only by case, and content files inside a bundle in a language
 * that has no header for that bundle (Hugo 0.111 then builds the same index.md in both
 * languages). Not generated: `url`/`slug`, `_build.list`, `cascade`. One page per site (its
 * translations included) may have `_build.render = "never"`, as one may be a headless bundle.
 *
 * Some sites (about one in three) also get content mounts (`[[module.mounts]]`: up to three source
 * folders, each into a target below `content`, with a language and `includeFiles`/`excludeFiles`
 * from small pools) and `ignoreFiles` patterns. Their content files are written in the mounts'
 * source folders; a file whose folder no mount reads, or that a filter drops, stays in the site for
 * refs to name. Half the sites build taxonomies (Hugo's default `tags` and `categories`):
 * their pages have terms from a pool of awkward ones (accents, case, spaces, punctuation), and refs
 * name term and taxonomy pages in several spellings. The reference model (reference.ts) does not
 * model those sites.
 */
import fc from 'fast-check';
import { posix } from 'node:path';
import type { GeneratedRef, GeneratedSite } from './types';

export const BASE_URL = 'http://example.org/';
export const NOT_FOUND_URL = '/__notfound__/';

const LANG_POOL = ['en', 'fr', 'es'] as const;
/** A file name suffix that is never a configured language. */
const UNCONFIGURED_LANG = 'de';
const DIRS = ['', 'docs', 'blog', 'docs/guides', 'docs/guides/deep', 'blog/2023'] as const;
const NAMES = ['intro', 'setup', 'faq', 'guides', 'notes', 'post'] as const;
const BROKEN = ['/nope', 'missing.md', '../nope', 'docs/nope.md', 'nope/', '/docs/guides/nope'] as const;
/** Folders of content files when the site has mounts: `content` and two others. */
const MOUNT_SOURCES = ['content', 'extra', 'shared/docs'] as const;
const MOUNT_TARGETS = ['content', 'content/docs', 'content/blog'] as const;
/** `includeFiles` / `excludeFiles` lists (Hugo's glob syntax, matched against the path inside the mount). */
const MOUNT_INCLUDES: readonly (readonly string[])[] = [[], ['**.md'], ['/docs/**', '/*'], ['**/index.*', '**/_index.*', '*.md']];
const MOUNT_EXCLUDES: readonly (readonly string[])[] = [[], ['**/faq*'], ['/blog/**'], ['*.markdown'], ['**/guides/**']];
/**
 * `ignoreFiles` patterns (Go regular expressions on the absolute file name, folders included):
 * none of them matches the temporary folder a site is written in, nor a layout.
 */
/** Terms of the taxonomies: what Hugo's key for a term (UnicodeSanitize, lower case) keeps, drops or joins. */
const TERMS = ['Santé', 'HTA', 'soins primaires', 'e-CPS', 'C++', 'Été 2024', 'ÉTÉ  2024', 'x_y', 'l’accès', '100 %', 'a.b', 'Nürnberg', 'Ça va?', '  bords  ', 'İstanbul', 'ǅemal', 'ΟΔΟΣ ΚΑΙ ΛΟΓΟΣ'] as const;
const TAXONOMIES = ['tags', 'categories'] as const;
const IGNORE_FILES = ['\\.markdown$', '/faq', 'guides', 'notes\\.', 'extra/.*setup', '^/nowhere/'] as const;

type ConfigForm = 'hugo.toml' | 'config.toml' | 'hugo.yaml' | 'config-dir';
type Shape = 'page' | 'leaf' | 'headless' | 'branch';
type Status = 'ok' | 'draft' | 'future' | 'expired';
type FrontMatter = 'toml' | 'yaml' | 'none';
type RefForm =
  | 'abs'
  | 'abs-file'
  | 'root'
  | 'root-file'
  | 'rel'
  | 'rel-file'
  | 'dot'
  | 'bare'
  | 'bare-file'
  | 'bare-dup'
  | 'above-root'
  | 'lang-suffix'
  | 'content-mount'
  | 'section'
  | 'home'
  | 'anchor-only'
  | 'empty'
  | 'broken'
  | 'resource'
  | 'term';

interface ConfigSpec {
  readonly form: ConfigForm;
  readonly languageCount: number;
  /** Rotation of LANG_POOL: which codes the site uses. */
  readonly firstLang: number;
  readonly defaultLang: number;
  /** Single language: declare `[languages.xx]` or not. */
  readonly declareLanguages: boolean;
  /** Several languages: one content folder per language (`contentDir = "content/fr"`); not with mounts. */
  readonly contentDirs: boolean;
  /** `[[module.mounts]]` of content (none: Hugo's default mount of `content`). */
  readonly mounts: readonly MountSpec[];
  /** 0: no `ignoreFiles`; n: IGNORE_FILES[n - 1]. */
  readonly ignore: number;
  /** Taxonomy and term pages built (else `disableKinds` leaves them out). */
  readonly taxonomies: boolean;
  /** Several languages: `disableLanguages` lists the last one that is not the default. */
  readonly disableOne: boolean;
  /** Bits of `buildDrafts` (1), `buildFuture` (2), `buildExpired` (4) set to true. */
  readonly build: number;
}

interface MountSpec {
  readonly source: number;
  readonly target: number;
  /** 0: none; 1–3: a configured language (modulo). */
  readonly lang: number;
  readonly include: number;
  readonly exclude: number;
}

interface NodeSpec {
  readonly shape: Shape;
  readonly dir: number;
  readonly name: number;
  readonly titleCase: boolean;
  /** 0: no suffix; 1–3: a configured language (modulo); 4: UNCONFIGURED_LANG; 5: a configured language in upper case. */
  readonly suffix: number;
  /** contentDirs: which language folder. */
  readonly folder: number;
  readonly ext: 'md' | 'markdown';
  readonly frontMatter: FrontMatter;
  readonly status: Status;
  readonly resources: boolean;
  /** With mounts: the source folder the file is written in (MOUNT_SOURCES, modulo). */
  readonly source: number;
  /** `_build = { render = "never" }`: built, no file written (at most one page per site, as headless bundles). */
  readonly renderNever: boolean;
  /** Terms of the page: indexes into TERMS, for `tags` and `categories`. */
  readonly tags: readonly number[];
  readonly categories: readonly number[];
}

interface RefSpec {
  readonly from: number;
  readonly target: number;
  readonly form: RefForm;
  readonly shortcode: 'ref' | 'relref';
  readonly named: boolean;
  readonly upper: 'as-is' | 'upper' | 'lower';
  readonly trailingSlash: boolean;
  readonly addMd: boolean;
  readonly anchor: boolean;
  /** 0: none; 1–3: a configured language (modulo); 4: UNCONFIGURED_LANG. */
  readonly lang: number;
  readonly outputFormat: '' | 'html' | 'json';
  readonly variant: number;
}

export interface SiteSpec {
  readonly config: ConfigSpec;
  readonly nodes: readonly NodeSpec[];
  readonly refs: readonly RefSpec[];
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const k = <T>(weight: number, value: T) => w(weight, fc.constant(value));
/** A weighted choice that shrinks towards its first (simplest) branch. */
const oneof = <T>(...branches: { weight: number; arbitrary: fc.Arbitrary<T> }[]): fc.Arbitrary<T> => fc.oneof({ withCrossShrink: true }, ...branches);

const mountArb: fc.Arbitrary<MountSpec> = fc.record({
  source: fc.nat({ max: MOUNT_SOURCES.length - 1 }),
  target: oneof(k(3, 0), w(2, fc.integer({ min: 1, max: MOUNT_TARGETS.length - 1 }))),
  lang: oneof(k(3, 0), w(2, fc.integer({ min: 1, max: 3 }))),
  include: oneof(k(4, 0), w(1, fc.integer({ min: 1, max: MOUNT_INCLUDES.length - 1 }))),
  exclude: oneof(k(4, 0), w(1, fc.integer({ min: 1, max: MOUNT_EXCLUDES.length - 1 }))),
});

const configArb: fc.Arbitrary<ConfigSpec> = fc.record({
  form: oneof(k(3, 'hugo.toml' as ConfigForm), k(2, 'config.toml' as ConfigForm), k(2, 'hugo.yaml' as ConfigForm), k(3, 'config-dir' as ConfigForm)),
  languageCount: oneof(k(4, 1), k(4, 2), k(2, 3)),
  firstLang: fc.nat({ max: 2 }),
  defaultLang: fc.nat({ max: 2 }),
  declareLanguages: fc.boolean(),
  contentDirs: oneof(k(2, false), k(1, true)),
  mounts: oneof(k(3, [] as MountSpec[]), w(1, fc.array(mountArb, { minLength: 1, maxLength: 3 }))),
  ignore: oneof(k(6, 0), w(1, fc.integer({ min: 1, max: IGNORE_FILES.length }))),
  taxonomies: oneof(k(1, false), k(1, true)),
  disableOne: oneof(k(5, false), k(1, true)),
  build: oneof(k(5, 0), w(1, fc.integer({ min: 1, max: 7 }))),
});

const nodeArb: fc.Arbitrary<NodeSpec> = fc.record({
  shape: oneof(k(10, 'page' as Shape), k(3, 'leaf' as Shape), k(1, 'headless' as Shape), k(4, 'branch' as Shape)),
  dir: fc.nat({ max: DIRS.length - 1 }),
  name: fc.nat({ max: NAMES.length - 1 }),
  titleCase: oneof(k(5, false), k(1, true)),
  suffix: oneof(k(6, 0), w(3, fc.integer({ min: 1, max: 3 })), k(1, 4), k(1, 5)),
  folder: fc.nat({ max: 2 }),
  ext: oneof(k(6, 'md' as const), k(1, 'markdown' as const)),
  frontMatter: oneof(k(5, 'toml' as FrontMatter), k(3, 'yaml' as FrontMatter), k(2, 'none' as FrontMatter)),
  status: oneof(k(24, 'ok' as Status), k(2, 'draft' as Status), k(1, 'future' as Status), k(1, 'expired' as Status)),
  resources: fc.boolean(),
  source: fc.nat({ max: MOUNT_SOURCES.length - 1 }),
  renderNever: oneof(k(11, false), k(1, true)),
  tags: oneof(k(1, [] as number[]), w(1, fc.array(fc.nat({ max: TERMS.length - 1 }), { minLength: 1, maxLength: 3 }))),
  categories: oneof(k(4, [] as number[]), w(1, fc.array(fc.nat({ max: TERMS.length - 1 }), { minLength: 1, maxLength: 2 }))),
});

const refArb: fc.Arbitrary<RefSpec> = fc.record({
  from: fc.nat({ max: 50 }),
  target: fc.nat({ max: 50 }),
  form: oneof(
    k(6, 'abs' as RefForm),
    k(3, 'abs-file' as RefForm),
    k(3, 'root' as RefForm),
    k(2, 'root-file' as RefForm),
    k(4, 'rel' as RefForm),
    k(3, 'rel-file' as RefForm),
    k(2, 'dot' as RefForm),
    k(8, 'bare' as RefForm),
    k(4, 'bare-file' as RefForm),
    k(4, 'bare-dup' as RefForm),
    k(1, 'above-root' as RefForm),
    k(1, 'lang-suffix' as RefForm),
    k(1, 'content-mount' as RefForm),
    k(2, 'section' as RefForm),
    k(1, 'home' as RefForm),
    k(1, 'anchor-only' as RefForm),
    k(1, 'empty' as RefForm),
    k(2, 'broken' as RefForm),
    k(1, 'resource' as RefForm),
    k(4, 'term' as RefForm),
  ),
  shortcode: oneof(k(4, 'relref' as const), k(1, 'ref' as const)),
  named: oneof(k(3, false), k(1, true)),
  upper: oneof(k(8, 'as-is' as const), k(1, 'upper' as const), k(1, 'lower' as const)),
  trailingSlash: oneof(k(6, false), k(1, true)),
  addMd: oneof(k(6, false), k(1, true)),
  anchor: oneof(k(5, false), k(1, true)),
  lang: oneof(k(6, 0), w(5, fc.integer({ min: 1, max: 3 })), k(1, 4)),
  outputFormat: oneof(k(12, '' as const), k(2, 'html' as const), k(1, 'json' as const)),
  variant: fc.nat({ max: 5 }),
});

export const siteSpecArb: fc.Arbitrary<SiteSpec> = fc.record({
  config: configArb,
  nodes: fc.array(nodeArb, { minLength: 1, maxLength: 12 }),
  refs: fc.array(refArb, { minLength: 5, maxLength: 15 }),
});

/** What the test draws from: no bias, so a site depends on its seed only. */
export const siteSpecs: fc.Arbitrary<SiteSpec> = fc.noBias(siteSpecArb);

/** The i-th site of a run: seeds are derived per site, so one site replays alone. */
export function siteSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) | 0;
}

export function sampleSpec(seed: number, index: number): SiteSpec {
  const [spec] = fc.sample(siteSpecs, { seed: siteSeed(seed, index), numRuns: 1 });
  return spec;
}

export function sampleSite(seed: number, index: number): GeneratedSite {
  return buildSite(sampleSpec(seed, index));
}

/** Specs one element smaller (one ref or one content node less), for the shrink's last pass. */
export function* smallerSpecs(spec: SiteSpec): Generator<SiteSpec> {
  for (let i = spec.refs.length - 1; i >= 0; i--) if (spec.refs.length > 1) yield { ...spec, refs: spec.refs.filter((_, j) => j !== i) };
  for (let i = spec.nodes.length - 1; i >= 0; i--) if (spec.nodes.length > 1) yield { ...spec, nodes: spec.nodes.filter((_, j) => j !== i) };
}

// ---------------------------------------------------------------------------------------------
// From a spec to files

interface Languages {
  readonly codes: readonly string[];
  readonly defaultLang: string;
  /** A configured language left out of the build (`disableLanguages`), if any. */
  readonly disabled?: string;
  readonly declared: boolean;
  readonly contentDirs: boolean;
}

/** A content file as the generator laid it out. */
interface Node {
  readonly spec: NodeSpec;
  readonly shape: Shape;
  readonly status: Status;
  readonly lang: string;
  /** The language of the content folder (`defaultContentLanguage` for `content/`). */
  readonly rootLang: string;
  /** `content` or `content/fr`. */
  readonly root: string;
  /** Path below the content root, as Hugo's `.File.Path` (`docs/Intro.fr.md`). */
  readonly rel: string;
  /** Site-relative file. */
  readonly file: string;
  /** With a mount: its target below `content` (`docs`), which `rel` and `logical` start with; else "". */
  readonly prefix: string;
  /** The page's path as written by people: no extension, no language, a bundle or section is its folder (`docs/Intro`). */
  readonly logical: string;
  /** Bundle resources (paths below the content root). */
  readonly resources: readonly string[];
  /** Hugo builds it and writes no file for it: a headless bundle, or `_build.render = "never"`. */
  readonly unrendered: boolean;
  /** In a folder Hugo reads: the site has no mounts, or one reads the file's source folder. */
  readonly read: boolean;
}

function languagesOf(c: ConfigSpec): Languages {
  const count = Math.max(1, Math.min(3, c.languageCount));
  const codes = Array.from({ length: count }, (_, i) => LANG_POOL[(c.firstLang + i) % LANG_POOL.length]);
  const defaultLang = codes[c.defaultLang % count];
  const disabled = c.disableOne ? [...codes].reverse().find((code) => code !== defaultLang) : undefined;
  return {
    codes,
    ...(disabled !== undefined ? { disabled } : {}),
    defaultLang,
    declared: count > 1 || c.declareLanguages,
    contentDirs: count > 1 && c.contentDirs && c.mounts.length === 0,
  };
}

/** A content mount as the site's configuration writes it. */
interface Mount {
  readonly source: string;
  readonly target: string;
  /** The target below `content` (`docs`, or "" for `content`). */
  readonly prefix: string;
  readonly lang?: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

function mountsOf(c: ConfigSpec, langs: Languages): Mount[] {
  const out: Mount[] = [];
  for (const m of c.mounts) {
    const source = MOUNT_SOURCES[m.source % MOUNT_SOURCES.length];
    // One mount per source folder: a folder mounted twice makes each of its files two pages.
    if (out.some((o) => o.source === source)) continue;
    const target = MOUNT_TARGETS[m.target % MOUNT_TARGETS.length];
    const lang = m.lang > 0 ? langs.codes[(m.lang - 1) % langs.codes.length] : undefined;
    out.push({
      source,
      target,
      prefix: target.replace(/^content\/?/, ''),
      ...(lang !== undefined ? { lang } : {}),
      include: MOUNT_INCLUDES[m.include % MOUNT_INCLUDES.length],
      exclude: MOUNT_EXCLUDES[m.exclude % MOUNT_EXCLUDES.length],
    });
  }
  return out;
}

/** A path below a mount's target as written in its source folder. */
function inSource(node: { readonly prefix: string }, virtual: string): string {
  return node.prefix !== '' && virtual.startsWith(`${node.prefix}/`) ? virtual.slice(node.prefix.length + 1) : virtual;
}

function pickLang(langs: Languages, n: number): string | undefined {
  if (n <= 0) return undefined;
  // Hugo 0.111 matches a suffix to the (lower-cased) configured codes as it is written: `FR` is no language.
  if (n >= 5) return langs.codes[langs.codes.length - 1].toUpperCase();
  if (n >= 4) return UNCONFIGURED_LANG;
  return langs.codes[(n - 1) % langs.codes.length];
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const under = (path: string, dir: string) => dir === '' || path === dir || path.startsWith(`${dir}/`);

const isBundle = (shape: Shape) => shape === 'leaf' || shape === 'headless';

function layoutNodes(specs: readonly NodeSpec[], langs: Languages, mounts: readonly Mount[]): Node[] {
  const out: Node[] = [];
  /** The one page (with its translations) of the site Hugo builds without a URL. */
  let unrendered: string | undefined;
  for (const spec of specs) {
    let shape = spec.shape;
    const dir = DIRS[spec.dir % DIRS.length];
    // Only file names change case (`Setup.md`); a folder `Setup/` next to `setup/` would be two
    // folders on disk but one section or bundle for Hugo.
    const name = spec.titleCase && shape === 'page' ? titleCase(NAMES[spec.name % NAMES.length]) : NAMES[spec.name % NAMES.length];
    let suffix = pickLang(langs, spec.suffix);
    const unconfigured = suffix !== undefined && !langs.codes.includes(suffix);
    // A bundle's `index.de.md` or a section's `_index.de.md` is a second index of its language:
    // the first in Hugo's walk order heads it, the other is a resource. Not for headless bundles.
    // Nor for the home: Hugo 0.111 makes a home `_index.de.md` (sorted before `_index.md`) a page
    // of kind "page", and then builds nothing of that language (README, "Known differences").
    if (unconfigured && (shape === 'headless' || (shape === 'branch' && dir === ''))) suffix = undefined;
    const folderLang = langs.contentDirs ? langs.codes[spec.folder % langs.codes.length] : undefined;
    // With mounts: the file's source folder, and the mount that reads it (if any).
    const source = mounts.length > 0 ? MOUNT_SOURCES[spec.source % MOUNT_SOURCES.length] : undefined;
    const mount = source !== undefined ? mounts.find((m) => m.source === source) : undefined;
    const rootLang = folderLang ?? mount?.lang ?? langs.defaultLang;
    const lang = suffix !== undefined && langs.codes.includes(suffix) ? suffix : rootLang;
    const root = source ?? (folderLang ? `content/${folderLang}` : 'content');
    const prefix = mount?.prefix ?? '';
    const dot = suffix ? `.${suffix}` : '';
    let rel: string;
    let logical: string;
    if (shape === 'branch') {
      rel = posix.join(dir, `_index${dot}.${spec.ext}`);
      logical = dir;
    } else if (shape === 'page') {
      rel = posix.join(dir, `${name}${dot}.${spec.ext}`);
      logical = posix.join(dir, unconfigured ? `${name}.${suffix}` : name);
    } else {
      rel = posix.join(dir, name, `index${dot}.${spec.ext}`);
      logical = posix.join(dir, name);
    }
    // Left out: a file in a folder below another mount's target that lies inside its own mount's
    // (a bundle with resources: at that target too, its resources are below). Hugo 0.111 reads such
    // a folder through the mounts at the nearest target only; newer Hugo, and MedGuide, through every
    // mount above (README, "Known differences with Hugo"; test/unit/site/mountOverlapCases.ts). A
    // file right at the other target is kept: every Hugo reads it (Hugo's "ancestors" of a target).
    if (mount) {
      const folder = shape === 'page' ? (posix.dirname(rel) === '.' ? '' : posix.dirname(rel)) : logical;
      const virtualFolder = prefix === '' ? folder : folder === '' ? prefix : `${prefix}/${folder}`;
      const deeper = isBundle(shape) && spec.resources;
      const inner = mounts.some(
        (m) =>
          m !== mount &&
          (prefix === '' ? m.prefix !== '' : m.prefix.startsWith(`${prefix}/`)) &&
          (virtualFolder.startsWith(`${m.prefix}/`) || (deeper && virtualFolder === m.prefix)),
      );
      if (inner) continue;
    }
    const written = rel;
    if (prefix !== '') {
      rel = posix.join(prefix, rel);
      logical = logical === '' ? prefix : posix.join(prefix, logical);
    }
    // One headless bundle or page not rendered per site (its translations included): Hugo gives it
    // no URL, the test recognises it by its language.
    const taken = unrendered !== undefined && unrendered !== logical.toLowerCase();
    if (shape === 'headless' && taken) shape = 'leaf';
    // Not the home: its page writes the manifest the test reads.
    const renderNever = spec.renderNever && shape !== 'headless' && !taken && !(shape === 'branch' && logical === '');
    const status = spec.status;
    const key = logical.toLowerCase();
    const conflict = out.some((o) => {
      const other = o.logical.toLowerCase();
      // Same page twice (or Page.md vs page.md); two index files of one bundle or section are
      // fine (Hugo takes the first in its walk order).
      if (o.lang === lang && other === key) return !(((shape === 'leaf' && isBundle(o.shape)) || (shape === 'branch' && o.shape === 'branch')) && o.rel !== rel);
      if (shape === 'branch' && isBundle(o.shape) && under(key, other)) return true; // a section inside a bundle
      if (isBundle(shape) && o.shape === 'branch' && under(other, key)) return true;
      if (isBundle(shape) && isBundle(o.shape) && other !== key && (under(key, other) || under(other, key))) return true; // nested bundles
      return false;
    });
    if (conflict) continue;
    // Two index files of one bundle in one language (Hugo heads it with the first in its walk order):
    // only one of them says `render = "never"`, so the page Hugo writes no file for is that one.
    const renderNeverOnce = renderNever && !out.some((o) => o.unrendered && o.lang === lang && o.logical.toLowerCase() === key);
    if (shape === 'headless' || renderNeverOnce) unrendered = key;
    out.push({ spec, shape, status, lang, rootLang, root, rel, file: `${root}/${written}`, prefix, logical, resources: [], unrendered: shape === 'headless' || renderNeverOnce, read: mounts.length === 0 || mount !== undefined });
  }

  // A content file inside a bundle, in a language that has no header (index.md) for that bundle,
  // makes Hugo 0.111 copy the header into that language: the same index file built twice (as
  // two pages, its refs rendered twice). Left out: pages inside a bundle in such a language,
  // and resources (no language suffix: the content root's language) of such a bundle.
  const headerLangs = new Map<string, Set<string>>();
  for (const n of out) {
    // A header in a folder no mount reads is no header for Hugo.
    if (!isBundle(n.shape) || !n.read) continue;
    const key = n.logical.toLowerCase();
    headerLangs.set(key, (headerLangs.get(key) ?? new Set<string>()).add(n.lang));
  }
  const folderOf = (rel: string) => (posix.dirname(rel) === '.' ? '' : posix.dirname(rel)).toLowerCase();
  const kept = out.filter((n) => n.shape !== 'page' || [...headerLangs].every(([dir, set]) => !under(folderOf(n.rel), dir) || set.has(n.lang)));
  const written = new Set<string>();
  return kept.map((n) => {
    if (!isBundle(n.shape) || !n.spec.resources || !headerLangs.get(n.logical.toLowerCase())?.has(n.rootLang)) return n;
    const names = n.shape === 'headless' ? ['res.md'] : ['other.md', 'sub/deep.md'];
    // Bundles in several languages share their resources: write them once.
    const resources = names.map((r) => posix.join(n.logical, r)).filter((r) => !written.has(`${n.root}/${inSource(n, r)}`));
    for (const r of resources) written.add(`${n.root}/${inSource(n, r)}`);
    return { ...n, resources };
  });
}

function frontMatter(node: Node, title: string): string {
  let form = node.spec.frontMatter;
  if (form === 'none' && (node.status !== 'ok' || node.unrendered || node.spec.tags.length || node.spec.categories.length)) form = 'toml';
  if (form === 'none') return '';
  const fields: [string, string, string][] = [['title', `"${title}"`, `"${title}"`]];
  if (node.status === 'draft') fields.push(['draft', 'true', 'true']);
  if (node.status === 'future') fields.push(['publishDate', '2999-01-01T00:00:00Z', '2999-01-01T00:00:00Z']);
  if (node.status === 'expired') fields.push(['expiryDate', '2000-01-01T00:00:00Z', '2000-01-01T00:00:00Z']);
  if (node.shape === 'headless') fields.push(['headless', 'true', 'true']);
  else if (node.unrendered) fields.push(['_build', '{ render = "never" }', '{ render: "never" }']);
  // Terms as string arrays; a TOML basic string and a YAML flow sequence both read JSON's quoting.
  const terms = (list: readonly number[]) => `[${list.map((i) => JSON.stringify(TERMS[i % TERMS.length])).join(', ')}]`;
  if (node.spec.tags.length) fields.push(['tags', terms(node.spec.tags), terms(node.spec.tags)]);
  if (node.spec.categories.length) fields.push(['categories', terms(node.spec.categories), terms(node.spec.categories)]);
  return form === 'toml'
    ? `+++\n${fields.map(([key, toml]) => `${key} = ${toml}`).join('\n')}\n+++\n`
    : `---\n${fields.map(([key, , yaml]) => `${key}: ${yaml}`).join('\n')}\n---\n`;
}

function relative(fromDir: string, to: string): string {
  const r = posix.relative(fromDir === '' ? '.' : fromDir, to === '' ? '.' : to);
  return r === '' ? '.' : r;
}

/** The path argument of a ref, before the modifiers (case, slash, `.md`, anchor). */
function basePath(spec: RefSpec, from: Node, target: Node, langs: Languages, nodes: readonly Node[]): string {
  const fromDir = posix.dirname(from.rel) === '.' ? '' : posix.dirname(from.rel);
  const depth = fromDir === '' ? 0 : fromDir.split('/').length;
  const v = spec.variant;
  switch (spec.form) {
    case 'abs':
      return `/${target.logical}`;
    case 'abs-file':
      return `/${target.rel}`;
    case 'root':
      return target.logical === '' ? '/' : target.logical;
    case 'root-file':
      return target.rel;
    case 'rel':
      return relative(fromDir, target.logical);
    case 'rel-file':
      return relative(fromDir, target.rel);
    case 'dot': {
      const r = relative(fromDir, v % 2 ? target.rel : target.logical);
      return r.startsWith('..') ? r : `./${r === '.' ? '' : r}`;
    }
    case 'bare':
      return posix.basename(target.logical) || '/';
    case 'bare-file':
      return posix.basename(target.rel);
    case 'bare-dup': {
      // A base name that several pages of the page's language share (Hugo: "is ambiguous").
      const names = nodes.filter((n) => n.lang === from.lang && n.logical !== '').map((n) => posix.basename(n.logical).toLowerCase());
      const dups = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))].sort();
      return dups.length ? dups[v % dups.length] : posix.basename(target.logical) || '/';
    }
    case 'above-root':
      return `${'../'.repeat(depth + 1 + (v % 3))}${v % 2 ? target.rel : target.logical}`;
    case 'lang-suffix': {
      const lang = v % 3 === 2 ? UNCONFIGURED_LANG : langs.codes[v % langs.codes.length];
      const stem = target.shape === 'page' ? target.logical : posix.join(target.logical, target.shape === 'branch' ? '_index' : 'index');
      return `${v % 2 ? '' : '/'}${stem}.${lang}.md`;
    }
    case 'content-mount':
      return `${v % 2 ? '' : '/'}${target.file}`;
    case 'section': {
      const dir = DIRS[v % DIRS.length];
      if (dir === '') return '/';
      return [`/${dir}/`, dir, `/${dir}`][v % 3];
    }
    case 'home':
      return '/';
    case 'anchor-only':
    case 'empty':
      return '';
    case 'broken':
      return BROKEN[v % BROKEN.length];
    case 'term': {
      // A term of the target page (or of the pool), or its taxonomy, written as Hugo keys it or not.
      const { tags, categories } = target.spec;
      const plural = tags.length && (v % 3 !== 2 || !categories.length) ? 'tags' : categories.length ? 'categories' : TAXONOMIES[v % TAXONOMIES.length];
      const own = plural === 'tags' ? tags : categories;
      const term = TERMS[(own.length ? own[v % own.length] : v) % TERMS.length];
      const spellings = [term, term.toLowerCase(), term.toLowerCase().trim().replace(/\s+/g, '-'), ''];
      // No `%` in a ref: one not followed by two hex digits stops Hugo ("invalid URL escape").
      const spelled = spellings[Math.floor(v / 2) % spellings.length].replace(/%/g, '');
      return spelled === '' ? `/${plural}` : `${v % 2 ? '' : '/'}${plural}/${spelled}`;
    }
    case 'resource': {
      const res = target.resources[v % Math.max(1, target.resources.length)];
      if (res === undefined) return `/${target.rel}`;
      return v % 2 ? `/${res}` : relative(fromDir, res);
    }
  }
}

function refPath(spec: RefSpec, from: Node, target: Node, langs: Languages, nodes: readonly Node[]): string {
  let p = basePath(spec, from, target, langs, nodes);
  if (spec.form === 'empty') return '';
  const hasExt = /\.(md|markdown)$/.test(p);
  if (spec.addMd && !hasExt && p !== '' && !p.endsWith('/') && !p.endsWith('.')) p += '.md';
  if (spec.trailingSlash && p !== '' && !p.endsWith('/')) p += '/';
  if (spec.upper === 'upper') p = p.toUpperCase();
  if (spec.upper === 'lower') p = p.toLowerCase();
  if (spec.anchor || spec.form === 'anchor-only') p += '#part';
  return p;
}

function shortcodeCall(sc: 'ref' | 'relref', path: string, lang: string | undefined, of: string, named: boolean): string {
  if (named || lang !== undefined) {
    const args = [`path="${path}"`];
    if (lang !== undefined) args.push(`lang="${lang}"`);
    if (of) args.push(`outputFormat="${of}"`);
    return `{{< ${sc} ${args.join(' ')} >}}`;
  }
  return `{{< ${sc} "${path}"${of ? ` "${of}"` : ''} >}}`;
}

const TEMPLATE_PAGE = '<main>{{ .Content }}</main>\n';
/**
 * The home (in every language) lists every page Hugo built, in every language (`.Site.AllPages`
 * covers all languages; headless bundles, which have no URL, are not in it):
 * `page \t RelPermalink \t File.Filename \t Lang \t LanguagePrefix`.
 */
const TEMPLATE_HOME = `<main>{{ .Content }}</main>
<pre id="manifest">
{{ range .Site.AllPages }}page\t{{ .RelPermalink }}\t{{ with .File }}{{ .Filename }}{{ end }}\t{{ .Lang }}\t{{ .Site.LanguagePrefix }}
{{ end }}</pre>
`;

/** The layouts of every generated site. */
export const LAYOUTS: Readonly<Record<string, string>> = {
  'layouts/_default/single.html': TEMPLATE_PAGE,
  'layouts/_default/list.html': TEMPLATE_PAGE,
  'layouts/index.html': TEMPLATE_HOME,
};

function configFiles(c: ConfigSpec, langs: Languages, mounts: readonly Mount[]): Record<string, string> {
  const top: [string, string][] = [
    ['baseURL', `"${BASE_URL}"`],
    ['title', '"Differential"'],
    ['refLinksErrorLevel', '"WARNING"'],
    ['refLinksNotFoundURL', `"${NOT_FOUND_URL}"`],
    ['disableKinds', c.taxonomies ? '["RSS", "sitemap", "robotsTXT", "404"]' : '["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]'],
  ];
  if (langs.defaultLang !== 'en' || c.defaultLang % 2 === 1) top.push(['defaultContentLanguage', `"${langs.defaultLang}"`]);
  if (langs.disabled !== undefined) top.push(['disableLanguages', `["${langs.disabled}"]`]);
  if (c.build & 1) top.push(['buildDrafts', 'true']);
  if (c.build & 2) top.push(['buildFuture', 'true']);
  if (c.build & 4) top.push(['buildExpired', 'true']);
  // A regular expression in single quotes: a literal string in TOML and in YAML (no escapes).
  if (c.ignore > 0) top.push(['ignoreFiles', `['${IGNORE_FILES[(c.ignore - 1) % IGNORE_FILES.length]}']`]);
  const list = (globs: readonly string[]) => `[${globs.map((g) => `"${g}"`).join(', ')}]`;
  const mountFields = mounts.map((m) => [
    ['source', `"${m.source}"`],
    ['target', `"${m.target}"`],
    ...(m.lang !== undefined ? [['lang', `"${m.lang}"`]] : []),
    ...(m.include.length ? [['includeFiles', list(m.include)]] : []),
    ...(m.exclude.length ? [['excludeFiles', list(m.exclude)]] : []),
  ]);
  const mountsToml = (prefix: string) => mountFields.map((fields) => `[[${prefix}mounts]]\n${fields.map(([key, value]) => `${key} = ${value}`).join('\n')}`).join('\n\n');
  const langTables = langs.declared
    ? langs.codes.map((code, i) => ({ code, fields: [['weight', String(i + 1)], ...(langs.contentDirs ? [['contentDir', `"content/${code}"`]] : [])] }))
    : [];
  if (c.form === 'hugo.yaml') {
    const lines = top.map(([key, value]) => `${key}: ${value}`);
    lines.push('markup:', '  goldmark:', '    renderer:', '      unsafe: true');
    lines.push('params:', '  description: "A generated site"');
    if (langTables.length) {
      lines.push('languages:');
      for (const t of langTables) {
        lines.push(`  ${t.code}:`);
        for (const [key, value] of t.fields) lines.push(`    ${key}: ${value}`);
      }
    }
    if (mountFields.length) {
      lines.push('module:', '  mounts:');
      for (const fields of mountFields) fields.forEach(([key, value], i) => lines.push(`${i === 0 ? '    - ' : '      '}${key}: ${value}`));
    }
    return { 'hugo.yaml': `${lines.join('\n')}\n` };
  }
  const topToml = top.map(([key, value]) => `${key} = ${value}`).join('\n');
  const markup = '[markup.goldmark.renderer]\nunsafe = true';
  const langToml = (prefix: string) => langTables.map((t) => `[${prefix}${t.code}]\n${t.fields.map(([key, value]) => `${key} = ${value}`).join('\n')}`).join('\n\n');
  if (c.form === 'config-dir') {
    const files: Record<string, string> = {
      'config/_default/hugo.toml': `${topToml}\n\n${markup}\n`,
      'config/_default/params.toml': 'description = "A generated site"\n',
    };
    if (langTables.length) files['config/_default/languages.toml'] = `${langToml('')}\n`;
    if (mountFields.length) files['config/_default/module.toml'] = `${mountsToml('')}\n`;
    return files;
  }
  const parts = [topToml, markup];
  parts.push('[params]\ndescription = "A generated site"');
  if (langTables.length) parts.push(langToml('languages.'));
  if (mountFields.length) parts.push(mountsToml('module.'));
  return { [c.form]: `${parts.join('\n\n')}\n` };
}

export function buildSite(spec: SiteSpec): GeneratedSite {
  const langs = languagesOf(spec.config);
  const mounts = mountsOf(spec.config, langs);
  const nodes = layoutNodes(spec.nodes, langs, mounts);
  const files: Record<string, string> = {
    ...configFiles(spec.config, langs, mounts),
    ...LAYOUTS,
  };

  const bodies = new Map<Node, string[]>(nodes.map((n) => [n, []]));
  const refs: GeneratedRef[] = [];
  // A page Hugo writes no file for renders no ref.
  const writers = nodes.filter((n) => !n.unrendered);
  for (const r of spec.refs) {
    if (writers.length === 0) break;
    const from = writers[r.from % writers.length];
    const target = nodes[r.target % nodes.length];
    const path = refPath(r, from, target, langs, nodes);
    const lang = r.named ? pickLang(langs, r.lang) : undefined;
    const id = refs.length + 1;
    bodies.get(from)?.push(`<span data-ref="${id}">${shortcodeCall(r.shortcode, path, lang, r.outputFormat, r.named)}</span>`);
    const tags = [
      r.form,
      ...(r.upper !== 'as-is' ? [`case-${r.upper}`] : []),
      ...(r.trailingSlash ? ['trailing-slash'] : []),
      ...(r.addMd ? ['add-md'] : []),
      ...(r.anchor ? ['anchor'] : []),
      ...(lang !== undefined ? [lang === UNCONFIGURED_LANG ? 'lang-arg-unknown' : lang === from.lang ? 'lang-arg-same' : 'lang-arg-other'] : []),
      ...(r.outputFormat ? [`output-${r.outputFormat}`] : []),
      `from-${from.shape}`,
      `to-${target.shape}`,
      ...(target.status !== 'ok' ? [`to-${target.status}`] : []),
      ...(langs.codes.length > 1 ? ['multilingual'] : []),
      ...(langs.contentDirs ? ['content-dirs'] : []),
      ...(mounts.length ? ['mounts'] : []),
      ...(spec.config.ignore > 0 ? ['ignore-files'] : []),
      ...(spec.config.taxonomies ? ['taxonomies'] : []),
      ...(langs.disabled !== undefined ? ['disabled-language'] : []),
      ...(target.unrendered && target.shape !== 'headless' ? ['to-render-never'] : []),
      ...(target.lang !== from.lang ? ['target-other-lang'] : []),
      r.shortcode,
    ];
    refs.push({ id, page: from.file, line: 0, shortcode: r.shortcode, path, ...(lang !== undefined ? { lang } : {}), ...(r.outputFormat ? { outputFormat: r.outputFormat } : {}), pageLang: from.lang, tags });
  }

  const lines = new Map<number, number>();
  for (const node of nodes) {
    const title = node.logical || 'home';
    const head = frontMatter(node, title);
    const calls = bodies.get(node) ?? [];
    // A text line first: a file without front matter that starts with `<` is a "plain HTML document" Hugo refuses.
    const text = `${head}Page ${title}.\n${calls.length ? `\n${calls.join('\n')}\n` : ''}`;
    files[node.file] = text;
    text.split('\n').forEach((line, i) => {
      const m = /^<span data-ref="(\d+)">/.exec(line);
      if (m) lines.set(Number(m[1]), i + 1);
    });
    node.resources.forEach((res, i) => {
      files[`${node.root}/${inSource(node, res)}`] = node.shape === 'headless' || i > 0 ? `Resource ${res}.\n` : `+++\ntitle = "${res}"\n+++\nResource.\n`;
    });
  }

  const summary = [
    spec.config.form,
    `languages ${langs.codes.join(',')}${langs.declared ? '' : ' (undeclared)'}, default ${langs.defaultLang}`,
    ...(langs.contentDirs ? ['content folder per language'] : []),
    ...(mounts.length ? [`mounts ${mounts.map((m) => `${m.source}→${m.target}${m.lang ? ` (${m.lang})` : ''}${m.include.length ? ` include ${m.include.join(' ')}` : ''}${m.exclude.length ? ` exclude ${m.exclude.join(' ')}` : ''}`).join(', ')}`] : []),
    ...(spec.config.ignore > 0 ? [`ignoreFiles ${IGNORE_FILES[(spec.config.ignore - 1) % IGNORE_FILES.length]}`] : []),
    ...(spec.config.taxonomies ? ['taxonomies'] : []),
    ...(langs.disabled !== undefined ? [`disableLanguages ${langs.disabled}`] : []),
    ...(spec.config.build > 0 ? [`build ${['drafts', 'future', 'expired'].filter((_, i) => spec.config.build & (1 << i)).join(' ')}`] : []),
    `${nodes.length} content files`,
  ].join('; ');
  return {
    files,
    refs: refs.map((r) => ({ ...r, line: lines.get(r.id) ?? 0 })),
    languages: [langs.defaultLang, ...langs.codes.filter((c) => c !== langs.defaultLang)],
    headless: nodes.filter((n) => n.unrendered).map((n) => ({ file: n.file, lang: n.lang })),
    summary,
    ...(mounts.length > 0 || spec.config.ignore > 0 || spec.config.taxonomies || langs.disabled !== undefined || spec.config.build > 0 || nodes.some((n) => n.unrendered && n.shape !== 'headless')
      ? { modelled: false }
      : {}),
  };
}
