/**
 * A small glob matcher for content paths relative to the site root (`content/recommandations/**`).
 * Written by hand because the core runs in the browser and must not pull in a Node glob library.
 *
 * - `**` any number of path segments (including none), `*` any characters but `/`, `?` one
 *   character but `/`, `[abc]` / `[!abc]` a character class, `{a,b}` alternatives.
 * - A pattern without `/` matches the file name anywhere (`_index.md`), as in `.gitignore`.
 * - A pattern without wildcards also matches everything under it (`content/snippets`), and so does
 *   one ending with `/`.
 * - Paths compare with `/` separators; `\` in paths is read as `/`; a leading `./` or `/` is ignored.
 */

export type GlobMatcher = (path: string) => boolean;

export function normalizeRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}

function escapeRegExp(c: string): string {
  return /[.+^${}()|[\]\\*?]/.test(c) ? `\\${c}` : c;
}

/** The body of a regular expression for one glob (no anchors). */
function globBody(glob: string): string {
  let out = '';
  let i = 0;
  let braces = 0;
  while (i < glob.length) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const before = i === 0 || glob[i - 1] === '/';
        const after = glob[i + 2] === undefined || glob[i + 2] === '/';
        if (before && after) {
          // `**/` matches zero or more whole segments; a final `**` matches the rest.
          if (glob[i + 2] === '/') {
            out += '(?:.*/)?';
            i += 3;
          } else {
            out += '.*';
            i += 2;
          }
          continue;
        }
        out += '[^/]*';
        i += 2;
        continue;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
      } else {
        let cls = glob.slice(i + 1, close);
        const negate = cls[0] === '!' || cls[0] === '^';
        if (negate) cls = cls.slice(1);
        out += `[${negate ? '^/' : ''}${cls.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
    i++;
  }
  return out + ')'.repeat(braces);
}

/** Compiles a glob; an invalid one (unbalanced class…) matches nothing rather than throwing. */
export function compileGlob(pattern: string): GlobMatcher {
  let glob = normalizeRelativePath(pattern.trim());
  if (glob === '') return () => false;
  const baseNameOnly = !glob.includes('/');
  if (glob.endsWith('/')) glob += '**';
  const literal = !/[*?[{]/.test(glob);
  let re: RegExp;
  try {
    const body = globBody(glob);
    re = new RegExp(`^${baseNameOnly ? '(?:.*/)?' : ''}${body}${literal ? '(?:/.*)?' : ''}$`, 'u');
  } catch {
    return () => false;
  }
  return (path) => re.test(normalizeRelativePath(path));
}

/** Whether a pattern compiles to a working matcher (for configuration diagnostics). */
export function isValidGlob(pattern: string): boolean {
  try {
    new RegExp(globBody(normalizeRelativePath(pattern.trim())), 'u');
    return pattern.trim() !== '';
  } catch {
    return false;
  }
}

export function matchesAny(matchers: readonly GlobMatcher[], path: string): boolean {
  return matchers.some((m) => m(path));
}
