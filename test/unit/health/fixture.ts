import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SiteWorkspace, type HugoSite } from '../../../src/core/site';
import type { SiteHost } from '../../../src/core/site/host';
import { memoryHost } from '../site/memoryHost';

/** The fixture site of the guide health report, also opened by the VS Code tests (test/fixtures/workspace/sites/sante). */
export const FIXTURE_DIR = resolve(__dirname, '../../fixtures/workspace/sites/sante');

/** The fixture's files under `/sante`, as a memoryHost map; `extra` adds or replaces files. */
export function fixtureFiles(extra: Record<string, string> = {}): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}/${name}`);
      else files[`/sante${rel}/${name}`] = readFileSync(p, 'utf8');
    }
  };
  walk(FIXTURE_DIR, '');
  return { ...files, ...extra };
}

export const TODAY = new Date('2026-06-01T12:00:00Z');

export async function openSite(files: Record<string, string>, options: { today?: Date; lang?: 'fr' | 'en'; host?: SiteHost } = {}): Promise<HugoSite> {
  const today = options.today ?? TODAY;
  const ws = new SiteWorkspace(options.host ?? memoryHost(files), { lang: options.lang ?? 'fr', now: () => today });
  const site = await ws.siteFor(Object.keys(files).find((f) => f.includes('/content/'))!);
  if (!site) throw new Error('no site');
  return site;
}
