import * as vscode from 'vscode';
import { templateNamesFromPaths } from '../core/shortcodes/templates';
import { splitContentPath } from './siteIndex';

const TEMPLATE_GLOB = '**/layouts/{shortcodes,_shortcodes}/**/*';
const EXCLUDE_GLOB = '{**/node_modules/**,**/public/**,**/resources/**,**/.git/**}';

/**
 * The shortcode templates of every Hugo site in the workspace (its `layouts/shortcodes/`,
 * `layouts/_shortcodes/` and its themes' ones), kept current by a file watcher. A site whose
 * templates cannot be seen (none found: a theme pulled as a Hugo module, say) gets `undefined`,
 * and its shortcode names are not checked.
 */
export class ShortcodeTemplates implements vscode.Disposable {
  private files = new Set<string>();
  private readonly bySite = new Map<string, ReadonlySet<string> | undefined>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(TEMPLATE_GLOB, false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.update(() => this.files.add(uri.path))),
      watcher.onDidDelete((uri) => this.update(() => this.deleteUnder(uri.path))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
    this.ready = this.rescan();
  }

  private async rescan(): Promise<void> {
    try {
      const found = await vscode.workspace.findFiles(TEMPLATE_GLOB, EXCLUDE_GLOB);
      this.update(() => (this.files = new Set(found.map((u) => u.path))));
    } catch {
      // No search on this file system: names stay unchecked.
    }
  }

  /** A deleted folder arrives as one event: drop every template under it. */
  private deleteUnder(path: string): void {
    for (const f of this.files) if (f === path || f.startsWith(`${path}/`)) this.files.delete(f);
  }

  private update(change: () => void): void {
    change();
    this.bySite.clear();
    this.changed.fire();
  }

  /** The folder of the Hugo site `uri` belongs to (the one holding its `content/`). */
  static siteFolder(uri: vscode.Uri): string | undefined {
    const split = splitContentPath(uri);
    return split ? split.root.slice(0, -'/content'.length) : undefined;
  }

  /** Template names (lower case) of the site of the page `uri`; undefined when none can be seen. */
  namesFor(uri: vscode.Uri): ReadonlySet<string> | undefined {
    const site = ShortcodeTemplates.siteFolder(uri);
    if (site === undefined) return undefined;
    if (this.bySite.has(site)) return this.bySite.get(site);
    const mine = [...this.files].filter((f) => f.startsWith(`${site}/layouts/`) || f.startsWith(`${site}/themes/`));
    const names = mine.length > 0 ? templateNamesFromPaths(mine.map((f) => f.slice(site.length + 1))) : undefined;
    this.bySite.set(site, names && names.size > 0 ? names : undefined);
    return this.bySite.get(site);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
