import type { Bilingual } from '../l10n';

/** Every string the preview shows, in both languages. */
export const LABELS = {
  frontMatterInvalid: { fr: 'En-tête (front matter) invalide', en: 'Front matter invalid' },
  frontMatterUnclosed: { fr: 'En-tête (front matter) non fermé', en: 'Front matter not closed' },
  authors: { fr: 'Auteurs', en: 'Authors' },
  created: { fr: 'Créé le {date}', en: 'Created {date}' },
  published: { fr: 'Publié le {date}', en: 'Published {date}' },
  updated: { fr: 'Mis à jour le {date}', en: 'Updated {date}' },
  tags: { fr: 'Mots-clés', en: 'Tags' },
  draft: { fr: 'Brouillon', en: 'Draft' },
  frontMatterKey: { fr: 'Clé', en: 'Key' },
  frontMatterValue: { fr: 'Valeur', en: 'Value' },
  untitled: { fr: '(section sans titre)', en: '(untitled section)' },
  unclosed: {
    fr: 'Shortcode « {name} » non fermé : il manque {{% /{name} %}}',
    en: 'Shortcode “{name}” is not closed: {{% /{name} %}} is missing',
  },
  shortcode: { fr: 'Shortcode Hugo « {name} »', en: 'Hugo shortcode “{name}”' },
  strayClose: {
    fr: 'Fermeture « /{name} » sans ouverture correspondante',
    en: 'Closing “/{name}” without a matching opening',
  },
  refNotFound: {
    fr: 'Référence introuvable : « {ref} » (cherchée depuis la page, depuis content/ puis par nom de fichier)',
    en: 'Reference not found: “{ref}” (looked up from the page, from content/ and by file name)',
  },
  refAmbiguous: {
    fr: 'Référence ambiguë : « {ref} » correspond à plusieurs pages : {candidates}',
    en: 'Ambiguous reference: “{ref}” matches several pages: {candidates}',
  },
  refInvalid: { fr: 'Lien refusé : « {ref} »', en: 'Link refused: “{ref}”' },
  refMissing: { fr: 'relref sans chemin', en: 'relref without a path' },
} satisfies Record<string, Bilingual>;

/** Alert labels by the word the author wrote (`> [!TIP]`, `notice tip`, `.alert-info`). */
export const ALERT_LABELS: Readonly<Record<string, Bilingual>> = {
  note: { fr: 'Note', en: 'Note' },
  info: { fr: 'Information', en: 'Information' },
  tip: { fr: 'Astuce', en: 'Tip' },
  hint: { fr: 'Astuce', en: 'Hint' },
  success: { fr: 'Succès', en: 'Success' },
  important: { fr: 'Important', en: 'Important' },
  warning: { fr: 'Attention', en: 'Warning' },
  caution: { fr: 'Prudence', en: 'Caution' },
  danger: { fr: 'Danger', en: 'Danger' },
  error: { fr: 'Erreur', en: 'Error' },
  question: { fr: 'Question', en: 'Question' },
  example: { fr: 'Exemple', en: 'Example' },
};
