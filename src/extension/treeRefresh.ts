/**
 * When a tree view may be told "everything changed" without VS Code logging errors.
 *
 * A refresh of a tree's root makes the extension host forget every item it handed out (their
 * handles), then VS Code asks again for the root and, one level after the other, for the children
 * of every expanded item. A request for the children of an item sent before such a refresh and
 * answered after it names a forgotten handle: the extension host logs "No tree item with id … found"
 * as an error and answers nothing (VS Code's maintainers advise extensions to wait until the tree
 * has finished refreshing; issue 192055). On a busy machine (a guide-health run in the extension
 * host, every page edit a change) that happens often.
 *
 * This gate holds a change back while VS Code is still walking down the tree after the previous
 * refresh or after showing the view: it knows which items are expanded (open by default, or as the
 * user left them), so which requests are still to come. It lets the change through when none is, or
 * when VS Code has asked nothing for `settleMs` (a request it will never send must not hold the view
 * back for ever).
 *
 * It also keeps `minIntervalMs` between two things sent to the view (a refresh, a new message). The
 * extension host passes the first event of a quiet spell on at once but holds the next ones of the
 * following 200 ms back until that spell ends (a debounce): a refresh held back like that forgets the
 * items when VS Code may have started walking the tree meanwhile (the view shown again), which is the
 * error above. Sent at once, it forgets them before any request VS Code sends afterwards.
 * No vscode import: tested in plain Node.
 */
export interface TreeRefreshGateOptions {
  /** Makes the change visible if there is one (swaps the shown data, fires the tree's event); says whether it fired. */
  readonly refresh: () => boolean;
  /** Whether VS Code shows the view now (a hidden view asks nothing until it is shown again, and then from its root). */
  readonly visible: () => boolean;
  readonly settleMs?: number;
  /** The least time between two things sent to the view (more than the extension host's debounce of 200 ms). */
  readonly minIntervalMs?: number;
  readonly now?: () => number;
  readonly setTimer?: (f: () => void, ms: number) => unknown;
  readonly clearTimer?: (t: unknown) => void;
}

/** The key of the root in the set of requests still to come. */
const ROOT = '';

export class TreeRefreshGate {
  /** Ids of expanded items whose children VS Code has not asked for since the last refresh ('' for the root). */
  private readonly awaiting = new Set<string>();
  private lastAsked = Number.NEGATIVE_INFINITY;
  private lastSent = Number.NEGATIVE_INFINITY;
  private dirty = false;
  private timer: unknown;
  private waiters: (() => void)[] = [];
  private disposed = false;
  private readonly settleMs: number;
  private readonly minIntervalMs: number;
  private readonly now: () => number;
  private readonly setTimer: (f: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;

  constructor(private readonly options: TreeRefreshGateOptions) {
    this.settleMs = options.settleMs ?? 3_000;
    this.minIntervalMs = options.minIntervalMs ?? 300;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((f, ms) => setTimeout(f, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  /** The data changed: show it as soon as VS Code is not walking the tree any more. */
  changed(): void {
    if (this.disposed) return;
    this.dirty = true;
    this.flush();
  }

  /**
   * VS Code asked for the children of `parent` (undefined: the root); `expanded` are the ids of
   * those children it will ask for next (the open ones).
   */
  asked(parent: string | undefined, expanded: readonly string[]): void {
    this.lastAsked = this.now();
    // Asking for the root starts a new walk: whatever was expected from an earlier one will not come.
    if (parent === undefined) this.awaiting.clear();
    else this.awaiting.delete(parent);
    for (const id of expanded) this.awaiting.add(id);
    if (this.dirty && this.awaiting.size === 0) this.later(0);
  }

  /** Something else went to the view (its message): the next refresh keeps its distance from it too. */
  sent(): void {
    this.lastSent = this.now();
  }

  /** Resolves once no change is held back (at most `settleMs` after the last request of VS Code). */
  settled(): Promise<void> {
    if (!this.dirty || this.disposed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  dispose(): void {
    this.disposed = true;
    this.dirty = false;
    this.clearTimer(this.timer);
    this.release();
  }

  private later(ms: number): void {
    this.clearTimer(this.timer);
    this.timer = this.setTimer(() => this.flush(), ms);
  }

  private flush(): void {
    this.clearTimer(this.timer);
    this.timer = undefined;
    if (!this.dirty || this.disposed) return;
    if (this.awaiting.size > 0) {
      const quiet = this.now() - this.lastAsked;
      if (quiet < this.settleMs) {
        this.later(this.settleMs - quiet);
        return;
      }
      this.awaiting.clear();
    }
    const since = this.now() - this.lastSent;
    if (since < this.minIntervalMs) {
      this.later(this.minIntervalMs - since);
      return;
    }
    this.dirty = false;
    if (this.options.refresh()) {
      this.lastSent = this.now();
      // The refresh makes VS Code ask for the root (when it shows the view); until then, hold on.
      if (this.options.visible()) {
        this.awaiting.add(ROOT);
        this.lastAsked = this.now();
      }
    }
    this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
