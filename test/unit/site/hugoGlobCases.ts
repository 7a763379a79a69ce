// What Hugo 0.111.3 reads of a content mount with these includeFiles/excludeFiles: the files of
// FILES that `hugo list all` listed, measured on 2026-12-04 (test/parity/mountGlobs.test.ts runs Hugo
// on the same cases again when the parity suite has Hugo).

export const FILES = ['/a.md', '/sub/b.md', '/sub/deep/c.md', '/Sub2/D.md'] as const;

export interface MountGlobCase {
  readonly includeFiles: readonly string[];
  readonly excludeFiles: readonly string[];
  /** The files Hugo reads. */
  readonly read: readonly string[];
}

const inc = (includeFiles: string[], read: string[]): MountGlobCase => ({ includeFiles, excludeFiles: [], read });
const exc = (excludeFiles: string[], read: string[]): MountGlobCase => ({ includeFiles: [], excludeFiles, read });

export const MOUNT_GLOB_CASES: readonly MountGlobCase[] = [
  inc(['*.md'], ['/a.md']),
  inc(['**.md'], ['/a.md']),
  inc(['**/*.md'], ['/Sub2/D.md', '/sub/b.md', '/sub/deep/c.md']),
  inc(['/**/*.md'], ['/Sub2/D.md', '/sub/b.md', '/sub/deep/c.md']),
  inc(['sub/**'], ['/sub/b.md', '/sub/deep/c.md']),
  inc(['sub/*.md'], ['/sub/b.md']),
  inc(['sub'], []),
  inc(['SUB/**'], ['/sub/b.md', '/sub/deep/c.md']),
  inc(['sub/**/*.md'], ['/sub/deep/c.md']),
  inc(['{a,sub/b}.md'], ['/a.md', '/sub/b.md']),
  inc(['*/*.md'], ['/Sub2/D.md', '/sub/b.md']),
  inc(['**/c.md'], ['/sub/deep/c.md']),
  inc(['[!s]*.md', '?ub2/*'], ['/Sub2/D.md', '/a.md']),
  inc(['**/deep/*'], ['/sub/deep/c.md']),
  inc(['/SUB2/d.MD'], ['/Sub2/D.md']),
  inc(['{sub,sub2}/*.md'], ['/Sub2/D.md', '/sub/b.md']),
  exc(['sub'], ['/Sub2/D.md', '/a.md']),
  exc(['sub/**'], ['/Sub2/D.md', '/a.md']),
  exc(['*.md'], ['/Sub2/D.md', '/sub/b.md', '/sub/deep/c.md']),
  exc(['**/c.md'], ['/Sub2/D.md', '/a.md', '/sub/b.md']),
  exc(['SUB'], ['/Sub2/D.md', '/a.md']),
  exc(['sub/*'], ['/Sub2/D.md', '/a.md']),
  exc(['**/c.md', 'a.md'], ['/Sub2/D.md', '/sub/b.md']),
  exc(['*'], []),
  exc(['sub/deep'], ['/Sub2/D.md', '/a.md', '/sub/b.md']),
  { includeFiles: ['**/*.md', '*.md'], excludeFiles: ['sub/**'], read: ['/Sub2/D.md', '/a.md', '/sub/b.md', '/sub/deep/c.md'] },
  { includeFiles: ['sub/**'], excludeFiles: ['**/c.md'], read: ['/sub/b.md', '/sub/deep/c.md'] },
];
