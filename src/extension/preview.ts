import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { medguidePlugin, type AlertShortcodeSpec, type CollapseMode, type FrontMatterMode, type MedguideSettings } from '../core/markdown';
import { currentLang } from './lang';
import { defaultHref } from '../core/markdown/context';
import type { SiteModel } from './siteModel';

/** The document being rendered: VS Code's preview puts it in markdown-it's `env.currentDocument`. */
function currentDocument(env: unknown): vscode.Uri | undefined {
  const doc = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  return doc instanceof vscode.Uri ? doc : undefined;
}

export function previewSettings(): MedguideSettings {
  const config = vscode.workspace.getConfiguration('medguide');
  const alerts = config.get<Record<string, AlertShortcodeSpec> | null>('shortcodes.alerts', null);
  return {
    lang: currentLang(),
    frontMatter: config.get<FrontMatterMode>('preview.frontMatter', 'card'),
    collapse: config.get<CollapseMode>('preview.collapse', 'open'),
    alertShortcodes: alerts && typeof alerts === 'object' && Object.keys(alerts).length > 0 ? alerts : undefined,
    pairedShortcodes: config.get<string[]>('shortcodes.paired', []),
  };
}

/**
 * Registers what the preview needs and returns the markdown-it extender. Settings are read at
 * render time; a change to them, or to the site (pages, rules, templates), refreshes open previews.
 * The preview renders synchronously: it uses the site's last built page maps, and refreshes once
 * a site is read for the first time.
 */
export function registerPreview(context: vscode.ExtensionContext, sites: SiteModel): (md: MarkdownIt) => MarkdownIt {
  const refresh = () => void vscode.commands.executeCommand('markdown.preview.refresh');
  // Read once and on change: the plugin asks at every parse and render, and reading VS Code's
  // configuration costs more than rendering a short page.
  let settings = previewSettings();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('medguide')) {
        settings = previewSettings();
        refresh();
      }
    }),
    sites.onDidChange(refresh),
  );
  /** The site's alert shortcodes (`.medguide.toml`) under the settings' own. */
  const siteSettings = (env: unknown): MedguideSettings => {
    const uri = currentDocument(env);
    const site = uri ? sites.knownSite(uri) : undefined;
    const alerts = site?.knownShortcodes()?.alerts;
    if (!alerts) return settings;
    return { ...settings, alertShortcodes: { ...alerts, ...(settings.alertShortcodes ?? {}) }, pairedShortcodes: [...(site?.knownShortcodes()?.paired ?? []), ...(settings.pairedShortcodes ?? [])] };
  };
  return (md: MarkdownIt) =>
    md.use(medguidePlugin, {
      getOptions: (env?: unknown) => siteSettings(env),
      getRefResolver: (env: unknown) => {
        const uri = currentDocument(env);
        const site = uri ? sites.knownSite(uri) : undefined;
        const resolver = site?.resolverFor(uri!.path);
        if (site && !site.isCurrent) void site.pageMaps().then(refresh, () => undefined);
        return resolver;
      },
      getCurrentPage: (env: unknown) => currentDocument(env)?.path,
      resolveHref: (file: string, anchor: string | undefined, env: unknown) => defaultHref(currentDocument(env)?.path, file, anchor),
    });
}
