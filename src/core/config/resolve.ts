import type { ConfiguredSeverity, PageRules } from '../frontmatter/rules';
import type { KeyRule } from '../frontmatter/keys';
import { matchesAny, normalizeRelativePath } from './glob';
import { applyOverride, type SiteConfig } from './siteConfig';

/**
 * Rules per combination of sections, so pages of one section share one rules object and
 * therefore one compiled schema.
 */
const cache = new WeakMap<SiteConfig, Map<string, PageRules>>();

/**
 * The rules for one page (path relative to the site root, `content/…/page.md`): the site's base
 * rules, then every matching `[[sections]]` entry in file order (a later section wins), then the
 * rules of its content type (`contentType`, the page's `type` key, `[types.NAME]`), and `skip`
 * when the page matches a `skip` glob.
 */
export function resolvePageRules(config: SiteConfig, pagePath: string, contentType?: string): PageRules {
  // No `skip`, no section and no content type (most sites, every page): the base rules, without
  // normalizing the page's path (a check asks twice per page).
  if (config.skipMatchers.length === 0 && config.sections.length === 0 && contentType === undefined) return config.base;
  const path = normalizeRelativePath(pagePath);
  const type = contentType !== undefined ? config.types?.get(contentType) : undefined;
  const skip = matchesAny(config.skipMatchers, path);
  const matching: number[] = [];
  config.sections.forEach((s, i) => {
    if (matchesAny(s.matchers, path)) matching.push(i);
  });
  if (matching.length === 0 && !skip && !type) return config.base;
  const cacheKey = `${skip ? 'skip' : ''}|${matching.join(',')}${type ? `|type:${contentType}` : ''}`;
  let perConfig = cache.get(config);
  if (!perConfig) cache.set(config, (perConfig = new Map()));
  const cached = perConfig.get(cacheKey);
  if (cached) return cached;
  let keys: ReadonlyMap<string, KeyRule> = config.base.keys;
  let severity: ReadonlyMap<string, ConfiguredSeverity> = config.base.severity;
  if (matching.length > 0 || type) {
    const k = new Map(config.base.keys);
    const s = new Map(config.base.severity);
    for (const i of matching) {
      const section = config.sections[i];
      for (const [lower, { name, override }] of section.keys) k.set(lower, applyOverride(k.get(lower), name, override));
      for (const [code, sev] of section.severity) s.set(code, sev);
    }
    // The page's content type (its `type` key) last: Front Matter CMS selects a page's fields by it.
    if (type) for (const [lower, { name, override }] of type.keys) k.set(lower, applyOverride(k.get(lower), name, override));
    keys = k;
    severity = s;
  }
  const rules: PageRules = { keys, severity, skip };
  perConfig.set(cacheKey, rules);
  return rules;
}
