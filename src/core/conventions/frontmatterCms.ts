/**
 * Front Matter CMS's description of a site (`frontmatter.json` and the split files under
 * `.frontmatter/config/`), read as MedGuide rules: each content type's fields become key rules,
 * the default content type the rules of every page, the others the rules of pages whose `type`
 * names them. Field type mapping (docs/configuration.md, "Front Matter CMS"):
 *
 * | Front Matter CMS | MedGuide |
 * |---|---|
 * | `string`, `slug` | `string` |
 * | `image`, `file`, `dataFile`, `contentRelationship` | `string` (`string-array` with `multiple`) |
 * | `number` | `integer` (`number` with `numberOptions.isDecimal`), `numberOptions.min`/`max` as bounds |
 * | `datetime` | `date` |
 * | `boolean`, `draft` | `boolean` |
 * | `choice` | `string` (`string-array` with `multiple`), `choices` as a closed vocabulary |
 * | `tags`, `categories` | `string-array`, the site's `frontMatter.taxonomy.tags`/`categories` as usual values |
 * | `taxonomy` | `string-array`, the custom taxonomy's `options` as usual values |
 * | `list` | `string-array` |
 * | `fields` | `table` |
 * | `block` | `array` |
 * | `json`, `fieldCollection`, `customField` and unknown types | `any` (reported once as `cms-unmapped`) |
 * | `divider`, `heading` | no key (form layout only) |
 *
 * Pure: receives the files' texts. Never throws; a file that is not valid JSON is reported in it
 * and ignored (the site's rules are then inferred from its pages).
 */
import type { KeyOverride, OverrideOrigin, TypeConfig } from '../config/siteConfig';
import type { Diagnostic, Severity } from '../diagnostic';
import type { KeyType } from '../frontmatter/keys';
import { bilingual, type Lang, localize, msg, type Text } from '../l10n';
import { LineIndex } from '../text';
import type { RuleLayer } from './compose';

export const FRONTMATTER_JSON = 'frontmatter.json';
/** Split settings folders, relative to the site root. */
export const FRONTMATTER_CONTENT_TYPES_DIR = '.frontmatter/config/taxonomy/contenttypes';
export const FRONTMATTER_FIELD_GROUPS_DIR = '.frontmatter/config/taxonomy/fieldgroups';

export type CmsCode = 'cms-syntax' | 'cms-value' | 'cms-unmapped';
const SEVERITY: Record<CmsCode, Severity> = { 'cms-syntax': 'error', 'cms-value': 'warning', 'cms-unmapped': 'information' };

/** The Front Matter CMS field types MedGuide has no type for: any value is accepted. */
export const UNMAPPED_FIELD_TYPES = ['json', 'fieldCollection', 'customField'] as const;

const M = {
  syntax: msg('`{file}` is not valid JSON: {reason}. MedGuide ignores it and infers the rules from the site\'s pages.'),
  notArray: msg('`{setting}` must be an array: setting ignored.'),
  contentType: msg('Content type without a `name` or a `fields` array: ignored.'),
  field: msg('Field without a `name` or a `type`: ignored.'),
  unmapped: msg('Field type `{type}` (`{field}`) has no MedGuide equivalent: any value is accepted.'),
  key: msg('From frontmatter.json: field `{field}` ({type}) of content type `{ct}`.'),
  required: msg('From frontmatter.json: field `{field}` of content type `{ct}` is required.'),
  notRequired: msg('From frontmatter.json: content type `{ct}` has no required field `{field}`.'),
  choices: msg('From frontmatter.json: the `choices` of field `{field}`.'),
  bounds: msg('From frontmatter.json: the `numberOptions` of field `{field}`.'),
};

/** One file of the Front Matter CMS configuration. */
export interface CmsFile {
  /** Absolute path, for the diagnostics. */
  readonly file: string;
  readonly text: string;
  /** `root`: frontmatter.json; `contentType`/`fieldGroup`: one split setting. */
  readonly kind: 'root' | 'contentType' | 'fieldGroup';
}

export interface CmsImport {
  /** The rules, or undefined when no content type could be read. */
  readonly layer?: RuleLayer;
  /** Problems, per file. */
  readonly problems: readonly { readonly file: string; readonly diagnostics: readonly Diagnostic[] }[];
  /** Content types read, for `--explain`. */
  readonly contentTypes: readonly string[];
  /** The files read. */
  readonly files: readonly string[];
}

interface Field {
  name: string;
  type: string;
  required?: boolean;
  multiple?: boolean;
  choices?: unknown[];
  taxonomyId?: string;
  numberOptions?: { isDecimal?: boolean; min?: number; max?: number };
}

interface ContentType {
  name: string;
  fields: Field[];
  file: string;
}

/** JSON with comments and trailing commas, as Front Matter CMS accepts it: both blanked out, offsets kept. */
function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const j = text.indexOf('\n', i);
      const end = j < 0 ? text.length : j;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const j = text.indexOf('*/', i + 2);
      const end = j < 0 ? text.length : j + 2;
      out += text.slice(i, end).replace(/[^\r\n]/g, ' ');
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  // Trailing commas before `}` or `]`.
  return out.replace(/,(\s*[}\]])/g, ' $1');
}

/**
 * Where a JSON text stops being JSON (V8's messages do not always say): a small validating scan.
 * Returns the offset of the first character that cannot continue the document.
 */
export function jsonErrorOffset(t: string): number {
  let i = 0;
  const ws = () => {
    while (i < t.length && /\s/.test(t[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = () => {
    if (t[i] !== '"') fail();
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\\') i++;
      else if (t.charCodeAt(i) < 0x20) fail();
      i++;
    }
    if (i >= t.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{') {
      i++;
      ws();
      if (t[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (t[i] !== ':') fail();
        i++;
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (t[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (t[i] === ',') i++;
        else if (t[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(t.slice(i, i + 64));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value();
    ws();
    return i < t.length ? i : t.length;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}

class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly index: LineIndex;

  constructor(
    private readonly text: string,
    private readonly lang: Lang,
  ) {
    this.index = new LineIndex(text);
  }

  /** The first place the text names `needle` as a JSON string (a key or a value), else the start. */
  at(needle: string | undefined, after = 0): { start: number; end: number } {
    if (needle !== undefined) {
      const quoted = JSON.stringify(needle);
      const i = this.text.indexOf(quoted, after);
      if (i >= 0) return { start: i, end: i + quoted.length };
    }
    return { start: 0, end: 0 };
  }

  report(code: CmsCode, where: { start: number; end: number }, message: Text, args: Record<string, string | number> = {}): void {
    this.diagnostics.push({ code, severity: SEVERITY[code], range: this.index.rangeAt(where.start, where.end), message: localize(message, this.lang, args) });
  }
}

function parseJson(f: CmsFile, r: Reporter, lang: Lang): unknown {
  try {
    return JSON.parse(stripJsonc(f.text));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const at = Math.min(jsonErrorOffset(stripJsonc(f.text)), f.text.length);
    const name = f.kind === 'root' ? FRONTMATTER_JSON : f.file.slice(f.file.lastIndexOf('/') + 1);
    r.report('cms-syntax', { start: at, end: Math.min(at + 1, f.text.length) }, M.syntax, { file: name, reason: reason.split('\n')[0].replace(/, ".*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '').replace(/ in JSON at position \d+$/, '') });
    void lang;
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readFields(value: unknown, r: Reporter): Field[] {
  const out: Field[] = [];
  for (const f of Array.isArray(value) ? value : []) {
    if (!isObject(f) || typeof f.name !== 'string' || typeof f.type !== 'string') {
      r.report('cms-value', r.at(isObject(f) && typeof f.name === 'string' ? f.name : undefined), M.field);
      continue;
    }
    const numberOptions = isObject(f.numberOptions) ? f.numberOptions : undefined;
    out.push({
      name: f.name,
      type: f.type,
      ...(f.required === true ? { required: true } : {}),
      ...(f.multiple === true ? { multiple: true } : {}),
      ...(Array.isArray(f.choices) ? { choices: f.choices } : {}),
      ...(typeof f.taxonomyId === 'string' ? { taxonomyId: f.taxonomyId } : {}),
      ...(numberOptions
        ? {
            numberOptions: {
              ...(typeof numberOptions.isDecimal === 'boolean' ? { isDecimal: numberOptions.isDecimal } : {}),
              ...(typeof numberOptions.min === 'number' ? { min: numberOptions.min } : {}),
              ...(typeof numberOptions.max === 'number' ? { max: numberOptions.max } : {}),
            },
          }
        : {}),
    });
  }
  return out;
}

function readContentType(v: unknown, file: string, r: Reporter): ContentType | undefined {
  if (!isObject(v) || typeof v.name !== 'string' || !Array.isArray(v.fields)) {
    r.report('cms-value', r.at(isObject(v) && typeof v.name === 'string' ? v.name : 'fields'), M.contentType);
    return undefined;
  }
  return { name: v.name, fields: readFields(v.fields, r), file };
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

interface Mapped {
  type: KeyType;
  values?: string[];
  closed?: boolean;
  minimum?: number;
  maximum?: number;
}

interface Vocabularies {
  tags: string[];
  categories: string[];
  taxonomies: Map<string, string[]>;
}

/** A field's MedGuide rule; `ui` for form layout fields (no key), `unmapped` for types with no equivalent. */
function mapField(f: Field, vocab: Vocabularies): Mapped | 'ui' | 'unmapped' {
  const single = (t: KeyType): KeyType => (f.multiple ? 'string-array' : t);
  switch (f.type) {
    case 'string':
    case 'slug':
      return { type: 'string' };
    case 'image':
    case 'file':
    case 'dataFile':
    case 'contentRelationship':
      return { type: single('string') };
    case 'number': {
      const o = f.numberOptions ?? {};
      return { type: o.isDecimal ? 'number' : 'integer', ...(o.min !== undefined ? { minimum: o.min } : {}), ...(o.max !== undefined ? { maximum: o.max } : {}) };
    }
    case 'datetime':
      return { type: 'date' };
    case 'boolean':
    case 'draft':
      return { type: 'boolean' };
    case 'choice': {
      const values = (f.choices ?? []).map((c) => (typeof c === 'string' ? c : isObject(c) ? (typeof c.id === 'string' ? c.id : typeof c.title === 'string' ? c.title : undefined) : undefined)).filter((c): c is string => c !== undefined && c !== '');
      return { type: single('string'), ...(values.length > 0 ? { values, closed: true } : {}) };
    }
    case 'tags':
      return { type: 'string-array', ...(vocab.tags.length > 0 ? { values: vocab.tags, closed: false } : {}) };
    case 'categories':
      return { type: 'string-array', ...(vocab.categories.length > 0 ? { values: vocab.categories, closed: false } : {}) };
    case 'taxonomy': {
      const options = f.taxonomyId !== undefined ? vocab.taxonomies.get(f.taxonomyId) ?? [] : [];
      return { type: 'string-array', ...(options.length > 0 ? { values: options, closed: false } : {}) };
    }
    case 'list':
      return { type: 'string-array' };
    case 'fields':
      return { type: 'table' };
    case 'block':
      return { type: 'array' };
    case 'divider':
    case 'heading':
      return 'ui';
    default:
      return 'unmapped';
  }
}

function fmt(b: Text, args: Record<string, string | number>): Text {
  return typeof b === 'string' ? bilingual(b, args) : { fr: localize(b, 'fr', args), en: localize(b, 'en', args) };
}

/** Reads the Front Matter CMS configuration of a site into a rule layer. */
export function importFrontMatterCms(files: readonly CmsFile[], lang: Lang = 'fr'): CmsImport {
  const problems: { file: string; diagnostics: Diagnostic[] }[] = [];
  const split: ContentType[] = [];
  const rootTypes: ContentType[] = [];
  const vocab: Vocabularies = { tags: [], categories: [], taxonomies: new Map() };
  const reporters = new Map<string, Reporter>();
  let rootBroken = false;
  for (const f of files) {
    const r = new Reporter(f.text, lang);
    reporters.set(f.file, r);
    const data = parseJson(f, r, lang);
    if (data === undefined) {
      if (f.kind === 'root') rootBroken = true;
    } else if (f.kind === 'contentType') {
      const ct = readContentType(data, f.file, r);
      if (ct) split.push(ct);
    } else if (f.kind === 'root' && isObject(data)) {
      const cts = data['frontMatter.taxonomy.contentTypes'];
      if (cts !== undefined && !Array.isArray(cts)) r.report('cms-value', r.at('frontMatter.taxonomy.contentTypes'), M.notArray, { setting: 'frontMatter.taxonomy.contentTypes' });
      for (const c of Array.isArray(cts) ? cts : []) {
        const ct = readContentType(c, f.file, r);
        if (ct) rootTypes.push(ct);
      }
      vocab.tags = stringList(data['frontMatter.taxonomy.tags']);
      vocab.categories = stringList(data['frontMatter.taxonomy.categories']);
      const custom = data['frontMatter.taxonomy.customTaxonomy'];
      for (const t of Array.isArray(custom) ? custom : []) if (isObject(t) && typeof t.id === 'string') vocab.taxonomies.set(t.id, stringList(t.options));
    }
  }
  // A frontmatter.json that cannot be read: nothing is imported (the pages' conventions are inferred).
  const byName = new Map<string, ContentType>();
  if (!rootBroken) {
    for (const ct of split) byName.set(ct.name, ct);
    // frontmatter.json overrides the split files (Front Matter CMS's rule).
    for (const ct of rootTypes) byName.set(ct.name, ct);
  }
  const unmappedReported = new Set<string>();
  const mapped = new Map<string, Map<string, { field: Field; rule: Mapped }>>();
  for (const ct of byName.values()) {
    const fields = new Map<string, { field: Field; rule: Mapped }>();
    for (const field of ct.fields) {
      let rule = mapField(field, vocab);
      if (rule === 'ui') continue;
      if (rule === 'unmapped') {
        const key = `${ct.file}|${field.type}|${field.name}`;
        if (!unmappedReported.has(key)) {
          unmappedReported.add(key);
          const r = reporters.get(ct.file)!;
          r.report('cms-unmapped', r.at(field.name), M.unmapped, { type: field.type, field: field.name });
        }
        rule = { type: 'any' };
      }
      fields.set(field.name.toLowerCase(), { field, rule });
    }
    mapped.set(ct.name, fields);
  }
  for (const [file, r] of reporters) if (r.diagnostics.length > 0) problems.push({ file, diagnostics: r.diagnostics });
  if (mapped.size === 0) return { problems, contentTypes: [], files: files.map((f) => f.file) };

  const overrideOf = (ct: string, field: Field, rule: Mapped, required: boolean | undefined): KeyOverride => {
    const args = { field: field.name, type: field.type, ct };
    const origin: OverrideOrigin = {
      source: 'frontmatter',
      key: fmt(M.key, args),
      type: fmt(M.key, args),
      ...(required ? { required: fmt(M.required, args) } : required === false ? { required: fmt(M.notRequired, args) } : {}),
      ...(rule.values ? { values: fmt(M.choices, args) } : {}),
      ...(rule.minimum !== undefined || rule.maximum !== undefined ? { bounds: fmt(M.bounds, args) } : {}),
    };
    return {
      type: rule.type,
      ...(required !== undefined ? { required } : {}),
      ...(rule.values ? { values: rule.values, closed: rule.closed ?? false } : {}),
      ...(rule.minimum !== undefined ? { minimum: rule.minimum } : {}),
      ...(rule.maximum !== undefined ? { maximum: rule.maximum } : {}),
      origin,
    };
  };

  // Every page: the default content type's fields (required ones included); the other types' fields are known keys.
  const keys = new Map<string, { name: string; override: KeyOverride }>();
  const def = mapped.get('default');
  for (const [ct, fields] of mapped) {
    if (ct === 'default') continue;
    for (const [lower, { field, rule }] of fields) if (!keys.has(lower)) keys.set(lower, { name: field.name, override: overrideOf(ct, field, rule, undefined) });
  }
  for (const [lower, { field, rule }] of def ?? []) keys.set(lower, { name: field.name, override: overrideOf('default', field, rule, field.required ? true : undefined) });

  // Pages whose `type` names another content type: its fields, and the default's required fields it lacks become optional.
  const types = new Map<string, TypeConfig>();
  for (const [ct, fields] of mapped) {
    if (ct === 'default') continue;
    const typeKeys = new Map<string, { name: string; override: KeyOverride }>();
    for (const [lower, { field, rule }] of fields) typeKeys.set(lower, { name: field.name, override: overrideOf(ct, field, rule, field.required === true) });
    for (const [lower, { field }] of def ?? []) {
      if (field.required && !fields.has(lower)) {
        typeKeys.set(lower, { name: field.name, override: { required: false, origin: { source: 'frontmatter', required: fmt(M.notRequired, { field: field.name, ct }) } } });
      }
    }
    types.set(ct, { keys: typeKeys });
  }
  return { layer: { source: 'frontmatter', keys, sections: [], types }, problems, contentTypes: [...mapped.keys()], files: files.map((f) => f.file) };
}


