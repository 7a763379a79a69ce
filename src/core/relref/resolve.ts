/**
 * Hugo's `ref` / `relref` lookup over a list of content files. Hugo tries, in order: the path
 * relative to the current page, the path from the content root, then (for a bare name) a file name
 * that is unique across `content/`. Pages are compared by their logical path: no extension,
 * `index.md` / `_index.md` stand for their folder (bundles, sections), case-insensitive.
 */

import type { RefResolver } from '../shortcodes/diagnostics';

export type ResolveResult =
  | { readonly kind: 'found'; readonly path: string; readonly anchor: string | undefined }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly string[] };

export interface PageIndex {
  readonly paths: readonly string[];
  /** Logical path (lower case) → content-relative paths as given. */
  readonly byLogical: ReadonlyMap<string, readonly string[]>;
  /** Last segment of the logical path (lower case) → content-relative paths. */
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

const CONTENT_EXTENSIONS = /\.(md|markdown|mdown|mkd|mkdn|html|htm|adoc|asciidoc|ad|org|pandoc|pdc|rst)$/i;

/** `recommandations/hta.md` → `recommandations/hta`; `a/b/index.md` and `a/b/_index.md` → `a/b`. */
export function logicalPath(contentRelativePath: string): string {
  let p = contentRelativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  p = p.replace(CONTENT_EXTENSIONS, '');
  p = p.replace(/(^|\/)_?index$/i, '');
  return p.toLowerCase();
}

function isBranch(contentRelativePath: string): boolean {
  return /(^|\/)_index\.[^/]+$/i.test(contentRelativePath);
}

const cache = new WeakMap<readonly string[], PageIndex>();

export function buildPageIndex(paths: readonly string[]): PageIndex {
  const cached = cache.get(paths);
  if (cached) return cached;
  const byLogical = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, path: string) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(path)) list.push(path);
    } else map.set(key, [path]);
  };
  for (const path of paths) {
    if (typeof path !== 'string') continue;
    const logical = logicalPath(path);
    add(byLogical, logical, path);
    const name = logical.split('/').pop() ?? '';
    if (name !== '') add(byName, name, path);
  }
  const index: PageIndex = { paths, byLogical, byName };
  cache.set(paths, index);
  return index;
}

/** Joins and normalizes `.` / `..`; undefined when the path climbs above the content root. */
function join(base: string, rel: string): string | undefined {
  const out = base === '' ? [] : base.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

function answer(hits: readonly string[] | undefined, anchor: string | undefined): ResolveResult | undefined {
  if (!hits || hits.length === 0) return undefined;
  if (hits.length > 1) return { kind: 'ambiguous', candidates: [...hits].sort() };
  return { kind: 'found', path: hits[0], anchor };
}

/**
 * Resolves `ref` (`e-cps.md`, `../outils/e-cps`, `/recommandations/hta.md#cible`, `#ancre`) written
 * in the page `currentPage` (content-relative, undefined when the page is not under `content/`).
 */
export function resolveRef(index: PageIndex | readonly string[], currentPage: string | undefined, ref: string): ResolveResult {
  const idx: PageIndex = Array.isArray(index) ? buildPageIndex(index) : (index as PageIndex);
  const hashAt = ref.indexOf('#');
  const anchor = hashAt >= 0 ? ref.slice(hashAt + 1) : undefined;
  const path = (hashAt >= 0 ? ref.slice(0, hashAt) : ref).trim().replace(/\\/g, '/');

  if (path === '') {
    // `#ancre` alone: the current page.
    if (currentPage === undefined) return { kind: 'not-found' };
    return answer(idx.byLogical.get(logicalPath(currentPage)), anchor) ?? { kind: 'found', path: currentPage, anchor };
  }
  const absolute = path.startsWith('/');
  const relativeOnly = /^\.\.?(\/|$)/.test(path);

  if (!absolute && currentPage !== undefined) {
    const own = logicalPath(currentPage);
    const base = isBranch(currentPage) ? own : own.split('/').slice(0, -1).join('/');
    const joined = join(base, path);
    if (joined !== undefined) {
      const hit = answer(idx.byLogical.get(logicalPath(joined)), anchor);
      if (hit) return hit;
    }
  }
  if (relativeOnly) return { kind: 'not-found' };

  const fromRoot = join('', path);
  if (fromRoot !== undefined) {
    const hit = answer(idx.byLogical.get(logicalPath(fromRoot)), anchor);
    if (hit) return hit;
  }
  if (!absolute && !path.replace(/\/+$/, '').includes('/')) {
    const hit = answer(idx.byName.get(logicalPath(path)), anchor);
    if (hit) return hit;
  }
  return { kind: 'not-found' };
}

/**
 * This lookup as the checks' and the preview's resolver, for callers that only have a list of
 * content paths (one language, every page built); a site's own resolver comes from its model.
 */
export function listResolver(pageIndex: readonly string[], currentPage: string | undefined): RefResolver {
  const index = buildPageIndex(pageIndex);
  return {
    targets: pageIndex,
    severity: 'error',
    resolve(args) {
      const r = resolveRef(index, currentPage, args.path);
      if (r.kind === 'found') return { kind: 'found', path: r.path, file: r.path, lang: '', ...(r.anchor !== undefined ? { anchor: r.anchor } : {}) };
      return r.kind === 'ambiguous' ? { kind: 'ambiguous', candidates: r.candidates } : { kind: 'not-found' };
    },
  };
}
