import * as vscode from 'vscode';
import type { SiteIndex } from './siteIndex';

/**
 * Outline, folding, relref links and completion for guide pages. First version: the providers
 * land in the next commits; the signature is the one main.ts calls.
 */
export function registerNavigation(context: vscode.ExtensionContext, sites: SiteIndex): void {
  void context;
  void sites;
}
