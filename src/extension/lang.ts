import * as vscode from 'vscode';
import { langFromLocale, type Lang } from '../core/l10n';

/** The language of MedGuide's messages: the `medguide.language` setting, or VS Code's display language. */
export function currentLang(): Lang {
  const setting = vscode.workspace.getConfiguration('medguide').get<string>('language', 'auto');
  return setting === 'fr' || setting === 'en' ? setting : langFromLocale(vscode.env.language);
}
