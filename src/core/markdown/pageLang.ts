import type { Lang } from '../l10n';

/*
 * The language of a page, for the labels the preview adds (the header card's "Publié le…", the
 * alert boxes' "Attention"…) and for `<html lang>` in `medguide render --standalone`. Labels
 * belong to the page, not to the editor: a French page shows French labels in an English VS Code.
 *
 * In order: the page's own `lang` front matter key (some themes read it); the language Hugo gives
 * the page (a `.en.md` translation, a language's `contentDir`) and that language's `languageCode`;
 * for a one-language site, its `languageCode`, else its `defaultContentLanguage` when the site sets
 * one. A site that says nothing (Hugo's implicit `en`) or a language that is neither French nor
 * English leaves the labels to the user's setting (`medguide.language`, `--lang`).
 */

/** What the page language is read from: a Hugo site's configuration (`HugoConfig` fits). */
export interface SiteLanguages {
  /** Enabled languages; one entry for a one-language site. `languageCode` is the language's, else the site's. */
  readonly languages: readonly { readonly code: string; readonly languageCode?: string }[];
  /** Lower case; Hugo's default is `en`. */
  readonly defaultContentLanguage: string;
  readonly languageCode?: string;
}

const TAG = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** `fr` or `en` for a language tag whose primary subtag is French or English (`fr-FR`, `en_GB`, `fra`); undefined otherwise. */
export function labelLangOf(tag: unknown): Lang | undefined {
  if (typeof tag !== 'string') return undefined;
  const m = /^([A-Za-z]{2,3})(?:[-_]|$)/.exec(tag.trim());
  const primary = m?.[1].toLowerCase();
  if (primary === 'fr' || primary === 'fra' || primary === 'fre') return 'fr';
  if (primary === 'en' || primary === 'eng') return 'en';
  return undefined;
}

/** A well-formed language tag (`fr`, `fr-FR`, `en_GB` written `en-GB`), or undefined. */
export function languageTag(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return TAG.test(t) ? t.replace(/_/g, '-') : undefined;
}

/**
 * The page's language tag, as far as the page and its site say: see the header. `fileLang` is the
 * Hugo language code of the page's file (undefined: the site's default language).
 */
export function pageLanguageTag(site: SiteLanguages | undefined, fileLang: string | undefined, frontMatterLang?: unknown): string | undefined {
  const own = languageTag(frontMatterLang);
  if (own) return own;
  if (!site) return undefined;
  const code = (fileLang || site.defaultContentLanguage || '').toLowerCase();
  const language = site.languages.find((l) => l.code === code);
  if (site.languages.length > 1) {
    // Several languages: the code is the site's own word; a languageCode of the same language is more precise.
    const precise = languageTag(language?.languageCode);
    return precise && precise.toLowerCase().split('-')[0] === code.split('-')[0] ? precise : languageTag(code);
  }
  // One language: Hugo's implicit default is `en`, so only a code other than that, or a languageCode, is the site's word.
  return languageTag(language?.languageCode ?? site.languageCode) ?? (code !== 'en' ? languageTag(code) : undefined);
}

/** The language of the labels of a page: its own language when French or English, else `fallback`. */
export function pageLabelLang(site: SiteLanguages | undefined, fileLang: string | undefined, fallback: Lang, frontMatterLang?: unknown): Lang {
  return labelLangOf(pageLanguageTag(site, fileLang, frontMatterLang)) ?? fallback;
}
