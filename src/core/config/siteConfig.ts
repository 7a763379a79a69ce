/**
 * `.medguide.toml`: the site's rules, committed with the site and shared by the editor and the CLI.
 * The format is documented in docs/configuration.md. Pure: receives the file's text, never reads it.
 */
import { parse } from 'smol-toml';
import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { localize, type Bilingual, type Lang } from '../l10n';
import { LineIndex, stripBom } from '../text';
import { DEFAULT_KEY_RULES, KEY_TYPES, type KeyRule, type KeyType } from '../frontmatter/keys';
import { locateToml, type PathSegment } from '../frontmatter/locator';
import type { ConfiguredSeverity, PageRules } from '../frontmatter/rules';
import { locateTomlError, translateTomlReason } from '../frontmatter/tomlErrors';
import type { AlertShortcodeSpec } from '../markdown/options';
import { compileGlob, isValidGlob, type GlobMatcher } from './glob';
import { CONFIG_MESSAGES, EXPECTED } from './messages';
import { ConfigReader, isTable } from './reader';

export const CONFIG_FILE_NAME = '.medguide.toml';

/** What `.medguide.toml` may say about one key; unset fields keep the built-in rule. */
export interface KeyOverride {
  readonly type?: KeyType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly closed?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: Bilingual;
}

export interface SectionConfig {
  /** Globs relative to the site root (`content/recommandations/**`). */
  readonly paths: readonly string[];
  readonly matchers: readonly GlobMatcher[];
  /** Lower-case key → its spelling and override. */
  readonly keys: ReadonlyMap<string, { readonly name: string; readonly override: KeyOverride }>;
  readonly severity: ReadonlyMap<string, ConfiguredSeverity>;
}

export interface SiteConfig {
  /** Rules for pages outside every section: built-in keys merged with the site's. */
  readonly base: PageRules;
  readonly sections: readonly SectionConfig[];
  /** Globs of pages not checked at all (snippet pages without front matter…). */
  readonly skip: readonly string[];
  readonly skipMatchers: readonly GlobMatcher[];
  /** Codes turned off everywhere (same as `off` in `[severity]`). */
  readonly ignore: readonly string[];
  /** Test identities the NIR checks accept (written as the site writes them). */
  readonly testIdentities: readonly string[];
  /** `[shortcodes]`: names that must be closed and the site's alert shortcodes, read by the editor and the CLI alike. */
  readonly shortcodes?: SiteShortcodeConfig;
}

export interface SiteShortcodeConfig {
  readonly paired: readonly string[];
  readonly alerts: Readonly<Record<string, AlertShortcodeSpec>>;
}

export interface ParsedSiteConfig {
  readonly config: SiteConfig;
  /** Problems in the configuration file itself, located in it. */
  readonly diagnostics: readonly Diagnostic[];
}

export const DEFAULT_SITE_CONFIG: SiteConfig = {
  base: { keys: DEFAULT_KEY_RULES, severity: new Map(), skip: false },
  sections: [],
  skip: [],
  skipMatchers: [],
  ignore: [],
  testIdentities: [],
};

const OPTIONS = ['skip', 'ignore', 'testIdentities', 'extraKeys', 'severity', 'keys', 'sections', 'shortcodes'] as const;
const SHORTCODE_OPTIONS = ['paired', 'alerts'] as const;
const ALERT_OPTIONS = ['type', 'typeArgs', 'titleArgs'] as const;
const KEY_OPTIONS = ['type', 'required', 'values', 'closed', 'minLength', 'maxLength', 'description'] as const;
const SECTION_OPTIONS = ['paths', 'keys', 'severity'] as const;
const SEVERITIES: Readonly<Record<string, ConfiguredSeverity>> = {
  error: 'error',
  warning: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
};

const SITE_KEY = { fr: 'Clé propre au site.', en: 'Site-specific key.' } as const;

/** A key's rule after an override (a new key starts as an optional key of any type). */
export function applyOverride(base: KeyRule | undefined, name: string, o: KeyOverride): KeyRule {
  const values = o.values ?? base?.values;
  return {
    name: base?.name ?? name,
    type: o.type ?? base?.type ?? 'any',
    required: o.required ?? base?.required ?? false,
    ...(values ? { values } : {}),
    // Listing values closes the vocabulary unless `closed = false` says it is only a suggestion list.
    closed: o.closed ?? (o.values ? true : (base?.closed ?? false)),
    ...(o.minLength ?? base?.minLength) !== undefined ? { minLength: o.minLength ?? base?.minLength } : {},
    ...(o.maxLength ?? base?.maxLength) !== undefined ? { maxLength: o.maxLength ?? base?.maxLength } : {},
    hugo: base?.hugo ?? false,
    description: o.description ?? base?.description ?? SITE_KEY,
    ...(base?.note ? { note: base.note } : {}),
  };
}

function readSeverity(r: ConfigReader, value: unknown, path: readonly PathSegment[]): Map<string, ConfiguredSeverity> {
  const out = new Map<string, ConfiguredSeverity>();
  const table = r.table(value, path);
  if (!table) return out;
  for (const [code, v] of Object.entries(table)) {
    const p = [...path, code];
    const s = r.string(v, p);
    if (s === undefined) continue;
    const sev = SEVERITIES[s.toLowerCase()];
    if (sev) out.set(code, sev);
    else r.report('config-value', r.valueRange(p), CONFIG_MESSAGES.severity, { value: s });
  }
  return out;
}

function readDescription(r: ConfigReader, value: unknown, path: readonly PathSegment[]): Bilingual | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { fr: value, en: value };
  if (isTable(value) && typeof value.fr === 'string' && typeof value.en === 'string') return { fr: value.fr, en: value.en };
  r.typeError(path, EXPECTED.description);
  return undefined;
}

function readKeyOverride(r: ConfigReader, value: unknown, path: readonly PathSegment[]): KeyOverride | undefined {
  const t = r.table(value, path);
  if (!t) return undefined;
  r.checkOptions(t, path, KEY_OPTIONS);
  const o: { -readonly [K in keyof KeyOverride]: KeyOverride[K] } = {};
  const type = r.string(t.type, [...path, 'type']);
  if (type !== undefined) {
    if ((KEY_TYPES as readonly string[]).includes(type)) o.type = type as KeyType;
    else r.report('config-value', r.valueRange([...path, 'type']), CONFIG_MESSAGES.keyType, { value: type, types: KEY_TYPES.join(', ') });
  }
  o.required = r.boolean(t.required, [...path, 'required']);
  o.values = r.stringArray(t.values, [...path, 'values']);
  o.closed = r.boolean(t.closed, [...path, 'closed']);
  o.minLength = r.count(t.minLength, [...path, 'minLength']);
  o.maxLength = r.count(t.maxLength, [...path, 'maxLength']);
  o.description = readDescription(r, t.description, [...path, 'description']);
  for (const k of Object.keys(o) as (keyof KeyOverride)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function readKeys(r: ConfigReader, value: unknown, path: readonly PathSegment[]): Map<string, { name: string; override: KeyOverride }> {
  const out = new Map<string, { name: string; override: KeyOverride }>();
  const table = r.table(value, path);
  if (!table) return out;
  for (const [name, v] of Object.entries(table)) {
    const override = readKeyOverride(r, v, [...path, name]);
    if (override) out.set(name.toLowerCase(), { name, override });
  }
  return out;
}

function readGlobs(r: ConfigReader, value: unknown, path: readonly PathSegment[]): string[] {
  const globs = r.stringArray(value, path) ?? [];
  return globs.filter((g, i) => {
    if (isValidGlob(g)) return true;
    r.report('config-value', r.valueRange([...path, i]), CONFIG_MESSAGES.glob, { value: g });
    return false;
  });
}

function readSections(r: ConfigReader, value: unknown): SectionConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isTable)) {
    r.typeError(['sections'], EXPECTED.tables);
    return [];
  }
  const out: SectionConfig[] = [];
  value.forEach((s: Record<string, unknown>, i) => {
    const path = ['sections', i];
    r.checkOptions(s, path, SECTION_OPTIONS);
    const paths = readGlobs(r, s.paths, [...path, 'paths']);
    if (s.paths === undefined) r.report('config-value', r.keyRange(path), CONFIG_MESSAGES.noPaths);
    out.push({
      paths,
      matchers: paths.map(compileGlob),
      keys: readKeys(r, s.keys, [...path, 'keys']),
      severity: readSeverity(r, s.severity, [...path, 'severity']),
    });
  });
  return out;
}

/** `typeArgs`/`titleArgs`: Hugo's `.Get` by position (integer) or by name (string). */
function readArgList(r: ConfigReader, value: unknown, path: readonly PathSegment[]): (string | number)[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 0))) {
    return value as (string | number)[];
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'bigint')) return value.map((v) => (typeof v === 'bigint' ? Number(v) : v));
  r.typeError(path, EXPECTED.argList);
  return undefined;
}

function readShortcodes(r: ConfigReader, value: unknown): SiteShortcodeConfig | undefined {
  const t = r.table(value, ['shortcodes']);
  if (!t) return undefined;
  r.checkOptions(t, ['shortcodes'], SHORTCODE_OPTIONS);
  const paired = (r.stringArray(t.paired, ['shortcodes', 'paired']) ?? []).map((n) => n.toLowerCase());
  const alerts: Record<string, AlertShortcodeSpec> = {};
  const table = r.table(t.alerts, ['shortcodes', 'alerts']);
  for (const [name, v] of Object.entries(table ?? {})) {
    const path = ['shortcodes', 'alerts', name];
    const a = r.table(v, path);
    if (!a) continue;
    r.checkOptions(a, path, ALERT_OPTIONS);
    const type = r.string(a.type, [...path, 'type']);
    const typeArgs = readArgList(r, a.typeArgs, [...path, 'typeArgs']);
    const titleArgs = readArgList(r, a.titleArgs, [...path, 'titleArgs']);
    alerts[name.toLowerCase()] = { ...(type !== undefined ? { type } : {}), ...(typeArgs ? { typeArgs } : {}), ...(titleArgs ? { titleArgs } : {}) };
  }
  return { paired, alerts };
}

/**
 * Reads `.medguide.toml`. Problems in the file come back as diagnostics located in it; a file that
 * is not valid TOML yields the default configuration. Never throws.
 */
export function parseSiteConfig(text: string, lang: Lang = 'fr'): ParsedSiteConfig {
  const t = stripBom(typeof text === 'string' ? text : '');
  const index = new LineIndex(t);
  let data: Record<string, unknown>;
  try {
    data = parse(t.replace(/\r(?!\n)/g, '\n')) as Record<string, unknown>;
  } catch (e) {
    const { range: r, reason } = locateTomlError(e, 0, index.lineCount - 1, index);
    const message = localize(CONFIG_MESSAGES.syntax, lang, { reason: translateTomlReason(reason, lang) });
    return { config: DEFAULT_SITE_CONFIG, diagnostics: [{ code: 'toml-syntax', severity: 'error', range: r, message, data: { reason } }] };
  }
  try {
    return readConfig(data, new ConfigReader(index, locateToml(t), lang));
  } catch {
    return { config: DEFAULT_SITE_CONFIG, diagnostics: [] };
  }
}

function readConfig(data: Record<string, unknown>, r: ConfigReader): ParsedSiteConfig {
  r.checkOptions(data, [], OPTIONS);
  const keys = new Map(DEFAULT_KEY_RULES);
  for (const name of r.stringArray(data.extraKeys, ['extraKeys']) ?? []) {
    if (!keys.has(name.toLowerCase())) keys.set(name.toLowerCase(), applyOverride(undefined, name, {}));
  }
  for (const [lower, { name, override }] of readKeys(r, data.keys, ['keys'])) {
    keys.set(lower, applyOverride(keys.get(lower), name, override));
  }
  const ignore = r.stringArray(data.ignore, ['ignore']) ?? [];
  const severity = readSeverity(r, data.severity, ['severity']);
  for (const code of ignore) severity.set(code, 'off');
  const skip = readGlobs(r, data.skip, ['skip']);
  const config: SiteConfig = {
    base: { keys, severity, skip: false },
    sections: readSections(r, data.sections),
    skip,
    skipMatchers: skip.map(compileGlob),
    ignore,
    testIdentities: r.stringArray(data.testIdentities, ['testIdentities']) ?? [],
  };
  const shortcodes = data.shortcodes !== undefined ? readShortcodes(r, data.shortcodes) : undefined;
  if (shortcodes) (config as { shortcodes?: SiteShortcodeConfig }).shortcodes = shortcodes;
  return { config, diagnostics: [...r.diagnostics].sort(compareDiagnostics) };
}
