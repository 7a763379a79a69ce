/**
 * The site model's host over node:fs, for the CLI. Paths are absolute with `/` (on Windows
 * `C:/site/…`, which node:fs accepts). Texts read once are kept for the run (up to a budget), so a
 * page read for the site's page list is not read again to be checked.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { DirEntry, FileStat, SiteHost } from '../core/site';

/** `C:\site\a.md` → `C:/site/a.md`; POSIX paths unchanged. */
export function toHostPath(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}

/** A host path back to the platform's form, for printing and node:fs. */
export function fromHostPath(p: string): string {
  return path.sep === '/' ? p : p.split('/').join(path.sep);
}

export class NodeHost implements SiteHost {
  private readonly texts = new Map<string, string>();
  private kept = 0;

  constructor(private readonly budget = 256 * 1024 * 1024) {}

  async readDirectory(dir: string): Promise<readonly DirEntry[]> {
    try {
      const entries = await fs.readdir(fromHostPath(dir), { withFileTypes: true });
      const out: DirEntry[] = [];
      for (const e of entries) {
        if (e.isDirectory()) out.push({ name: e.name, kind: 'directory' });
        else if (e.isFile()) out.push({ name: e.name, kind: 'file' });
        else if (e.isSymbolicLink()) {
          const s = await fs.stat(path.join(fromHostPath(dir), e.name)).catch(() => undefined);
          if (s?.isDirectory()) out.push({ name: e.name, kind: 'directory' });
          else if (s?.isFile()) out.push({ name: e.name, kind: 'file' });
        }
      }
      return out;
    } catch {
      return [];
    }
  }

  async readFile(file: string): Promise<string> {
    const kept = this.texts.get(file);
    if (kept !== undefined) return kept;
    const text = await fs.readFile(fromHostPath(file), 'utf8');
    if (this.kept + text.length <= this.budget) {
      this.texts.set(file, text);
      this.kept += text.length;
    }
    return text;
  }

  async stat(file: string): Promise<FileStat | undefined> {
    try {
      const s = await fs.stat(fromHostPath(file));
      return { kind: s.isDirectory() ? 'directory' : 'file', mtime: s.mtimeMs, size: s.size };
    } catch {
      return undefined;
    }
  }
}
