/**
 * A content mount's `includeFiles` / `excludeFiles`, read as Hugo 0.111 reads them (hugofs/glob:
 * `FilenameFilter` over gobwas/glob with `/` as the separator). Not picomatch, which MedGuide's own
 * patterns use (config/glob.ts): Hugo's `**` is "any characters, `/` included" anywhere in a pattern
 * (`**.md`, and `sub/**` does not match `sub` itself), where picomatch's `**` is a whole path segment
 * matching zero or more segments (`**\/*.md` matches `a.md`, Hugo's does not), and picomatch has no
 * operator for gobwas's. What Hugo 0.111.3 lists is pinned in test/unit/site/hugoGlob.test.ts.
 *
 * Hugo's rules, all measured with Hugo 0.111.3:
 * - patterns and paths compare in lower case, each path inside the mount with a leading `/`
 *   (a pattern without one gets it);
 * - `*` any characters but `/`, `?` one character but `/`, `**` any characters, `[abc]`, `[!a-z]`,
 *   `{a,b}` (an unclosed `{` ends at the end of the pattern), `\x` a literal x;
 * - the filter is applied while walking: a folder is entered only if it matches an inclusion, or one
 *   of the folders above an inclusion (`sub/*.md` enters `/sub`; `**.md` enters no folder), and not
 *   an exclusion (`excludeFiles = "drafts"` drops the folder and all below it); a file must match an
 *   inclusion (if there are any) or no exclusion. A path that matches an inclusion is kept even if an
 *   exclusion matches it too.
 */

type Matcher = (path: string) => boolean;

const NEVER: Matcher = () => false;

function escapeRegExp(c: string): string {
  return /[.+^${}()|[\]\\*?/]/.test(c) ? `\\${c}` : c;
}

/** One pattern as gobwas/glob compiles it with separator `/`, in lower case; an invalid one matches nothing. */
export function compileHugoGlob(pattern: string): Matcher {
  let glob = pattern.trim().toLowerCase();
  if (glob === '') return NEVER;
  if (!glob.startsWith('/')) glob = `/${glob}`;
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i]);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        while (glob[i + 1] === '*') i++;
        out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) return NEVER;
      let cls = glob.slice(i + 1, close);
      const negate = cls.startsWith('!');
      if (negate) cls = cls.slice(1);
      if (cls === '') return NEVER;
      out += `[${negate ? '^' : ''}${cls.replace(/[\\\]^]/g, (x) => `\\${x}`)}]`;
      i = close;
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
  }
  let re: RegExp;
  try {
    re = new RegExp(`^${out}${')'.repeat(braces)}$`, 'su');
  } catch {
    return NEVER;
  }
  return (path) => re.test(path.toLowerCase());
}

/** Folders that lead to an inclusion (Hugo's `dirInclusions`): `/sub/**\/*.md` gives `/`, `/sub`, `/sub/**`. */
function leadingFolders(include: string): string[] {
  const withSlash = include.trim().startsWith('/') ? include.trim() : `/${include.trim()}`;
  const dir = withSlash.slice(0, Math.max(withSlash.lastIndexOf('/'), 1));
  const parts = dir.split('/');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) out.push(`/${parts.slice(0, i + 1).filter(Boolean).join('/')}`);
  return out;
}

export interface HugoFileFilter {
  /** Whether a file, given by its path inside the mount (`/sub/page.md`), is read, its folders included. */
  (pathInMount: string): boolean;
  /**
   * Whether one folder entry passes, alone (`isDir`: a folder): what Hugo asks of each entry it
   * lists and of each folder it opens. Walking one mount top-down, that is the call above; where
   * mounts overlap, Hugo opens a folder of one mount without asking about the folders above it
   * (see contentFiles.ts).
   */
  entry(pathInMount: string, isDir: boolean): boolean;
}

/** Hugo's filter for a mount, or undefined when it has neither includeFiles nor excludeFiles. */
export function hugoFileFilter(includeFiles: readonly string[] = [], excludeFiles: readonly string[] = []): HugoFileFilter | undefined {
  const includes = includeFiles.filter((g) => g.trim() !== '');
  const excludes = excludeFiles.filter((g) => g.trim() !== '');
  if (includes.length === 0 && excludes.length === 0) return undefined;
  const inclusions = includes.map(compileHugoGlob);
  const folderInclusions = includes.flatMap(leadingFolders).map(compileHugoGlob);
  const exclusions = excludes.map(compileHugoGlob);
  const matches = (path: string, isDir: boolean): boolean => {
    if (inclusions.some((m) => m(path))) return true;
    if (isDir && inclusions.length > 0 && folderInclusions.some((m) => m(path))) return true;
    if (exclusions.some((m) => m(path))) return false;
    return inclusions.length === 0;
  };
  const withSlash = (p: string) => (p.startsWith('/') ? p : `/${p}`);
  const filter = (pathInMount: string): boolean => {
    const path = withSlash(pathInMount);
    for (let slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (!matches(path.slice(0, slash), true)) return false;
    }
    return matches(path, false);
  };
  return Object.assign(filter, { entry: (pathInMount: string, isDir: boolean) => matches(withSlash(pathInMount), isDir) });
}
