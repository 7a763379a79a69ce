/** Languages the core speaks. French first: the authors are French general practitioners. */
export type Lang = 'fr' | 'en';

/** A message in both languages; `{name}` placeholders are filled by {@link format}. */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** Picks the language from a BCP 47 locale ("fr", "fr-FR", "fr_CA.UTF-8"…); anything not French is English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return /^fr\b|^fr[-_]/i.test((locale ?? '').trim()) ? 'fr' : 'en';
}

/** Fills `{name}` placeholders; unknown placeholders stay as written so a typo shows instead of vanishing. */
export function format(template: string, args: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : whole,
  );
}

/** The message in `lang`, with its placeholders filled. */
export function localize(message: Bilingual, lang: Lang, args?: Readonly<Record<string, string | number>>): string {
  return format(message[lang], args);
}
