/**
 * Precedence of the site's rules, lowest first: the built-in guide dialect, then the rules
 * inferred from the pages, then Front Matter CMS's `frontmatter.json`, then `.medguide.toml`.
 * Each source overrides the one below it key by key (and aspect by aspect: a `.medguide.toml`
 * that closes a vocabulary keeps the inferred type); the site's own conventions (inferred or
 * imported) replace the dialect's list of required keys.
 */
import { applyOverride, DEFAULT_SITE_CONFIG, type KeyOverride, type SectionConfig, type SiteConfig, type TypeConfig } from '../config/siteConfig';
import { DEFAULT_KEY_RULES, type KeyRule } from '../frontmatter/keys';

/** Rules from one source below `.medguide.toml`. */
export interface RuleLayer {
  readonly source: 'frontmatter' | 'inferred';
  readonly keys: ReadonlyMap<string, { readonly name: string; readonly override: KeyOverride }>;
  readonly sections: readonly SectionConfig[];
  readonly types: ReadonlyMap<string, TypeConfig>;
}

function mergeTypes(into: Map<string, Map<string, { name: string; override: KeyOverride }>>, types: ReadonlyMap<string, TypeConfig> | undefined): void {
  for (const [name, t] of types ?? []) {
    let keys = into.get(name);
    if (!keys) into.set(name, (keys = new Map()));
    for (const [lower, entry] of t.keys) {
      const below = keys.get(lower);
      // A higher source's override of the same key, over the lower one's aspects.
      keys.set(lower, below ? { name: entry.name, override: { ...below.override, ...entry.override, origin: entry.override.origin ?? below.override.origin } } : entry);
    }
  }
}

/**
 * The site's rules from its sources: `file` is the parsed `.medguide.toml` (undefined when the
 * site has none), `layers` the imported and inferred rules, lowest first.
 */
export function composeSiteConfig(file: SiteConfig | undefined, layers: readonly RuleLayer[]): SiteConfig {
  if (layers.length === 0) return file ?? DEFAULT_SITE_CONFIG;
  const keys = new Map<string, KeyRule>(DEFAULT_KEY_RULES);
  const sections: SectionConfig[] = [];
  const types = new Map<string, Map<string, { name: string; override: KeyOverride }>>();
  let rebased = false;
  for (const layer of layers) {
    if (!rebased) {
      // The site's own conventions decide which keys a page needs: the dialect's required keys become optional.
      for (const [lower, rule] of keys) {
        if (rule.required) keys.set(lower, applyOverride(rule, rule.name, { required: false, origin: { source: layer.source } }));
      }
      rebased = true;
    }
    for (const [lower, { name, override }] of layer.keys) keys.set(lower, applyOverride(keys.get(lower), name, override));
    sections.push(...layer.sections);
    mergeTypes(types, layer.types);
  }
  if (file) {
    for (const name of file.extraKeys ?? []) {
      if (!keys.has(name.toLowerCase())) keys.set(name.toLowerCase(), applyOverride(undefined, name, {}));
    }
    for (const [lower, { name, override }] of file.keyOverrides ?? []) keys.set(lower, applyOverride(keys.get(lower), name, override));
    sections.push(...file.sections);
    mergeTypes(types, file.types);
  }
  const base = file?.base ?? DEFAULT_SITE_CONFIG.base;
  const out: SiteConfig = {
    ...(file ?? DEFAULT_SITE_CONFIG),
    base: { keys, severity: base.severity, skip: false },
    sections,
    types: new Map([...types].map(([name, k]) => [name, { keys: k }] as const)),
  };
  return out;
}
