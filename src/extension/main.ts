import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { registerConventionsCommand } from './conventionsCommand';
import { PageDiagnostics } from './diagnostics';
import { registerFrontMatterFeatures } from './frontMatterFeatures';
import { registerHealth } from './health';
import { registerMssanteCommand } from './mssanteCommand';
import { registerNavigation } from './navigation';
import { registerPreview } from './preview';
import { SiteModel } from './siteModel';

export interface MedguideApi {
  /** Called by VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): MedguideApi {
  // One model of the Hugo sites for every feature; it watches a site only once a page of it is opened.
  const configDiagnostics = vscode.languages.createDiagnosticCollection('medguide-config');
  const sites = new SiteModel(configDiagnostics);
  const pages = new PageDiagnostics(sites);
  context.subscriptions.push(configDiagnostics, sites, pages);
  registerNavigation(context, sites);
  const extendMarkdownIt = registerPreview(context, sites);
  registerFrontMatterFeatures(context, pages, sites);
  registerMssanteCommand(context);
  registerConventionsCommand(context, sites);
  registerHealth(context, sites);
  return { extendMarkdownIt };
}

export function deactivate(): void {}
