import * as vscode from 'vscode';

/**
 * Deleted files and folders, reported in bursts. When a folder goes (a section removed, a branch
 * switch), the file watcher may report only the folder, not each page in it: `gone(path)` answers
 * for a deleted path and for anything under a deleted folder (paths as in `Uri.path`). One
 * callback per burst, so deleting 5,000 pages costs one pass over what the caller keeps, not 5,000.
 */
export class DeletionBursts implements vscode.Disposable {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listener: vscode.Disposable;

  /** `onDidDelete`: a watcher's deletions (the caller's watcher, which it owns). */
  constructor(
    onDidDelete: vscode.Event<vscode.Uri>,
    private readonly onBurst: (gone: (path: string) => boolean) => void,
    private readonly delayMs = 100,
  ) {
    this.listener = onDidDelete((uri) => {
      this.pending.add(uri.path);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.flush(), this.delayMs);
    });
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const deleted = new Set(this.pending);
    this.pending.clear();
    // The path itself, then each folder above it (paths as in `Uri.path`: `/` separated).
    this.onBurst((path) => {
      for (let p = path; p.length > 0; p = p.slice(0, Math.max(p.lastIndexOf('/'), 0))) {
        if (deleted.has(p)) return true;
      }
      return false;
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
  }
}
