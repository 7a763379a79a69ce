import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { PageDiagnostics } from './diagnostics';
import { registerFrontMatterFeatures } from './frontMatterFeatures';
import { registerMssanteCommand } from './mssanteCommand';
import { registerNavigation, ShortcodeTemplates } from './navigation';
import { registerPreview } from './preview';
import { SiteConfigs } from './siteConfigs';
import { SiteIndex } from './siteIndex';

export interface MedguideApi {
  /** Called by VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): MedguideApi {
  const sites = new SiteIndex();
  const configDiagnostics = vscode.languages.createDiagnosticCollection('medguide-config');
  const configs = new SiteConfigs(configDiagnostics);
  const templates = new ShortcodeTemplates();
  const pages = new PageDiagnostics(configs, sites, templates);
  context.subscriptions.push(sites, templates, configDiagnostics, configs, pages);
  registerNavigation(context, sites, templates);
  const extendMarkdownIt = registerPreview(context, sites);
  registerFrontMatterFeatures(context, pages, configs, sites);
  registerMssanteCommand(context);
  return { extendMarkdownIt };
}

export function deactivate(): void {}
