/**
 * `.medguide.toml`: the site's rules, committed with the site and shared by the editor and the CLI.
 * The format is documented in docs/configuration.md. Pure: receives the file's text, never reads it.
 */
import { parse } from 'smol-toml';
import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { type Text, type Lang, localize, msg } from '../l10n';
import { LineIndex, stripBom } from '../text';
import { DEFAULT_KEY_RULES, KEY_TYPES, type KeyRule, type KeyType, type RuleOrigin, type RuleSource, type RuleWhy } from '../frontmatter/keys';
import { locateToml, type PathSegment } from '../frontmatter/locator';
import type { ConfiguredSeverity, PageRules } from '../frontmatter/rules';
import { describeOpenStructure, locateTomlError, translateTomlReason } from '../frontmatter/tomlErrors';
import type { AlertShortcodeSpec } from '../markdown/options';
import { compileGlob, isValidGlob, type GlobMatcher } from './glob';
import { CONFIG_MESSAGES, EXPECTED } from './messages';
import { ConfigReader, isTable } from './reader';
import { ownValue } from '../own';

export const CONFIG_FILE_NAME = '.medguide.toml';

/** What `.medguide.toml` may say about one key; unset fields keep the built-in rule. */
export interface KeyOverride {
  readonly type?: KeyType;
  readonly required?: boolean;
  readonly values?: readonly string[];
  readonly closed?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: Text;
  /** Bounds of a number (`minimum`, `maximum`). */
  readonly minimum?: number;
  readonly maximum?: number;
  /** Where the override comes from (frontmatter.json, inference); absent: `.medguide.toml`. See src/core/conventions. */
  readonly origin?: OverrideOrigin;
}

/** The source of an override and, per aspect, the reason to show in messages. */
export interface OverrideOrigin {
  readonly source: RuleSource;
  readonly key?: Text;
  readonly required?: Text;
  readonly type?: Text;
  readonly values?: Text;
  readonly bounds?: Text;
}

/** `[types.NAME]`: rules for the pages whose `type` front matter key is NAME (applied after the sections). */
export interface TypeConfig {
  readonly keys: ReadonlyMap<string, { readonly name: string; readonly override: KeyOverride }>;
}

/** `[infer]`: learn the site's conventions from its pages beneath this file's rules (thresholds: src/core/conventions/infer.ts). */
export interface InferConfig {
  readonly enabled: boolean;
  readonly thresholds: Readonly<Record<string, number>>;
}

export interface SectionConfig {
  /** Globs relative to the site root (`content/recommandations/**`). */
  readonly paths: readonly string[];
  readonly matchers: readonly GlobMatcher[];
  /** Lower-case key → its spelling and override. */
  readonly keys: ReadonlyMap<string, { readonly name: string; readonly override: KeyOverride }>;
  readonly severity: ReadonlyMap<string, ConfiguredSeverity>;
  /** `[sections.health]`: this section's thresholds for the guide health report; unset fields keep the site's. */
  readonly health?: SectionHealthConfig;
}

/** `[health]`: what the guide health report counts as out of date (unset fields: the report's defaults). */
export interface HealthConfig {
  /** Sources (`annees`) older than this many years make a page out of date (default 5). */
  readonly maxSourceAge?: number;
  /** No update (`lastmod`) for this many years makes a page out of date (default 2). */
  readonly maxUpdateAge?: number;
  /** Words that mark unfinished text in a page's body (default TODO, FIXME, XXX). */
  readonly markers?: readonly string[];
  /** Globs of recommendation pages, which must cite `sources` (default every page under a `recommandations` folder). */
  readonly recommendations?: readonly string[];
  readonly recommendationMatchers?: readonly GlobMatcher[];
}

/** `[sections.health]`: a section's own thresholds, and whether its pages are recommendations. */
export interface SectionHealthConfig {
  readonly maxSourceAge?: number;
  readonly maxUpdateAge?: number;
  readonly recommendations?: boolean;
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
  /** `[health]`: thresholds of the guide health report (per section in `[sections.health]`). */
  readonly health?: HealthConfig;
  /** `[types.NAME]`: rules per content type (the page's `type` key), applied after the sections. */
  readonly types?: ReadonlyMap<string, TypeConfig>;
  /** The file's own `extraKeys` and `[keys]`, as written: layered over imported or inferred rules (src/core/conventions). */
  readonly keyOverrides?: ReadonlyMap<string, { readonly name: string; readonly override: KeyOverride }>;
  readonly extraKeys?: readonly string[];
  /** `[infer]`: whether the site's conventions are inferred beneath this file's rules, and the thresholds. */
  readonly infer?: InferConfig;
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

const OPTIONS = ['skip', 'ignore', 'testIdentities', 'extraKeys', 'severity', 'keys', 'sections', 'shortcodes', 'health', 'types', 'infer'] as const;
const INFER_OPTIONS = ['enabled', 'minPages', 'minSectionPages', 'expectedShare', 'typeShare', 'vocabularyMaxValues', 'vocabularyMinUses', 'vocabularyMinValueUses', 'rareMaxPages'] as const;
const HEALTH_OPTIONS = ['maxSourceAge', 'maxUpdateAge', 'markers', 'recommendations'] as const;
const SECTION_HEALTH_OPTIONS = ['maxSourceAge', 'maxUpdateAge', 'recommendations'] as const;
const SHORTCODE_OPTIONS = ['paired', 'alerts'] as const;
const ALERT_OPTIONS = ['type', 'typeArgs', 'titleArgs'] as const;
const KEY_OPTIONS = ['type', 'required', 'values', 'closed', 'minLength', 'maxLength', 'description', 'minimum', 'maximum'] as const;
const SECTION_OPTIONS = ['paths', 'keys', 'severity', 'health'] as const;
const SEVERITIES: Readonly<Record<string, ConfiguredSeverity>> = {
  error: 'error',
  warning: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
};

const SITE_KEY = msg('Site-specific key.');

/** A key's rule after an override (a new key starts as an optional key of any type). */
export function applyOverride(base: KeyRule | undefined, name: string, o: KeyOverride): KeyRule {
  const values = o.values ?? base?.values;
  const origin = mergeOrigin(base, o);
  const minimum = o.minimum ?? base?.minimum;
  const maximum = o.maximum ?? base?.maximum;
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
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** Each aspect the override sets takes the override's source; the others keep the base's. */
function mergeOrigin(base: KeyRule | undefined, o: KeyOverride): RuleOrigin | undefined {
  const source: RuleSource = o.origin?.source ?? 'medguide';
  const why = (text: Text | undefined): RuleWhy => (text ? { source, text } : { source });
  const b = base?.origin ?? {};
  const out: { -readonly [K in keyof RuleOrigin]: RuleOrigin[K] } = { ...b };
  if (!base) out.key = why(o.origin?.key);
  else if (o.origin?.key) out.key = why(o.origin.key);
  if (o.required !== undefined) out.required = why(o.origin?.required);
  if (o.type !== undefined) out.type = why(o.origin?.type);
  if (o.values !== undefined || o.closed !== undefined) out.values = why(o.origin?.values);
  if (o.minLength !== undefined || o.maxLength !== undefined || o.minimum !== undefined || o.maximum !== undefined) out.bounds = why(o.origin?.bounds);
  return Object.keys(out).length > 0 ? out : undefined;
}

function readSeverity(r: ConfigReader, value: unknown, path: readonly PathSegment[]): Map<string, ConfiguredSeverity> {
  const out = new Map<string, ConfiguredSeverity>();
  const table = r.table(value, path);
  if (!table) return out;
  for (const [code, v] of Object.entries(table)) {
    const p = [...path, code];
    const s = r.string(v, p);
    if (s === undefined) continue;
    const sev = ownValue(SEVERITIES, s.toLowerCase());
    if (sev) out.set(code, sev);
    else r.report('config-value', r.valueRange(p), CONFIG_MESSAGES.severity, { value: s });
  }
  return out;
}

function readDescription(r: ConfigReader, value: unknown, path: readonly PathSegment[]): Text | undefined {
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
  o.minimum = readNumber(r, t.minimum, [...path, 'minimum']);
  o.maximum = readNumber(r, t.maximum, [...path, 'maximum']);
  for (const k of Object.keys(o) as (keyof KeyOverride)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function readNumber(r: ConfigReader, value: unknown, path: readonly PathSegment[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  r.typeError(path, EXPECTED_NUMBER);
  return undefined;
}

const EXPECTED_NUMBER = msg('a number');

/** `[types.NAME]`: `keys` only. */
function readTypes(r: ConfigReader, value: unknown): Map<string, TypeConfig> {
  const out = new Map<string, TypeConfig>();
  const table = r.table(value, ['types']);
  for (const [name, v] of Object.entries(table ?? {})) {
    const t = r.table(v, ['types', name]);
    if (!t) continue;
    r.checkOptions(t, ['types', name], ['keys']);
    out.set(name, { keys: readKeys(r, t.keys, ['types', name, 'keys']) });
  }
  return out;
}

/** `[infer]`: `enabled` and the thresholds (shares between 0 and 1, counts ≥ 0). */
function readInfer(r: ConfigReader, value: unknown): InferConfig | undefined {
  const t = r.table(value, ['infer']);
  if (!t) return undefined;
  r.checkOptions(t, ['infer'], INFER_OPTIONS);
  const enabled = r.boolean(t.enabled, ['infer', 'enabled']) ?? true;
  const thresholds: Record<string, number> = {};
  for (const name of INFER_OPTIONS) {
    if (name === 'enabled' || t[name] === undefined) continue;
    const n = name.endsWith('Share') ? readNumber(r, t[name], ['infer', name]) : r.count(t[name], ['infer', name]);
    if (n === undefined) continue;
    if (name.endsWith('Share') && (n < 0 || n > 1)) {
      r.report('config-value', r.valueRange(['infer', name]), msg('A share between 0 and 1.'));
      continue;
    }
    thresholds[name] = n;
  }
  return { enabled, thresholds };
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
    const health = s.health !== undefined ? readSectionHealth(r, s.health, [...path, 'health']) : undefined;
    out.push({
      paths,
      matchers: paths.map(compileGlob),
      keys: readKeys(r, s.keys, [...path, 'keys']),
      severity: readSeverity(r, s.severity, [...path, 'severity']),
      ...(health ? { health } : {}),
    });
  });
  return out;
}

/** `[health]`: integers ≥ 0 for the ages, words for the markers, globs for the recommendation pages. */
function readHealth(r: ConfigReader, value: unknown): HealthConfig | undefined {
  const t = r.table(value, ['health']);
  if (!t) return undefined;
  r.checkOptions(t, ['health'], HEALTH_OPTIONS);
  const maxSourceAge = r.count(t.maxSourceAge, ['health', 'maxSourceAge']);
  const maxUpdateAge = r.count(t.maxUpdateAge, ['health', 'maxUpdateAge']);
  let markers = r.stringArray(t.markers, ['health', 'markers']);
  if (markers) {
    markers = markers.filter((m, i) => {
      if (/^[\p{L}\p{N}_]+$/u.test(m)) return true;
      r.report('config-value', r.valueRange(['health', 'markers', i]), CONFIG_MESSAGES.marker, { value: m });
      return false;
    });
  }
  const recommendations = t.recommendations !== undefined ? readGlobs(r, t.recommendations, ['health', 'recommendations']) : undefined;
  return {
    ...(maxSourceAge !== undefined ? { maxSourceAge } : {}),
    ...(maxUpdateAge !== undefined ? { maxUpdateAge } : {}),
    ...(markers ? { markers } : {}),
    ...(recommendations ? { recommendations, recommendationMatchers: recommendations.map(compileGlob) } : {}),
  };
}

function readSectionHealth(r: ConfigReader, value: unknown, path: readonly PathSegment[]): SectionHealthConfig | undefined {
  const t = r.table(value, path);
  if (!t) return undefined;
  r.checkOptions(t, path, SECTION_HEALTH_OPTIONS);
  const maxSourceAge = r.count(t.maxSourceAge, [...path, 'maxSourceAge']);
  const maxUpdateAge = r.count(t.maxUpdateAge, [...path, 'maxUpdateAge']);
  const recommendations = r.boolean(t.recommendations, [...path, 'recommendations']);
  return {
    ...(maxSourceAge !== undefined ? { maxSourceAge } : {}),
    ...(maxUpdateAge !== undefined ? { maxUpdateAge } : {}),
    ...(recommendations !== undefined ? { recommendations } : {}),
  };
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
    const { range: r, reason, opened } = locateTomlError(e, 0, index.lineCount - 1, index);
    const open = describeOpenStructure(opened, lang);
    const message = localize(CONFIG_MESSAGES.syntax, lang, { reason: translateTomlReason(reason, lang) }) + (open ? ` ${open.sentence}` : '');
    return { config: DEFAULT_SITE_CONFIG, diagnostics: [{ code: 'toml-syntax', severity: 'error', range: r, message, data: { reason }, ...(open ? { related: open.related } : {}) }] };
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
  const extraKeys = r.stringArray(data.extraKeys, ['extraKeys']) ?? [];
  for (const name of extraKeys) {
    if (!keys.has(name.toLowerCase())) keys.set(name.toLowerCase(), applyOverride(undefined, name, {}));
  }
  const keyOverrides = readKeys(r, data.keys, ['keys']);
  for (const [lower, { name, override }] of keyOverrides) {
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
  const health = data.health !== undefined ? readHealth(r, data.health) : undefined;
  if (health) (config as { health?: HealthConfig }).health = health;
  // The file's own key rules as written, and `[types]`/`[infer]`: src/core/conventions layers them over imported and inferred rules.
  const extra = config as { keyOverrides?: SiteConfig['keyOverrides']; extraKeys?: readonly string[]; types?: SiteConfig['types']; infer?: InferConfig };
  extra.keyOverrides = keyOverrides;
  extra.extraKeys = extraKeys;
  if (data.types !== undefined) extra.types = readTypes(r, data.types);
  const infer = data.infer !== undefined ? readInfer(r, data.infer) : undefined;
  if (infer) extra.infer = infer;
  return { config, diagnostics: [...r.diagnostics].sort(compareDiagnostics) };
}
