import type { Bilingual } from '../l10n';

/** Words the navigation features show (outline, links, completion). */
export const NAVIGATION_LABELS = {
  untitled: { fr: '(section sans titre)', en: '(untitled section)' },
  openPage: { fr: 'Ouvrir {page}', en: 'Open {page}' },
  openPageAnchor: { fr: 'Ouvrir {page} à « {anchor} »', en: 'Open {page} at “{anchor}”' },
  builtin: { fr: 'shortcode intégré de Hugo', en: 'Hugo built-in shortcode' },
  siteTemplate: { fr: 'shortcode du site', en: 'site shortcode' },
  openShortcode: { fr: 'fermer le shortcode ouvert', en: 'close the open shortcode' },
  anchorHeading: { fr: 'titre', en: 'heading' },
  anchorSection: { fr: 'section collapse', en: 'collapse section' },
} as const satisfies Record<string, Bilingual>;
