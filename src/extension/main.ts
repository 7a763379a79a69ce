import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { registerAnnuaire } from './annuaire';
import { registerConventionsCommand } from './conventionsCommand';
import { PageDiagnostics } from './diagnostics';
import { registerFrontMatterFeatures } from './frontMatterFeatures';
import { registerHealth } from './health';
import { useVscodeL10n } from './lang';
import { createLog } from './log';
import { registerMssanteCommand } from './mssanteCommand';
import { registerNavigation } from './navigation';
import { registerPreview } from './preview';
import { SiteModel } from './siteModel';
import { registerTomlFallback } from './tomlFiles';
import { clearModuleCaches } from './caches';

export interface MedguideApi {
  /** Called by VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function activate(context: vscode.ExtensionContext): MedguideApi {
  // First, so that every failure caught from here on is logged ("MedGuide" in the Output panel).
  createLog(context.subscriptions).info(`MedGuide ${String(context.extension.packageJSON.version)} started`);
  // Every message, core and glue, from l10n/bundle.l10n*.json in the language of `medguide.language`.
  context.subscriptions.push(useVscodeL10n());
  // One model of the Hugo sites for every feature; it watches a site only once a page of it is opened.
  const configDiagnostics = vscode.languages.createDiagnosticCollection('medguide-config');
  const sites = new SiteModel(configDiagnostics);
  const pages = new PageDiagnostics(sites);
  context.subscriptions.push(configDiagnostics, sites, pages);
  registerNavigation(context, sites);
  const extendMarkdownIt = registerPreview(context, sites);
  registerFrontMatterFeatures(context, pages, sites);
  registerMssanteCommand(context);
  registerAnnuaire(context, pages);
  registerConventionsCommand(context, sites);
  registerHealth(context, sites);
  registerTomlFallback(context);
  return { extendMarkdownIt };
}

/** Everything registered is in `context.subscriptions` (VS Code disposes them); the module-level caches go here. */
export function deactivate(): void {
  clearModuleCaches();
}
