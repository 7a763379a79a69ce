import type { Lang } from '../l10n';
import type { RefResolver } from '../shortcodes/diagnostics';
import { keepLastCall } from '../memo';
import { shortcodeKey } from '../shortcodes/scan';

export type FrontMatterMode = 'card' | 'table' | 'hide';
export type CollapseMode = 'open' | 'closed' | 'authored';

/**
 * How an alert shortcode gives its type and title: Hugo's `.Get` by position (number) or by key
 * (string), first one present wins. `type` is used when no argument gives one.
 */
export interface AlertShortcodeSpec {
  readonly type?: string;
  readonly typeArgs?: readonly (number | string)[];
  readonly titleArgs?: readonly (number | string)[];
}

/** What the user can change in the settings; read at every parse and render. */
export interface MedguideSettings {
  readonly lang?: Lang;
  readonly frontMatter?: FrontMatterMode;
  readonly collapse?: CollapseMode;
  /** Replaces the default set; spread {@link DEFAULT_ALERT_SHORTCODES} to extend it. */
  readonly alertShortcodes?: Readonly<Record<string, AlertShortcodeSpec>>;
  /** Extra shortcode names that always take a body (besides collapse, the alerts, details, tabs…). */
  readonly pairedShortcodes?: readonly string[];
  /**
   * Names the site's own templates define without reading `.Inner`: they take no body, whatever
   * the defaults above say (Hugo asks the template).
   */
  readonly standaloneShortcodes?: readonly string[];
}

export interface MedguidePluginOptions {
  /** Called at parse and render time (with markdown-it's `env`), so a settings change applies without re-registering. */
  getOptions?(env?: unknown): MedguideSettings | undefined;
  /**
   * The site model's ref lookup for the page being rendered (Hugo's rules, languages, bundles);
   * when given it replaces `getPageIndex`, and `resolveHref` receives the target's file.
   */
  getRefResolver?(env: unknown): RefResolver | undefined;
  /** Content-relative paths of the site's pages (`recommandations/hta.md`), for relref. */
  getPageIndex?(env: unknown): readonly string[] | undefined;
  /** The content-relative path of the page being rendered, from markdown-it's `env`. */
  getCurrentPage?(env: unknown): string | undefined;
  /** The href a resolved relref links to; defaults to a path relative to the current page. */
  resolveHref?(contentRelativePath: string, anchor: string | undefined, env: unknown): string;
}

export const DEFAULT_ALERT_SHORTCODES: Readonly<Record<string, AlertShortcodeSpec>> = {
  alert: { type: 'info', typeArgs: ['color', 'type', 0], titleArgs: ['title'] },
  notice: { type: 'note', typeArgs: [0, 'type'], titleArgs: [1, 'title'] },
  hint: { type: 'info', typeArgs: [0, 'type'], titleArgs: ['title'] },
  callout: { type: 'note', typeArgs: ['type', 'color', 0], titleArgs: ['title'] },
  admonition: { type: 'note', typeArgs: [0, 'type'], titleArgs: [1, 'title'] },
  info: { type: 'info', titleArgs: [0, 'title'] },
  note: { type: 'note', titleArgs: [0, 'title'] },
  tip: { type: 'tip', titleArgs: [0, 'title'] },
  warning: { type: 'warning', titleArgs: [0, 'title'] },
  danger: { type: 'danger', titleArgs: [0, 'title'] },
};

export interface ResolvedSettings {
  readonly lang: Lang;
  readonly frontMatter: FrontMatterMode;
  readonly collapse: CollapseMode;
  readonly alertShortcodes: ReadonlyMap<string, AlertShortcodeSpec>;
  readonly pairedShortcodes: readonly string[];
  /** Lower case. */
  readonly standaloneShortcodes: ReadonlySet<string>;
}

const FRONT_MATTER_MODES: readonly FrontMatterMode[] = ['card', 'table', 'hide'];
const COLLAPSE_MODES: readonly CollapseMode[] = ['open', 'closed', 'authored'];

/**
 * The last settings resolved, with the values they were resolved from: the plugin asks at every
 * parse and render, and the host usually gives the same values each time (the same record and list
 * of shortcodes: settings are read-only, a change comes as new objects). Resolved settings are never
 * modified (a page's `lang` makes a copy), so sharing them is safe.
 */
const resolvedValues = keepLastCall(resolveValues);

/** Forgets the last settings resolved (on deactivation). */
export function clearResolvedSettings(): void {
  resolvedValues.clear();
}

/** Settings with defaults filled in; anything malformed falls back to the default, never throws. */
export function resolveSettings(options: MedguidePluginOptions, env?: unknown): ResolvedSettings {
  let s: MedguideSettings | undefined;
  try {
    s = options.getOptions?.(env);
  } catch {
    s = undefined;
  }
  // Each value read once: what is compared is what is resolved.
  return resolvedValues(s?.lang, s?.frontMatter, s?.collapse, s?.alertShortcodes, s?.pairedShortcodes, s?.standaloneShortcodes);
}

const NO_NAMES: ReadonlySet<string> = new Set();

function resolveValues(lang: unknown, frontMatter: unknown, collapse: unknown, alertShortcodes: unknown, pairedShortcodes: unknown, standaloneShortcodes: unknown): ResolvedSettings {
  const alerts = new Map<string, AlertShortcodeSpec>();
  const source = alertShortcodes && typeof alertShortcodes === 'object' ? (alertShortcodes as Record<string, AlertShortcodeSpec>) : DEFAULT_ALERT_SHORTCODES;
  for (const [name, spec] of Object.entries(source)) {
    if (spec && typeof spec === 'object') alerts.set(name.toLowerCase(), spec);
  }
  return {
    lang: lang === 'en' ? 'en' : 'fr',
    frontMatter: FRONT_MATTER_MODES.includes(frontMatter as FrontMatterMode) ? (frontMatter as FrontMatterMode) : 'card',
    collapse: COLLAPSE_MODES.includes(collapse as CollapseMode) ? (collapse as CollapseMode) : 'open',
    alertShortcodes: alerts,
    pairedShortcodes: Array.isArray(pairedShortcodes) ? (pairedShortcodes as unknown[]).filter((n): n is string => typeof n === 'string') : [],
    standaloneShortcodes: Array.isArray(standaloneShortcodes)
      ? new Set((standaloneShortcodes as unknown[]).filter((n): n is string => typeof n === 'string').map(shortcodeKey))
      : NO_NAMES,
  };
}
