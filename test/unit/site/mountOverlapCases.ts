// Content mounts that overlap in the merged content tree, with includeFiles/excludeFiles: the files
// Hugo 0.111.3 reads (`hugo list all`), measured on 2026-12-06 (test/parity/mountGlobs.test.ts runs
// Hugo on the same cases again when the parity suite has Hugo). Found by the differential test once
// its sites got mounts (test/differential/generate.ts): Hugo opens a folder where another mount's
// target lies below it, or above it, without asking the first mount's filter about that folder.

export interface MountOverlapCase {
  readonly name: string;
  /** `[[module.mounts]]` tables of hugo.toml, in order. */
  readonly mounts: readonly { readonly source: string; readonly target: string; readonly includeFiles?: readonly string[]; readonly excludeFiles?: readonly string[] }[];
  /** `ignoreFiles` patterns of hugo.toml. */
  readonly ignoreFiles?: readonly string[];
  /** Site-relative files, each a page with a title. */
  readonly files: readonly string[];
  /** The files Hugo reads, sorted. */
  readonly read: readonly string[];
}

export const MOUNT_OVERLAP_CASES: readonly MountOverlapCase[] = [
  {
    name: 'a filter that enters no folder, alone',
    mounts: [{ source: 'shared', target: 'content', includeFiles: ['**.md'] }],
    files: ['shared/blog/x.md', 'shared/top.md'],
    read: ['shared/top.md'],
  },
  {
    name: 'another mount’s target opens the folder',
    mounts: [
      { source: 'shared', target: 'content', includeFiles: ['**.md'] },
      { source: 'other', target: 'content/blog' },
    ],
    files: ['shared/blog/x.md', 'shared/top.md', 'other/y.md'],
    read: ['other/y.md', 'shared/blog/x.md', 'shared/top.md'],
  },
  {
    name: 'the same, mounts in the other order',
    mounts: [
      { source: 'other', target: 'content/blog' },
      { source: 'shared', target: 'content', includeFiles: ['**.md'] },
    ],
    files: ['shared/blog/x.md', 'shared/top.md', 'other/y.md'],
    read: ['other/y.md', 'shared/blog/x.md', 'shared/top.md'],
  },
  {
    name: 'below the other target, each mount above asks its filter about the folder',
    mounts: [
      { source: 'shared', target: 'content', includeFiles: ['**.md'] },
      { source: 'other', target: 'content/blog' },
    ],
    files: ['shared/blog/sub/x.md', 'shared/top.md', 'other/y.md', 'other/sub/z.md'],
    read: ['other/sub/z.md', 'other/y.md', 'shared/top.md'],
  },
  {
    name: 'an excluded folder opened by another mount’s target',
    mounts: [
      { source: 'shared', target: 'content', excludeFiles: ['/blog'] },
      { source: 'other', target: 'content/blog' },
    ],
    files: ['shared/blog/x.md', 'shared/top.md', 'other/y.md'],
    read: ['other/y.md', 'shared/blog/x.md', 'shared/top.md'],
  },
  {
    name: 'two mounts at one target: each filter asked about the folder',
    mounts: [
      { source: 'shared', target: 'content', includeFiles: ['**.md'] },
      { source: 'other', target: 'content' },
    ],
    files: ['shared/blog/x.md', 'shared/top.md', 'other/blog/y.md'],
    read: ['other/blog/y.md', 'shared/top.md'],
  },
  {
    name: 'ignoreFiles asked about the folder Hugo keeps of two mounts’ folders of one name: the first mount’s',
    mounts: [
      { source: 'extra', target: 'content/docs' },
      { source: 'content', target: 'content/docs' },
    ],
    ignoreFiles: ['extra/.*setup'],
    files: ['content/blog/setup/a.md', 'extra/blog/setup/b.md', 'content/blog/x.md', 'extra/blog/y.md'],
    read: ['content/blog/x.md', 'extra/blog/y.md'],
  },
  {
    name: 'the same, mounts in the other order: the folder is read, each file still asked',
    mounts: [
      { source: 'content', target: 'content/docs' },
      { source: 'extra', target: 'content/docs' },
    ],
    ignoreFiles: ['extra/.*setup'],
    files: ['content/blog/setup/a.md', 'extra/blog/setup/b.md', 'content/blog/x.md', 'extra/blog/y.md'],
    read: ['content/blog/setup/a.md', 'content/blog/x.md', 'extra/blog/y.md'],
  },
];

/**
 * Where Hugo 0.111.3 and newer Hugo differ (README, "Known differences with Hugo"): below another
 * mount's target, 0.111 reads a folder through the mounts at the nearest target above it only,
 * newer Hugo through every mount above. MedGuide reads what newer Hugo reads.
 */
export const MOUNT_NEAREST_ONLY_CASE = {
  mounts: [
    { source: 'extra', target: 'content/docs' },
    { source: 'content', target: 'content' },
  ],
  files: ['extra/intro.md', 'content/intro.md', 'content/docs/guides/setup.md', 'content/docs/top.md'],
  /** What Hugo 0.111.3 reads (`hugo list all`, 2026-12-06). */
  readByHugo0111: ['content/docs/top.md', 'content/intro.md', 'extra/intro.md'],
  /** What MedGuide reads, as newer Hugo's `getRoots` does. */
  readByMedGuide: ['content/docs/guides/setup.md', 'content/docs/top.md', 'content/intro.md', 'extra/intro.md'],
} as const satisfies Omit<MountOverlapCase, 'name' | 'read'> & { readByHugo0111: readonly string[]; readByMedGuide: readonly string[] };
