import * as vscode from 'vscode';
import type { Diagnostic } from '../core/diagnostic';
import { CONFIG_FILE_NAME, loadSiteConfig, parentDir, parseSiteConfig, type ConfigFileAccess, type LoadedSiteConfig } from '../core/config';
import { toVsDiagnostic } from './convert';
import { currentLang } from './lang';

function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** File access for the core's config lookup, over vscode.workspace.fs (works in the browser). */
function accessFor(base: vscode.Uri): ConfigFileAccess {
  const at = (path: string) => base.with({ path });
  return {
    async exists(path) {
      try {
        await vscode.workspace.fs.stat(at(path));
        return true;
      } catch {
        return false;
      }
    },
    async read(path) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === at(path).toString());
      if (doc) return doc.getText(); // unsaved edits of .medguide.toml apply at once
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(at(path)));
    },
  };
}

/**
 * The `.medguide.toml` of each site, found by walking up from the page and cached per folder.
 * A change to any `.medguide.toml` or Hugo config drops the cache; the config file's own
 * problems are published on it.
 */
export class SiteConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, Promise<LoadedSiteConfig>>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly collection: vscode.DiagnosticCollection) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAME},hugo.toml,hugo.yaml,hugo.json,config.toml}`);
    const drop = () => {
      this.byFolder.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(drop),
      watcher.onDidCreate(drop),
      watcher.onDidDelete(drop),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isConfigFile(e.document.uri)) {
          drop();
          this.checkOpenConfig(e.document);
        }
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.checkOpenConfig(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('medguide.language')) drop();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.checkOpenConfig(d);
  }

  /** A `.medguide.toml` open in an editor gets its diagnostics as you type, whether or not a page uses it yet. */
  private checkOpenConfig(document: vscode.TextDocument): void {
    if (!isConfigFile(document.uri)) return;
    this.publish(document.uri, parseSiteConfig(document.getText(), currentLang()).diagnostics, undefined);
  }

  /** The configuration that applies to `uri` (defaults when the site has no `.medguide.toml`). */
  forPage(uri: vscode.Uri): Promise<LoadedSiteConfig> {
    const folder = parentDir(uri.path) ?? '/';
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      loaded = loadSiteConfig(folder, accessFor(uri), currentLang()).then((config) => {
        if (config.configPath) this.publish(uri.with({ path: config.configPath }), config.diagnostics, config.readError);
        return config;
      });
      this.byFolder.set(folder, loaded);
    }
    return loaded;
  }

  private publish(configUri: vscode.Uri, diagnostics: readonly Diagnostic[], readError: string | undefined): void {
    const list: vscode.Diagnostic[] = diagnostics.map(toVsDiagnostic);
    if (readError) list.push(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Cannot read this file: {0}', readError), vscode.DiagnosticSeverity.Error));
    this.collection.set(configUri, list);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
