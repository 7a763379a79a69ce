import * as vscode from 'vscode';
import { DeletionBursts } from './deletions';

/** The part of a URI path up to and including its last `content` folder, and the rest. */
export function splitContentPath(uri: vscode.Uri): { root: string; relative: string } | undefined {
  const segments = uri.path.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] === 'content') {
      return { root: segments.slice(0, i + 1).join('/'), relative: segments.slice(i + 1).join('/') };
    }
  }
  return undefined;
}

const PAGE_GLOB = '**/content/**/*.{md,markdown}';
/** Page creations in one burst beyond which the site is listed again (the watcher may have dropped some). */
const LARGE_BURST = 200;
const EXCLUDE_GLOB = '{**/node_modules/**,**/public/**,**/resources/**,**/.git/**}';

/**
 * The pages of every Hugo site in the workspace (a site is a folder holding `content/`), as
 * content-relative paths, kept current by a file watcher. Arrays are replaced, never mutated, so
 * the core's per-array caches stay valid until something changes.
 */
export class SiteIndex implements vscode.Disposable {
  private readonly sites = new Map<string, string[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The lists were read again from disk since the last event. */
  private rescanned = false;
  private readonly deletedEmitter = new vscode.EventEmitter<(path: string) => boolean>();
  /** A burst of deleted files and folders: `gone(path)` says whether a path went with them. */
  readonly onDidDelete = this.deletedEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(PAGE_GLOB, false, true, true);
    // A folder created with pages in it (a branch switch, a copied section) may be reported as the
    // folder alone, and VS Code's file watcher drops events in very large bursts: after such a
    // burst, the pages are listed again (once, when it settles).
    // The same watcher reports deletions: a removed section may be reported as the folder only.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => {
        this.add(uri);
        this.created(false);
      }),
      folders,
      folders.onDidCreate((uri) => {
        if (!/\.(?:md|markdown)$/i.test(uri.path) && !/\/(?:\.git|node_modules|public|resources)(?:\/|$)/.test(uri.path)) this.created(true);
      }),
      this.deletedEmitter,
      new DeletionBursts(folders.onDidDelete, (gone) => {
        this.removeGone(gone);
        this.deletedEmitter.fire(gone);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
    this.ready = this.rescan();
  }

  private rescanTimer: ReturnType<typeof setTimeout> | undefined;

  private burst = { pages: 0, folder: false };

  /** A creation: a burst with a new folder or many pages is listed again once it settles. */
  private created(folder: boolean): void {
    if (folder) this.burst.folder = true;
    else this.burst.pages++;
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      const { pages, folder: withFolder } = this.burst;
      this.burst = { pages: 0, folder: false };
      if (withFolder || pages > LARGE_BURST) void this.rescan();
    }, 300);
  }

  private async rescan(): Promise<void> {
    try {
      const files = await vscode.workspace.findFiles(PAGE_GLOB, EXCLUDE_GLOB);
      const next = new Map<string, string[]>();
      for (const uri of files) {
        const split = splitContentPath(uri);
        if (!split) continue;
        const list = next.get(split.root) ?? [];
        list.push(split.relative);
        next.set(split.root, list);
      }
      for (const list of next.values()) list.sort();
      // Listing again after an unrelated file appeared changes nothing: keep the lists (the core's
      // caches are per list) and refresh nothing.
      const same =
        next.size === this.sites.size &&
        [...next].every(([root, list]) => {
          const current = this.sites.get(root);
          return current !== undefined && current.length === list.length && current.every((p, i) => p === list[i]);
        });
      if (same) return;
      this.sites.clear();
      for (const [root, list] of next) this.sites.set(root, list);
      this.rescanned = true;
      this.fireChanged();
    } catch {
      // A workspace that cannot be listed (virtual file system without search): relrefs stay unchecked.
    }
  }

  // File events only note the change; the lists are rebuilt once per burst (a branch switch that
  // creates 5,000 pages sorts each site's list once, not once per page).
  private readonly added = new Map<string, Set<string>>();
  private readonly removed = new Map<string, Set<string>>();

  private add(uri: vscode.Uri): void {
    const split = splitContentPath(uri);
    if (!split) return;
    this.removed.get(split.root)?.delete(split.relative);
    getOrCreate(this.added, split.root).add(split.relative);
    this.fireChanged();
  }

  private removeGone(gone: (path: string) => boolean): void {
    let any = false;
    for (const [root, list] of this.sites) {
      for (const relative of list) {
        if (!gone(`${root}/${relative}`)) continue;
        getOrCreate(this.removed, root).add(relative);
        any = true;
      }
    }
    for (const [root, set] of this.added) for (const relative of set) if (gone(`${root}/${relative}`)) set.delete(relative);
    if (any) this.fireChanged();
  }

  /** Applies the noted file events; true if a list changed. */
  private applyPending(): boolean {
    let changed = false;
    for (const root of new Set([...this.added.keys(), ...this.removed.keys()])) {
      const current = this.sites.get(root) ?? [];
      const gone = this.removed.get(root) ?? new Set<string>();
      const known = new Set(current);
      const fresh = [...(this.added.get(root) ?? [])].filter((p) => !known.has(p));
      const kept = gone.size > 0 ? current.filter((p) => !gone.has(p)) : current;
      if (fresh.length === 0 && kept.length === current.length) continue;
      const next = fresh.length > 0 ? [...kept, ...fresh].sort() : kept;
      if (next.length > 0) this.sites.set(root, next);
      else this.sites.delete(root);
      changed = true;
    }
    this.added.clear();
    this.removed.clear();
    return changed;
  }

  /**
   * One event for a burst of file events: a branch switch that touches 2,000 pages refreshes the
   * preview and rechecks the open pages once, not 2,000 times.
   */
  private fireChanged(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      if (this.applyPending() || this.rescanned) this.changed.fire();
      this.rescanned = false;
    }, 150);
  }

  /** The pages of the site `uri` belongs to, or undefined when it is not under a `content/` folder. */
  pagesFor(uri: vscode.Uri): readonly string[] | undefined {
    const split = splitContentPath(uri);
    return split ? this.sites.get(split.root) : undefined;
  }

  /** Every page of every site, as URIs. */
  allPages(base: vscode.Uri): vscode.Uri[] {
    const out: vscode.Uri[] = [];
    for (const [root, list] of this.sites) for (const rel of list) out.push(base.with({ path: `${root}/${rel}` }));
    return out;
  }

  dispose(): void {
    clearTimeout(this.pending);
    clearTimeout(this.rescanTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function getOrCreate<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set<V>()));
  return set;
}
