/**
 * Finding a page's site: walk up from the page's folder to the first folder holding
 * `.medguide.toml` or a Hugo configuration file. Pure: file access comes through a callback
 * interface the editor glue (workspace.fs) and the CLI (node:fs) implement.
 */
import type { Lang } from '../l10n';
import { CONFIG_FILE_NAME, parseSiteConfig, type ParsedSiteConfig } from './siteConfig';

export interface ConfigFileAccess {
  exists(path: string): boolean | Promise<boolean>;
  read(path: string): string | Promise<string>;
}

/** Files that mark the root of a Hugo site. */
export const HUGO_CONFIG_FILES: readonly string[] = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];

/** The separator a path uses: `\` for Windows paths without `/`, `/` otherwise. */
function separator(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function joinPath(dir: string, name: string): string {
  const sep = separator(dir);
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

/** The parent folder, or `undefined` at a root (`/`, `C:\`, ``). */
export function parentDir(path: string): string | undefined {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return undefined;
  const parent = trimmed.slice(0, cut);
  if (parent === '') return path.startsWith('/') && trimmed !== '' ? '/' : undefined;
  return /^[A-Za-z]:$/.test(parent) ? parent + separator(path) : parent;
}

/** `file` relative to `root`, with `/` separators; `undefined` when `file` is not under `root`. */
export function relativeTo(root: string, file: string): string | undefined {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');
  const r = norm(root);
  const f = norm(file);
  if (f === r) return '';
  const prefix = r.endsWith('/') ? r : r + '/';
  return f.startsWith(prefix) ? f.slice(prefix.length) : undefined;
}

export interface SiteLocation {
  /** The site's root folder. */
  readonly root: string;
  /** `.medguide.toml` in that folder, if there is one. */
  readonly configPath?: string;
}

/**
 * The nearest folder, from `startDir` up, holding `.medguide.toml` or a Hugo configuration file;
 * `undefined` when none does. A failing `exists` counts as "no".
 */
export async function findSiteRoot(startDir: string, access: ConfigFileAccess): Promise<SiteLocation | undefined> {
  const exists = async (p: string) => {
    try {
      return await access.exists(p);
    } catch {
      return false;
    }
  };
  for (let dir: string | undefined = startDir; dir !== undefined; dir = parentDir(dir)) {
    const configPath = joinPath(dir, CONFIG_FILE_NAME);
    if (await exists(configPath)) return { root: dir, configPath };
    for (const name of HUGO_CONFIG_FILES) if (await exists(joinPath(dir, name))) return { root: dir };
  }
  return undefined;
}

export interface LoadedSiteConfig extends ParsedSiteConfig {
  readonly root: string | undefined;
  readonly configPath: string | undefined;
}

/**
 * Finds and parses the configuration of the site around `startDir`. No site or no
 * `.medguide.toml`: the defaults. An unreadable file: the defaults (the read error is the
 * caller's to report if it wants; it surfaces as `readError`).
 */
export async function loadSiteConfig(
  startDir: string,
  access: ConfigFileAccess,
  lang: Lang = 'fr',
): Promise<LoadedSiteConfig & { readonly readError?: string }> {
  const site = await findSiteRoot(startDir, access);
  if (!site?.configPath) return { ...parseSiteConfig('', lang), root: site?.root, configPath: undefined };
  try {
    const text = await access.read(site.configPath);
    return { ...parseSiteConfig(text, lang), root: site.root, configPath: site.configPath };
  } catch (e) {
    return { ...parseSiteConfig('', lang), root: site.root, configPath: site.configPath, readError: e instanceof Error ? e.message : String(e) };
  }
}
