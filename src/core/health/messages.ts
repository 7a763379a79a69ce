import type { Bilingual } from '../l10n';

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

const T = (fr: string, en: string): Bilingual => ({ fr, en });

export const GROUP_LABELS: Readonly<Record<HealthGroup, Bilingual>> = {
  outdated: T('À mettre à jour', 'Out of date'),
  unfinished: T('Inachevées', 'Unfinished'),
  unpublished: T('Non publiées', 'Not published'),
  links: T('Liens', 'Links'),
  sources: T('Sources', 'Sources'),
  patient: T('Données de patients', 'Patient data'),
};

/** What each group means, for tooltips and the report's headings. */
export const GROUP_HINTS: Readonly<Record<HealthGroup, Bilingual>> = {
  outdated: T('Sources plus anciennes que le seuil de la section, ou pas de mise à jour depuis trop longtemps.', "Sources older than the section's threshold, or no update for too long."),
  unfinished: T('Liste `todo` non vide, brouillon, marqueurs TODO/FIXME/XXX dans le texte.', 'A non-empty `todo` list, a draft, TODO/FIXME/XXX markers in the text.'),
  unpublished: T('Date de publication future, page expirée, headless, ou laissée de côté par la construction du site.', 'A future publication date, an expired page, headless, or left out by the build.'),
  links: T('Liens relref cassés ou ancres absentes, pages orphelines.', 'Broken relref links or missing anchors, orphan pages.'),
  sources: T('Page de recommandation sans `sources`, année des sources après la dernière mise à jour.', 'A recommendation page without `sources`, a source year after the last update.'),
  patient: T('Identifiants de patients ou adresses MSSanté de patients dans la page.', 'Patient identifiers or patient MSSanté addresses in the page.'),
};

export const KIND_LABELS: Readonly<Record<HealthKind, Bilingual>> = {
  'sources-old': T('Sources anciennes', 'Old sources'),
  'update-old': T('Pas de mise à jour', 'Not updated'),
  undated: T('Sans date', 'Undated'),
  todo: T('À faire (todo)', 'To do (todo)'),
  draft: T('Brouillon', 'Draft'),
  marker: T('Marqueur dans le texte', 'Marker in the text'),
  future: T('Publication future', 'Future publication'),
  expired: T('Expirée', 'Expired'),
  headless: T('headless', 'headless'),
  'not-rendered': T('Non écrite par Hugo', 'Not written by Hugo'),
  'section-not-built': T('Section non publiée', 'Section not published'),
  excluded: T('Exclue par la configuration', 'Left out by the configuration'),
  'broken-ref': T('Lien cassé', 'Broken link'),
  'broken-anchor': T('Ancre absente', 'Missing anchor'),
  orphan: T('Orpheline', 'Orphan'),
  'no-sources': T('Sans sources', 'No sources'),
  'source-after-lastmod': T('Sources après lastmod', 'Sources after lastmod'),
  'patient-identifier': T('Identifiant de patient', 'Patient identifier'),
  'mssante-address': T('Adresse MSSanté de patient', 'Patient MSSanté address'),
};

export const HEALTH_MESSAGES = {
  sourcesOld: T('Sources de {year} : plus de {max} ans ({age} ans).', 'Sources from {year}: older than {max} years ({age} years).'),
  updateOld: T('Pas de mise à jour depuis le {date} ({age}) : plus de {max} ans.', 'Not updated since {date} ({age}): over {max} years.'),
  undated: T('Ni `lastmod` ni `date` : l’âge de la page est inconnu.', 'Neither `lastmod` nor `date`: the age of the page is unknown.'),
  todo: T('À faire : « {text} »', 'To do: “{text}”'),
  draft: T('Brouillon (`draft = true`) : Hugo ne publie pas la page.', 'Draft (`draft = true`): Hugo does not publish the page.'),
  draftBuilt: T('Brouillon (`draft = true`), publié car le site construit les brouillons.', 'Draft (`draft = true`), published because the site builds drafts.'),
  marker: T('{word} dans le texte : « {text} »', '{word} in the text: “{text}”'),
  future: T('Publication prévue le {date} : pas encore en ligne.', 'To be published on {date}: not online yet.'),
  expired: T('Expirée le {date} : retirée du site.', 'Expired on {date}: taken off the site.'),
  headless: T('`headless = true` : la page n’est pas publiée seule.', '`headless = true`: the page is not published on its own.'),
  notRendered: T('`_build.render = "never"` : Hugo n’écrit pas la page.', '`_build.render = "never"`: Hugo writes no file for the page.'),
  sectionNotBuilt: T('Sa section ({section}) n’est pas publiée : la page non plus.', 'Its section ({section}) is not published, so neither is the page.'),
  excluded: T('Laissée de côté par la configuration de Hugo (`ignoreFiles`, montages).', "Left out by Hugo's configuration (`ignoreFiles`, mounts)."),
  brokenRef: T('Lien cassé vers « {ref} » : {why}.', 'Broken link to “{ref}”: {why}.'),
  brokenAnchor: T('L’ancre « #{anchor} » n’existe pas dans {page}.', 'The anchor “#{anchor}” does not exist in {page}.'),
  orphan: T('Orpheline : aucune page n’y renvoie et aucune section ne la liste.', 'Orphan: no page links to it and no section lists it.'),
  noSources: T('Page de recommandation sans `sources`.', 'Recommendation page without `sources`.'),
  sourceAfterLastmod: T('Sources de {year}, après la dernière mise à jour ({date}).', 'Sources from {year}, after the last update ({date}).'),
} as const;

/** Why a ref is broken, for {@link HEALTH_MESSAGES.brokenRef}. */
export const BROKEN_WHY = {
  'not-found': T('page introuvable', 'no such page'),
  draft: T('la page est un brouillon', 'the page is a draft'),
  future: T('la page n’est pas encore publiée', 'the page is not published yet'),
  expired: T('la page a expiré', 'the page has expired'),
  resource: T('c’est un fichier d’un paquet ({detail}), pas une page', 'it is a file of a bundle ({detail}), not a page'),
  'other-language': T('la page n’existe qu’en {detail}', 'the page exists only in {detail}'),
  'no-language': T('langue « {detail} » inconnue du site', 'language “{detail}” unknown to the site'),
  'bad-url': T('adresse invalide', 'invalid address'),
  'output-format': T('format de sortie « {detail} » absent', 'output format “{detail}” missing'),
  ambiguous: T('plusieurs pages portent ce nom ({detail})', 'several pages have this name ({detail})'),
  unrendered: T('Hugo n’écrit pas cette page, le lien est vide', 'Hugo writes no file for that page, the link is empty'),
  'newer-hugo': T('seul un Hugo plus récent le lit comme « {detail} »', 'only a newer Hugo reads it as “{detail}”'),
} as const satisfies Record<string, Bilingual>;

/** Labels of the report (CLI text, HTML, webview). */
export const REPORT_LABELS = {
  title: T('Santé du guide', 'Guide health'),
  generated: T('Au {date}', 'As of {date}'),
  pages: T('Pages', 'Pages'),
  page: T('Page', 'Page'),
  section: T('Section', 'Section'),
  root: T('(racine)', '(root)'),
  sources: T('Sources (annees)', 'Sources (annees)'),
  lastmod: T('Mise à jour', 'Updated'),
  age: T('Âge', 'Age'),
  backlinks: T('Liens entrants', 'Links in'),
  problems: T('Problèmes', 'Problems'),
  line: T('ligne {line}', 'line {line}'),
  none: T('Aucun problème.', 'No problems.'),
  noPages: T('Aucune page.', 'No pages.'),
  chartTitle: T('Fraîcheur des sources par section', 'Freshness of the sources per section'),
  chartHint: T('Nombre de pages par années écoulées depuis leurs sources (`annees`).', 'Pages by years since their sources (`annees`).'),
  sectionsTitle: T('Par section', 'By section'),
  allPages: T('Toutes les pages', 'All pages'),
  thresholds: T('Seuils : sources {sources} ans, mise à jour {update} ans', 'Thresholds: sources {sources} years, update {update} years'),
  unknown: T('inconnue', 'unknown'),
  summary: T(
    '{pages} page(s) : {outdated} à mettre à jour, {unfinished} inachevée(s), {unpublished} non publiée(s), {links} avec des liens à revoir, {sources} avec des sources à revoir, {patient} avec des données de patients.',
    '{pages} page(s): {outdated} out of date, {unfinished} unfinished, {unpublished} not published, {links} with links to fix, {sources} with sources to fix, {patient} with patient data.',
  ),
  years: T('{n} an(s)', '{n} year(s)'),
  months: T('{n} mois', '{n} month(s)'),
  days: T('{n} jour(s)', '{n} day(s)'),
  pageCount: T('{n} page(s)', '{n} page(s)'),
  sourcesYear: T('sources {year}', 'sources {year}'),
  updatedOn: T('mise à jour {date}', 'updated {date}'),
} as const;

/** Buckets of the freshness chart: years since the sources. */
export const FRESHNESS_BUCKETS: readonly { readonly max: number; readonly label: Bilingual }[] = [
  { max: 2, label: T('0 à 2 ans', '0–2 years') },
  { max: 5, label: T('3 à 5 ans', '3–5 years') },
  { max: 10, label: T('6 à 10 ans', '6–10 years') },
  { max: Infinity, label: T('plus de 10 ans', 'over 10 years') },
];
export const FRESHNESS_UNKNOWN: Bilingual = T('sans `annees`', 'no `annees`');
