import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { registerMssanteCommand } from './mssanteCommand';
import { registerPreview } from './preview';
import { SiteIndex } from './siteIndex';

export interface MedguideApi {
  /** Called by VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): MedguideApi {
  const sites = new SiteIndex();
  context.subscriptions.push(sites);
  const extendMarkdownIt = registerPreview(context, sites);
  registerMssanteCommand(context);
  return { extendMarkdownIt };
}

export function deactivate(): void {}
