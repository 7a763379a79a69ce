/**
 * The content files of a Hugo site as Hugo 0.111 collects them (hugolib/pages_capture.go,
 * hugofs/filter_fs.go, hugofs/files/classifier.go): every content mount merged into one tree,
 * each file's language (a configured language code before the extension wins over the mount's),
 * and each folder's bundle type, which decides what is a page and what is a bundle resource.
 */
import { join, type DirEntry, type SiteHost } from './host';
import { mountSourcePath, type ContentMount } from './hugoConfig';

/** Hugo's content file extensions (hugofs/files/classifier.go). */
const CONTENT_EXTENSIONS = new Set(['html', 'htm', 'mdown', 'markdown', 'md', 'asciidoc', 'adoc', 'ad', 'rest', 'rst', 'org', 'pandoc', 'pdc']);

export type Classifier = 'leaf' | 'branch' | 'content' | 'file';

/**
 * What a file is to Hugo once its folder is bundled:
 * - `section`: a branch bundle's `_index` (a section, or the home page at the content root);
 * - `page`: a regular page (a content file, or a leaf bundle's `index`);
 * - `resource`: anything inside a leaf bundle other than its `index`, and non-content files.
 */
export type ContentRole = 'section' | 'page' | 'resource';

export interface ContentFile {
  /** Absolute path on the host. */
  readonly file: string;
  /** Path inside the merged content tree, as Hugo's `.File.Path` (`blog/post.fr.md`), `/` separators. */
  readonly path: string;
  /** Path from the site root (`content/fr/blog/post.md`), Hugo's `PathFile`. */
  readonly pathFile: string;
  readonly lang: string;
  /** File name without extension and language (`post` for `post.fr.md`). */
  readonly translationBaseName: string;
  /** File name as written (`post.fr.md`). */
  readonly logicalName: string;
  readonly classifier: Classifier;
  readonly role: ContentRole;
  /** For a resource: the `index` file of its bundle (absolute), when there is one in its language. */
  readonly bundle?: string;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 || (dot === 0 && name.length > 1) ? name.slice(dot + 1) : '';
}

export function isContentExtension(name: string): boolean {
  return CONTENT_EXTENSIONS.has(extensionOf(name));
}

/**
 * Hugo's `langInfoFrom`: `post.fr.md` is French when `fr` is a configured language; otherwise the
 * `.fr` stays part of the name. Case-sensitive, as in Hugo (`post.FR.md` is not French).
 */
export function languageFromName(name: string, languages: ReadonlySet<string>): { lang?: string; translationBaseName: string; translationBaseNameWithExt: string } {
  const ext = extensionOf(name);
  let base = ext !== '' ? name.slice(0, name.length - ext.length - 1) : name;
  const langExt = extensionOf(base);
  let lang: string | undefined;
  if (langExt !== '' && languages.has(langExt)) {
    lang = langExt;
    base = base.slice(0, base.length - langExt.length - 1);
  }
  return { lang, translationBaseName: base, translationBaseNameWithExt: ext !== '' ? `${base}.${ext}` : base };
}

/** hugofs/files.ClassifyContentFile; `looksLikeHtml` answers for `.html` files whose first non-space character is `<`. */
export function classify(name: string, looksLikeHtml: boolean): Classifier {
  if (!isContentExtension(name)) return 'file';
  const ext = extensionOf(name);
  if ((ext === 'html' || ext === 'htm') && looksLikeHtml) return 'file';
  if (name.startsWith('_index.')) return 'branch';
  if (name.startsWith('index.')) return 'leaf';
  return 'content';
}

/** Hugo's order of a folder's files by class: `files.ContentClass` values compared as strings. */
const CLASS_ORDER: Readonly<Record<Classifier, number>> = { branch: 0, leaf: 1, content: 2, file: 3 };

/** Names Hugo never reads (source.SourceSpec.IgnoreFile): `.hidden`, `#draft#`, `backup~`. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('#') || name.endsWith('~');
}

export interface CollectOptions {
  readonly root: string;
  readonly mounts: readonly ContentMount[];
  /** Enabled language codes. */
  readonly languages: ReadonlySet<string>;
  readonly defaultLanguage: string;
  /** `ignoreFiles` regular expressions, matched against the absolute file name as Hugo does. */
  readonly ignoreFiles: readonly RegExp[];
  /**
   * A mount's glob filters (`includeFiles`/`excludeFiles`) on one entry alone, by its path inside
   * the mount with a leading `/` (`isDir`: a folder).
   */
  readonly mountFilter?: (mount: ContentMount, pathInMount: string, isDir: boolean) => boolean;
}

interface RawFile {
  readonly file: string;
  readonly path: string;
  readonly pathFile: string;
  readonly name: string;
  readonly lang: string;
  readonly tbn: string;
  readonly tbnWithExt: string;
  readonly classifier: Classifier;
  /** Hugo's order among a folder's files of one class: earlier mounts first, then a file named in its mount's language. */
  readonly weight: number;
}

interface VirtualDir {
  files: RawFile[];
  dirs: Map<string, VirtualDir>;
}

/** The site-relative form of an absolute path, or the path itself outside the site; `rootSlash` is the root with one trailing `/`. */
function siteRelative(rootSlash: string, file: string): string {
  return file.startsWith(rootSlash) ? file.slice(rootSlash.length) : file;
}

const BYTE_ORDER_MARK = '\uFEFF';

/** The folder part of a `/`-separated path (`''` at the top). */
function parentOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function isHtmlName(name: string): boolean {
  const ext = extensionOf(name);
  return ext === 'html' || ext === 'htm';
}

/** Whether a content `.html` file starts with `<` (Hugo then treats it as a plain file); unreadable counts as yes. */
async function startsWithTag(host: SiteHost, file: string): Promise<boolean> {
  try {
    return (await host.readFile(file)).replace(BYTE_ORDER_MARK, '').trimStart().startsWith('<');
  } catch {
    return true;
  }
}

/**
 * Lists and classifies every content file of the site. Reads folders through the host, and the
 * first bytes of `.html` content files (Hugo treats those that start with `<` as plain files).
 */
export async function collectContentFiles(host: SiteHost, options: CollectOptions): Promise<ContentFile[]> {
  const tree: VirtualDir = { files: [], dirs: new Map() };
  const dirAt = (virtualPath: string): VirtualDir => {
    let d = tree;
    for (const seg of virtualPath.split('/')) {
      if (seg === '') continue;
      let next = d.dirs.get(seg);
      if (!next) d.dirs.set(seg, (next = { files: [], dirs: new Map() }));
      d = next;
    }
    return d;
  };
  const ignored = (file: string) => options.ignoreFiles.some((re) => re.test(file));
  const rootSlash = `${options.root.replace(/\/+$/, '')}/`;

  // The mounts as Hugo's content filesystem holds them (hugofs/rootmapping_fs.go): each at its
  // target below `content` (its key; "" for `content` itself).
  const mounts = options.mounts.map((mount, i) => ({
    mount,
    source: mountSourcePath(options.root, mount.source),
    key: mount.target.replace(/^content\/?/, '').replace(/^\/+|\/+$/g, ''),
    lang: mount.lang ?? options.defaultLanguage,
    // hugolib/filesystems/basefs.go: "Add more weight to early mounts. When two mounts contain the
    // same filename, the first entry wins."
    weight: 10 * (options.mounts.length - i),
  }));
  type Mount = (typeof mounts)[number];
  const folderMounts = mounts.filter((m) => !m.mount.file);
  const below = (key: string, dir: string) => (dir === '' ? key !== '' : key.startsWith(`${dir}/`));
  /** `path` from the folder `dir` above it (`below(path, dir)`). */
  const inside = (path: string, dir: string) => (dir === '' ? path : path.slice(dir.length + 1));
  const join2 = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);
  /** Whether an entry of `mount` passes its includeFiles/excludeFiles, alone (`rel`: its path inside the mount). */
  const passes = (m: Mount, rel: string, isDir: boolean) => !options.mountFilter || options.mountFilter(m.mount, `/${rel}`, isDir);

  /** A file of `m` at `path` in the merged tree, named `name` there. */
  const rawFile = (m: Mount, file: string, path: string, name: string, looksLikeHtml: boolean): RawFile => {
    const info = languageFromName(name, options.languages);
    return {
      file,
      path,
      pathFile: siteRelative(rootSlash, file),
      name,
      lang: info.lang ?? m.lang,
      tbn: info.translationBaseName,
      tbnWithExt: info.translationBaseNameWithExt,
      classifier: classify(name, looksLikeHtml),
      // hugofs/filter_fs.go: "Give priority to myfile.sv.txt inside the sv filesystem" (a mount
      // without a language is the default language's).
      weight: m.weight + (info.lang !== undefined && info.lang === m.lang ? 1 : 0),
    };
  };

  /**
   * The folders read for the folder `dir` of the merged tree, as Hugo 0.111's RootMappingFs opens it:
   * - a mount's target, or a folder above one (a "virtual" folder, `collectDirEntries`): the
   *   mounts at it (their whole source folder), and the folder at the same place in every mount
   *   whose target is above it (`getAncestors`), neither checked against its mount's filter;
   * - any other folder (`doLstat`): the folder in each mount whose target is above it, each only if
   *   its mount's filter lets the folder itself through.
   * Either way each entry is then checked against its own mount's filter, alone. Walking one mount
   * this is the same as checking every folder above a file; where mounts overlap, a folder a filter
   * drops is still read through another mount's target inside it (measured with Hugo 0.111.3,
   * test/unit/site/mountOverlapCases.ts).
   * Hugo 0.111 and newer Hugo differ on the second case: 0.111's `getRoots` takes the mounts at
   * the nearest target above the folder only (`LongestPrefix`), so with `extra` mounted at
   * `content/docs`, `content/docs/guides/` of the `content` mount is not read at all; the current
   * source's `getRoots` walks up to every mount above. MedGuide reads such a folder as newer Hugo
   * does (a page there is a page, a ref to it is found), README "Known differences with Hugo".
   */
  const foldersAt = (dir: string): { m: Mount; folder: string; rel: string; ancestor?: true }[] => {
    const out: { m: Mount; folder: string; rel: string; ancestor?: true }[] = [];
    if (mounts.some((m) => m.key === dir || below(m.key, dir))) {
      for (const m of folderMounts) if (m.key === dir) out.push({ m, folder: m.source, rel: '' });
      for (const m of folderMounts) {
        if (m.key === dir || !below(dir, m.key)) continue;
        const rel = inside(dir, m.key);
        out.push({ m, folder: join(m.source, rel), rel, ancestor: true });
      }
      return out;
    }
    // The nearest target first, then up (newer Hugo's order; the files are sorted later anyway).
    const above = folderMounts.filter((m) => below(dir, m.key)).sort((a, b) => b.key.length - a.key.length);
    for (const m of above) {
      const rel = inside(dir, m.key);
      if (passes(m, rel, true)) out.push({ m, folder: join(m.source, rel), rel });
    }
    return out;
  };

  /**
   * Whether Hugo reads the folder entry `e` of `folder` (of mount `m`, at `rel` inside it). A folder
   * is asked of `ignoreFiles` later, once per name (see `walk`).
   */
  const reads = (m: Mount, folder: string, rel: string, e: DirEntry): string | undefined => {
    if (isIgnoredName(e.name)) return undefined;
    const file = join(folder, e.name);
    if (e.kind !== 'directory' && ignored(file)) return undefined;
    return passes(m, join2(rel, e.name), e.kind === 'directory') ? file : undefined;
  };

  /**
   * The merged folder `dir`: its files into the tree, then its subfolders, by name. Files are
   * listed synchronously once a folder's entries are read: a large site's files listed by an async
   * function make it costly to compile for a single run.
   */
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 64) return;
    // Each subfolder by name, with the source folder Hugo keeps for it: where several mounts have
    // a folder of that name, Hugo's union keeps the first one listed (the mounts at this folder,
    // then the targets inside it, which stand for no source folder, then the mounts above), and
    // `ignoreFiles` is asked about that one only: if it matches, the merged folder is skipped,
    // the other mounts' folders of that name with it (measured with Hugo 0.111.3).
    const subfolders = new Map<string, string | undefined>();
    const targetsInside = () => {
      for (const m of mounts) {
        if (m.mount.file || !below(m.key, dir)) continue;
        const name = inside(m.key, dir).split('/')[0];
        if (!subfolders.has(name)) subfolders.set(name, undefined);
      }
    };
    let targetsListed = false;
    let here: VirtualDir | undefined;
    for (const { m, folder, rel, ancestor } of foldersAt(dir)) {
      if (ancestor && !targetsListed) {
        targetsInside();
        targetsListed = true;
      }
      const entries = [...(await host.readDirectory(folder))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      // The first bytes of the folder's `.html` files Hugo reads (few): those that start with `<` are plain files.
      const htmlStarts = new Map<string, boolean>();
      for (const e of entries) {
        if (e.kind === 'directory' || !isHtmlName(e.name)) continue;
        const file = reads(m, folder, rel, e);
        if (file !== undefined) htmlStarts.set(e.name, await startsWithTag(host, file));
      }
      for (const e of entries) {
        const file = reads(m, folder, rel, e);
        if (file === undefined) continue;
        if (e.kind === 'directory') {
          if (!subfolders.has(e.name)) subfolders.set(e.name, file);
          continue;
        }
        here ??= dirAt(dir);
        here.files.push(rawFile(m, file, join2(dir, e.name), e.name, htmlStarts.get(e.name) ?? false));
      }
    }
    if (!targetsListed) targetsInside();
    const names = [...subfolders].filter(([, kept]) => kept === undefined || !ignored(kept)).map(([name]) => name);
    for (const name of names.sort()) await walk(join2(dir, name), depth + 1);
  };

  // One file mounted under the target's name (checked with Hugo 0.111.3: `.File.Path` is the
  // target, its language the target name's suffix, else the mount's).
  for (const m of mounts) {
    if (!m.mount.file) continue;
    const name = m.key.slice(m.key.lastIndexOf('/') + 1);
    if (name === '' || isIgnoredName(name) || ignored(m.source)) continue;
    dirAt(parentOf(m.key)).files.push(rawFile(m, m.source, m.key, name, isHtmlName(name) && (await startsWithTag(host, m.source))));
  }
  if (folderMounts.length > 0) await walk('', 0);

  const out: ContentFile[] = [];
  const emit = (f: RawFile, classifier: Classifier, role: ContentRole, bundle?: string) =>
    out.push({
      file: f.file,
      path: f.path,
      pathFile: f.pathFile,
      lang: f.lang,
      translationBaseName: f.tbn,
      logicalName: f.name,
      classifier,
      role,
      ...(bundle !== undefined ? { bundle } : {}),
    });

  const everyFileBelow = (d: VirtualDir, acc: RawFile[] = []): RawFile[] => {
    acc.push(...d.files);
    for (const name of [...d.dirs.keys()].sort()) everyFileBelow(d.dirs.get(name)!, acc);
    return acc;
  };

  const visit = (d: VirtualDir): void => {
    // Files of one folder, merged across mounts, in the order Hugo walks them (hugofs/walk.go):
    // bundle headers first (the classes as strings: branch, leaf, zcontent, zfile), then by
    // weight, then by name. The first of each language + name wins; the first index file of a
    // language heads a leaf bundle. Listed by name as before.
    const byName = (a: RawFile, b: RawFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const files = [...d.files].sort((a, b) => CLASS_ORDER[a.classifier] - CLASS_ORDER[b.classifier] || b.weight - a.weight || byName(a, b));
    const seen = new Set<string>();
    const kept: { f: RawFile; classifier: Classifier }[] = [];
    let btype: 'none' | 'leaf' | 'branch' = 'none';
    for (const f of files) {
      const key = `${f.lang}/${f.tbnWithExt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let classifier = f.classifier;
      const thisType = classifier === 'leaf' ? 'leaf' : classifier === 'branch' ? 'branch' : 'none';
      // index.* and _index.* in one folder: the branch wins (sort order), index.* becomes a plain page.
      if (thisType !== 'none' && btype !== 'none' && thisType !== btype) classifier = 'content';
      else if (thisType !== 'none') btype = thisType;
      kept.push({ f, classifier });
    }
    const keptByName = [...kept].sort((a, b) => byName(a.f, b.f));
    /** The index file of each language: its first file of that class in Hugo's walk order. */
    const indexes = (cls: 'leaf' | 'branch'): Map<string, RawFile> => {
      const out = new Map<string, RawFile>();
      for (const { f, classifier } of kept) if (classifier === cls && !out.has(f.lang)) out.set(f.lang, f);
      return out;
    };
    if (btype === 'leaf') {
      // A leaf bundle: its index is the page, everything else below it is a resource. One index
      // per language (hugolib/pages_capture.go `addToBundle`, Hugo issue 6208): another `index.*`
      // of the same language is a content file of the bundle, a resource. That is
      // `index.zh-Hans.md` beside `index.md` when the site's language is `zh-hans`: Hugo 0.111
      // matches a file name's language case-sensitively, so the file is English.
      const headers = indexes('leaf');
      const own = new Set(headers.values());
      for (const { f } of keptByName) if (own.has(f)) emit(f, 'leaf', 'page');
      // A resource of a language without its own index joins the bundle of the default content
      // language, else of one of them (`cloneBundle`); an `index.*` or `_index.*` file among them
      // is a content file like any other.
      const fallback = (headers.get(options.defaultLanguage) ?? [...headers.values()][0]).file;
      for (const f of everyFileBelow(d)) {
        if (own.has(f)) continue;
        emit(f, f.classifier === 'leaf' || f.classifier === 'branch' ? 'content' : f.classifier, 'resource', headers.get(f.lang)?.file ?? fallback);
      }
      return;
    }
    // A section's index, one per language as for a leaf bundle: another `_index.*` of that
    // language is a content resource of the section (`handleBundleBranch` → `addToBundle`).
    const sectionIndexes = indexes('branch');
    for (const { f, classifier } of keptByName) {
      const index = classifier === 'branch' ? sectionIndexes.get(f.lang) : undefined;
      if (index === f) emit(f, 'branch', 'section');
      else if (index) emit(f, 'content', 'resource', index.file);
      else if (classifier === 'file') emit(f, 'file', 'resource');
      else emit(f, classifier, 'page');
    }
    for (const name of [...d.dirs.keys()].sort()) visit(d.dirs.get(name)!);
  };
  visit(tree);
  return out;
}
