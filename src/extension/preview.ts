import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { medguidePlugin, pageLabelLang, type AlertShortcodeSpec, type CollapseMode, type FrontMatterMode, type MedguideSettings } from '../core/markdown';
import type { ContentFile, HugoSite, SiteShortcodes } from '../core/site';
import type { Lang } from '../core/l10n';
import { languageFromName } from '../core/site/contentFiles';
import { currentLang } from './lang';
import { logFailure } from './log';
import { defaultHref } from '../core/markdown/context';
import type { SiteModel } from './siteModel';

/** The document being rendered: VS Code's preview puts it in markdown-it's `env.currentDocument`. */
function currentDocument(env: unknown): vscode.Uri | undefined {
  const doc = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  return doc instanceof vscode.Uri ? doc : undefined;
}

/** Each listed site's files by path, with their Hugo language (one map per listing). */
const languagesByListing = new WeakMap<readonly ContentFile[], Map<string, string>>();

/**
 * The Hugo language of a page: from the site's last listing (a translation's `.en.md`, a language's
 * `contentDir`), else from its name until the site is listed; undefined is the default language.
 */
export function fileLanguage(site: HugoSite, path: string): string | undefined {
  const files = site.snapshot()?.files;
  if (files) {
    let byPath = languagesByListing.get(files);
    if (!byPath) languagesByListing.set(files, (byPath = new Map(files.map((f) => [f.file, f.lang]))));
    const lang = byPath.get(path);
    if (lang !== undefined) return lang;
  }
  return languageFromName(path.slice(path.lastIndexOf('/') + 1), new Set(site.languages)).lang;
}

/** The preview's settings for a document (they may differ per workspace folder), or the window's without one. */
export function previewSettings(resource?: vscode.Uri): MedguideSettings {
  const config = vscode.workspace.getConfiguration('medguide', resource);
  const alerts = config.get<Record<string, AlertShortcodeSpec> | null>('shortcodes.alerts', null);
  return {
    lang: currentLang(),
    frontMatter: config.get<FrontMatterMode>('preview.frontMatter', 'card'),
    collapse: config.get<CollapseMode>('preview.collapse', 'open'),
    alertShortcodes: alerts && typeof alerts === 'object' && Object.keys(alerts).length > 0 ? alerts : undefined,
    pairedShortcodes: config.get<string[]>('shortcodes.paired', []),
  };
}

/** Settings per rendered document, read once and again after a change of them: the plugin asks at every parse and render. */
const settingsByDocument = new Map<string, MedguideSettings>();

export function clearPreviewCaches(): void {
  settingsByDocument.clear();
}

function documentSettings(uri: vscode.Uri | undefined): MedguideSettings {
  const key = uri?.toString() ?? '';
  let settings = settingsByDocument.get(key);
  if (!settings) {
    if (settingsByDocument.size >= 64) settingsByDocument.clear();
    settingsByDocument.set(key, (settings = previewSettings(uri)));
  }
  return settings;
}

/**
 * The settings with the site's shortcodes (its alerts under the settings' own, its paired and
 * standalone names) in the page's language: the same object while neither changes, so the
 * plugin, which asks at every parse and render, resolves them once.
 */
const withSiteCache = new WeakMap<MedguideSettings, WeakMap<SiteShortcodes, Map<string, MedguideSettings>>>();

function withSite(settings: MedguideSettings, known: SiteShortcodes, lang: Lang): MedguideSettings {
  let bySite = withSiteCache.get(settings);
  if (!bySite) withSiteCache.set(settings, (bySite = new WeakMap()));
  let byLang = bySite.get(known);
  if (!byLang) bySite.set(known, (byLang = new Map()));
  let out = byLang.get(lang);
  if (!out) {
    out = {
      ...settings,
      lang,
      alertShortcodes: { ...known.alerts, ...(settings.alertShortcodes ?? {}) },
      pairedShortcodes: [...known.paired, ...(settings.pairedShortcodes ?? [])],
      standaloneShortcodes: [...(known.standalone ?? [])],
    };
    byLang.set(lang, out);
  }
  return out;
}

/**
 * Registers what the preview needs and returns the markdown-it extender. Settings are read at
 * render time; a change to them, or to the site (pages, rules, templates), refreshes open previews.
 * The preview renders synchronously: it uses the site's last built page maps, and refreshes once
 * a site is read for the first time.
 */
export function registerPreview(context: vscode.ExtensionContext, sites: SiteModel): (md: MarkdownIt) => MarkdownIt {
  const refresh = () => void vscode.commands.executeCommand('markdown.preview.refresh');
  // Read once per document and on change: the plugin asks at every parse and render, and reading
  // VS Code's configuration costs more than rendering a short page.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('medguide')) {
        clearPreviewCaches();
        refresh();
      }
    }),
    sites.onDidChange(refresh),
    { dispose: clearPreviewCaches },
  );
  /**
   * The settings for one page: labels in the page's language (its site's languages; the setting
   * when the site does not say), the site's alert shortcodes (`.medguide.toml`) under the settings' own.
   */
  const siteSettings = (env: unknown): MedguideSettings => {
    const uri = currentDocument(env);
    const settings = documentSettings(uri);
    const site = uri ? sites.knownSite(uri) : undefined;
    if (!site || !uri) return settings;
    const lang = pageLabelLang(site.config, fileLanguage(site, uri.path), settings.lang ?? 'fr');
    const known = site.knownShortcodes();
    if (!known) return lang === settings.lang ? settings : { ...settings, lang };
    return withSite(settings, known, lang);
  };
  return (md: MarkdownIt) =>
    md.use(medguidePlugin, {
      getOptions: (env?: unknown) => siteSettings(env),
      getRefResolver: (env: unknown) => {
        const uri = currentDocument(env);
        const site = uri ? sites.knownSite(uri) : undefined;
        const resolver = site?.resolverFor(uri!.path);
        if (site && !site.isCurrent) void site.pageMaps().then(refresh, (e) => logFailure('Reading the site for the preview', e, uri));
        return resolver;
      },
      getCurrentPage: (env: unknown) => currentDocument(env)?.path,
      resolveHref: (file: string, anchor: string | undefined, env: unknown) => defaultHref(currentDocument(env)?.path, file, anchor),
    });
}
