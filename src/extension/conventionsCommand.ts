import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../core/config';
import { writeRulesToml } from '../core/conventions';
import type { HugoSite } from '../core/site';
import { currentLang, t } from './lang';
import { isNotFound, logFailure } from './log';
import type { SiteModel } from './siteModel';

export const WRITE_RULES = 'medguide.writeRules';

/** Options of the command when a test or another extension calls it. */
export interface WriteRulesOptions {
  /** What to do when `.medguide.toml` exists: `true` replaces it, `false` leaves it; unset asks (modal, default: leave it). */
  readonly replace?: boolean;
}

async function siteOf(sites: SiteModel, uri: vscode.Uri | undefined): Promise<{ uri: vscode.Uri; site: HugoSite } | undefined> {
  const from = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (from && from.scheme !== 'untitled') {
    const site = await sites.siteFor(from);
    if (site) return { uri: from, site };
  }
  const all = await sites.allSites();
  if (all.length <= 1) return all[0];
  const pick = await vscode.window.showQuickPick(
    all.map((s) => ({ label: vscode.workspace.asRelativePath(s.uri.with({ path: s.site.root }), true), item: s })),
    { placeHolder: t('Which site?') },
  );
  return pick?.item;
}

/**
 * "MedGuide: Write the Site's Rules": the site's own rules (Front Matter CMS's frontmatter.json,
 * the conventions of its pages) written as a commented `.medguide.toml` at the site root and
 * opened, for the author to review, edit and commit. Never replaces an existing file without asking.
 */
export function registerConventionsCommand(context: vscode.ExtensionContext, sites: SiteModel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(WRITE_RULES, async (uri?: vscode.Uri, options: WriteRulesOptions = {}): Promise<vscode.Uri | undefined> => {
      const found = await siteOf(sites, uri instanceof vscode.Uri ? uri : undefined);
      if (!found) {
        void vscode.window.showInformationMessage(t('MedGuide found no Hugo site in this workspace.'));
        return undefined;
      }
      const target = found.uri.with({ path: `${found.site.root}/${CONFIG_FILE_NAME}`, query: '', fragment: '' });
      let exists = true;
      try {
        await vscode.workspace.fs.stat(target);
      } catch (e) {
        if (!isNotFound(e)) logFailure('Looking for the site\'s .medguide.toml', e, target);
        exists = false;
      }
      if (exists) {
        let replace = options.replace;
        if (replace === undefined) {
          const yes = t('Replace');
          const answer = await vscode.window.showWarningMessage(
            t('This site already has a .medguide.toml. Replace it with the rules MedGuide finds in the site?'),
            { modal: true },
            yes,
          );
          replace = answer === yes;
        }
        if (!replace) return undefined;
      }
      const rules = await found.site.conventions();
      const text = writeRulesToml(rules.config, rules.sources ?? {}, currentLang(), new Date().toISOString().slice(0, 10));
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
      return target;
    }),
  );
}
