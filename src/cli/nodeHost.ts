/**
 * The site model's host over node:fs, for the CLI. Paths are absolute with `/` (on Windows
 * `C:/site/…`, which node:fs accepts). Texts read once are kept for the run (up to a budget), so a
 * page read for the site's page list is not read again to be checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { DirEntry, FileStat, SiteHost } from '../core/site';

/** `C:\site\a.md` → `C:/site/a.md`; POSIX paths unchanged. */
export function toHostPath(p: string): string {
  // An absolute POSIX path that is already normal (every path the site model lists): as it is.
  if (path.sep === '/' && p.startsWith('/') && !NOT_NORMAL.test(p)) return p;
  return path.resolve(p).split(path.sep).join('/');
}

/** What `path.resolve` would change in an absolute POSIX path: `.` or `..` segments, `//`, a trailing `/`. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** A host path back to the platform's form, for printing and node:fs. */
export function fromHostPath(p: string): string {
  return path.sep === '/' ? p : p.split('/').join(path.sep);
}

/** readFileSync's options as an object: given the string `'utf8'`, node:fs copies its defaults into a new object at every read. */
const UTF8 = { encoding: 'utf8' } as const;

export class NodeHost implements SiteHost {
  private readonly texts = new Map<string, string>();
  private kept = 0;
  /** A CLI run reads a snapshot of the site: files do not change while it runs. */
  readonly unchanging = true;

  constructor(private readonly budget = 256 * 1024 * 1024) {}

  // Synchronous reads behind the async interface: a command-line run has nothing else to do
  // meanwhile, and thousands of small reads cost less without the thread pool's round trips.

  async readDirectory(dir: string): Promise<readonly DirEntry[]> {
    try {
      const entries = readdirSync(fromHostPath(dir), { withFileTypes: true });
      const out: DirEntry[] = [];
      for (const e of entries) {
        if (e.isDirectory()) out.push({ name: e.name, kind: 'directory' });
        else if (e.isFile()) out.push({ name: e.name, kind: 'file' });
        else if (e.isSymbolicLink()) {
          const s = this.statSync(path.join(fromHostPath(dir), e.name));
          if (s) out.push({ name: e.name, kind: s.kind });
        }
      }
      return out;
    } catch {
      return [];
    }
  }

  /** The text already read for `file`, if any (no file system access). */
  peek(file: string): string | undefined {
    return this.texts.get(file);
  }

  async readFile(file: string): Promise<string> {
    return this.readFileNow(file);
  }

  readFileNow(file: string): string {
    const kept = this.texts.get(file);
    if (kept !== undefined) return kept;
    const text = readFileSync(fromHostPath(file), UTF8);
    if (this.kept + text.length <= this.budget) {
      this.texts.set(file, text);
      this.kept += text.length;
    }
    return text;
  }

  async stat(file: string): Promise<FileStat | undefined> {
    return this.statSync(fromHostPath(file));
  }

  private statSync(p: string): FileStat | undefined {
    try {
      const s = statSync(p);
      return { kind: s.isDirectory() ? 'directory' : 'file', mtime: s.mtimeMs, size: s.size };
    } catch {
      return undefined;
    }
  }
}
