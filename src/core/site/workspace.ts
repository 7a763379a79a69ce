/**
 * The sites of a workspace (or of a CLI run): which site a file belongs to, one `HugoSite` per
 * root, kept current by the host's change events.
 *
 * The site root rule, the only one in MedGuide: walking up from a file's folder, the first folder
 * that Hugo would build as a site (a `hugo.*`/`config.*` file, or `config/_default/`) is the root,
 * and its `.medguide.toml` holds the site's rules. With no Hugo configuration above the file, the
 * nearest folder with a `.medguide.toml`, else the folder holding the `content/` folder the file
 * is in, is the root, read with Hugo's defaults (a site whose configuration is not in the
 * workspace).
 */
import type { Lang } from '../l10n';
import { CONFIG_FILE_NAME } from '../config/siteConfig';
import { dirname, join, relative, type SiteChange, type SiteHost } from './host';
import { isHugoConfigName, isHugoSiteRoot } from './hugoConfig';
import { HugoSite } from './site';

export interface SiteWorkspaceOptions {
  readonly lang?: Lang;
  readonly now?: () => Date;
  readonly environment?: string;
}

export class SiteWorkspace {
  private readonly roots = new Map<string, Promise<string | undefined>>();
  private readonly sites = new Map<string, Promise<HugoSite>>();

  constructor(
    readonly host: SiteHost,
    private options: SiteWorkspaceOptions = {},
  ) {}

  /** Messages (config problems) in another language from now on: sites are opened again. */
  setLang(lang: Lang): void {
    if (this.options.lang === lang) return;
    this.options = { ...this.options, lang };
    this.sites.clear();
  }

  /** The root of the site `file` (a page, or any file) belongs to; cached per folder. */
  rootFor(file: string): Promise<string | undefined> {
    const start = dirname(file);
    if (start === undefined) return Promise.resolve(undefined);
    let p = this.roots.get(start);
    if (!p) {
      p = (async () => {
        let withRules: string | undefined;
        let withContent: string | undefined;
        let child: string | undefined;
        for (let dir: string | undefined = start; dir !== undefined; child = dir, dir = dirname(dir)) {
          if (await isHugoSiteRoot(this.host, dir)) return dir;
          if (withRules === undefined && (await this.host.stat(join(dir, CONFIG_FILE_NAME)))) withRules = dir;
          if (withContent === undefined && child !== undefined && child === join(dir, 'content')) withContent = dir;
        }
        return withRules ?? withContent;
      })();
      this.roots.set(start, p);
    }
    return p;
  }

  /** The site at `root`, opened once. */
  siteAt(root: string): Promise<HugoSite> {
    let s = this.sites.get(root);
    if (!s) {
      s = HugoSite.open(this.host, root, this.options);
      this.sites.set(root, s);
    }
    return s;
  }

  async siteFor(file: string): Promise<HugoSite | undefined> {
    const root = await this.rootFor(file);
    return root === undefined ? undefined : this.siteAt(root);
  }

  /** Every site opened so far. */
  async openSites(): Promise<HugoSite[]> {
    return Promise.all(this.sites.values());
  }

  /**
   * A file was created, changed or deleted. A Hugo configuration file (or a folder that may hold
   * one) changes which folders are roots; a site's own files change what it knows.
   */
  async applyChange(change: SiteChange): Promise<void> {
    const name = change.path.slice(change.path.lastIndexOf('/') + 1);
    const isConfig = isHugoConfigName(name) || name === CONFIG_FILE_NAME || /\/config(\/|$)/.test(change.path) || name === 'config' || name === '_default';
    if (change.kind !== 'changed' && (isConfig || change.kind === 'deleted')) {
      // Roots may move: forget them (cheap to find again).
      this.roots.clear();
    }
    for (const [root, p] of [...this.sites]) {
      if (change.path !== root && relative(root, change.path) === undefined && relative(change.path, root) === undefined) continue;
      if (relative(change.path, root) !== undefined && change.kind === 'deleted') {
        this.sites.delete(root);
        continue;
      }
      const site = await p;
      if (site.applyChange(change) === 'reload') this.sites.delete(root);
    }
  }

  /** Unsaved text of an open file changed. */
  async forget(file: string): Promise<void> {
    for (const p of this.sites.values()) {
      const site = await p;
      if (relative(site.root, file) !== undefined) site.forget(file);
    }
  }
}
