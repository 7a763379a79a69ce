// The site's own conventions: inferred from its pages, imported from Front Matter CMS, layered
// under `.medguide.toml`, explained and written out. Pure: receives front matter and file texts.
export { DEFAULT_THRESHOLDS, fitsType, inferRules, type InferencePage, type InferenceThresholds, type InferredRules } from './infer';
export { composeSiteConfig, type RuleLayer } from './compose';
export {
  FRONTMATTER_CONTENT_TYPES_DIR,
  FRONTMATTER_FIELD_GROUPS_DIR,
  FRONTMATTER_JSON,
  UNMAPPED_FIELD_TYPES,
  importFrontMatterCms,
  type CmsFile,
  type CmsImport,
} from './frontmatterCms';
export { explainRules, writeRulesToml, type RuleSources } from './explain';
