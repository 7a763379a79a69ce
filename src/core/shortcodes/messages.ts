import type { Bilingual } from '../l10n';

/** Stable codes of the shortcode checks (documented; `.medguide.toml` may change their severity). */
export type ShortcodeCode =
  | 'shortcode-unclosed'
  | 'shortcode-unexpected-close'
  | 'shortcode-mismatch'
  | 'shortcode-unterminated'
  | 'shortcode-unknown'
  | 'shortcode-args'
  | 'relref-not-found'
  | 'relref-ambiguous'
  | 'relref-anchor'
  | 'relref-unpublished'
  | 'relref-hugo-version';

/**
 * Structure errors and broken relrefs stop `hugo` (or break the page's layout); an unknown name or
 * odd arguments may be a theme we cannot see, and a missing anchor only lands at the top of the page.
 */
export const SHORTCODE_SEVERITY = {
  'shortcode-unclosed': 'error',
  'shortcode-unexpected-close': 'error',
  'shortcode-mismatch': 'error',
  'shortcode-unterminated': 'error',
  'shortcode-unknown': 'warning',
  'shortcode-args': 'warning',
  'relref-not-found': 'error',
  'relref-ambiguous': 'error',
  'relref-anchor': 'warning',
  'relref-unpublished': 'warning',
  'relref-hugo-version': 'information',
} as const satisfies Record<ShortcodeCode, 'error' | 'warning' | 'information'>;

export const SHORTCODE_MESSAGES = {
  unclosed: {
    fr: 'Le shortcode « {name} » n’est jamais fermé : ajoutez « {close} » à la fin de son contenu.',
    en: 'The shortcode “{name}” is never closed: add “{close}” after its content.',
  },
  unexpectedClose: {
    fr: '« {tag} » ferme un shortcode « {name} » qui n’est pas ouvert.',
    en: '“{tag}” closes a “{name}” shortcode that is not open.',
  },
  mismatch: {
    fr: '« {tag} » ferme « {name} » alors que « {inner} », ouvert ligne {line}, n’est pas fermé : fermez-le d’abord avec « {innerClose} ».',
    en: '“{tag}” closes “{name}” while “{inner}”, opened on line {line}, is still open: close it first with “{innerClose}”.',
  },
  unterminated: {
    fr: 'La balise « {tag} » n’est pas terminée : il manque « {end} ».',
    en: 'The tag “{tag}” is not terminated: “{end}” is missing.',
  },
  unknown: {
    fr: 'Aucun modèle ne définit le shortcode « {name} » (layouts/shortcodes du site, des thèmes, ou shortcodes intégrés de Hugo).',
    en: 'No template defines the shortcode “{name}” (the site’s or themes’ layouts/shortcodes, or Hugo’s built-in shortcodes).',
  },
  unknownSuggest: {
    fr: 'Aucun modèle ne définit le shortcode « {name} ». Vouliez-vous dire « {suggestion} » ?',
    en: 'No template defines the shortcode “{name}”. Did you mean “{suggestion}”?',
  },
  collapseTitle: {
    fr: 'Une section « collapse » a besoin d’un titre : {{% collapse "Titre de la section" %}}.',
    en: 'A “collapse” section needs a title: {{% collapse "Section title" %}}.',
  },
  mixedArgs: {
    fr: 'Arguments positionnels et nommés mélangés : Hugo n’accepte que l’une des deux formes dans un même shortcode.',
    en: 'Positional and named arguments are mixed: Hugo accepts only one of the two forms in a shortcode.',
  },
  unterminatedString: {
    fr: 'Chaîne non terminée : il manque le guillemet fermant ({quote}).',
    en: 'Unterminated string: the closing quote ({quote}) is missing.',
  },
  relrefNoPath: {
    fr: '« {name} » attend le chemin d’une page : {{< {name} "dossier/page.md" >}}.',
    en: '“{name}” expects the path of a page: {{< {name} "folder/page.md" >}}.',
  },
  relrefNotFound: {
    fr: 'Page introuvable pour « {ref} » : {consequence}.',
    en: 'No page found for “{ref}”: {consequence}.',
  },
  relrefNotFoundSuggest: {
    fr: 'Page introuvable pour « {ref} » : {consequence}. Vouliez-vous dire « {suggestion} » ?',
    en: 'No page found for “{ref}”: {consequence}. Did you mean “{suggestion}”?',
  },
  relrefNotBuilt: {
    fr: '« {ref} » désigne {page}, que Hugo ne construit pas ({why}) : {consequence}.',
    en: '“{ref}” names {page}, which Hugo does not build ({why}): {consequence}.',
  },
  relrefResource: {
    fr: '« {ref} » désigne un fichier du lot (bundle) « {page} », pas une page : {consequence}.',
    en: '“{ref}” names a file of the bundle “{page}”, not a page: {consequence}.',
  },
  relrefOtherLanguage: {
    fr: 'Page introuvable pour « {ref} » dans la langue de la page ({lang}) ; elle existe en {others} (ajoutez lang="…") : {consequence}.',
    en: 'No page found for “{ref}” in the page’s language ({lang}); it exists in {others} (add lang="…"): {consequence}.',
  },
  relrefNoLanguage: {
    fr: 'Le site n’a pas de langue « {lang} » : {consequence}.',
    en: 'The site has no language “{lang}”: {consequence}.',
  },
  relrefNewerHugo: {
    fr: 'Hugo 0.123 et suivants lisent « {ref} » comme « {page} », pas Hugo 0.111 (REF_NOT_FOUND) : écrivez « {page} » pour les deux.',
    en: 'Hugo 0.123 and later read “{ref}” as “{page}”, Hugo 0.111 does not (REF_NOT_FOUND): write “{page}” for both.',
  },
  relrefOutputFormat: {
    fr: 'La page « {ref} » n’est pas produite au format « {format} » (outputs du site) : {consequence}.',
    en: 'The page “{ref}” is not rendered in the “{format}” format (the site’s outputs): {consequence}.',
  },
  relrefBadUrl: {
    fr: '« {ref} » n’est pas un chemin que Hugo sait lire (caractère % mal encodé) : {consequence}.',
    en: '“{ref}” is not a path Hugo can read (badly encoded %): {consequence}.',
  },
  relrefAmbiguous: {
    fr: '« {ref} » désigne plusieurs pages ({candidates}) : donnez le chemin depuis content/.',
    en: '“{ref}” matches several pages ({candidates}): give the path from content/.',
  },
  relrefUnpublished: {
    fr: 'Hugo trouve « {ref} » ({page}) mais ne publie pas cette page (lot headless ou _build.render = "never") : le lien sera vide.',
    en: 'Hugo finds “{ref}” ({page}) but does not publish that page (headless bundle or _build.render = "never"): the link will be empty.',
  },
  relrefAnchor: {
    fr: 'La page « {page} » n’a ni titre ni section d’identifiant « {anchor} ».',
    en: 'The page “{page}” has no heading or section with the id “{anchor}”.',
  },
  relrefAnchorSuggest: {
    fr: 'La page « {page} » n’a ni titre ni section d’identifiant « {anchor} ». Vouliez-vous dire « {suggestion} » ?',
    en: 'The page “{page}” has no heading or section with the id “{anchor}”. Did you mean “{suggestion}”?',
  },
} as const satisfies Record<string, Bilingual>;

/** What Hugo does with a broken ref, by the site's `refLinksErrorLevel`. */
export const REF_CONSEQUENCE = {
  error: { fr: 'Hugo arrêtera la construction du site (REF_NOT_FOUND)', en: 'Hugo will stop building the site (REF_NOT_FOUND)' },
  warning: {
    fr: 'Hugo le signalera et publiera un lien mort (REF_NOT_FOUND ; refLinksErrorLevel = "WARNING")',
    en: 'Hugo will warn and publish a dead link (REF_NOT_FOUND; refLinksErrorLevel = "WARNING")',
  },
} as const satisfies Record<'error' | 'warning', Bilingual>;

/** Why Hugo does not build a page, in a message. */
export const NOT_BUILT_WHY = {
  draft: { fr: 'brouillon : draft = true', en: 'a draft: draft = true' },
  future: { fr: 'date de publication dans le futur', en: 'publish date in the future' },
  expired: { fr: 'date d’expiration passée', en: 'expiry date passed' },
} as const satisfies Record<'draft' | 'future' | 'expired', Bilingual>;
