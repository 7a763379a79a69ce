import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, parseSiteConfig } from '../core/config';
import type { Diagnostic } from '../core/diagnostic';
import { isHugoConfigName, SiteWorkspace, type HugoSite } from '../core/site';
import { toVsDiagnosticsIn } from './convert';
import { DeletionBursts } from './deletions';
import { VscodeHost } from './host';
import { currentLang } from './lang';
import { logFailure } from './log';

/** Files that may make a folder a Hugo site root, or hold its rules. */
const ROOT_MARKERS = '**/{hugo.toml,hugo.yaml,hugo.yml,hugo.json,config.toml,config.yaml,config.yml,config.json,.medguide.toml,config/_default/*.toml,config/_default/*.yaml,config/_default/*.yml,config/_default/*.json}';
const EXCLUDE = '{**/node_modules/**,**/public/**,**/resources/**,**/.git/**,**/themes/**}';
const PAGE_EXTENSIONS = /\.(?:md|markdown)$/i;
const CHANGE_SETTLE_MS = 150;

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isRulesFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}

/**
 * The extension's door to the core's site model: one `SiteWorkspace` over `workspace.fs`, sites
 * found by walking up from the pages the author opens, and one file watcher per site found, so a
 * workspace without a Hugo site pays for nothing but that walk. Change events are forwarded to the
 * model; a burst of them fires `onDidChange` once.
 */
export class SiteModel implements vscode.Disposable {
  private readonly workspaces = new Map<string, { host: VscodeHost; workspace: SiteWorkspace }>();
  private readonly watched = new Map<string, vscode.Disposable>();
  /** Folder → its site, once found (for the preview, which must answer synchronously). */
  private readonly known = new Map<string, HugoSite | null>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly deletedEmitter = new vscode.EventEmitter<(path: string) => boolean>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.deletedEmitter];
  private settle: ReturnType<typeof setTimeout> | undefined;
  private readonly forgetTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Front Matter CMS files with problems published, per site root (cleared once fixed). */
  private readonly cmsFiles = new Map<string, Set<string>>();

  /** Something a site's checks depend on changed (pages, templates, rules, configuration). */
  readonly onDidChange = this.changed.event;
  /** A burst of deleted files and folders: `gone(path)` says whether a path went with them. */
  readonly onDidDelete = this.deletedEmitter.event;

  constructor(private readonly configDiagnostics: vscode.DiagnosticCollection) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.edited(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.checkOpenRules(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('medguide.language')) {
          for (const { workspace } of this.workspaces.values()) workspace.setLang(currentLang());
          this.known.clear();
          this.fireChanged();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.known.clear();
        this.fireChanged();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.checkOpenRules(d);
  }

  private entry(uri: vscode.Uri): { host: VscodeHost; workspace: SiteWorkspace } {
    const key = uri.with({ path: '/', query: '', fragment: '' }).toString();
    let e = this.workspaces.get(key);
    if (!e) {
      const host = new VscodeHost(uri);
      e = { host, workspace: new SiteWorkspace(host, { lang: currentLang() }) };
      this.workspaces.set(key, e);
    }
    return e;
  }

  private folderOf(uri: vscode.Uri): string {
    return uri.with({ path: uri.path.slice(0, uri.path.lastIndexOf('/')) || '/', query: '', fragment: '' }).toString();
  }

  /** The Hugo site `uri` belongs to, or undefined (a Markdown file in no Hugo site). */
  async siteFor(uri: vscode.Uri): Promise<HugoSite | undefined> {
    if (uri.scheme === 'untitled') return undefined;
    const { workspace } = this.entry(uri);
    let site: HugoSite | undefined;
    try {
      site = await workspace.siteFor(uri.path);
    } catch (e) {
      logFailure('Finding the Hugo site of a file', e, uri);
      site = undefined;
    }
    this.known.set(this.folderOf(uri), site ?? null);
    if (site) this.watch(uri, site);
    return site;
  }

  /** The site of `uri` if it was found already: the preview asks synchronously, and starts the search otherwise. */
  knownSite(uri: vscode.Uri): HugoSite | undefined {
    const folder = this.folderOf(uri);
    if (!this.known.has(folder)) {
      void this.siteFor(uri).then((s) => {
        if (s) this.fireChanged();
      });
      return undefined;
    }
    return this.known.get(folder) ?? undefined;
  }

  /** One watcher per site root: its pages, templates, rules and configuration. */
  private watch(uri: vscode.Uri, site: HugoSite): void {
    const rootUri = uri.with({ path: site.root, query: '', fragment: '' });
    const key = rootUri.toString();
    if (this.watched.has(key)) return;
    this.publishConfigProblems(uri, site).catch((e: unknown) => logFailure("Checking the site's configuration", e, uri));
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(rootUri, '**/*'));
    const { workspace } = this.entry(uri);
    const apply = (kind: 'created' | 'changed' | 'deleted') => (u: vscode.Uri) => {
      if (/\/(?:\.git|node_modules|public|resources)(?:\/|$)/.test(u.path)) return;
      void workspace.applyChange({ path: u.path, kind }).then(
        () => {
          if (kind !== 'changed' || !PAGE_EXTENSIONS.test(u.path)) this.fireChanged();
          if (isHugoConfigName(baseName(u)) || /\/config\/|\.medguide\.toml$|\/frontmatter\.json$/.test(u.path)) void this.republish(u);
        },
        (e: unknown) => logFailure('Following a change of the site', e, u),
      );
    };
    const disposable = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(apply('created')),
      watcher.onDidChange(apply('changed')),
      watcher.onDidDelete(apply('deleted')),
      new DeletionBursts(watcher.onDidDelete, (gone) => this.deletedEmitter.fire(gone)),
    );
    this.watched.set(key, disposable);
  }

  /** The Hugo configuration's and `.medguide.toml`'s problems, on those files. */
  private async publishConfigProblems(uri: vscode.Uri, site: HugoSite): Promise<void> {
    const byFile = new Map<string, Diagnostic[]>();
    for (const f of site.config.files) byFile.set(f, []);
    for (const p of site.config.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.diagnostic]);
    for (const [file, list] of byFile) {
      const fileUri = uri.with({ path: file, query: '', fragment: '' });
      this.configDiagnostics.set(fileUri, toVsDiagnosticsIn(fileUri, list));
    }
    const rules = await site.rules();
    if (rules.path) {
      const rulesUri = uri.with({ path: rules.path, query: '', fragment: '' });
      const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === rulesUri.toString());
      // An open .medguide.toml is checked as it is typed (checkOpenRules).
      if (!open) this.configDiagnostics.set(rulesUri, toVsDiagnosticsIn(rulesUri, rules.diagnostics));
    }
    // Front Matter CMS's frontmatter.json and split files: their problems, in them.
    for (const p of rules.problems ?? []) {
      const fileUri = uri.with({ path: p.file, query: '', fragment: '' });
      this.configDiagnostics.set(fileUri, toVsDiagnosticsIn(fileUri, p.diagnostics));
    }
    const fixed = new Set((rules.problems ?? []).map((p) => p.file));
    for (const f of this.cmsFiles.get(site.root) ?? []) if (!fixed.has(f)) this.configDiagnostics.delete(uri.with({ path: f, query: '', fragment: '' }));
    this.cmsFiles.set(site.root, fixed);
  }

  private async republish(uri: vscode.Uri): Promise<void> {
    try {
      const site = await this.siteFor(uri);
      if (site) await this.publishConfigProblems(uri, site);
    } catch (e) {
      logFailure("Checking the site's configuration", e, uri);
    }
  }

  /** A `.medguide.toml` open in an editor gets its diagnostics as it is typed, whether or not a page uses it yet. */
  private checkOpenRules(document: vscode.TextDocument): void {
    if (!isRulesFile(document.uri)) return;
    this.configDiagnostics.set(document.uri, toVsDiagnosticsIn(document.uri, parseSiteConfig(document.getText(), currentLang()).diagnostics));
  }

  /** Unsaved edits: the rules and configuration apply at once; a page's own facts are read again when it settles. */
  private edited(document: vscode.TextDocument): void {
    const uri = document.uri;
    if (isRulesFile(uri)) this.checkOpenRules(document);
    const config = isRulesFile(uri) || isHugoConfigName(baseName(uri)) || /\/config\/_default\//.test(uri.path);
    if (!config && !PAGE_EXTENSIONS.test(uri.path)) return;
    clearTimeout(this.forgetTimers.get(uri.toString()));
    this.forgetTimers.set(
      uri.toString(),
      setTimeout(
        () => {
          this.forgetTimers.delete(uri.toString());
          const { workspace } = this.entry(uri);
          if (config) {
            void workspace.applyChange({ path: uri.path, kind: 'changed' }).then(
              () => {
                this.known.clear();
                this.fireChanged();
                void this.republish(uri);
              },
              (e: unknown) => logFailure('Following an edit of the configuration', e, uri),
            );
          } else void workspace.forget(uri.path).catch((e: unknown) => logFailure('Following an edit of a page', e, uri));
        },
        config ? 0 : 200,
      ),
    );
  }

  private fireChanged(): void {
    clearTimeout(this.settle);
    this.settle = setTimeout(() => this.changed.fire(), CHANGE_SETTLE_MS);
  }

  /** Every Hugo site of the workspace folders (for "Validate All Pages"): found by their configuration files. */
  async allSites(token?: vscode.CancellationToken): Promise<{ uri: vscode.Uri; site: HugoSite }[]> {
    let markers: vscode.Uri[] = [];
    try {
      markers = await vscode.workspace.findFiles(ROOT_MARKERS, EXCLUDE, undefined, token);
    } catch (e) {
      if (!token?.isCancellationRequested) logFailure("Finding the workspace's Hugo sites", e);
      markers = [];
    }
    const out = new Map<string, { uri: vscode.Uri; site: HugoSite }>();
    for (const m of markers) {
      if (token?.isCancellationRequested) break;
      const site = await this.siteFor(m);
      if (site && !out.has(site.root)) out.set(site.root, { uri: m, site });
    }
    return [...out.values()];
  }

  /** The Markdown files of every site (pages and bundle resources), as URIs. */
  async allPages(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const out: vscode.Uri[] = [];
    for (const { uri, site } of await this.allSites(token)) {
      if (token?.isCancellationRequested) break;
      for (const f of await site.files()) if (PAGE_EXTENSIONS.test(f.file)) out.push(uri.with({ path: f.file, query: '', fragment: '' }));
    }
    return out;
  }

  dispose(): void {
    clearTimeout(this.settle);
    for (const t of this.forgetTimers.values()) clearTimeout(t);
    for (const w of this.watched.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
    // The sites read (their pages, front matter, maps) go with the model.
    this.forgetTimers.clear();
    this.watched.clear();
    this.workspaces.clear();
    this.known.clear();
    this.cmsFiles.clear();
  }
}
