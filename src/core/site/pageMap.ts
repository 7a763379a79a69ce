/**
 * One language's pages as Hugo 0.111.3 keys them (hugolib/content_map.go, content_map_page.go)
 * and `ref`/`relref` looked up exactly as `PageCollections.getContentNode` does
 * (hugolib/pagecollections.go), including its order of attempts:
 *   1. the path relative to the page (a leaf bundle's index looks from its parent folder unless the
 *      ref starts with `..`; `..` above the content root is clamped there, as `path.Join` does);
 *   2. a section, or a page below the longest matching section, with the extension, the page's
 *      language suffix and `/index`, `/_index` trimmed;
 *   3. the ref read from the content root (`post/foo.md` written in any page);
 *   4. a taxonomy node;
 *   5. the file's path from the project root (`/content/post/foo.md`, Hugo's mount key);
 *   6. for `name`, `name.md` or `/name` only: a page, section or taxonomy whose last path element
 *      is that name anywhere in the site, "ambiguous" when two share it.
 * Pages Hugo does not build (drafts, future, expired: `shouldBuild`) are removed first, and a
 * section that is not built takes everything below it, as in `assembleSections`.
 */
import type { ContentFile } from './contentFiles';
import { cleanPath } from './hugoConfig';
import { keepResults } from '../memo';

const BRANCH = '__hb_';
const LEAF = '__hl_';

/** What the build decides for one page, from its front matter. */
export interface BuildState {
  /** Hugo builds it (not a draft, not in the future, not expired, given the build options). */
  readonly built: boolean;
  /** Why not, when it is not built. */
  readonly reason?: 'draft' | 'future' | 'expired';
  /** Hugo builds it but writes no file for it (headless bundle, `_build.render = "never"`): a ref to it yields an empty link. */
  readonly rendered: boolean;
}

export const BUILT: BuildState = { built: true, rendered: true };

export interface MapNode {
  readonly key: string;
  /** undefined for a section Hugo makes without an `_index` file. */
  readonly file?: ContentFile;
  readonly kind: 'home' | 'section' | 'page' | 'taxonomy';
}

export type LookupResult =
  | { readonly kind: 'found'; readonly node: MapNode }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly MapNode[] };

const AMBIGUOUS = Symbol('ambiguous');

/** Go's path.Join. */
export function joinPath(...parts: string[]): string {
  let joined = '';
  for (const p of parts) if (p !== '') joined = joined === '' ? p : `${joined}/${p}`;
  return joined === '' ? '' : cleanPath(joined);
}

/** Go's path.Dir. */
export function dirPath(p: string): string {
  const cut = p.lastIndexOf('/');
  return cleanPath(p.slice(0, cut + 1));
}

/** Go's path.Base. */
export function basePath(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's path.Ext. */
function extOf(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

function trimChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a])) a++;
  while (b > a && chars.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function trimPrefix(s: string, prefix: string): string {
  return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

function trimSuffix(s: string, suffix: string): string {
  return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

function addTrailingSlash(s: string): string {
  return s.endsWith('/') ? s : `${s}/`;
}

/**
 * Go's `strings.ToLower`: each code point by its simple lower-case mapping. JavaScript's
 * `toLowerCase` also applies Unicode's special casing, which differs on two letters: `İ` (U+0130)
 * becomes `i` plus a combining dot (Go: `i`), and a final `Σ` becomes `ς` (Go: `σ`). Found by the
 * differential test on a term `İstanbul`.
 */
export function goLower(s: string): string {
  return GO_LOWER_DIFFERS.test(s) ? s.replace(GO_LOWER_DIFFERS_ALL, (c) => (c === '\u0130' ? 'i' : '\u03c3')).toLowerCase() : s.toLowerCase();
}

const GO_LOWER_DIFFERS = /[\u0130\u03a3]/;
const GO_LOWER_DIFFERS_ALL = /[\u0130\u03a3]/g;

/** Hugo's cleanTreeKey: `/` + lower-cased cleaned path without leading/trailing `.` and `/`. */
export function cleanTreeKey(k: string): string {
  return `/${goLower(trimChars(cleanPath(k), './'))}`;
}

export function cleanSectionTreeKey(k: string): string {
  const key = cleanTreeKey(k);
  return key === '/' ? key : `${key}/`;
}

/** Go's `strings.ToLower(strings.TrimSpace(s))` for a ref. */
function lowerTrim(s: string): string {
  return goLower(s.replace(/^[\s\u0085\u00a0]+|[\s\u0085\u00a0]+$/g, ''));
}

/** The keys of a sorted set by longest string prefix of `s` (keys end with `/`, so prefixes follow path segments). */
function longestPrefix(keys: ReadonlyMap<string, MapNode>, s: string): string | undefined {
  // Candidates are the prefixes of `s` that end at a `/`.
  for (let i = s.length; i > 0; i--) {
    if (s[i - 1] !== '/') continue;
    const k = s.slice(0, i);
    if (keys.has(k)) return k;
  }
  return undefined;
}

/**
 * Hugo's term key for a taxonomy value (helpers.PathSpec.UnicodeSanitize, lower-cased): letters,
 * digits, marks and `. / \\ _ # + ~ - @` kept, a run of spaces between kept characters made one `-`,
 * everything else dropped. `removePathAccents` and `disablePathToLower` are not read.
 */
export function termKey(value: string): string {
  return termKeys(value);
}

/** A site's pages use a few terms over and over (`tags = ["HTA"]` on hundreds of pages). */
const termKeys = keepResults(termKeyOf, { max: 10_000 });

/** Forgets the term keys computed so far (on deactivation). */
export function clearTermKeyCache(): void {
  termKeys.clear();
}

function termKeyOf(value: string): string {
  let out = '';
  let prependHyphen = false;
  let wasHyphen = false;
  const chars = [...value];
  chars.forEach((r, i) => {
    const allowed =
      /[./\\_#+~\-@]/.test(r) ||
      /[\p{L}\p{Nd}\p{M}]/u.test(r) ||
      (r === '%' && i + 2 < chars.length && /[0-9a-fA-F]/.test(chars[i + 1]) && /[0-9a-fA-F]/.test(chars[i + 2]));
    if (allowed) {
      wasHyphen = r === '-';
      if (prependHyphen) {
        if (!wasHyphen) out += '-';
        prependHyphen = false;
      }
      out += r;
    } else if (out.length > 0 && !wasHyphen && /\s/u.test(r)) prependHyphen = true;
  });
  return goLower(out);
}

export interface PageMapOptions {
  readonly lang: string;
  /** Plural names of the site's taxonomies (`tags`, `categories` by default). */
  readonly taxonomies: readonly string[];
  /** Term keys in use per taxonomy plural (from the built pages' front matter); none when terms are disabled. */
  readonly terms?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Module name of the project's own content (`project` when the site has no go.mod). */
  readonly module: string;
  /** The build decision for a file; files with unknown state count as built. */
  readonly state: (file: ContentFile) => BuildState;
}

/** One language of a site, keyed and pruned as Hugo's content map is after assembly. */
export class PageMap {
  readonly sections = new Map<string, MapNode>();
  readonly pages = new Map<string, MapNode>();
  readonly taxonomies = new Map<string, MapNode>();
  private reverse: Map<string, MapNode | typeof AMBIGUOUS> | undefined;
  /** Every node that stands for a file, by absolute file path. */
  readonly byFile = new Map<string, MapNode>();

  constructor(
    files: readonly ContentFile[],
    readonly options: PageMapOptions,
  ) {
    const taxonomy = new Set(options.taxonomies.map((t) => goLower(t)));
    // Folders first, in walk order: a folder's section before its pages, parents before children
    // (each file's folder cut once, not at every comparison).
    const own: { f: ContentFile; folder: string }[] = [];
    for (const f of files) if (f.lang === options.lang && f.role !== 'resource') own.push({ f, folder: f.path.slice(0, f.path.lastIndexOf('/') + 1) });
    own.sort(({ f: a, folder: da }, { f: b, folder: db }) => {
      if (da !== db) return da < db ? -1 : 1;
      if ((a.role === 'section') !== (b.role === 'section')) return a.role === 'section' ? -1 : 1;
      return a.logicalName < b.logicalName ? -1 : a.logicalName > b.logicalName ? 1 : 0;
    });
    // The tree key of each folder, once per folder (its pages share it).
    const folderKeys = new Map<string, string>();
    for (const { f, folder } of own) {
      const dir = folder.slice(0, -1);
      if (f.role === 'section') {
        const key = cleanSectionTreeKey(dir);
        const first = key.split('/')[1] ?? '';
        const node: MapNode = { key, file: f, kind: key === '/' ? 'home' : taxonomy.has(first) ? 'taxonomy' : 'section' };
        (node.kind === 'taxonomy' ? this.taxonomies : this.sections).set(key, node);
      } else {
        let dirKey = folderKeys.get(dir);
        if (dirKey === undefined) folderKeys.set(dir, (dirKey = cleanTreeKey(dir)));
        const bundlePath = f.classifier === 'leaf' ? dirKey : joinPath(dirKey, goLower(f.translationBaseName));
        const section = this.getOrCreateSection(bundlePath);
        const rest = trimPrefix(section !== '/' ? trimPrefix(bundlePath, section) : bundlePath, '/');
        const key = cleanTreeKey(`${section}${BRANCH}${rest}${LEAF}`);
        this.pages.set(key, { key, file: f, kind: 'page' });
      }
    }
    this.createMissingNodes();
    this.assemble();
    // forEach, not a spread of the three maps: no array nor iterator result per node of a large site.
    const index = (n: MapNode) => {
      if (n.file) this.byFile.set(n.file.file, n);
    };
    this.sections.forEach(index);
    this.pages.forEach(index);
    this.taxonomies.forEach(index);
  }

  private getSection(s: string): string | undefined {
    // Keys are clean (`/a/b`): their folder is the text before the last `/`, no path.Clean needed.
    const trimmed = trimSuffix(s, '/');
    const cut = trimmed.lastIndexOf('/');
    return longestPrefix(this.sections, cut <= 0 ? '/' : `${trimmed.slice(0, cut)}/`);
  }

  private getOrCreateSection(s: string): string {
    const level = countSlashes(s);
    let k = this.getSection(s);
    if (k === undefined || (level > 1 && k === '/')) {
      const cut = s.slice(1).indexOf('/');
      k = cleanSectionTreeKey(s.slice(0, cut + 1));
      this.sections.set(k, { key: k, kind: k === '/' ? 'home' : 'section' });
    }
    return k;
  }

  private createMissingNodes(): void {
    const roots = new Set<string>();
    // A key's first element (`a` in `/a/b`), when it has more than one.
    const track = (s: string) => {
      const first = s.indexOf('/');
      const second = first < 0 ? -1 : s.indexOf('/', first + 1);
      if (second < 0) return;
      const root = trimSuffix(s.slice(first + 1, second), BRANCH);
      if (root !== '') roots.add(root);
    };
    for (const s of this.sections.keys()) if (s !== '/') track(s);
    for (const s of this.pages.keys()) track(s);
    for (const r of roots) {
      const key = cleanSectionTreeKey(r);
      if (!this.sections.has(key)) this.sections.set(key, { key, kind: 'section' });
    }
    if (!this.sections.has('/')) this.sections.set('/', { key: '/', kind: 'home' });
    for (const plural of this.options.taxonomies) {
      const key = cleanSectionTreeKey(plural);
      if (!this.taxonomies.has(key)) this.taxonomies.set(key, { key, kind: 'taxonomy' });
    }
    // createMissingTaxonomyNodes: one node per term the built pages use.
    for (const [plural, terms] of this.options.terms ?? []) {
      for (const term of terms) {
        const key = cleanSectionTreeKey(`${plural}/${term}`);
        if (!this.taxonomies.has(key)) this.taxonomies.set(key, { key, kind: 'taxonomy' });
      }
    }
  }

  private deletePrefix(map: Map<string, MapNode>, prefix: string): void {
    for (const k of [...map.keys()]) if (k.startsWith(prefix)) map.delete(k);
  }

  /** Drafts, future and expired pages out; a section not built takes its subtree; empty root sections out. */
  private assemble(): void {
    const built = (n: MapNode) => !n.file || this.options.state(n.file).built;
    for (const s of [...this.sections.keys()].sort()) {
      const n = this.sections.get(s);
      if (!n || built(n)) continue;
      this.deletePrefix(this.sections, s);
      this.deletePrefix(this.pages, s);
    }
    // Deleting while iterating a Map is safe: a deleted entry is not visited, the others are.
    this.pages.forEach((n, k) => built(n) || this.pages.delete(k));
    this.taxonomies.forEach((n, k) => built(n) || this.taxonomies.delete(k));
    // deleteOrphanSections: a root section with no file and nothing below it.
    let branches: Set<string> | undefined;
    for (const [s, n] of [...this.sections]) {
      if (n.file || s === '/' || countSlashes(s) > 2) continue;
      if (!this.hasBelow(s, (branches ??= this.pageBranches()))) this.sections.delete(s);
    }
  }

  /**
   * Whether another section or a page sits below the section `s` (no copy of the maps' keys);
   * `branches` are the pages' {@link pageBranches}.
   */
  private hasBelow(s: string, branches: ReadonlySet<string>): boolean {
    for (const k of this.sections.keys()) if (k !== s && k.startsWith(s)) return true;
    return branches.has(s + BRANCH);
  }

  /**
   * Every start of a page key that ends with `__hb_` (`/a/__hb_` for `/a/__hb_p__hl_`): a page key
   * starts with `s + "__hb_"` exactly when that is one of them. One pass over the pages for all the
   * root sections tested, not one each.
   */
  private pageBranches(): Set<string> {
    const out = new Set<string>();
    for (const k of this.pages.keys()) for (let i = k.indexOf(BRANCH); i >= 0; i = k.indexOf(BRANCH, i + 1)) out.add(k.slice(0, i + BRANCH.length));
    return out;
  }

  /** Hugo's pageReverseIndex: last key element → node, or ambiguous; plus the mount keys of files. */
  private reverseIndex(): Map<string, MapNode | typeof AMBIGUOUS> {
    if (this.reverse) return this.reverse;
    const m = new Map<string, MapNode | typeof AMBIGUOUS>();
    const add = (k: string, n: MapNode) => {
      const key = goLower(k);
      const existing = m.get(key);
      if (existing !== undefined && existing !== AMBIGUOUS) m.set(key, AMBIGUOUS);
      else if (existing === undefined) m.set(key, n);
    };
    // Walked in key order as Hugo's radix trees are: pages, then sections, then taxonomies.
    for (const tree of [this.pages, this.sections, this.taxonomies]) {
      for (const s of [...tree.keys()].sort()) {
        const n = tree.get(s)!;
        if (n.file && n.file.path !== n.file.pathFile) add(joinPath(this.options.module, n.file.pathFile), n);
        add(trimPrefix(trimSuffix(basePath(s), LEAF), BRANCH), n);
      }
    }
    this.reverse = m;
    return m;
  }

  /** Candidates of an ambiguous name, for the message. */
  private candidates(name: string): MapNode[] {
    const out: MapNode[] = [];
    for (const tree of [this.pages, this.sections, this.taxonomies]) {
      for (const [s, n] of tree) if (goLower(trimPrefix(trimSuffix(basePath(s), LEAF), BRANCH)) === name) out.push(n);
    }
    return out;
  }

  /** getSectionOrPage: a section, or a page under the longest matching section. */
  private getSectionOrPage(ref: string): { node?: MapNode; name: string } {
    const pref = addTrailingSlash(ref);
    const s = longestPrefix(this.sections, pref);
    const n = s !== undefined ? this.sections.get(s) : undefined;
    if (s !== undefined && s === pref) return { node: n, name: '' };
    const filename = trimPrefix(trimPrefix(ref, s ?? ''), '/');
    let name = trimSuffix(filename, extOf(filename));
    name = trimSuffix(name, `.${this.options.lang}`);
    name = trimSuffix(name, '/index');
    name = trimSuffix(name, '/_index');
    if (s === undefined || !n) return { name };
    if (n.file && n.file.logicalName === filename) return { node: n, name };
    return { node: this.pages.get(`${addTrailingSlash(s)}${BRANCH}${name}${LEAF}`), name };
  }

  /**
   * `getPageRef(context, ref)`: `context` is the page the ref is written in (its content path,
   * and whether it is a leaf bundle's index), `ref` the path part of the ref.
   */
  lookup(context: { readonly path: string; readonly leaf: boolean } | undefined, rawRef: string): LookupResult {
    let ref = lowerTrim(rawRef.replace(/\\/g, '/'));
    if (ref === '') ref = '/';
    const inRef = ref;
    const navUp = ref.startsWith('..');
    const doSimpleLookup = shouldDoSimpleLookup(ref);
    if (context && !ref.startsWith('/')) {
      let base = dirPath(context.path);
      if (context.leaf && !navUp) base = dirPath(base);
      ref = joinPath('/', goLower(base), ref);
    }
    if (!ref.startsWith('/')) ref = `/${ref}`;

    const first = this.getSectionOrPage(ref);
    if (first.node) return { kind: 'found', node: first.node };
    if (!inRef.startsWith('/')) {
      const again = this.getSectionOrPage(`/${inRef}`);
      if (again.node) return { kind: 'found', node: again.node };
    }
    const pref = addTrailingSlash(ref);
    const t = longestPrefix(this.taxonomies, pref);
    if (t !== undefined) {
      if (pref.split('/').length !== t.split('/').length) return { kind: 'not-found' };
      return { kind: 'found', node: this.taxonomies.get(t)! };
    }
    const byName = (key: string): LookupResult | undefined => {
      const hit = this.reverseIndex().get(key);
      if (hit === AMBIGUOUS) return { kind: 'ambiguous', candidates: this.candidates(key) };
      return hit ? { kind: 'found', node: hit } : undefined;
    };
    if (this.options.module !== '') {
      const hit = byName(this.options.module + ref);
      if (hit) return hit;
    }
    if (!doSimpleLookup) return { kind: 'not-found' };
    return byName(basePath(first.name)) ?? { kind: 'not-found' };
  }
}

/** How many `/` a path has (`s.split('/').length - 1`, without the array). */
function countSlashes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) n++;
  return n;
}

/** `name`, `name.md` and `/name` get the site-wide name lookup; `./name` and `sec/name` do not. */
function shouldDoSimpleLookup(ref: string): boolean {
  if (ref[0] === '.') return false;
  const slashes = countSlashes(ref);
  if (slashes > 1) return false;
  return slashes === 0 || ref[0] === '/';
}
