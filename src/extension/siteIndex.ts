import * as vscode from 'vscode';

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
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(PAGE_GLOB, false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.add(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
    this.ready = this.rescan();
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
      this.sites.clear();
      for (const [root, list] of next) this.sites.set(root, list.sort());
      this.fireChanged();
    } catch {
      // A workspace that cannot be listed (virtual file system without search): relrefs stay unchecked.
    }
  }

  private add(uri: vscode.Uri): void {
    const split = splitContentPath(uri);
    if (!split) return;
    const list = this.sites.get(split.root) ?? [];
    if (list.includes(split.relative)) return;
    this.sites.set(split.root, [...list, split.relative].sort());
    this.fireChanged();
  }

  private remove(uri: vscode.Uri): void {
    const split = splitContentPath(uri);
    const list = split && this.sites.get(split.root);
    if (!split || !list || !list.includes(split.relative)) return;
    this.sites.set(split.root, list.filter((p) => p !== split.relative));
    this.fireChanged();
  }

  /**
   * One event for a burst of file events: a branch switch that touches 2,000 pages refreshes the
   * preview and rechecks the open pages once, not 2,000 times.
   */
  private fireChanged(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 150);
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
    for (const d of this.disposables) d.dispose();
  }
}
