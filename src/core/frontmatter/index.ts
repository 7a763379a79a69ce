// The front matter engine: pure, no I/O. The editor glue and the CLI use only what is exported here.
export { validatePage, type ValidateOptions } from './validate';
export { DEFAULT_SEVERITY, MESSAGES, type FrontMatterCode } from './messages';
export { locateFrontMatter, type FrontMatterFormat, type FrontMatterLocation } from './locate';
export {
  locateToml,
  pathKey,
  pathText,
  decodeBasicString,
  type EntryKind,
  type KeySegment,
  type PathSegment,
  type TomlEntry,
  type TomlLayout,
  type ValueKind,
  type ValueSpan,
} from './locator';
export { DEFAULT_KEY_RULES, HUGO_KEY_NAMES, KEY_TYPES, ruleText, typeName, type KeyRule, type KeyType } from './keys';
export {
  DEFAULT_PAGE_RULES,
  describeKey,
  effectiveSeverity,
  findKeyRule,
  isKnownKey,
  listKeys,
  type ConfiguredSeverity,
  type KeyDescription,
  type PageRules,
} from './rules';
export {
  DEFAULT_DATE_STYLE,
  dateStyleOf,
  dayText,
  detectDateStyle,
  formatDate,
  parseHugoDate,
  readLooseDate,
  toDay,
  type DateStyle,
  type Day,
} from './dates';
export { completionContext, frontMatterRange, keyAtPosition, type CompletionContext, type KeyAtPosition } from './position';
export { lastmodEdit, pageDateStyle, pageDateValues, type LastmodOptions } from './lastmod';
export { keySource, placeholderValue } from './insert';
export { closest, editDistance } from './suggest';
export { translateTomlReason } from './tomlErrors';
