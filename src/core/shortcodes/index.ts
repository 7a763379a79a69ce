// Hugo shortcodes: the tokenizer, pairing, the page-level parse and the checks. Pure, no I/O.
export {
  getArg,
  MAX_TAG_LENGTH,
  scanShortcodeAt,
  scanShortcodes,
  shortcodeKey,
  type ScanResult,
  type ShortcodeArg,
  type ShortcodeDelimiter,
  type ShortcodeError,
  type ShortcodeErrorCode,
  type ShortcodeKind,
  type ShortcodeTag,
} from './scan';
export { DEFAULT_PAIRED_SHORTCODES, pairShortcodes, type PairError, type PairErrorCode, type PairResult } from './pair';
export { bodyStartOf, parseShortcodes, type ShortcodeDocument } from './document';
export { isRelrefName, relrefUses, type RelrefUse } from './relrefs';
export { BUILTIN_SHORTCODES, exactShortcodeSpelling, isBuiltinShortcode, isKnownShortcode, portableSpelling, templateName, templateNamesFromPaths, templateSpelling } from './templates';
export { SHORTCODE_MESSAGES, SHORTCODE_SEVERITY, type ShortcodeCode } from './messages';
export { checkShortcodes, type CheckShortcodesOptions } from './diagnostics';
export { pageAnchors } from '../navigation/anchors';
