import * as vscode from 'vscode';
import { langFromLocale, localize, setTranslator, type Args, type Lang, type Message, type Text } from '../core/l10n';

/** The language of MedGuide's messages: the `medguide.language` setting, or VS Code's display language. */
export function currentLang(): Lang {
  const setting = vscode.workspace.getConfiguration('medguide').get<string>('language', 'auto');
  return setting === 'fr' || setting === 'en' ? setting : langFromLocale(vscode.env.language);
}

/**
 * Every message of the extension goes through here, in the language {@link currentLang} gives (so
 * one input box or one Problems panel never mixes languages): `t('English text', arg0, arg1)` or
 * `t('English {name}', { name })`, the English text being the key in l10n/bundle.l10n.json and
 * l10n/bundle.l10n.fr.json, as with `vscode.l10n.t`. A core message (a `Message`) or a text already
 * in both languages goes through it too.
 */
export function t(message: string | Text, ...args: Array<string | number> | [Args]): string {
  const named: Args = args.length === 1 && typeof args[0] === 'object' ? args[0] : Object.fromEntries((args as Array<string | number>).map((a, i) => [String(i), a]));
  return localize(typeof message === 'string' ? (message as Message) : message, currentLang(), named);
}

/**
 * Reads VS Code's display language through `vscode.l10n`: when VS Code runs in French it has loaded
 * l10n/bundle.l10n.fr.json for the extension, and `vscode.l10n.t` gives its texts; in English the
 * English text is the key. The other language (`medguide.language` set against VS Code's) reads the
 * same catalogue bundled into the extension by esbuild, which works on the web too.
 */
export function useVscodeL10n(): vscode.Disposable {
  const lang = langFromLocale(vscode.env.language);
  // A French display language whose bundle VS Code did not load (a regional variant, say) keeps the bundled copy.
  if ((lang === 'fr') !== (vscode.l10n.bundle !== undefined)) return { dispose: () => undefined };
  setTranslator(lang, (message) => vscode.l10n.t(message));
  return { dispose: () => setTranslator(lang, undefined) };
}
