/**
 * What the site's rules are and where each one comes from: `medguide check --explain`, and the
 * commented `.medguide.toml` that `medguide init` and "MedGuide: Write the Site's Rules" write.
 */
import type { KeyOverride, SiteConfig } from '../config/siteConfig';
import { DEFAULT_KEY_RULES, sourceName, typeName, type KeyRule, type RuleSource, type RuleWhy } from '../frontmatter/keys';
import { type Lang, localize, msg, type Text } from '../l10n';
import type { InferenceThresholds } from './infer';

/** Which sources the site has, for the heading of the explanation and of the written file. */
export interface RuleSources {
  /** `.medguide.toml`'s path, when the site has one. */
  readonly medguide?: string;
  /** Front Matter CMS files read, and the content types found. */
  readonly frontmatter?: { readonly files: readonly string[]; readonly contentTypes: readonly string[] };
  /** Inference: pages read and thresholds; `skipped` says why not (too few pages, `.medguide.toml` without `[infer]`). */
  readonly inferred?: { readonly pages: number; readonly thresholds: InferenceThresholds; readonly typos: readonly { key: string; suggestion: string; pages: number }[]; readonly rare: readonly string[] };
  readonly inferenceSkipped?: 'medguide' | 'too-few-pages' | 'disabled';
  readonly sitePages?: number;
}

const M = {
  precedence: msg('Rule sources, strongest first: .medguide.toml > frontmatter.json > inferred from the pages > built-in dialect.'),
  medguide: msg('.medguide.toml: {state}'),
  frontmatter: msg('frontmatter.json: {state}'),
  inferred: msg('inferred from the pages: {state}'),
  absent: msg('absent'),
  contentTypes: msg('content types {list}'),
  pagesRead: msg('{pages} pages read'),
  tooFew: msg('no (only {pages} pages; {min} needed)'),
  byMedguide: msg('no (.medguide.toml present, without `[infer]`)'),
  disabled: msg('no (`[infer] enabled = false`)'),
  thresholds: msg('Thresholds: expected when ≥ {expected}% of pages (sections and types of at least {section} pages); a type when ≥ {type}% of values; a closed vocabulary when ≤ {vmax} values over ≥ {vuses} uses, each ≥ {vmin} times; a rare key on ≤ {rare} pages; at least {min} pages.'),
  typos: msg('Probable typos (left unknown): {list}.'),
  typo: msg('`{key}` ({pages} p.) → `{suggestion}`'),
  rare: msg('Rare keys (known): {list}.'),
  all: msg('All pages:'),
  section: msg('Pages {paths}:'),
  type: msg('Pages of type `{type}`:'),
  required: msg('required'),
  optional: msg('optional'),
  closed: msg('allowed values'),
  open: msg('usual values'),
  others: msg('… and {count} other keys known to the dialect and Hugo.'),
};

function src(why: RuleWhy | undefined, lang: Lang): string {
  return sourceName(why?.source ?? 'dialect', lang);
}

function keyLines(rule: KeyRule, lang: Lang): string[] {
  const o = rule.origin ?? {};
  const facts = [`${typeName(rule.type, lang)} [${src(o.type, lang)}]`, `${localize(rule.required ? M.required : M.optional, lang)} [${src(o.required, lang)}]`];
  if (rule.values && rule.values.length > 0) facts.push(`${localize(rule.closed ? M.closed : M.open, lang)} ${rule.values.map((v) => JSON.stringify(v)).join(', ')} [${src(o.values, lang)}]`);
  if (rule.minimum !== undefined || rule.maximum !== undefined) facts.push(`${rule.minimum ?? '−∞'}–${rule.maximum ?? '+∞'} [${src(o.bounds, lang)}]`);
  const lines = [`  ${rule.name}: ${facts.join(', ')}`];
  const reasons: string[] = [];
  for (const w of [o.key, o.required, o.type, o.values, o.bounds]) if (w?.text && !reasons.includes(localize(w.text, lang))) reasons.push(localize(w.text, lang));
  for (const r of reasons) lines.push(`      ${r}`);
  return lines;
}

function overrideLines(name: string, o: KeyOverride, lang: Lang): string[] {
  const source: RuleSource = o.origin?.source ?? 'medguide';
  const facts: string[] = [];
  if (o.type !== undefined) facts.push(typeName(o.type, lang));
  if (o.required !== undefined) facts.push(localize(o.required ? M.required : M.optional, lang));
  if (o.values) facts.push(`${localize(o.closed === false ? M.open : M.closed, lang)} ${o.values.map((v) => JSON.stringify(v)).join(', ')}`);
  const lines = [`  ${name}: ${facts.join(', ')} [${sourceName(source, lang)}]`];
  for (const t of [o.origin?.required, o.origin?.type, o.origin?.values]) if (t && !lines.includes(`      ${localize(t, lang)}`)) lines.push(`      ${localize(t, lang)}`);
  return lines;
}

/** The sources of the site's rules and each rule with where it came from, as text lines. */
export function explainRules(config: SiteConfig, sources: RuleSources, lang: Lang): string {
  const out: string[] = [localize(M.precedence, lang)];
  out.push(`  ${localize(M.medguide, lang, { state: sources.medguide ?? localize(M.absent, lang) })}`);
  out.push(`  ${localize(M.frontmatter, lang, { state: sources.frontmatter ? localize(M.contentTypes, lang, { list: sources.frontmatter.contentTypes.map((c) => `\`${c}\``).join(', ') }) : localize(M.absent, lang) })}`);
  let inferred: string;
  if (sources.inferred) inferred = localize(M.pagesRead, lang, { pages: sources.inferred.pages });
  else if (sources.inferenceSkipped === 'medguide') inferred = localize(M.byMedguide, lang);
  else if (sources.inferenceSkipped === 'disabled') inferred = localize(M.disabled, lang);
  else inferred = localize(M.tooFew, lang, { pages: sources.sitePages ?? 0, min: 20 });
  out.push(`  ${localize(M.inferred, lang, { state: inferred })}`);
  if (sources.inferred) {
    const t = sources.inferred.thresholds;
    out.push(
      localize(M.thresholds, lang, {
        expected: Math.round(t.expectedShare * 100),
        section: t.minSectionPages,
        type: Math.round(t.typeShare * 100),
        vmax: t.vocabularyMaxValues,
        vuses: t.vocabularyMinUses,
        vmin: t.vocabularyMinValueUses,
        rare: t.rareMaxPages,
        min: t.minPages,
      }),
    );
    if (sources.inferred.typos.length > 0) out.push(localize(M.typos, lang, { list: sources.inferred.typos.map((x) => localize(M.typo, lang, x)).join(', ') }));
    if (sources.inferred.rare.length > 0) out.push(localize(M.rare, lang, { list: sources.inferred.rare.map((k) => `\`${k}\``).join(', ') }));
  }
  out.push('', localize(M.all, lang));
  let others = 0;
  for (const rule of config.base.keys.values()) {
    if (rule.origin || rule.required) out.push(...keyLines(rule, lang));
    else others++;
  }
  if (others > 0) out.push(localize(M.others, lang, { count: others }));
  for (const s of config.sections) {
    if (s.keys.size === 0) continue;
    out.push('', localize(M.section, lang, { paths: s.paths.map((p) => `\`${p}\``).join(', ') }));
    for (const { name, override } of s.keys.values()) out.push(...overrideLines(name, override, lang));
  }
  for (const [type, t] of config.types ?? []) {
    if (t.keys.size === 0) continue;
    out.push('', localize(M.type, lang, { type }));
    for (const { name, override } of t.keys.values()) out.push(...overrideLines(name, override, lang));
  }
  return `${out.join('\n')}\n`;
}

// ---- writing the rules out ---------------------------------------------------------------------

const W = {
  header: msg('# .medguide.toml — this site\'s rules for MedGuide (the editor and `medguide check`).\n# Written by MedGuide on {date} from: {sources}.\n# Edit it freely: this file now takes precedence over inferred and imported rules.\n# Reference: https://github.com/medguide/medguide/blob/main/docs/configuration.md'),
  extra: msg('# Keys the pages use, of any value.'),
  keys: msg('# The site\'s keys: type, whether required, vocabulary.'),
  dialectOff: msg('not required by this site (the built-in dialect requires it)'),
  sections: msg('# Rules per section (later ones win).'),
  types: msg('# Rules per content type (the page\'s `type` key).'),
  infer: msg('# To keep inferring from the pages the rules this file does not set, uncomment:\n# [infer]\n# expectedShare = {expected}   # a key is expected when at least this share of pages has it'),
  inferredFrom: msg('{pages} pages'),
};

function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

function tomlString(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function comment(text: Text | undefined, lang: Lang): string {
  return text ? `   # ${localize(text, lang).replace(/\s+/g, ' ')}` : '';
}

function overrideToml(prefix: string, name: string, o: KeyOverride, base: KeyRule | undefined, lang: Lang): string[] {
  const lines = [`[${prefix}.${tomlKey(name)}]`];
  if (o.type !== undefined && o.type !== base?.type) lines.push(`type = ${tomlString(o.type)}${comment(o.origin?.type, lang)}`);
  if (o.required !== undefined) lines.push(`required = ${o.required}${comment(o.origin?.required, lang)}`);
  if (o.values) {
    lines.push(`values = [${o.values.map(tomlString).join(', ')}]${comment(o.origin?.values, lang)}`);
    if (o.closed === false) lines.push('closed = false');
  }
  if (o.minimum !== undefined) lines.push(`minimum = ${o.minimum}${comment(o.origin?.bounds, lang)}`);
  if (o.maximum !== undefined) lines.push(`maximum = ${o.maximum}`);
  return lines.length > 1 ? lines : [];
}

/**
 * A commented `.medguide.toml` holding the rules of `config` (composed from imported and inferred
 * rules, without a `.medguide.toml`): read back over the built-in dialect, it gives the same rules.
 */
export function writeRulesToml(config: SiteConfig, sources: RuleSources, lang: Lang, today: string): string {
  const from: string[] = [];
  if (sources.frontmatter) from.push(`frontmatter.json (${sources.frontmatter.contentTypes.join(', ')})`);
  if (sources.inferred) from.push(localize(msg('the conventions of {pages} pages'), lang, { pages: sources.inferred.pages }));
  if (from.length === 0) from.push(localize(msg('the built-in dialect'), lang));
  const out: string[] = [localize(W.header, lang, { date: today, sources: from.join(localize(msg(' and '), lang)) }), ''];
  const extra: string[] = [];
  const keyBlocks: string[][] = [];
  for (const [lower, rule] of config.base.keys) {
    const dialect = DEFAULT_KEY_RULES.get(lower);
    if (!rule.origin) continue;
    const o: { -readonly [K in keyof KeyOverride]: KeyOverride[K] } = {};
    const why = rule.origin;
    if (rule.type !== (dialect?.type ?? 'any')) o.type = rule.type;
    if (rule.required !== (dialect?.required ?? false)) o.required = rule.required;
    if (rule.values && why.values && why.values.source !== 'dialect') {
      o.values = rule.values;
      o.closed = rule.closed;
    }
    if (rule.minimum !== undefined) o.minimum = rule.minimum;
    if (rule.maximum !== undefined) o.maximum = rule.maximum;
    const origin = {
      source: why.key?.source ?? 'inferred',
      ...(why.type?.text ? { type: why.type.text } : {}),
      ...(why.required?.text ? { required: why.required.text } : o.required === false ? { required: W.dialectOff } : {}),
      ...(why.values?.text ? { values: why.values.text } : {}),
      ...(why.bounds?.text ? { bounds: why.bounds.text } : {}),
    } as KeyOverride['origin'];
    const block = overrideToml('keys', rule.name, { ...o, origin }, dialect, lang);
    const header = why.key?.text && localize(why.key.text, lang) !== (why.required?.text ? localize(why.required.text, lang) : undefined) ? [`# ${localize(why.key.text, lang)}`] : [];
    if (block.length > 0) keyBlocks.push([...header, ...block]);
    else if (!dialect) extra.push(rule.name);
  }
  if (extra.length > 0) out.push(localize(W.extra, lang), `extraKeys = [${extra.map(tomlString).join(', ')}]`, '');
  if (keyBlocks.length > 0) {
    out.push(localize(W.keys, lang), '');
    for (const b of keyBlocks) out.push(...b, '');
  }
  const sections = config.sections.filter((s) => s.keys.size > 0);
  if (sections.length > 0) {
    out.push(localize(W.sections, lang), '');
    for (const s of sections) {
      out.push('[[sections]]', `paths = [${s.paths.map(tomlString).join(', ')}]`);
      for (const { name, override } of s.keys.values()) out.push(...overrideToml('sections.keys', name, override, undefined, lang));
      out.push('');
    }
  }
  const types = [...(config.types ?? [])].filter(([, t]) => t.keys.size > 0);
  if (types.length > 0) {
    out.push(localize(W.types, lang), '');
    for (const [type, t] of types) {
      for (const { name, override } of t.keys.values()) out.push(...overrideToml(`types.${tomlKey(type)}.keys`, name, override, undefined, lang));
      out.push('');
    }
  }
  out.push(localize(W.infer, lang, { expected: sources.inferred?.thresholds.expectedShare ?? 0.95 }), '');
  return out.join('\n');
}
