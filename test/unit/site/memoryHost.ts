import type { DirEntry, FileStat, SiteHost } from '../../../src/core/site/host';

/**
 * A {@link SiteHost} over an in-memory map of absolute paths (`/` separators) to file texts.
 * Folders are implied by the file paths; a key ending in `/` (`'/site/static/': ''`) makes an
 * empty folder. `readDirectory` lists entries sorted by name; every file has `mtime` 0 and its
 * text's length as `size`. The map is read at each call, so a test may change it between calls.
 */
export function memoryHost(files: Record<string, string>): SiteHost {
  const trim = (p: string): string => (p.length > 1 && !/^[A-Za-z]:\/$/.test(p) ? p.replace(/\/+$/, '') : p);
  const isFile = (p: string): boolean => Object.prototype.hasOwnProperty.call(files, p) && !p.endsWith('/');
  const isDirectory = (p: string): boolean => {
    const prefix = p.endsWith('/') ? p : `${p}/`;
    return Object.keys(files).some((k) => k.startsWith(prefix));
  };
  return {
    async readDirectory(path: string): Promise<readonly DirEntry[]> {
      const dir = trim(path);
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      const entries = new Map<string, DirEntry>();
      for (const key of Object.keys(files)) {
        if (!key.startsWith(prefix) || key === prefix) continue;
        const rest = key.slice(prefix.length);
        const cut = rest.indexOf('/');
        const name = cut < 0 ? rest : rest.slice(0, cut);
        if (name === '') continue;
        if (cut >= 0) entries.set(name, { name, kind: 'directory' });
        else if (!entries.has(name)) entries.set(name, { name, kind: 'file' });
      }
      return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
    async readFile(path: string): Promise<string> {
      if (!isFile(path)) throw new Error(`ENOENT: no such file: ${path}`);
      return files[path];
    },
    async stat(path: string): Promise<FileStat | undefined> {
      const p = trim(path);
      if (isFile(p)) return { kind: 'file', mtime: 0, size: files[p].length };
      if (isDirectory(p)) return { kind: 'directory', mtime: 0, size: 0 };
      return undefined;
    },
  };
}
