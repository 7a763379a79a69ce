import * as vscode from 'vscode';
import {
  GROUP_HINTS,
  GROUP_LABELS,
  HEALTH_GROUPS,
  HealthCache,
  HealthCancelled,
  KIND_LABELS,
  REPORT_LABELS,
  healthDocument,
  siteHealth,
  type HealthGroup,
  type HealthProblem,
  type HealthReport,
  type PageHealth,
} from '../core/health';
import { currentLang, t } from './lang';
import { logFailure } from './log';
import { TreeRefreshGate } from './treeRefresh';
import type { SiteModel } from './siteModel';

export const HEALTH_VIEW = 'medguide.health';
const REFRESH_COMMAND = 'medguide.health.refresh';
const REPORT_COMMAND = 'medguide.health.openReport';
/** Not contributed: the tree as plain data, for the tests (the view's own items, not a copy). */
const TREE_COMMAND = 'medguide.health.tree';
const AVAILABLE_CONTEXT = 'medguide.health.available';
const PAGE_FILES = /\.(?:md|markdown)$/i;

const GROUP_ICONS: Readonly<Record<HealthGroup, string>> = {
  outdated: 'history',
  unfinished: 'edit',
  unpublished: 'eye-closed',
  links: 'link',
  sources: 'book',
  patient: 'shield',
};

/** Today, as the report counts days: noon UTC of the local date (the CLI's `--today`). */
function today(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), 12));
}

interface SiteReport {
  /** A URI of the site (its scheme and authority); a page's URI is this one with the page's path. */
  readonly base: vscode.Uri;
  readonly report: HealthReport;
}

/**
 * The reports of every Hugo site of the workspace, computed in the background and again when pages
 * change (debounced, a run that a newer change makes useless is stopped). While neither the view
 * nor the report is shown, only the out-of-date pages are counted (front matter only, which the
 * site model reads anyway): the status bar's figure, without reading every page's text.
 */
class HealthModel implements vscode.Disposable {
  reports: readonly SiteReport[] = [];
  /** Whether `reports` hold every kind of problem (not only the status bar's count). */
  full = false;
  ready = false;
  private readonly cache = new HealthCache();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A run is scheduled and has not started yet. */
  private pending = false;
  private generation = 0;
  private running: Promise<void> | undefined;
  private wantFull = () => false;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly sites: SiteModel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const onPage = () => this.schedule(1_000);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onPage),
      watcher.onDidChange(onPage),
      watcher.onDidDelete(onPage),
      sites.onDidChange(() => this.schedule(500)),
      // Typing, undo, revert (a revert may come as a flush without listed changes).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (PAGE_FILES.test(e.document.uri.path)) this.schedule(800);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (PAGE_FILES.test(d.uri.path)) this.schedule(300);
      }),
      // A page closed without saving is what is on disk again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (PAGE_FILES.test(d.uri.path)) this.schedule(800);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('medguide.language')) this.schedule(0);
      }),
    );
  }

  /** Who needs every kind of problem (the view is visible, or the report is open). */
  setWantFull(want: () => boolean): void {
    this.wantFull = want;
  }

  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.pending = true;
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  /**
   * Computes the reports now (a run in progress is stopped); resolves when this run is done or
   * superseded. `full`: every kind of problem even if nobody shows them (the tests' tree command).
   */
  refresh(full = false): Promise<void> {
    clearTimeout(this.timer);
    this.pending = false;
    const generation = ++this.generation;
    full ||= this.wantFull();
    const run = (async () => {
      const cancelled = () => generation !== this.generation;
      try {
        const lang = currentLang();
        const day = today();
        const found = await this.sites.allSites();
        const out: SiteReport[] = [];
        for (const { uri, site } of found) {
          if (cancelled()) return;
          try {
            const report = await siteHealth(site, { lang, today: day, cache: this.cache, cancelled, ...(full ? {} : { groups: ['outdated'] as const }) });
            out.push({ base: uri, report });
          } catch (e) {
            if (e instanceof HealthCancelled) return;
            // A site that cannot be read (removed meanwhile…) is left out of this run.
            logFailure('Computing the guide health of a site', e, uri.with({ path: site.root, query: '', fragment: '' }));
          }
        }
        if (cancelled()) return;
        out.sort((a, b) => (a.report.root < b.report.root ? -1 : a.report.root > b.report.root ? 1 : 0));
        if (full) {
          const files = new Set(out.flatMap((r) => r.report.pages.map((p) => p.file)));
          this.cache.prune((f) => files.has(f));
        }
        this.reports = out;
        this.full = full;
        this.ready = true;
        void vscode.commands.executeCommand('setContext', AVAILABLE_CONTEXT, out.length > 0);
        this.changed.fire();
      } catch (e) {
        // Never into the extension host: the next change tries again.
        logFailure('Computing the guide health', e);
      }
    })();
    this.running = run;
    return run;
  }

  /** The scheduled and running runs, finished (a newer one started meanwhile is waited for too). */
  async idle(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      if (this.pending) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const generation = this.generation;
      await this.running;
      if (!this.pending && generation === this.generation) return;
    }
  }

  outOfDate(): number {
    return this.reports.reduce((n, r) => n + r.report.totals.outdated, 0);
  }

  /** The URI of a page of the reports, or undefined for a file no report lists (the webview asks). */
  uriOf(file: string): vscode.Uri | undefined {
    for (const r of this.reports) if (r.report.pages.some((p) => p.file === file)) return r.base.with({ path: file, query: '', fragment: '' });
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    for (const d of this.disposables) d.dispose();
  }
}

type Node =
  | { readonly kind: 'site'; readonly site: SiteReport }
  | { readonly kind: 'group'; readonly site: SiteReport; readonly group: HealthGroup; readonly pages: readonly PageHealth[] }
  | { readonly kind: 'section'; readonly site: SiteReport; readonly group: HealthGroup; readonly section: string; readonly pages: readonly PageHealth[] }
  | { readonly kind: 'page'; readonly site: SiteReport; readonly group: HealthGroup; readonly page: PageHealth; readonly problems: readonly HealthProblem[] }
  | { readonly kind: 'problem'; readonly site: SiteReport; readonly page: PageHealth; readonly problem: HealthProblem }
  | { readonly kind: 'none'; readonly site: SiteReport };

function openCommand(site: SiteReport, page: PageHealth, line: number, column: number): vscode.Command {
  const uri = site.base.with({ path: page.file, query: '', fragment: '' });
  const at = new vscode.Range(line, column, line, column);
  return { command: 'vscode.open', title: t('Open the page'), arguments: [uri, { selection: at, preview: true } satisfies vscode.TextDocumentShowOptions] };
}

function siteName(r: HealthReport): string {
  return r.title ?? r.root.split('/').pop() ?? r.root;
}

/** What a page item says beside its title in a group: the dates for "out of date", the kinds of problem otherwise. */
function pageDescription(node: Extract<Node, { kind: 'page' }>): string {
  const { page, group } = node;
  if (group === 'outdated') {
    const parts: string[] = [];
    if (page.sourcesYear !== undefined) parts.push(t(REPORT_LABELS.sourcesYear, { year: page.sourcesYear }));
    parts.push(page.lastmod !== undefined ? t(REPORT_LABELS.updatedOn, { date: page.lastmod }) : t(KIND_LABELS.undated));
    return parts.join(' · ');
  }
  return [...new Set(node.problems.map((p) => t(KIND_LABELS[p.kind])))].join(', ');
}

/** A node's item id: stable through refreshes, so VS Code keeps what the user opened and closed. */
function nodeId(node: Node): string {
  const root = node.site.report.root;
  switch (node.kind) {
    case 'site':
      return `site|${root}`;
    case 'group':
      return `group|${root}|${node.group}`;
    case 'section':
      return `section|${root}|${node.group}|${node.section}`;
    case 'page':
      return `page|${root}|${node.group}|${node.page.lang}|${node.page.file}`;
    case 'problem':
      return `problem|${root}|${node.page.lang}|${node.page.file}|${node.problem.kind}|${node.problem.line}|${node.problem.column}`;
    default:
      return `none|${root}`;
  }
}

/** How a node's item first shows: sites, "out of date" and sections open, the other groups and pages with several problems closed. */
function collapsibleState(node: Node): vscode.TreeItemCollapsibleState {
  switch (node.kind) {
    case 'site':
    case 'section':
      return vscode.TreeItemCollapsibleState.Expanded;
    case 'group':
      return node.group === 'outdated' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    case 'page':
      return node.problems.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    default:
      return vscode.TreeItemCollapsibleState.None;
  }
}

/** What the view shows: the reports as they were at the last refresh (the view's items stay the same objects until the next). */
interface Shown {
  readonly full: boolean;
  readonly reports: readonly SiteReport[];
}

class HealthTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private shown: Shown = { full: false, reports: [] };
  /** The children of each item of `shown` (undefined: the root), made once. */
  private children = new Map<Node | undefined, Node[]>();
  /** What the tree looked like at the last refresh (labels, descriptions, tooltips, commands): an unchanged tree is not refreshed. */
  private signature = '';
  /** Items the user opened or closed (by id): VS Code keeps them so through refreshes. */
  private readonly expandedByUser = new Map<string, boolean>();
  private view: vscode.TreeView<Node> | undefined;
  private readonly gate: TreeRefreshGate;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly model: HealthModel) {
    this.gate = new TreeRefreshGate({ refresh: () => this.refresh(), visible: () => this.view?.visible ?? false });
    this.disposables.push(model.onDidChange(() => this.gate.changed()));
  }

  /** The view that shows this tree: its items opened and closed by the user. */
  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.disposables.push(
      view.onDidExpandElement((e) => this.expandedByUser.set(nodeId(e.element), true)),
      view.onDidCollapseElement((e) => this.expandedByUser.set(nodeId(e.element), false)),
    );
  }

  dispose(): void {
    this.gate.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Shows a message above the tree (or none); only a new one is sent, and the next refresh keeps its distance from it. */
  showMessage(message: string | undefined): void {
    if (!this.view || this.view.message === message) return;
    this.view.message = message;
    this.gate.sent();
  }

  /** The tree as the view shows it once no change is held back (for the tests' command). */
  async current(): Promise<PlainItem[]> {
    await this.gate.settled();
    return plain(this, undefined);
  }

  /** Takes the model's reports if they change what the view shows; says whether the view was told. */
  private refresh(): boolean {
    const next: Shown = { full: this.model.full, reports: this.model.reports };
    const before = { shown: this.shown, children: this.children };
    this.shown = next;
    this.children = new Map();
    const signature = `${currentLang()}\n${JSON.stringify(plain(this, undefined, true))}`;
    if (signature === this.signature) {
      // Same items: keep the objects the view holds.
      this.shown = before.shown;
      this.children = before.children;
      return false;
    }
    this.signature = signature;
    this.changed.fire(undefined);
    return true;
  }

  getChildren(node?: Node): Node[] {
    const children = this.childrenOf(node);
    const open: string[] = [];
    for (const child of children) {
      const id = nodeId(child);
      if (this.expandedByUser.get(id) ?? collapsibleState(child) === vscode.TreeItemCollapsibleState.Expanded) open.push(id);
    }
    this.gate.asked(node ? nodeId(node) : undefined, open);
    return children;
  }

  /** The children of an item of the shown tree, without telling the gate (the tests and the signature walk it too). */
  childrenOf(node?: Node): Node[] {
    let children = this.children.get(node);
    if (!children) {
      children = this.build(node);
      this.children.set(node, children);
    }
    return children;
  }

  private build(node?: Node): Node[] {
    if (!node) {
      if (!this.shown.full) return [];
      const sites = this.shown.reports;
      if (sites.length === 1) return this.groups(sites[0]);
      return sites.map((site) => ({ kind: 'site', site }));
    }
    switch (node.kind) {
      case 'site':
        return this.groups(node.site);
      case 'group': {
        const sections: string[] = [];
        for (const p of node.pages) if (!sections.includes(p.section)) sections.push(p.section);
        return sections.map((section) => ({ kind: 'section', site: node.site, group: node.group, section, pages: node.pages.filter((p) => p.section === section) }));
      }
      case 'section':
        return node.pages.map((page) => ({ kind: 'page', site: node.site, group: node.group, page, problems: page.problems.filter((p) => p.group === node.group) }));
      case 'page':
        return node.problems.length > 1 ? node.problems.map((problem) => ({ kind: 'problem', site: node.site, page: node.page, problem })) : [];
      default:
        return [];
    }
  }

  private groups(site: SiteReport): Node[] {
    const out: Node[] = [];
    for (const group of HEALTH_GROUPS) {
      const pages = site.report.pages.filter((p) => p.problems.some((x) => x.group === group));
      if (pages.length > 0) out.push({ kind: 'group', site, group, pages });
    }
    return out.length > 0 ? out : [{ kind: 'none', site }];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'site': {
        const item = new vscode.TreeItem(siteName(node.site.report), collapsibleState(node));
        item.id = nodeId(node);
        item.description = t(REPORT_LABELS.pageCount, { n: node.site.report.totals.pages });
        item.tooltip = node.site.report.root;
        item.iconPath = new vscode.ThemeIcon('globe');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(t(GROUP_LABELS[node.group]), collapsibleState(node));
        item.id = nodeId(node);
        item.description = String(node.pages.length);
        item.tooltip = t(GROUP_HINTS[node.group]);
        item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[node.group]);
        item.contextValue = `medguide.health.group.${node.group}`;
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.section === '' ? t(REPORT_LABELS.root) : node.section, collapsibleState(node));
        item.id = nodeId(node);
        item.description = String(node.pages.length);
        item.iconPath = new vscode.ThemeIcon('folder');
        return item;
      }
      case 'page': {
        const first = node.problems[0];
        const item = new vscode.TreeItem(node.page.title, collapsibleState(node));
        item.id = nodeId(node);
        item.description = pageDescription(node);
        const tooltip = new vscode.MarkdownString(undefined, true);
        tooltip.appendText(node.page.title).appendMarkdown('  \n').appendText(node.page.sitePath);
        for (const p of node.problems) tooltip.appendMarkdown('\n\n').appendText(`${t(REPORT_LABELS.line, { line: p.line + 1 })} — ${p.message}`);
        item.tooltip = tooltip;
        item.resourceUri = node.site.base.with({ path: node.page.file, query: '', fragment: '' });
        item.command = openCommand(node.site, node.page, first?.line ?? 0, first?.column ?? 0);
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(t(KIND_LABELS[node.problem.kind]), collapsibleState(node));
        item.id = nodeId(node);
        item.description = t(REPORT_LABELS.line, { line: node.problem.line + 1 });
        item.tooltip = node.problem.message;
        item.iconPath = new vscode.ThemeIcon('circle-small');
        item.command = openCommand(node.site, node.page, node.problem.line, node.problem.column);
        return item;
      }
      default: {
        const item = new vscode.TreeItem(t(REPORT_LABELS.none), collapsibleState(node));
        item.id = nodeId(node);
        item.iconPath = new vscode.ThemeIcon('pass');
        return item;
      }
    }
  }

  getParent(): undefined {
    return undefined;
  }
}

/** What a tree item looks like, for the tests: its label, description, the command a click runs. */
interface PlainItem {
  readonly label: string;
  readonly description?: string;
  readonly command?: vscode.Command;
  readonly children: readonly PlainItem[];
}

/** The shown tree as plain data; `all`: with what else the view shows of an item (the signature of a refresh). */
function plain(tree: HealthTree, node: Node | undefined, all = false): PlainItem[] {
  return tree.childrenOf(node).map((child) => {
    const item = tree.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
    return {
      label,
      ...(typeof item.description === 'string' ? { description: item.description } : {}),
      ...(item.command ? { command: item.command } : {}),
      ...(all ? { id: item.id, tooltip, icon, state: item.collapsibleState, contextValue: item.contextValue } : {}),
      children: plain(tree, child, all),
    };
  });
}

/** The "Guide health" webview: the report's chart and tables, in VS Code's theme; a page link opens the page at its line. */
class HealthPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly model: HealthModel) {
    this.disposables.push(model.onDidChange(() => this.render()));
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('medguide.healthReport', t('Guide Health'), vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [],
    });
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => this.open(m), undefined, this.disposables);
    this.render();
    if (!this.model.full) await this.model.refresh(true);
  }

  private render(): void {
    if (!this.panel) return;
    const nonce = nonceValue();
    const reports = this.model.full ? this.model.reports.map((r) => r.report) : [];
    this.panel.webview.html = healthDocument(reports, { lang: currentLang(), mode: 'webview', nonce });
  }

  /** A click on a page link: only files of the report are opened. */
  private async open(message: unknown): Promise<void> {
    if (!message || typeof message !== 'object') return;
    const m = message as { type?: unknown; file?: unknown; line?: unknown; column?: unknown };
    if (m.type !== 'open' || typeof m.file !== 'string') return;
    const uri = this.model.uriOf(m.file);
    if (!uri) return;
    const line = Number.isInteger(m.line) && (m.line as number) >= 0 ? (m.line as number) : 0;
    const column = Number.isInteger(m.column) && (m.column as number) >= 0 ? (m.column as number) : 0;
    const at = new vscode.Range(line, column, line, column);
    await vscode.window.showTextDocument(uri, { selection: at, viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function nonceValue(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * "Guide health": a tree in the Explorer (problems by kind, then section, pages oldest first, each
 * opening the page at its line), a status bar item with the count of out-of-date pages, and the
 * report with its freshness chart in a webview. Kept current as pages change.
 */
export function registerHealth(context: vscode.ExtensionContext, sites: SiteModel): void {
  const model = new HealthModel(sites);
  const tree = new HealthTree(model);
  const view = vscode.window.createTreeView(HEALTH_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const panel = new HealthPanel(model);
  model.setWantFull(() => view.visible || panel.isOpen);

  const status = vscode.window.createStatusBarItem('medguide.health.status', vscode.StatusBarAlignment.Left, 10);
  status.name = t('MedGuide: Guide Health');
  status.command = `${HEALTH_VIEW}.focus`;

  const update = () => {
    const count = model.outOfDate();
    const any = model.reports.length > 0;
    tree.showMessage(!model.ready || (any && !model.full) ? t('Reading the site…') : !any ? t('No Hugo site in this workspace.') : undefined);
    if (!any) {
      status.hide();
      return;
    }
    status.text = `$(${count > 0 ? 'history' : 'pass'}) ${t('{0} out of date', count)}`;
    status.tooltip = count > 0 ? t('Guide health: {0} page(s) out of date. Show them.', count) : t('Guide health: no page out of date.');
    status.show();
  };

  context.subscriptions.push(
    model,
    tree,
    view,
    panel,
    status,
    model.onDidChange(update),
    view.onDidChangeVisibility((e) => {
      if (e.visible && !model.full) void model.refresh();
    }),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => model.refresh(true)),
    vscode.commands.registerCommand(REPORT_COMMAND, () => panel.show()),
    vscode.commands.registerCommand(TREE_COMMAND, async (): Promise<{ status: string | undefined; items: PlainItem[] }> => {
      await model.idle();
      if (!model.full) await model.refresh(true);
      return { status: model.reports.length > 0 ? status.text : undefined, items: await tree.current() };
    }),
  );
  update();
  // The first count a little after start-up, so activation stays short.
  model.schedule(1_500);
}
