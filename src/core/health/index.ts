// The guide health report: which pages are out of date, unfinished, not published, badly linked,
// without sources or with patient data, per page and per section, from the site model. Pure.
export {
  comparePages,
  DEFAULT_MAX_SOURCE_AGE,
  DEFAULT_MAX_UPDATE_AGE,
  DEFAULT_RECOMMENDATIONS,
  formatAge,
  groupsOf,
  HealthCache,
  HealthCancelled,
  siteHealth,
  sourcesYearOf,
  type HealthOptions,
  type HealthProblem,
  type HealthReport,
  type PageHealth,
  type SectionHealth,
} from './report';
export { DEFAULT_MARKERS, snippet, textFacts, type TextFacts } from './facts';
export {
  BROKEN_WHY,
  FRESHNESS_BUCKETS,
  FRESHNESS_UNKNOWN,
  GROUP_HINTS,
  GROUP_LABELS,
  HEALTH_GROUPS,
  HEALTH_KINDS,
  HEALTH_MESSAGES,
  KIND_LABELS,
  REPORT_LABELS,
  type HealthGroup,
  type HealthKind,
} from './messages';
export { renderHealthHtml, healthDocument, type HealthHtmlOptions } from './html';
export { reportJson } from './json';
