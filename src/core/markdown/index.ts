export { medguidePlugin } from './plugin';
export {
  DEFAULT_ALERT_SHORTCODES,
  type AlertShortcodeSpec,
  type CollapseMode,
  type FrontMatterMode,
  type MedguidePluginOptions,
  type MedguideSettings,
} from './options';
export { anchorize } from './anchorize';
export { alertKind, type AlertKind } from './alerts';
export { defaultHref } from './context';
export { labelLangOf, languageTag, pageLabelLang, pageLanguageTag, type SiteLanguages } from './pageLang';
export { ICONS } from './icons';
