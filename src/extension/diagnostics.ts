import * as vscode from 'vscode';
import { checkPage } from '../core/check';
import type { Diagnostic } from '../core/diagnostic';
import type { AddressBook } from '../core/annuaire/searchIndex';
import { DEFAULT_SITE_CONFIG } from '../core/config';
import { range, stripBom } from '../core/text';
import { toVsDiagnosticsIn } from './convert';
import { currentLang, t } from './lang';
import { logError, logFailure } from './log';
import { settingsPairedNames } from './navigation';
import type { SiteModel } from './siteModel';

const DEBOUNCE_MS = 250;

/** The validation settings for a file (they may differ per workspace folder). */
function settings(resource: vscode.Uri) {
  const c = vscode.workspace.getConfiguration('medguide', resource);
  return {
    enabled: c.get<boolean>('validation.enabled', true),
    include: c.get<string[]>('validation.include', ['**/content/**/*.{md,markdown}']),
    maxFileSize: c.get<number>('validation.maxFileSize', 2_000_000),
  };
}

/** Whether an editor tab shows the document (alone or in a diff). */
function shownInEditor(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) =>
      t.input instanceof vscode.TabInputText
        ? t.input.uri.toString() === key
        : t.input instanceof vscode.TabInputTextDiff && (t.input.modified.toString() === key || t.input.original.toString() === key),
    ),
  );
}

/** Whether the document's file is no longer on disk (an unsaved new file is not asked about). */
async function deletedFromDisk(uri: vscode.Uri): Promise<boolean> {
  if (uri.scheme === 'untitled') return false;
  try {
    await vscode.workspace.fs.stat(uri);
    return false;
  } catch (e) {
    return e instanceof vscode.FileSystemError && e.code === 'FileNotFound';
  }
}

/**
 * Diagnostics for guide pages: on open, on change (debounced; a run whose document changed
 * meanwhile is dropped) and on save; cached per document version, so switching editors costs nothing.
 */
export class PageDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('medguide');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly cache = new Map<string, { version: number; lang: string; diagnostics: readonly Diagnostic[] }>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Bursts of deletions seen so far: a page read before one may be gone when its check ends. */
  private deletions = 0;
  /** Pages checked by "Validate all pages": their problems stay listed when their editor closes. */
  private readonly siteWide = new Set<string>();

  constructor(private readonly sites: SiteModel) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.forget(d.uri);
        // A page of a site-wide check keeps its problems listed, as they stand on disk.
        if (this.siteWide.has(d.uri.toString())) void this.validateUri(d.uri);
      }),
      // A deleted page or folder (in the editor or by git, a script…) takes its pages' problems with it.
      sites.onDidDelete((gone) => {
        this.deletions++;
        const uris: vscode.Uri[] = [];
        this.collection.forEach((uri) => {
          if (gone(uri.path)) uris.push(uri);
        });
        for (const uri of uris) this.dropDeleted(uri);
        for (const key of [...this.siteWide]) if (gone(vscode.Uri.parse(key).path)) this.siteWide.delete(key);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('medguide')) this.revalidateOpen();
      }),
      sites.onDidChange(() => this.revalidateOpen()),
      // On save: the page itself, and, since a page's relref anchors depend on other pages, every open page.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d.languageId === 'markdown') this.revalidateOpen();
      }),
    );
    this.revalidateOpen();
  }

  /** The Annuaire Santé extract, once loaded: professional MSSanté addresses are checked against it. */
  private addressBook: AddressBook | undefined;

  /** Sets (or clears) the Annuaire Santé extract the pages' MSSanté addresses are checked against, and checks the open pages again. */
  setAddressBook(book: AddressBook | undefined): void {
    this.addressBook = book;
    this.revalidateOpen();
  }

  /** Whether MedGuide may check this document: Markdown, with validation on (the site then says whether it is content). */
  applies(document: vscode.TextDocument): boolean {
    return document.languageId === 'markdown' && document.uri.scheme !== 'untitled' && settings(document.uri).enabled;
  }

  /** Pages outside every Hugo site are checked when they match `medguide.validation.include`. */
  private included(uri: vscode.Uri): boolean {
    return settings(uri).include.some((glob) => vscode.languages.match({ language: 'markdown', pattern: glob }, { uri, languageId: 'markdown' } as vscode.TextDocument) > 0);
  }

  revalidateOpen(): void {
    this.cache.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!this.applies(document)) {
      this.forget(document.uri);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.validate(document);
      }, delay),
    );
  }

  /** Runs the checks and publishes them, unless the document changed or closed meanwhile. */
  async validate(document: vscode.TextDocument): Promise<readonly Diagnostic[]> {
    const key = document.uri.toString();
    const version = document.version;
    const lang = currentLang();
    const cached = this.cache.get(key);
    if (cached && cached.version === version && cached.lang === lang) return cached.diagnostics;
    let diagnostics: readonly Diagnostic[];
    try {
      diagnostics = await this.compute(document.uri, document.getText(), lang);
    } catch (e) {
      logError('Checking a page', e, document.uri);
      diagnostics = [{ code: 'internal-error', severity: 'information', range: range(0, 0, 0, 0), message: t('MedGuide could not check this page: {0}', e instanceof Error ? e.message : String(e)) }];
    }
    if (document.isClosed || document.version !== version) return diagnostics; // stale: a newer run follows
    // A document VS Code still holds with no editor showing it (a closed editor's, another
    // extension's) whose file was deleted: it is gone for the user, its problems with it.
    if (!shownInEditor(document.uri) && (await deletedFromDisk(document.uri))) {
      this.forget(document.uri);
      return [];
    }
    if (document.isClosed || document.version !== version) return diagnostics;
    this.cache.set(key, { version, lang, diagnostics });
    this.collection.set(document.uri, toVsDiagnosticsIn(document.uri, diagnostics));
    return diagnostics;
  }

  /** The core diagnostics last published for this version of the document (quick fixes read their data). */
  cached(document: vscode.TextDocument): readonly Diagnostic[] {
    const entry = this.cache.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.diagnostics : [];
  }

  /** Checks a page whether or not it is open (from disk when it is not), for "Validate all pages". */
  async validateUri(uri: vscode.Uri): Promise<readonly Diagnostic[]> {
    this.siteWide.add(uri.toString());
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return this.validate(open);
    const deletionsBefore = this.deletions;
    let diagnostics: readonly Diagnostic[];
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      diagnostics = await this.compute(uri, text, currentLang());
    } catch (e) {
      // Deleted meanwhile: nothing to report. Unreadable: say so on the file rather than failing the whole run.
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') {
        this.dropDeleted(uri);
        return [];
      }
      logFailure('Reading a page for "Validate All Pages"', e, uri);
      diagnostics = [{ code: 'file-unreadable', severity: 'warning', range: range(0, 0, 0, 0), message: t('MedGuide could not read this page: {0}', e instanceof Error ? e.message : String(e)) }];
    }
    // Deleted while it was being checked: its problems went with it.
    if (!this.siteWide.has(uri.toString())) return [];
    // Deleted after it was read, its deletion not told yet (or told before as a folder's, in a burst that has passed).
    if (this.deletions !== deletionsBefore && (await deletedFromDisk(uri))) {
      this.dropDeleted(uri);
      return [];
    }
    if (!this.siteWide.has(uri.toString())) return [];
    this.collection.set(uri, toVsDiagnosticsIn(uri, diagnostics));
    return diagnostics;
  }

  private async compute(uri: vscode.Uri, rawText: string, lang: 'fr' | 'en'): Promise<readonly Diagnostic[]> {
    const text = stripBom(rawText);
    const { maxFileSize } = settings(uri);
    if (text.length > maxFileSize) {
      return [
        {
          code: 'file-too-large',
          severity: 'information',
          range: range(0, 0, 0, 0),
          message: t('MedGuide skips this file: it is larger than medguide.validation.maxFileSize ({0} characters).', maxFileSize),
        },
      ];
    }
    const site = await this.sites.siteFor(uri);
    if (!site) {
      // A Markdown file in no Hugo site: checked with the built-in rules when the settings include it.
      if (!this.included(uri)) return [];
      return checkPage(text, { lang, config: DEFAULT_SITE_CONFIG, shortcodes: { paired: settingsPairedNames(uri) }, addressBook: this.addressBook });
    }
    const ctx = await site.checkContext(uri.path, text, { paired: settingsPairedNames(uri) });
    // Markdown of the site that Hugo does not read as content (a README at the root…): not a page.
    if (ctx.role === 'outside' && !this.included(uri)) return [];
    return checkPage(text, { lang, config: ctx.config, sitePath: ctx.sitePath, shortcodes: ctx.shortcodes, role: ctx.role, addressBook: this.addressBook });
  }

  private dropDeleted(uri: vscode.Uri): void {
    this.siteWide.delete(uri.toString());
    this.forget(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
    this.timers.clear();
    this.cache.clear();
    this.siteWide.clear();
  }
}
