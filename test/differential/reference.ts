/**
 * A reference model of Hugo 0.111.3's `ref` / `relref` lookup, for the generated sites only
 * (one content folder or one per language, no mounts, no taxonomies, no `url`/`slug`). It is the
 * test's reading of Hugo's source, checked against Hugo on every run: it names, for each ref,
 * the step of Hugo's lookup that decided (`rule`), so the mismatch summary says which Hugo
 * behaviour MedGuide misses. It is not MedGuide's implementation.
 *
 * Source, v0.111.3:
 * - hugofs/filter_fs.go langInfoFrom: a file's language is its name's suffix (`a.fr.md`) when
 *   that is a configured language, else its content folder's (`contentDir`), else the default.
 *   An unconfigured suffix stays in the name (`notes.de.md` is the page `notes.de`).
 * - hugolib/content_map.go: tree keys are lower case. Sections: `_index` files, plus a root
 *   section for every first-level folder holding pages (CreateMissingNodes); deeper folders
 *   without `_index` are not sections: their pages are keyed below the nearest section
 *   (`/docs/__hb_guides/intro__hl_`). Content files inside a leaf bundle are its resources.
 * - hugolib/content_map_page.go assemble*: a section not to build (draft, future, expired)
 *   deletes its whole subtree (the home: the whole language); such a page is deleted; root
 *   sections left empty and without a file are deleted. Headless bundles stay (no URL).
 * - pageReverseIndex: last key segment (`intro`, `guides`, `notes.de`) → node, or "ambiguous";
 *   plus `project/<site-relative file>` for every node with a file (the "mount" key).
 * - hugolib/pagecollections.go getContentNode / getSectionOrPage / shouldDoSimpleLookup,
 *   hugolib/page__ref.go (lang argument), hugolib/site.go refLink (empty path, output format).
 */
import { posix } from 'node:path';
import type { GeneratedRef, GeneratedSite, Verdict } from './types';

export type Rule =
  | 'self' // no page part: the page itself
  | 'lang-unknown' // lang argument not a configured language
  | 'section' // getSectionOrPage(ref): a section key
  | 'section-file' // getSectionOrPage(ref): `…/_index.md` named with its exact file name
  | 'page' // getSectionOrPage(ref): a page key
  | 'root-fallback' // getSectionOrPage("/" + inRef) for a relative ref
  | 'mount-key' // reverse index `project/content/…` (`/content/docs/x.md`)
  | 'simple-name' // reverse index by last segment (bare names, `/name`)
  | 'simple-ambiguous' // the same, several pages
  | 'output-format' // found, but no such output format (json; headless pages have none)
  | 'not-found';

export interface ReferenceVerdict {
  readonly verdict: Verdict;
  readonly rule: Rule;
}

interface Node {
  /** Site-relative source file, or undefined for a node Hugo creates (home, root section). */
  readonly file?: string;
  /** File name with extension (`_index.fr.md`), for getSectionOrPage's LogicalName test. */
  readonly logicalName?: string;
  readonly headless: boolean;
  readonly built: boolean;
}

interface SourceFile {
  readonly file: string;
  readonly lang: string;
  /** Path below its content folder, as `.File.Path` (`docs/intro.fr.md`). */
  readonly path: string;
  readonly dir: string;
  readonly name: string;
  readonly translationBaseName: string;
  readonly kind: 'leaf' | 'branch' | 'content';
  readonly built: boolean;
  readonly headless: boolean;
  /** Hugo's walk order among files of one class: the mount's weight, plus 1 for a file named in its content folder's language (the default one for `content/`; hugofs/filter_fs.go). */
  readonly weight: number;
}

interface LanguageTree {
  readonly sections: Map<string, Node>;
  readonly pages: Map<string, Node>;
  /** Reverse index: key → node, or null when ambiguous. */
  readonly byName: Map<string, Node | null>;
}

const CONTENT = /\.(md|markdown)$/;
const AMBIGUOUS = null;

function frontMatterFlags(text: string): { built: boolean; headless: boolean } {
  const m = /^(\+\+\+|---)\n([\s\S]*?)\n\1\n/.exec(text);
  const fm = m?.[2] ?? '';
  const draft = /^draft\s*[=:]\s*true/m.test(fm);
  const future = /^publishDate\s*[=:]\s*2999/m.test(fm);
  const expired = /^expiryDate\s*[=:]\s*2000/m.test(fm);
  return { built: !draft && !future && !expired, headless: /^headless\s*[=:]\s*true/m.test(fm) };
}

function sourceFiles(site: GeneratedSite): SourceFile[] {
  const configured = new Set(site.languages);
  const contentDirs = Object.entries(site.files).some(([p, t]) => p.startsWith('config') || p.startsWith('hugo.') ? /contentDir/.test(t) : false);
  const out: SourceFile[] = [];
  for (const [file, text] of Object.entries(site.files)) {
    if (!file.startsWith('content/') || !CONTENT.test(file)) continue;
    const rest = file.slice('content/'.length);
    const folderLang = contentDirs ? rest.split('/')[0] : undefined;
    const path = contentDirs ? rest.slice(rest.indexOf('/') + 1) : rest;
    const name = posix.basename(path);
    const noExt = name.slice(0, name.length - posix.extname(name).length);
    const suffix = posix.extname(noExt).slice(1);
    const lang = configured.has(suffix) ? suffix : (folderLang ?? site.languages[0]);
    const translationBaseName = configured.has(suffix) ? noExt.slice(0, noExt.length - suffix.length - 1) : noExt;
    // hugofs/files ClassifyContentFile: by the file name, language suffix or not (`index.de.md` is a leaf).
    const kind = name.startsWith('index.') ? 'leaf' : name.startsWith('_index.') ? 'branch' : 'content';
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    // Earlier mounts weigh more (basefs.go): one per language, the default language's first.
    const mountWeight = folderLang !== undefined ? 10 * (site.languages.length - Math.max(0, site.languages.indexOf(folderLang))) : 10;
    const weight = mountWeight + (configured.has(suffix) && suffix === (folderLang ?? site.languages[0]) ? 1 : 0);
    out.push({ file, lang, path, dir, name, translationBaseName, kind, weight, ...frontMatterFlags(text) });
  }
  return out;
}

const lower = (s: string) => s.toLowerCase();
const sectionKey = (dir: string) => (dir === '' ? '/' : `/${lower(dir)}/`);
const under = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);
const addSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

function longestPrefix(map: ReadonlyMap<string, unknown>, s: string): string | undefined {
  let best: string | undefined;
  for (const k of map.keys()) if (s.startsWith(k) && (best === undefined || k.length > best.length)) best = k;
  return best;
}

function buildTree(files: readonly SourceFile[]): LanguageTree {
  const sections = new Map<string, Node>();
  const pages = new Map<string, Node>();
  const leafDirs = files.filter((f) => f.kind === 'leaf').map((f) => lower(f.dir));
  // pages_capture.go addToBundle: a folder's first index file (`index.*`, or `_index.*` for a
  // section) in Hugo's walk order (hugofs/walk.go: weight, then name) is its bundle's header;
  // another one of the same language is a content file of the bundle, a resource (Hugo issue 6208).
  const headers = new Set<SourceFile>();
  const byBundle = new Set<string>();
  for (const f of [...files].sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (f.kind === 'content' || byBundle.has(`${f.kind}|${lower(f.dir)}`)) continue;
    byBundle.add(`${f.kind}|${lower(f.dir)}`);
    headers.add(f);
  }
  const isResource = (f: SourceFile) => (f.kind !== 'content' && !headers.has(f)) || (!headers.has(f) && leafDirs.some((d) => under(lower(f.dir), d)));
  const nodeOf = (f: SourceFile): Node => ({ file: f.file, logicalName: f.name, headless: f.kind === 'leaf' && f.headless, built: f.built });

  // Ancestors' _index files come first in Hugo's walk; placing them all first is the same.
  for (const f of files) if (f.kind === 'branch' && !isResource(f)) sections.set(sectionKey(f.dir), nodeOf(f));
  for (const f of files) {
    if (f.kind === 'branch' || isResource(f)) continue;
    const bundlePath = `/${lower(f.kind === 'leaf' ? f.dir : posix.join(f.dir, f.translationBaseName))}`;
    const level = bundlePath.split('/').length - 1;
    let section = longestPrefix(sections, addSlash(posix.dirname(bundlePath)));
    if (section === undefined || (level > 1 && section === '/')) {
      section = level > 1 ? `/${bundlePath.split('/')[1]}/` : '/';
      if (!sections.has(section)) sections.set(section, { headless: false, built: true });
    }
    const rest = section === '/' ? bundlePath.slice(1) : bundlePath.slice(section.length);
    pages.set(`${section}__hb_${rest}__hl_`, nodeOf(f));
  }
  // CreateMissingNodes: the home, and the root section of every nested section.
  for (const key of [...sections.keys()]) {
    const parts = key.split('/');
    if (parts.length > 3 && !sections.has(`/${parts[1]}/`)) sections.set(`/${parts[1]}/`, { headless: false, built: true });
  }
  if (!sections.has('/')) sections.set('/', { headless: false, built: true });

  // assembleSections / assemblePages / deleteOrphanSections.
  for (const [key, node] of [...sections].sort(([a], [b]) => a.localeCompare(b))) {
    if (node.built || !sections.has(key)) continue;
    for (const k of [...sections.keys()]) if (k.startsWith(key)) sections.delete(k);
    for (const k of [...pages.keys()]) if (k.startsWith(key)) pages.delete(k);
  }
  for (const [key, node] of [...pages]) if (!node.built) pages.delete(key);
  for (const [key, node] of [...sections]) {
    if (node.file !== undefined || key === '/' || key.split('/').length > 3) continue;
    const below = [...sections.keys()].some((k) => k !== key && k.startsWith(key)) || [...pages.keys()].some((k) => k.startsWith(`${key}__hb_`));
    if (!below) sections.delete(key);
  }

  const byName = new Map<string, Node | null>();
  const add = (key: string, node: Node) => {
    const k = lower(key);
    if (byName.has(k)) byName.set(k, AMBIGUOUS);
    else byName.set(k, node);
  };
  for (const [key, node] of [...pages, ...sections]) {
    if (node.file !== undefined) add(`project/${node.file}`, node);
    add(posix.basename(key).replace(/__hl_$/, '').replace(/^__hb_/, ''), node);
  }
  return { sections, pages, byName };
}

/** Go's path.Join("/", …): cleaned, `..` stops at the root, no trailing slash. */
function joinRooted(...parts: string[]): string {
  const out: string[] = [];
  for (const seg of parts.join('/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function shouldDoSimpleLookup(ref: string): boolean {
  if (ref.startsWith('.')) return false;
  const slashes = ref.split('/').length - 1;
  if (slashes > 1) return false;
  return slashes === 0 || ref.startsWith('/');
}

type Lookup = { node: Node; key: string; rule: Rule } | { node?: undefined; rule: Rule };

function getSectionOrPage(tree: LanguageTree, lang: string, ref: string): { hit?: { node: Node; key: string; rule: Rule }; name: string } {
  const pref = addSlash(ref);
  const s = longestPrefix(tree.sections, pref);
  if (s !== undefined && s === pref) return { hit: { node: tree.sections.get(s) as Node, key: s, rule: 'section' }, name: '' };
  const filename = ref.slice(s?.length ?? 0).replace(/^\//, '');
  let name = filename.slice(0, filename.length - posix.extname(filename).length);
  if (name.endsWith(`.${lang}`)) name = name.slice(0, -(lang.length + 1));
  if (name.endsWith('/index')) name = name.slice(0, -'/index'.length);
  if (name.endsWith('/_index')) name = name.slice(0, -'/_index'.length);
  if (s === undefined) return { name };
  const section = tree.sections.get(s) as Node;
  if (section.logicalName !== undefined && section.logicalName === filename) return { hit: { node: section, key: s, rule: 'section-file' }, name };
  const key = `${s}__hb_${name}__hl_`;
  const page = tree.pages.get(key);
  return { hit: page ? { node: page, key, rule: 'page' } : undefined, name };
}

function getContentNode(tree: LanguageTree, lang: string, context: SourceFile, rawRef: string): Lookup | 'ambiguous' {
  let ref = lower(rawRef.trim());
  if (ref === '') ref = '/';
  const inRef = ref;
  const navUp = ref.startsWith('..');
  const simple = shouldDoSimpleLookup(ref);
  if (!ref.startsWith('/')) {
    let base = context.dir === '' ? '.' : context.dir;
    if (context.kind === 'leaf' && !navUp) base = posix.dirname(base);
    ref = joinRooted(lower(base), ref);
  }
  if (!ref.startsWith('/')) ref = `/${ref}`;
  const first = getSectionOrPage(tree, lang, ref);
  if (first.hit) return first.hit;
  if (!inRef.startsWith('/')) {
    const again = getSectionOrPage(tree, lang, `/${inRef}`);
    if (again.hit) return { ...again.hit, rule: 'root-fallback' };
  }
  const mount = tree.byName.get(`project${ref}`);
  if (mount === AMBIGUOUS) return 'ambiguous';
  if (mount) return { node: mount, key: '', rule: 'mount-key' };
  if (!simple) return { rule: 'not-found' };
  const byName = tree.byName.get(posix.basename(first.name));
  if (byName === AMBIGUOUS) return 'ambiguous';
  return byName ? { node: byName, key: '', rule: 'simple-name' } : { rule: 'not-found' };
}

/** What Hugo 0.111.3 answers for each ref, and the step of its lookup that decided. */
export function referenceVerdicts(site: GeneratedSite, refs: readonly GeneratedRef[]): ReferenceVerdict[] {
  const files = sourceFiles(site);
  const trees = new Map(site.languages.map((lang) => [lang, buildTree(files.filter((f) => f.lang === lang))]));
  const keyOf = (tree: LanguageTree, node: Node) => [...tree.sections].find(([, n]) => n === node)?.[0] ?? '/';
  return refs.map((ref): ReferenceVerdict => {
    const context = files.find((f) => f.file === ref.page);
    if (!context) throw new Error(`no page ${ref.page}`);
    const lang = ref.lang !== undefined && ref.lang !== '' ? ref.lang : context.lang;
    const tree = trees.get(lang);
    if (!tree) return { verdict: { kind: 'not-found' }, rule: 'lang-unknown' };
    const path = ref.path.split('#')[0];
    if (path === '') return { verdict: { kind: 'found', file: ref.page, lang: context.lang }, rule: 'self' };
    const r = getContentNode(tree, lang, context, path);
    if (r === 'ambiguous') return { verdict: { kind: 'ambiguous' }, rule: 'simple-ambiguous' };
    if (!r.node) return { verdict: { kind: 'not-found' }, rule: r.rule };
    if (ref.outputFormat && (ref.outputFormat !== 'html' || r.node.headless)) return { verdict: { kind: 'not-found' }, rule: 'output-format' };
    return { verdict: { kind: 'found', file: r.node.file ?? keyOf(tree, r.node), lang }, rule: r.rule };
  });
}
