import { type Message, msg } from '../l10n';

/** Every string the preview shows, in both languages. */
export const LABELS = {
  frontMatterInvalid: msg('Front matter invalid'),
  frontMatterUnclosed: msg('Front matter not closed'),
  authors: msg('Authors'),
  created: msg('Created {date}'),
  published: msg('Published {date}'),
  updated: msg('Updated {date}'),
  tags: msg('Tags'),
  draft: msg('Draft'),
  frontMatterKey: msg('Key'),
  frontMatterValue: msg('Value'),
  untitled: msg('(untitled section)'),
  unclosed: msg('Shortcode “{name}” is not closed: {{% /{name} %}} is missing'),
  shortcode: msg('Hugo shortcode “{name}”'),
  strayClose: msg('Closing “/{name}” without a matching opening'),
  refNotFound: msg('Reference not found: “{ref}” (looked up from the page, from content/ and by file name)'),
  refAmbiguous: msg('Ambiguous reference: “{ref}” matches several pages: {candidates}'),
  refInvalid: msg('Link refused: “{ref}”'),
  refMissing: msg('relref without a path'),
} satisfies Record<string, Message>;

/** Alert labels by the word the author wrote (`> [!TIP]`, `notice tip`, `.alert-info`). */
export const ALERT_LABELS: Readonly<Record<string, Message>> = {
  note: msg('Note'),
  info: msg('Information'),
  tip: msg('Tip'),
  hint: msg('Hint'),
  success: msg('Success'),
  important: msg('Important'),
  warning: msg('Warning'),
  caution: msg('Caution'),
  danger: msg('Danger'),
  error: msg('Error'),
  question: msg('Question'),
  example: msg('Example'),
};
