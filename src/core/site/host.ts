/**
 * The only way the site model touches files: a small host interface, in the spirit of
 * vscode-markdown-languageservice's `IWorkspace`. The extension implements it over
 * `workspace.fs` (so it runs on virtual file systems and in the browser), the CLI over `node:fs`,
 * tests over an in-memory map. Paths are absolute, with `/` separators (`/home/me/site/content/a.md`,
 * `C:/site/content/a.md`); the model never builds a path with `\`.
 */

export type EntryKind = 'file' | 'directory';

export interface DirEntry {
  readonly name: string;
  readonly kind: EntryKind;
}

export interface FileStat {
  readonly kind: EntryKind;
  /** Modification time in ms; with `size`, the cache stamp of a file's facts. */
  readonly mtime: number;
  readonly size: number;
}

export interface SiteHost {
  /** The entries of a folder; `[]` when it does not exist or cannot be read. */
  readDirectory(path: string): Promise<readonly DirEntry[]>;
  /** The text of a file (UTF-8); rejects when it cannot be read. An open editor's unsaved text may be returned. */
  readFile(path: string): Promise<string>;
  /** What is at `path`, or undefined when nothing is. */
  stat(path: string): Promise<FileStat | undefined>;
  /**
   * True when files do not change while the host lives (a command-line run): the model then
   * trusts what it has read and does not ask `stat` again.
   */
  readonly unchanging?: boolean;
  /**
   * The text of a file read at once (throws when it cannot be read), for a host that reads
   * without waiting anyway (the command line over node:fs). With `unchanging`, the model reads a
   * site's pages through it: one promise chain per page costs more than the page's facts.
   */
  readFileNow?(path: string): string;
}

/** A change the host reports (file watcher): the model drops what depended on it. */
export interface SiteChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/** `a/b` + `c` → `a/b/c`, with `/` only. */
export function join(dir: string, ...names: string[]): string {
  let out = dir;
  for (const name of names) {
    if (name === '') continue;
    out = out.endsWith('/') ? out + name : `${out}/${name}`;
  }
  return out;
}

/** The parent folder, or undefined at a root (`/`, `C:/`). */
export function dirname(path: string): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const cut = trimmed.lastIndexOf('/');
  if (cut < 0) return undefined;
  if (cut === 0) return trimmed === '/' ? undefined : '/';
  const parent = trimmed.slice(0, cut);
  if (/^[A-Za-z]:$/.test(parent)) return trimmed.length === cut + 1 ? undefined : `${parent}/`;
  return parent;
}

/** `file` relative to `root` with `/`, or undefined when it is not under `root`. */
export function relative(root: string, file: string): string | undefined {
  // A root without a trailing `/` (the usual case) needs no regular expression.
  const r = root.endsWith('/') ? root.replace(/\/+$/, '') : root;
  if (file === r) return '';
  return file.startsWith(`${r}/`) ? file.slice(r.length + 1) : undefined;
}
