import { type Message, msg } from '../l10n';

/** Stable codes of the shortcode checks (documented; `.medguide.toml` may change their severity). */
export type ShortcodeCode =
  | 'shortcode-unclosed'
  | 'shortcode-unexpected-close'
  | 'shortcode-mismatch'
  | 'shortcode-unterminated'
  | 'shortcode-unknown'
  | 'shortcode-hugo-version'
  | 'shortcode-inline-off'
  | 'shortcode-inline-undefined'
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
  'shortcode-hugo-version': 'information',
  'shortcode-inline-off': 'warning',
  'shortcode-inline-undefined': 'error',
  'shortcode-args': 'warning',
  'relref-not-found': 'error',
  'relref-ambiguous': 'error',
  'relref-anchor': 'warning',
  'relref-unpublished': 'warning',
  'relref-hugo-version': 'information',
} as const satisfies Record<ShortcodeCode, 'error' | 'warning' | 'information'>;

export const SHORTCODE_MESSAGES = {
  unclosed: msg('The shortcode “{name}” is never closed: add “{close}” after its content.'),
  unexpectedClose: msg('“{tag}” closes a “{name}” shortcode that is not open.'),
  closeWithoutInner: msg('“{tag}” closes “{name}”, whose template does not read .Inner: Hugo stops building the site (closing tag provided for a shortcode that takes no content). Remove the closing tag, or read .Inner in the template.'),
  selfCloseWithoutInner: msg('“{tag}” closes itself, but the template of “{name}” does not read .Inner: Hugo stops building the site (closing tag provided for a shortcode that takes no content). Remove the “/”.'),
  unexpectedCloseCase: msg('“{tag}” does not close “{open}” (line {line}): Hugo closes a shortcode only under the name it was opened with, case included, and stops building the site (closing tag does not match start tag). Write “{open}”.'),
  mismatch: msg('“{tag}” closes “{name}” while “{inner}”, opened on line {line}, is still open: close it first with “{innerClose}”.'),
  unterminated: msg('The tag “{tag}” is not terminated: “{end}” is missing.'),
  unknown: msg('No template defines the shortcode “{name}” (the site’s or themes’ layouts/shortcodes, or Hugo’s built-in shortcodes).'),
  unknownSuggest: msg('No template defines the shortcode “{name}”. Did you mean “{suggestion}”?'),
  nameNewerHugo: msg('Hugo 0.146 and later find the shortcode “{spelling}” for “{name}”; Hugo 0.111 to 0.145 stop building the site (template for shortcode “{name}” not found): write “{spelling}” for both.'),
  inlineOff: msg('Inline shortcodes are off on this site: Hugo renders “{name}” as nothing. To use it, set `enableInlineShortcodes = true` under `[security]` in the site’s configuration.'),
  inlineUndefined: msg('“{name}” reuses an inline shortcode this page has not defined above it: Hugo stops building the site. Define it first: {{< {name} >}}…{{< /{name} >}}.'),
  collapseTitle: msg('A “collapse” section needs a title: {{% collapse "Section title" %}}.'),
  mixedArgs: msg('Positional and named arguments are mixed: Hugo accepts only one of the two forms in a shortcode.'),
  unterminatedString: msg('Unterminated string: the closing quote ({quote}) is missing.'),
  relrefNoPath: msg('“{name}” expects the path of a page: {{< {name} "folder/page.md" >}}.'),
  relrefNotFound: msg('No page found for “{ref}”: {consequence}.'),
  relrefNotFoundSuggest: msg('No page found for “{ref}”: {consequence}. Did you mean “{suggestion}”?'),
  relrefNotBuilt: msg('“{ref}” names {page}, which Hugo does not build ({why}): {consequence}.'),
  relrefResource: msg('“{ref}” names a file of the bundle “{page}”, not a page: {consequence}.'),
  relrefOtherLanguage: msg('No page found for “{ref}” in the page’s language ({lang}); it exists in {others} (add lang="…"): {consequence}.'),
  relrefNoLanguage: msg('The site has no language “{lang}”: {consequence}.'),
  relrefNewerHugo: msg('Hugo 0.123 and later read “{ref}” as “{page}”, Hugo 0.111 does not (REF_NOT_FOUND): write “{page}” for both.'),
  relrefOutputFormat: msg('The page “{ref}” is not rendered in the “{format}” format (the site’s outputs): {consequence}.'),
  relrefBadUrl: msg('“{ref}” is not a path Hugo can read (badly encoded %): {consequence}.'),
  relrefAmbiguous: msg('“{ref}” matches several pages ({candidates}): give the path from content/.'),
  relrefUnpublished: msg('Hugo finds “{ref}” ({page}) but does not publish that page (headless bundle or _build.render = "never"): the link will be empty.'),
  relrefAnchor: msg('The page “{page}” has no heading or section with the id “{anchor}”.'),
  relrefAnchorSuggest: msg('The page “{page}” has no heading or section with the id “{anchor}”. Did you mean “{suggestion}”?'),
} as const satisfies Record<string, Message>;

/** What Hugo does with a broken ref, by the site's `refLinksErrorLevel`. */
export const REF_CONSEQUENCE = {
  error: msg('Hugo will stop building the site (REF_NOT_FOUND)'),
  warning: msg('Hugo will warn and publish a dead link (REF_NOT_FOUND; refLinksErrorLevel = "WARNING")'),
} as const satisfies Record<'error' | 'warning', Message>;

/** Why Hugo does not build a page, in a message. */
export const NOT_BUILT_WHY = {
  draft: msg('a draft: draft = true'),
  future: msg('publish date in the future'),
  expired: msg('expiry date passed'),
} as const satisfies Record<'draft' | 'future' | 'expired', Message>;
