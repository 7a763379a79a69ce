import fr from '../../l10n/bundle.l10n.fr.json';
import { keepResults, type Memo } from './memo';

/** Languages MedGuide speaks. French first: the authors are French general practitioners. */
export type Lang = 'fr' | 'en';

declare const MESSAGE: unique symbol;
/**
 * A message: its English template, which is also its key in the catalogues (`l10n/bundle.l10n.json`,
 * `l10n/bundle.l10n.fr.json`), with `{name}` (or `{0}`) placeholders. Written `msg('…')` so a test
 * finds every key used in the sources.
 */
export type Message = string & { readonly [MESSAGE]: true };

/** Marks an English template as a catalogue key. */
export function msg(english: string): Message {
  return english as Message;
}

/** Arguments that fill a message's placeholders. */
export type Args = Readonly<Record<string, string | number>>;

/** Turns a catalogue key into the text of one language, placeholders unfilled (localize() fills them). */
export type Translator = (message: string) => string;

/** A text that is already in both languages (a `description = { fr, en }` of the site's `.medguide.toml`, say). */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** Picks the language from a BCP 47 locale ("fr", "fr-FR", "fr_CA.UTF-8"…); anything not French is English. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return /^fr\b|^fr[-_]/i.test((locale ?? '').trim()) ? 'fr' : 'en';
}

/**
 * Fills `{name}` (and `{0}`) placeholders; unknown placeholders stay as written so a typo shows instead
 * of vanishing. Not `vscode.l10n.t`'s own formatting: it reads `{{% /{name} %}}` (a shortcode in a
 * message) as one placeholder `{% /{name}`, so the translators only look the text up, unformatted.
 */
export function format(template: string, args: Args = {}): string {
  let brace = template.indexOf('{');
  if (brace < 0) return template;
  // `{name}` with `name` of word characters (`\w`), as the regular expression `/\{(\w+)\}/g` reads
  // them, without a callback per placeholder.
  let out = '';
  let last = 0;
  while (brace >= 0) {
    let end = brace + 1;
    while (end < template.length && isWordChar(template.charCodeAt(end))) end++;
    if (end > brace + 1 && template.charCodeAt(end) === 0x7d /* } */) {
      const name = template.slice(brace + 1, end);
      if (Object.prototype.hasOwnProperty.call(args, name)) {
        out += template.slice(last, brace) + String(args[name]);
        last = end + 1;
      }
      brace = template.indexOf('{', end + 1);
    } else {
      brace = template.indexOf('{', brace + 1);
    }
  }
  return last === 0 ? template : out + template.slice(last);
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

const ENGLISH: Readonly<Record<string, string>> = {};

/**
 * The catalogue of one language, as bundled (esbuild inlines the JSON: it works in the browser too).
 * English texts are the keys themselves: l10n/bundle.l10n.json (key → key) is not bundled.
 */
export function catalogue(lang: Lang): Readonly<Record<string, string>> {
  return lang === 'fr' ? fr : ENGLISH;
}

/** A translator that reads a catalogue (English key → text), as `@vscode/l10n`'s `config({ contents })` does. */
export function catalogueTranslator(contents: Readonly<Record<string, string>>): Translator {
  return (message) => {
    const text = Object.prototype.hasOwnProperty.call(contents, message) ? contents[message] : undefined;
    return typeof text === 'string' && text !== '' ? text : message;
  };
}

const DEFAULTS: Readonly<Record<Lang, Translator>> = { fr: catalogueTranslator(fr), en: catalogueTranslator(ENGLISH) };
const translators: Record<Lang, Translator> = { ...DEFAULTS };

/**
 * The front end says how a language's messages are read: the extension gives `vscode.l10n.t` for VS
 * Code's display language, the CLI `@vscode/l10n`'s `t`. Without one, the bundled catalogue is read.
 * `undefined` puts the bundled catalogue back.
 */
export function setTranslator(lang: Lang, translator: Translator | undefined): void {
  translators[lang] = translator ?? DEFAULTS[lang];
}

/** The translator `localize` reads for `lang` now: a text kept from an earlier render is still right while it is the same. */
export function translatorOf(lang: Lang): Translator {
  return translators[lang];
}

/** A catalogue message, or a text already in both languages. */
export type Text = Message | Bilingual;

/** The message (or text) in `lang`, with its placeholders filled. */
export function localize(message: Text, lang: Lang, args?: Args): string {
  return format(typeof message === 'string' ? translate(lang, message) : message[lang], args);
}

/**
 * Texts already looked up, by translator: a translator gives the same text for the same message (the
 * preview asks for its labels at every render, and `vscode.l10n.t` is not free). A new translator
 * starts a new list; the number of messages kept is bounded.
 */
const translated = new WeakMap<Translator, Memo<[string], string>>();

function translate(lang: Lang, message: string): string {
  const translator = translators[lang];
  let texts = translated.get(translator);
  if (!texts) translated.set(translator, (texts = keepResults(translator, { max: 1024 })));
  return texts(message);
}

/** A message in both languages (for texts kept in both, like the reasons of inferred rules). */
export function bilingual(message: Message, args?: Args): Bilingual {
  return { fr: localize(message, 'fr', args), en: localize(message, 'en', args) };
}
