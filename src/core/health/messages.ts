import { type Message, msg } from '../l10n';

/** The six kinds of problem the guide health report sorts pages into, in the order they are shown. */
export const HEALTH_GROUPS = ['outdated', 'unfinished', 'unpublished', 'links', 'sources', 'patient'] as const;
export type HealthGroup = (typeof HEALTH_GROUPS)[number];

/** Each problem's stable code, and the group it belongs to. */
export const HEALTH_KINDS = {
  'sources-old': 'outdated',
  'update-old': 'outdated',
  undated: 'outdated',
  todo: 'unfinished',
  draft: 'unfinished',
  marker: 'unfinished',
  future: 'unpublished',
  expired: 'unpublished',
  headless: 'unpublished',
  'not-rendered': 'unpublished',
  'section-not-built': 'unpublished',
  excluded: 'unpublished',
  'broken-ref': 'links',
  'broken-anchor': 'links',
  orphan: 'links',
  'no-sources': 'sources',
  'source-after-lastmod': 'sources',
  'patient-identifier': 'patient',
  'mssante-address': 'patient',
} as const satisfies Record<string, HealthGroup>;
export type HealthKind = keyof typeof HEALTH_KINDS;

export const GROUP_LABELS: Readonly<Record<HealthGroup, Message>> = {
  outdated: msg('Out of date'),
  unfinished: msg('Unfinished'),
  unpublished: msg('Not published'),
  links: msg('Links'),
  sources: msg('Sources'),
  patient: msg('Patient data'),
};

/** What each group means, for tooltips and the report's headings. */
export const GROUP_HINTS: Readonly<Record<HealthGroup, Message>> = {
  outdated: msg("Sources older than the section's threshold, or no update for too long."),
  unfinished: msg('A non-empty `todo` list, a draft, TODO/FIXME/XXX markers in the text.'),
  unpublished: msg('A future publication date, an expired page, headless, or left out by the build.'),
  links: msg('Broken relref links or missing anchors, orphan pages.'),
  sources: msg('A recommendation page without `sources`, a source year after the last update.'),
  patient: msg('Patient identifiers or patient MSSanté addresses in the page.'),
};

export const KIND_LABELS: Readonly<Record<HealthKind, Message>> = {
  'sources-old': msg('Old sources'),
  'update-old': msg('Not updated'),
  undated: msg('Undated'),
  todo: msg('To do (todo)'),
  draft: msg('Draft'),
  marker: msg('Marker in the text'),
  future: msg('Future publication'),
  expired: msg('Expired'),
  headless: msg('headless'),
  'not-rendered': msg('Not written by Hugo'),
  'section-not-built': msg('Section not published'),
  excluded: msg('Left out by the configuration'),
  'broken-ref': msg('Broken link'),
  'broken-anchor': msg('Missing anchor'),
  orphan: msg('Orphan'),
  'no-sources': msg('No sources'),
  'source-after-lastmod': msg('Sources after lastmod'),
  'patient-identifier': msg('Patient identifier'),
  'mssante-address': msg('Patient MSSanté address'),
};

export const HEALTH_MESSAGES = {
  sourcesOld: msg('Sources from {year}: older than {max} years ({age} years).'),
  updateOld: msg('Not updated since {date} ({age}): over {max} years.'),
  undated: msg('Neither `lastmod` nor `date`: the age of the page is unknown.'),
  todo: msg('To do: “{text}”'),
  draft: msg('Draft (`draft = true`): Hugo does not publish the page.'),
  draftBuilt: msg('Draft (`draft = true`), published because the site builds drafts.'),
  marker: msg('{word} in the text: “{text}”'),
  future: msg('To be published on {date}: not online yet.'),
  expired: msg('Expired on {date}: taken off the site.'),
  headless: msg('`headless = true`: the page is not published on its own.'),
  notRendered: msg('`_build.render = "never"`: Hugo writes no file for the page.'),
  sectionNotBuilt: msg('Its section ({section}) is not published, so neither is the page.'),
  excluded: msg("Left out by Hugo's configuration (`ignoreFiles`, mounts)."),
  brokenRef: msg('Broken link to “{ref}”: {why}.'),
  brokenAnchor: msg('The anchor “#{anchor}” does not exist in {page}.'),
  orphan: msg('Orphan: no page links to it and no section lists it.'),
  noSources: msg('Recommendation page without `sources`.'),
  sourceAfterLastmod: msg('Sources from {year}, after the last update ({date}).'),
} as const;

/** Why a ref is broken, for {@link HEALTH_MESSAGES.brokenRef}. */
export const BROKEN_WHY = {
  'not-found': msg('no such page'),
  draft: msg('the page is a draft'),
  future: msg('the page is not published yet'),
  expired: msg('the page has expired'),
  resource: msg('it is a file of a bundle ({detail}), not a page'),
  'other-language': msg('the page exists only in {detail}'),
  'no-language': msg('language “{detail}” unknown to the site'),
  'bad-url': msg('invalid address'),
  'output-format': msg('output format “{detail}” missing'),
  ambiguous: msg('several pages have this name ({detail})'),
  unrendered: msg('Hugo writes no file for that page, the link is empty'),
  'newer-hugo': msg('only a newer Hugo reads it as “{detail}”'),
} as const satisfies Record<string, Message>;

/** Labels of the report (CLI text, HTML, webview). */
export const REPORT_LABELS = {
  title: msg('Guide health'),
  generated: msg('As of {date}'),
  pages: msg('Pages'),
  page: msg('Page'),
  section: msg('Section'),
  root: msg('(root)'),
  sources: msg('Sources (annees)'),
  lastmod: msg('Updated'),
  age: msg('Age'),
  backlinks: msg('Links in'),
  problems: msg('Problems'),
  line: msg('line {line}'),
  none: msg('No problems.'),
  noPages: msg('No pages.'),
  chartTitle: msg('Freshness of the sources per section'),
  chartHint: msg('Pages by years since their sources (`annees`).'),
  sectionsTitle: msg('By section'),
  allPages: msg('All pages'),
  thresholds: msg('Thresholds: sources {sources} years, update {update} years'),
  unknown: msg('unknown'),
  summary: msg('{pages} page(s): {outdated} out of date, {unfinished} unfinished, {unpublished} not published, {links} with links to fix, {sources} with sources to fix, {patient} with patient data.'),
  years: msg('{n} year(s)'),
  months: msg('{n} month(s)'),
  days: msg('{n} day(s)'),
  pageCount: msg('{n} page(s)'),
  sourcesYear: msg('sources {year}'),
  updatedOn: msg('updated {date}'),
} as const;

/** Buckets of the freshness chart: years since the sources. */
export const FRESHNESS_BUCKETS: readonly { readonly max: number; readonly label: Message }[] = [
  { max: 2, label: msg('0–2 years') },
  { max: 5, label: msg('3–5 years') },
  { max: 10, label: msg('6–10 years') },
  { max: Infinity, label: msg('over 10 years') },
];
export const FRESHNESS_UNKNOWN: Message = msg('no `annees`');
