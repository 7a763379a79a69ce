// Site configuration (`.medguide.toml`): pure, receives file text, never reads files.
export {
  CONFIG_FILE_NAME,
  DEFAULT_SITE_CONFIG,
  applyOverride,
  parseSiteConfig,
  type KeyOverride,
  type ParsedSiteConfig,
  type SectionConfig,
  type SiteConfig,
  type HealthConfig,
  type SectionHealthConfig,
} from './siteConfig';
export { resolvePageRules } from './resolve';
export { compileGlob, isValidGlob, matchesAny, normalizeRelativePath, type GlobMatcher } from './glob';
export { CONFIG_MESSAGES, CONFIG_SEVERITY, type ConfigCode } from './messages';
