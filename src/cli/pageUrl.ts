import type { ContentFile, HugoSite } from '../core/site';

/*
 * Where Hugo publishes a page, for the links of `medguide render --standalone`: a file sent to a
 * reviewer cannot follow links to `.md` files, the published site's pages it can.
 *
 * Hugo 0.111's default URLs: `url` from the front matter as written; otherwise the page's folder
 * in the content tree, then its `slug` or its file name (`_index` and a leaf bundle's `index` are
 * their folder), lower case, spaces as hyphens, a trailing slash; in a multilingual site, the
 * language's folder first (not for the default language unless `defaultContentLanguageInSubdir`).
 * Not applied: `[permalinks]`, `uglyURLs`, `disablePathToLower`. With a `baseURL` in the site's
 * configuration, links are absolute on it; without, they start at the site's root (`/cabinet/e-cps/`).
 */

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function sanitize(segment: string): string {
  return segment.toLowerCase().replace(/\s+/g, '-');
}

/** The page's path on the site (`/cabinet/e-cps/`), from its content file and front matter. */
export function hugoPagePath(
  file: ContentFile,
  frontMatter: Readonly<Record<string, unknown>> | undefined,
  site: { readonly languages: readonly { readonly code: string }[]; readonly defaultContentLanguage: string; readonly defaultContentLanguageInSubdir: boolean },
): string {
  const url = frontMatter?.url;
  if (typeof url === 'string' && url.trim() !== '') {
    const u = url.trim();
    return u.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(u) ? u : `/${u}`;
  }
  const dir = dirOf(file.path);
  let path: string;
  if (file.role === 'section' || file.classifier === 'leaf') path = dir;
  else {
    const slug = typeof frontMatter?.slug === 'string' && frontMatter.slug.trim() !== '' ? frontMatter.slug.trim() : file.translationBaseName;
    path = dir === '' ? slug : `${dir}/${slug}`;
  }
  const multilingual = site.languages.length > 1;
  const prefix = multilingual && (file.lang !== site.defaultContentLanguage || site.defaultContentLanguageInSubdir) ? `${file.lang}/` : '';
  const segments = `${prefix}${path}`.split('/').filter((s) => s !== '').map(sanitize);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * Every page's published address, by file (absolute host path): absolute on the site's http(s)
 * `baseURL`, else from the site's root. Accented names are percent-encoded, as browsers send them.
 */
export async function publishedUrls(site: HugoSite): Promise<Map<string, string>> {
  const base = site.config.baseURL;
  const origin = base && /^https?:\/\//i.test(base) ? base.replace(/\/+$/, '') : '';
  const out = new Map<string, string>();
  for (const f of await site.files()) {
    if (f.role === 'resource') continue;
    const fm = (await site.frontMatter(f.file))?.data as Readonly<Record<string, unknown>> | undefined;
    const path = hugoPagePath(f, fm, site.config);
    out.set(f.file, /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : origin + encodeURI(path));
  }
  return out;
}
