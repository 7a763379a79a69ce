import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { registerMssanteCommand } from './mssanteCommand';

export interface MedguideApi {
  /** Called by VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): MedguideApi {
  registerMssanteCommand(context);
  return {
    extendMarkdownIt(md: MarkdownIt) {
      return md;
    },
  };
}

export function deactivate(): void {}
