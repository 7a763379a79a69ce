import { type Message, msg } from '../l10n';

/** Words the navigation features show (outline, links, completion). */
export const NAVIGATION_LABELS = {
  untitled: msg('(untitled section)'),
  openPage: msg('Open {page}'),
  openPageAnchor: msg('Open {page} at “{anchor}”'),
  builtin: msg('Hugo built-in shortcode'),
  siteTemplate: msg('site shortcode'),
  openShortcode: msg('close the open shortcode'),
  anchorHeading: msg('heading'),
  anchorSection: msg('collapse section'),
} as const satisfies Record<string, Message>;
