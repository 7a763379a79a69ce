import * as vscode from 'vscode';
import { logFailure } from './log';

/** MedGuide's own TOML language: `.medguide.toml` by its name, and the front matter's embedded TOML. */
export const MEDGUIDE_TOML = 'medguide-toml';

/**
 * MedGuide does not claim VS Code's `toml` language: a TOML extension (Even Better TOML…) keeps
 * `.toml` files. When none is installed, a `.toml` file opens as plain text; MedGuide's grammar
 * then highlights it (a Hugo site's `hugo.toml`, `config/_default/*.toml`). A file that an
 * extension gives the `toml` language, or another one, is left as it is.
 */
export function registerTomlFallback(context: vscode.ExtensionContext): void {
  let tomlProvided: Promise<boolean> | undefined;
  const adopt = async (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || !/\.toml$/i.test(document.uri.path)) return;
    tomlProvided ??= Promise.resolve(vscode.languages.getLanguages()).then((ids) => ids.includes('toml'));
    if (await tomlProvided) return;
    if (document.isClosed || document.languageId !== 'plaintext') return;
    try {
      await vscode.languages.setTextDocumentLanguage(document, MEDGUIDE_TOML);
    } catch (e) {
      logFailure('Highlighting a TOML file', e, document.uri);
    }
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void adopt(d)),
    // Extensions installed or removed meanwhile: ask again.
    vscode.extensions.onDidChange(() => (tomlProvided = undefined)),
  );
  for (const d of vscode.workspace.textDocuments) void adopt(d);
}
