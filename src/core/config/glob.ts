/**
 * Path patterns of `.medguide.toml` (`skip`, `[[sections]] paths`, `[health] recommendations`) and of
 * the inferred conventions, relative to the site root (`content/recommandations/**`), matched by
 * picomatch (its POSIX build: no Node module, it runs in the browser bundle too).
 *
 * - `**` any number of path segments (including none), `*` any characters but `/`, `?` one
 *   character but `/`, `[abc]` / `[!abc]` a character class, `{a,b}` alternatives; `*` also
 *   matches names starting with a dot.
 * - A pattern without `/` matches the file name anywhere (`_index.md`), as in `.gitignore`.
 * - A pattern without wildcards also matches everything under it (`content/snippets`), and so does
 *   one ending with `/`.
 * - Paths compare with `/` separators; `\` in paths is read as `/`; a leading `./` or `/` is ignored.
 *
 * Hugo's own patterns (a mount's `includeFiles`/`excludeFiles`) follow Hugo's rules instead: see
 * `site/hugoGlob.ts`.
 */
import picomatch from 'picomatch/posix';

export type GlobMatcher = (path: string) => boolean;

export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

// posix: `[!abc]` negates a class (picomatch reads it literally otherwise) and `[[:alpha:]]` works.
const OPTIONS = { dot: true, posix: true } as const;

/** The picomatch patterns for one MedGuide pattern, and its options. */
function patterns(pattern: string): { globs: string[]; basename: boolean } | undefined {
  let glob = normalizeRelativePath(pattern.trim());
  if (glob === '') return undefined;
  const basename = !glob.includes('/');
  if (glob.endsWith('/')) glob += '**';
  const literal = !/[*?[{]/.test(glob);
  return { globs: literal ? [glob, `${glob}/**`] : [glob], basename };
}

/** Compiles a pattern; an invalid one (unbalanced class…) matches nothing rather than throwing. */
export function compileGlob(pattern: string): GlobMatcher {
  const p = patterns(pattern);
  if (!p) return () => false;
  let isMatch: (path: string) => boolean;
  try {
    // debug: an invalid pattern throws here instead of silently becoming a never-matching regex.
    isMatch = picomatch(p.globs, { ...OPTIONS, basename: p.basename, debug: true });
  } catch {
    return () => false;
  }
  return (path) => isMatch(normalizeRelativePath(path));
}

/** Whether a pattern compiles to a working matcher (for configuration diagnostics). */
export function isValidGlob(pattern: string): boolean {
  const p = patterns(pattern);
  if (!p) return false;
  try {
    for (const g of p.globs) picomatch.makeRe(g, { ...OPTIONS, debug: true });
    return true;
  } catch {
    return false;
  }
}

export function matchesAny(matchers: readonly GlobMatcher[], path: string): boolean {
  return matchers.some((m) => m(path));
}
