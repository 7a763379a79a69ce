/**
 * The Hugo side of the differential test: builds a generated site with Hugo 0.111.3 and reads,
 * for every ref of every page Hugo rendered, what Hugo resolved it to.
 *
 * How a verdict is read (hugolib/page__ref.go, hugolib/site.go refLink/logNotFound,
 * hugolib/pagecollections.go getContentNode in v0.111.3):
 * - The span `<span data-ref="N">…</span>` holds the shortcode's output. A span that is in no
 *   HTML file belongs to a page Hugo did not render (draft, future, expired, bundle resource,
 *   headless, inside a draft section): that ref is not compared.
 * - `refLinksNotFoundURL` (`/__notfound__/`) means not found. refLink logs a REF_NOT_FOUND warning
 *   with the shortcode's position (`"<file>:<line>:<col>"`); its text ends with
 *   `page reference "…" is ambiguous` when the simple-name reverse index held several pages
 *   (getByName), else `page not found`. Other not-found cases log without a position:
 *   `no site found with lang "de"` (lang argument not configured), `output format "json"`
 *   (the target exists but has no such output format).
 * - `args.Path == ""` returns "" without a lookup, and a path with only a fragment (`#part`)
 *   returns `#part` (refURL.Path is empty): both link to the page itself, recorded as `found` with
 *   the page's own file and language.
 * - A found page with no link (a headless bundle: render = never) gives "" (or `#part`). The
 *   generator makes at most one headless bundle per site, so its language tells which page it is.
 * - Otherwise the URL (fragment removed; `ref` gives the absolute permalink) is looked up in the
 *   manifest the home template writes: URL → source file (or section key) and language.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { BASE_URL, NOT_FOUND_URL } from './generate';
import type { GeneratedRef, GeneratedSite, Verdict } from './types';

// Hugo itself is found as the parity suite finds it (MEDGUIDE_HUGO, else PATH).
export { hugoBinary, hugoVersion } from '../parity/site';

/** Writes the site's files into a fresh temporary folder (real path, no symlinks) and returns it. */
export function writeSite(files: Readonly<Record<string, string>>, prefix = 'medguide-diff-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  for (const [path, text] of Object.entries(files)) {
    const abs = join(dir, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

export function removeSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface HugoRun {
  /** Verdicts of the refs Hugo rendered, by ref id. */
  readonly verdicts: ReadonlyMap<number, Verdict>;
  /** Source file (site-relative) → the language Hugo built it in, for every page it built. */
  readonly pageLangs: ReadonlyMap<string, string>;
  /** Every file-backed page of `.Site.AllPages` as `site-relative file [lang]`, sorted. */
  readonly pages: readonly string[];
  /** Things the test should know about but that are not MedGuide's business (generator assumptions Hugo contradicts). */
  readonly notes: readonly string[];
  readonly ms: number;
}

interface ManifestEntry {
  readonly file: string;
  readonly lang: string;
}

/** Builds the site written in `dir` (output and cache inside it); never rejects: the exit code says how it went. */
export function runHugo(hugo: string, dir: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      hugo,
      ['--source', dir, '--destination', join(dir, 'public'), '--noBuildLock', '--cacheDir', join(dir, '.cache')],
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr: stderr + (error && typeof error.code !== 'number' ? String(error) : ''), code });
      },
    );
  });
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(abs));
    else if (e.name.endsWith('.html')) out.push(abs);
  }
  return out;
}

/** HTML character references as Go's html/template writes them in the manifest (`c&#43;&#43;`), read back. */
function unescapeHtml(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[ref.toLowerCase()] ?? _m;
  });
}

function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/** `http://example.org/fr/docs/#part` → `/fr/docs/`. */
function urlPath(output: string): string {
  const noFragment = output.split('#')[0];
  return noFragment.startsWith(BASE_URL) ? `/${noFragment.slice(BASE_URL.length)}` : noFragment;
}

/** Builds the site (already written in `dir`) and reads Hugo's verdicts. */
export async function hugoVerdicts(hugo: string, site: GeneratedSite, dir: string): Promise<HugoRun> {
  const started = Date.now();
  const run = await runHugo(hugo, dir);
  const ms = Date.now() - started;
  const log = `${run.stdout}\n${run.stderr}`;
  if (run.code !== 0 || /^ERROR /m.test(log)) throw new Error(`hugo failed (exit ${run.code}) on ${site.summary}:\n${log}`);

  const spans = new Map<number, string>();
  const byUrl = new Map<string, ManifestEntry>();
  const pageLangs = new Map<string, string>();
  const pages = new Set<string>();
  for (const file of htmlFiles(join(dir, 'public'))) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<span data-ref="(\d+)">([^<]*)<\/span>/g)) {
      const id = Number(m[1]);
      // One page, one output: a page built twice (in two languages) would make its refs ambiguous here.
      if (spans.has(id)) throw new Error(`ref ${id} rendered twice (${spans.get(id)} / ${m[2]}) in ${site.summary}`);
      spans.set(id, unescapeHtml(m[2]));
    }
    const manifest = /<pre id="manifest">([\s\S]*?)<\/pre>/.exec(html)?.[1];
    for (const line of manifest?.split('\n') ?? []) {
      const [what, url, filename, lang, prefix] = line.split('\t').map(unescapeHtml);
      if (what !== 'page') continue;
      // A node with no file (home, root section without _index.md): its section key.
      // Its URL is percent-encoded (`/tags/sant%C3%A9/`); the key is the path as written.
      const key = filename ? relative(dir, filename).split('\\').join('/') : decodePath(url.slice(prefix.length)) || '/';
      const entry = { file: key, lang };
      if (filename) {
        pageLangs.set(key, lang);
        pages.add(`${key} [${lang}]`);
      }
      // A page Hugo writes no file for (`_build.render = "never"`; headless bundles are not listed) has no URL.
      if (url === '') continue;
      const known = byUrl.get(url);
      if (known && (known.file !== entry.file || known.lang !== entry.lang)) {
        throw new Error(`two pages at ${url}: ${known.file} [${known.lang}] and ${entry.file} [${entry.lang}]`);
      }
      byUrl.set(url, entry);
    }
  }

  // REF_NOT_FOUND warnings with a position: "<abs file>:<line>" → message.
  const warnings = new Map<string, string>();
  for (const m of log.matchAll(/REF_NOT_FOUND: Ref "(?:[^"\\]|\\.)*": "(.+?):(\d+):\d+": (.*)$/gm)) {
    warnings.set(`${m[1]}:${m[2]}`, m[3]);
  }

  const notes: string[] = [];
  const verdicts = new Map<number, Verdict>();
  for (const ref of site.refs) {
    const output = spans.get(ref.id);
    if (output === undefined) continue;
    const pageLang = pageLangs.get(ref.page);
    if (pageLang === undefined) throw new Error(`ref ${ref.id} rendered but ${ref.page} is not in the manifest`);
    if (pageLang !== ref.pageLang) notes.push(`${ref.page}: the generator expected language ${ref.pageLang}, Hugo built it in ${pageLang}`);
    verdicts.set(ref.id, verdictOf(ref, output, pageLang, { dir, byUrl, headless: site.headless, warnings }));
  }
  return { verdicts, pageLangs, pages: [...pages].sort(), notes: [...new Set(notes)], ms };
}

function verdictOf(
  ref: GeneratedRef,
  output: string,
  pageLang: string,
  ctx: { dir: string; byUrl: ReadonlyMap<string, ManifestEntry>; headless: readonly ManifestEntry[]; warnings: ReadonlyMap<string, string> },
): Verdict {
  if (output === NOT_FOUND_URL) {
    const message = ctx.warnings.get(`${join(ctx.dir, ref.page)}:${ref.line}`) ?? '';
    return / is ambiguous$/.test(message) ? { kind: 'ambiguous' } : { kind: 'not-found' };
  }
  const pagePart = ref.path.split('#')[0];
  if (pagePart === '') return { kind: 'found', file: ref.page, lang: pageLang };
  const url = urlPath(output);
  if (url === '') {
    const lang = ref.lang ?? pageLang;
    const candidates = ctx.headless.filter((h) => h.lang === lang);
    if (candidates.length !== 1) throw new Error(`ref ${ref.id} "${ref.path}" gave "${output}": ${candidates.length} headless pages in ${lang}`);
    return { kind: 'found', file: candidates[0].file, lang };
  }
  const entry = ctx.byUrl.get(url);
  if (!entry) throw new Error(`ref ${ref.id} "${ref.path}" gave ${output}, which is no page in the manifest`);
  return { kind: 'found', file: entry.file, lang: entry.lang };
}
