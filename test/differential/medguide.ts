/**
 * The MedGuide side of the differential test, behind one function: `medguideVerdicts`.
 *
 * Two resolvers, chosen by MEDGUIDE_DIFF_RESOLVER:
 * - `model` (the default): the site model, src/core/site (`openHugoSite(host, siteDir)` then
 *   `site.resolveRef(absolutePageFile, { path, lang, outputFormat })`), what MedGuide runs.
 * - `old`: src/core/relref/resolve.ts (the plain content-list lookup) over the content files read
 *   with node:fs. It knows no languages, no build state (drafts…), no bundle resources: the
 *   "before" figure (MEDGUIDE_DIFF_RESOLVER=old).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NodeHost } from '../../src/cli/nodeHost';
import { buildPageIndex, resolveRef } from '../../src/core/relref/resolve';
import { openHugoSite, type HugoSite, type RefVerdict } from '../../src/core/site';
import type { GeneratedRef, Verdict } from './types';

export type Resolver = 'old' | 'model';

export const RESOLVER: Resolver = process.env.MEDGUIDE_DIFF_RESOLVER === 'old' ? 'old' : 'model';

/**
 * MedGuide's verdict for each ref of the site written in `siteDir` (absolute, `/` separators), in
 * order; with the site model, also the pages it says Hugo builds (see {@link builtPages}), from the
 * same opening of the site.
 */
export async function medguideVerdicts(siteDir: string, refs: readonly GeneratedRef[], resolver: Resolver = RESOLVER): Promise<{ verdicts: Verdict[]; pages?: string[] }> {
  if (resolver === 'old') return { verdicts: oldVerdicts(siteDir, refs) };
  const site = await openHugoSite(new NodeHost(), siteDir);
  return { verdicts: await modelVerdicts(site, siteDir, refs), pages: await builtPages(site, siteDir) };
}

async function modelVerdicts(site: HugoSite, siteDir: string, refs: readonly GeneratedRef[]): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const ref of refs) {
    const args = { path: ref.path, ...(ref.lang !== undefined ? { lang: ref.lang } : {}), ...(ref.outputFormat !== undefined ? { outputFormat: ref.outputFormat } : {}) };
    out.push(fromModel(siteDir, await site.resolveRef(`${siteDir}/${ref.page}`, args)));
  }
  return out;
}

/**
 * The pages the site model says Hugo builds and lists, as `site-relative file [lang]`, sorted: every
 * file-backed node of every language's page map but headless bundles (Hugo builds them, and lists
 * them in no collection, `.Site.AllPages` included).
 */
async function builtPages(site: HugoSite, siteDir: string): Promise<string[]> {
  const out: string[] = [];
  for (const [lang, map] of await site.pageMaps()) {
    for (const node of map.byFile.values()) {
      const file = node.file!.file;
      if ((await site.frontMatter(file))?.headless) continue;
      out.push(`${file.startsWith(`${siteDir}/`) ? file.slice(siteDir.length + 1) : file} [${lang}]`);
    }
  }
  return out.sort();
}

/** The model's answer as a Verdict: site-relative file, or for a node with no file its section key (`/`, `/docs/`). */
export function fromModel(siteDir: string, r: RefVerdict): Verdict {
  if (r.kind !== 'found') return { kind: r.kind };
  if (r.file !== undefined) return { kind: 'found', file: r.file.startsWith(`${siteDir}/`) ? r.file.slice(siteDir.length + 1) : r.file, lang: r.lang };
  const key = `/${r.path.replace(/^\/+/, '')}`;
  return { kind: 'found', file: key.endsWith('/') ? key : `${key}/`, lang: r.lang };
}

function oldVerdicts(siteDir: string, refs: readonly GeneratedRef[]): Verdict[] {
  const index = buildPageIndex(contentFiles(join(siteDir, 'content')));
  return refs.map((ref): Verdict => {
    const r = resolveRef(index, ref.page.replace(/^content\//, ''), ref.path);
    if (r.kind !== 'found') return { kind: r.kind };
    // No languages in the old resolver: the language asked for, else the page's own.
    const self = ref.path.split('#')[0] === '';
    return { kind: 'found', file: `content/${r.path}`, lang: self ? ref.pageLang : (ref.lang ?? ref.pageLang) };
  });
}

/** Content files below `root`, relative to it with `/`. */
function contentFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, prefix), { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...contentFiles(root, rel));
    else if (/\.(md|markdown)$/i.test(e.name)) out.push(rel);
  }
  return out;
}
