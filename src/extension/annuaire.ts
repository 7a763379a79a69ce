import * as vscode from 'vscode';
import {
  AnnuaireIndex,
  CancelledError,
  DEFAULT_EXTRACT_URL,
  DownloadError,
  downloadExtract,
  extractAgeInDays,
  extractDateLabel,
  isStaleExtract,
  MSSANTE_ADDRESS_UNKNOWN_CODE,
  NotAnExtractError,
  readExtract,
  ZipError,
  entryDescription,
  entryDetail,
  entryLabel,
  type AnnuaireEntry,
} from '../core/annuaire';
import { ANNUAIRE_MESSAGES } from '../core/annuaire/messages';
import { localize } from '../core/l10n';
import { formatPatientAddress, type AddressFormat } from '../core/nir/address';
import { toRange } from './convert';
import type { PageDiagnostics } from './diagnostics';
import { currentLang, t } from './lang';

/*
 * The Annuaire Santé's extract of MSSanté mailboxes in the editor: loaded from a file (zip or txt)
 * or downloaded, indexed, and the index kept in the extension's global storage (never in the
 * workspace: it names real professionals) through workspace.fs, so it works in VS Code for the Web
 * too. Then "Insert Professional MSSanté Address" searches it as you type, and the pages'
 * professional addresses are checked against it.
 */

export const LOAD_ANNUAIRE = 'medguide.annuaire.load';
export const INSERT_PROFESSIONAL_ADDRESS = 'medguide.insertProfessionalAddress';
const MAX_ITEMS = 50;

/** What the load command answers (the tests read it). */
export interface LoadResult {
  readonly entries: number;
  readonly date: string | null;
  readonly lines: number;
  readonly duplicates: number;
  readonly broken: number;
}

/** Arguments of the insert command: a query to start with; with `uri` and `range`, the chosen address replaces that range (the quick fix). */
export interface InsertArgs {
  readonly query?: string;
  readonly uri?: string;
  readonly range?: readonly [number, number, number, number];
}

class AnnuaireStore {
  private index: AnnuaireIndex | undefined;
  private loading: Promise<AnnuaireIndex | undefined> | undefined;
  staleShown = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly pages: PageDiagnostics,
  ) {}

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.globalStorageUri, 'annuaire', 'index.mgindex');
  }

  /** The index: in memory, or read back from the global storage once. */
  get(): Promise<AnnuaireIndex | undefined> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= this.readSaved();
    return this.loading;
  }

  private async readSaved(): Promise<AnnuaireIndex | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.file);
    } catch {
      return undefined; // never loaded
    }
    try {
      const index = AnnuaireIndex.load(bytes);
      this.use(index);
      return index;
    } catch (e) {
      void vscode.window.showWarningMessage(localize(ANNUAIRE_MESSAGES.indexBroken, currentLang(), { reason: e instanceof Error ? e.message : String(e) }));
      return undefined;
    }
  }

  /** Whether an index was saved (a stat: cheap at activation). */
  async saved(): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(this.file);
      return true;
    } catch {
      return false;
    }
  }

  async save(index: AnnuaireIndex): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.context.globalStorageUri, 'annuaire'));
    await vscode.workspace.fs.writeFile(this.file, index.serialize());
    this.use(index);
  }

  private use(index: AnnuaireIndex): void {
    this.index = index;
    this.loading = Promise.resolve(index);
    this.staleShown = false;
    this.pages.setAddressBook(index);
  }
}

function problemMessage(e: unknown): string {
  const lang = currentLang();
  if (e instanceof NotAnExtractError) {
    return e.problem.kind === 'empty'
      ? localize(ANNUAIRE_MESSAGES.emptyFile, lang)
      : localize(ANNUAIRE_MESSAGES.notExtract, lang, { missing: e.problem.missing.slice(0, 5).join(', ') + (e.problem.missing.length > 5 ? '…' : '') });
  }
  if (e instanceof ZipError) return e.kind === 'no-text' ? localize(ANNUAIRE_MESSAGES.zipWithoutText, lang) : localize(ANNUAIRE_MESSAGES.zipBroken, lang, { reason: e.message });
  if (e instanceof DownloadError) {
    const reason = e.kind === 'status' ? localize(ANNUAIRE_MESSAGES.downloadStatus, lang, { status: e.detail }) : e.kind === 'no-zip' ? localize(ANNUAIRE_MESSAGES.noZipInDataset, lang) : e.detail;
    return localize(ANNUAIRE_MESSAGES.downloadFailed, lang, { reason });
  }
  return e instanceof Error ? e.message : String(e);
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** A person: profession and specialty, then service, organisation, place. An organisation: its service, then its sign, place. */
function entryItem(e: AnnuaireEntry): vscode.QuickPickItem & { address: string } {
  return {
    label: `${e.nom !== '' ? '$(person)' : '$(organization)'} ${entryLabel(e)}`,
    description: entryDescription(e),
    detail: [entryDetail(e), e.address].filter(Boolean).join(' · '),
    alwaysShow: true,
    address: e.address,
  };
}

/**
 * The quick pick: searches the index at every keystroke; VS Code's own filter is off (every item is
 * `alwaysShow`, descriptions and details are not matched), so the index's ranking is what shows.
 */
function pickEntry(index: AnnuaireIndex, initial: string): Promise<string | undefined> {
  const lang = currentLang();
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { address: string }>();
  const date = extractDateLabel(index.meta.date, lang);
  qp.title = t('Annuaire Santé — extract of {0}', date);
  qp.placeholder = t('Name, profession, specialty, organisation, service, town, postal code… e.g. "martin cardio 69"');
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  const update = (value: string) => {
    if (value.trim() === '') {
      qp.items = [];
      qp.title = t('Annuaire Santé — extract of {0}', date);
      return;
    }
    const result = index.search(value, MAX_ITEMS);
    qp.items = result.entries.map(entryItem);
    qp.title =
      result.total > result.entries.length
        ? t('Annuaire Santé — extract of {0} — {1} of {2} matches', date, result.entries.length, result.total)
        : t('Annuaire Santé — extract of {0} — {1} match(es)', date, result.total);
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      qp.hide();
      qp.dispose();
      resolve(value);
    };
    qp.onDidChangeValue(update);
    qp.onDidAccept(() => finish(qp.selectedItems[0]?.address ?? qp.activeItems[0]?.address));
    qp.onDidHide(() => finish(undefined));
    qp.value = initial;
    update(initial);
    qp.show();
  });
}

export function registerAnnuaire(context: vscode.ExtensionContext, pages: PageDiagnostics): void {
  const store = new AnnuaireStore(context, pages);

  /** Suggests a refresh once per session when the extract is more than 30 days old. */
  const warnIfStale = (index: AnnuaireIndex) => {
    if (store.staleShown || !isStaleExtract(index.meta.date)) return;
    const days = extractAgeInDays(index.meta.date)!;
    store.staleShown = true;
    const load = t('Load the Extract…');
    void vscode.window.showInformationMessage(localize(ANNUAIRE_MESSAGES.stale, currentLang(), { date: extractDateLabel(index.meta.date, currentLang()), days }), load).then((choice) => {
      if (choice === load) void vscode.commands.executeCommand(LOAD_ANNUAIRE);
    });
  };

  const load = async (arg?: vscode.Uri | { uri?: string; url?: string }): Promise<LoadResult | undefined> => {
    const url = vscode.workspace.getConfiguration('medguide.annuaire').get<string>('url', DEFAULT_EXTRACT_URL) || DEFAULT_EXTRACT_URL;
    let source: { kind: 'file'; uri: vscode.Uri } | { kind: 'url'; url: string } | undefined;
    if (arg instanceof vscode.Uri) source = { kind: 'file', uri: arg };
    else if (arg && typeof arg === 'object' && typeof arg.uri === 'string') source = { kind: 'file', uri: vscode.Uri.parse(arg.uri) };
    else if (arg && typeof arg === 'object' && typeof arg.url === 'string') source = { kind: 'url', url: arg.url };
    else {
      const fromFile = { label: `$(file-zip) ${t('From a file (zip or txt)…')}`, detail: t('The zip downloaded from the Annuaire Santé or data.gouv.fr, or the .txt inside it.') };
      const fromUrl = { label: `$(cloud-download) ${t('Download it')}`, detail: url };
      const choice = await vscode.window.showQuickPick([fromFile, fromUrl], { title: t('Load the Annuaire Santé extract of MSSanté mailboxes') });
      if (!choice) return undefined;
      if (choice === fromUrl) source = { kind: 'url', url };
      else {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: t('Load'),
          filters: { [t('Annuaire Santé extract')]: ['zip', 'txt'] },
        });
        if (!picked?.[0]) return undefined;
        source = { kind: 'file', uri: picked[0] };
      }
    }
    const chosen = source;
    try {
      const index = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('Annuaire Santé'), cancellable: true },
        async (progress, token) => {
          let bytes: Uint8Array;
          let name: string;
          if (chosen.kind === 'file') {
            progress.report({ message: t('Reading the file…') });
            bytes = await vscode.workspace.fs.readFile(chosen.uri);
            name = chosen.uri.path.replace(/^.*\//, '');
          } else {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            let shown = 0;
            try {
              const got = await downloadExtract(chosen.url, {
                signal: controller.signal,
                onProgress: (received, total) => {
                  const percent = total ? Math.floor((received / total) * 100) : 0;
                  progress.report({
                    message: total ? t('Downloading… {0} of {1} MB', megabytes(received), megabytes(total)) : t('Downloading… {0} MB', megabytes(received)),
                    increment: total ? percent - shown : undefined,
                  });
                  shown = percent;
                },
              });
              bytes = got.bytes;
              name = got.name;
            } finally {
              sub.dispose();
            }
          }
          if (token.isCancellationRequested) throw new CancelledError();
          const index = await readExtract(bytes, {
            name,
            onProgress: (read) => {
              progress.report({ message: t('Indexing… {0} MB read', megabytes(read)) });
              return !token.isCancellationRequested;
            },
          });
          progress.report({ message: t('Saving the index…') });
          await store.save(index);
          return index;
        },
      );
      const lang = currentLang();
      const { report } = index.meta;
      const summary = localize(ANNUAIRE_MESSAGES.summary, lang, {
        date: extractDateLabel(index.meta.date, lang),
        entries: index.size,
        lines: report.lines,
        duplicates: index.meta.duplicates,
        broken: report.broken,
      });
      const insert = t('Insert an Address…');
      void vscode.window.showInformationMessage(summary, insert).then((c) => {
        if (c === insert) void vscode.commands.executeCommand(INSERT_PROFESSIONAL_ADDRESS);
      });
      return { entries: index.size, date: index.meta.date ?? null, lines: report.lines, duplicates: index.meta.duplicates, broken: report.broken };
    } catch (e) {
      if (e instanceof CancelledError || (e instanceof DownloadError && e.kind === 'cancelled')) return undefined;
      void vscode.window.showErrorMessage(problemMessage(e));
      return undefined;
    }
  };

  const insert = async (args?: InsertArgs): Promise<string | undefined> => {
    const target = args?.uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === args.uri) : vscode.window.activeTextEditor;
    const editor = target ?? vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(t('Open a Markdown file to insert a professional MSSanté address.'));
      return undefined;
    }
    const index = await store.get();
    if (!index) {
      const loadIt = t('Load the Extract…');
      const choice = await vscode.window.showInformationMessage(t('No Annuaire Santé extract is loaded yet: load the extract of MSSanté mailboxes first.'), loadIt);
      if (choice === loadIt) await vscode.commands.executeCommand(LOAD_ANNUAIRE);
      return undefined;
    }
    warnIfStale(index);
    const address = await pickEntry(index, args?.query ?? '');
    if (!address) return undefined;
    const document = editor.document;
    if (args?.range) {
      // The quick fix: the stale address is replaced by the chosen one, its Markdown around it kept.
      const [sl, sc, el, ec] = args.range;
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(sl, sc, el, ec), address);
      await vscode.workspace.applyEdit(edit);
      return address;
    }
    const format = vscode.workspace.getConfiguration('medguide.mssante', document.uri).get<AddressFormat>('insertFormat', 'autolink');
    const text = formatPatientAddress(address, format);
    await editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, text);
    });
    return address;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(LOAD_ANNUAIRE, load),
    vscode.commands.registerCommand(INSERT_PROFESSIONAL_ADDRESS, insert),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new UnknownAddressActions(pages), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );

  // A saved index is read in the background after activation, so the pages' addresses get checked.
  const timer = setTimeout(() => {
    void store.saved().then((saved) => {
      if (saved) void store.get();
    });
  }, 1500);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}

/** "Search the Annuaire Santé for …" on an unknown professional address. */
class UnknownAddressActions implements vscode.CodeActionProvider {
  constructor(private readonly pages: PageDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const core = this.pages.cached(document);
    for (const shown of context.diagnostics) {
      if (shown.source !== 'MedGuide' || shown.code !== MSSANTE_ADDRESS_UNKNOWN_CODE) continue;
      const d = core.find((c) => c.code === MSSANTE_ADDRESS_UNKNOWN_CODE && toRange(c.range).isEqual(shown.range));
      const name = typeof d?.data?.name === 'string' && d.data.name !== '' ? d.data.name : document.getText(shown.range).replace(/@.*$/, '').replace(/[._-]+/g, ' ');
      const action = new vscode.CodeAction(t('Search the Annuaire Santé for "{0}"', name), vscode.CodeActionKind.QuickFix);
      action.diagnostics = [shown];
      const r = shown.range;
      const args: InsertArgs = { query: name, uri: document.uri.toString(), range: [r.start.line, r.start.character, r.end.line, r.end.character] };
      action.command = { command: INSERT_PROFESSIONAL_ADDRESS, title: action.title, arguments: [args] };
      out.push(action);
    }
    return out;
  }
}
