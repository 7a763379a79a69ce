import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { render } from '../../src/cli/render';
import { listPages } from '../support/listPages';
import type { CliIo } from '../../src/cli/io';
import type { KnownDifferenceId } from './knownDifferences';

export const ROOT = join(__dirname, '..', '..');
export const EXAMPLE_SITE = join(ROOT, 'examples', 'guide-site');
export const FIXTURE_SITE = join(ROOT, 'test', 'fixtures', 'parity');

/** Hugo from PATH (scripts/tools.mjs installs Debian's package), or MEDGUIDE_HUGO. */
export function hugoBinary(): string | undefined {
  if (process.env.MEDGUIDE_HUGO) return process.env.MEDGUIDE_HUGO;
  const r = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function hugoVersion(hugo: string): string {
  return spawnSync(hugo, ['version'], { encoding: 'utf8' }).stdout.trim();
}

export interface BuiltSite {
  readonly name: string;
  /** The temporary copy that Hugo built and the preview renders from. */
  readonly dir: string;
  readonly pages: readonly string[];
  readonly baseURL: string;
  /** Hugo's stderr (it must stay empty: no ERROR, no WARN). */
  readonly stderr: string;
  readonly status: number | null;
}

/**
 * Copies a site into a temporary folder (the fixture site gets examples/guide-site's layouts)
 * and builds it: `hugo --source <tmp> --destination <tmp>/public --quiet`.
 */
export function buildSite(hugo: string, name: string, source: string, layoutsFrom?: string): BuiltSite {
  const dir = mkdtempSync(join(tmpdir(), `medguide-parity-${name}-`));
  cpSync(source, dir, {
    recursive: true,
    filter: (p) => !/[\\/](public|resources|\.hugo_build\.lock)$/.test(p),
  });
  if (layoutsFrom) cpSync(join(layoutsFrom, 'layouts'), join(dir, 'layouts'), { recursive: true });
  const r = spawnSync(hugo, ['--source', dir, '--destination', join(dir, 'public'), '--quiet'], { encoding: 'utf8', timeout: 120_000 });
  const config = readFileSync(join(dir, 'hugo.toml'), 'utf8');
  const baseURL = /^baseURL\s*=\s*"([^"]*)"/m.exec(config)?.[1] ?? '/';
  return { name, dir, pages: listPages(join(dir, 'content')), baseURL, stderr: `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, status: r.status };
}

export function removeSite(site: BuiltSite | undefined): void {
  if (site) rmSync(site.dir, { recursive: true, force: true });
}

/** The URL path Hugo gives a content file (no `url`/`slug` keys in these sites): `a/b.md` → `/a/b/`. */
export function pageUrl(contentPath: string): string {
  const p = contentPath.replace(/\.md$/, '').replace(/(^|\/)_?index$/, '');
  return `/${p}${p === '' ? '' : '/'}`.toLowerCase();
}

export function hugoHtml(site: BuiltSite, contentPath: string): string {
  const file = join(site.dir, 'public', ...pageUrl(contentPath).split('/').filter(Boolean), 'index.html');
  if (!existsSync(file)) throw new Error(`Hugo built no ${file} for ${contentPath}`);
  return readFileSync(file, 'utf8');
}

/** The preview's HTML, exactly as `medguide render` prints it (front matter hidden, sections as authored). */
export async function previewHtml(site: BuiltSite, contentPath: string): Promise<string> {
  let out = '';
  let err = '';
  const io: CliIo = {
    cwd: site.dir,
    env: { LANG: 'fr_FR.UTF-8' },
    stdinIsTTY: false,
    readStdin: async () => '',
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  };
  const code = await render(['--lang', 'fr', '--front-matter', 'hide', '--collapse', 'authored', join(site.dir, 'content', contentPath)], io);
  if (code !== 0) throw new Error(`medguide render ${contentPath} exited ${code}: ${err}`);
  return out;
}

function decodeAnchor(anchor: string, used: Map<KnownDifferenceId, number>): string {
  let decoded = anchor;
  try {
    decoded = decodeURIComponent(anchor);
  } catch {
    return anchor;
  }
  if (decoded !== anchor) used.set('percent-encoded-anchors', (used.get('percent-encoded-anchors') ?? 0) + 1);
  return decoded;
}

function split(href: string): [string, string | undefined] {
  const i = href.indexOf('#');
  return i < 0 ? [href, undefined] : [href.slice(0, i), href.slice(i + 1)];
}

function target(path: string, anchor: string | undefined): string {
  return anchor === undefined || anchor === '' ? path : `${path}#${anchor}`;
}

/** Hugo's href (site URL, absolute for `ref`, or `#anchor`) → `content-path#anchor`. */
export function hugoLinkTarget(site: BuiltSite, page: string, used: Map<KnownDifferenceId, number>): (href: string) => string {
  const byUrl = new Map(site.pages.map((p) => [pageUrl(p), p]));
  const base = site.baseURL.replace(/\/$/, '');
  return (href) => {
    let h = href;
    if (base !== '' && h.startsWith(`${base}/`)) h = h.slice(base.length);
    const [path, rawAnchor] = split(h);
    const anchor = rawAnchor === undefined ? undefined : decodeAnchor(rawAnchor, used);
    if (path === '') return target(page, anchor);
    if (!path.startsWith('/')) return href;
    const file = byUrl.get(decodeURI(path).toLowerCase());
    if (file === undefined) return `unknown site URL ${href}`;
    used.set('site-urls-vs-md-paths', (used.get('site-urls-vs-md-paths') ?? 0) + 1);
    return target(file, anchor);
  };
}

/** The preview's href (a `.md` path relative to the page, or `#anchor`) → `content-path#anchor`. */
export function previewLinkTarget(site: BuiltSite, page: string, used: Map<KnownDifferenceId, number>): (href: string) => string {
  const pages = new Set(site.pages);
  return (href) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
    const [path, rawAnchor] = split(href);
    const anchor = rawAnchor === undefined ? undefined : decodeAnchor(rawAnchor, used);
    if (path === '') return target(page, anchor);
    const file = posix.normalize(posix.join(posix.dirname(page), decodeURI(path)));
    if (!pages.has(file)) return `unknown file ${href}`;
    used.set('site-urls-vs-md-paths', (used.get('site-urls-vs-md-paths') ?? 0) + 1);
    return target(file, anchor);
  };
}
