/**
 * A Hugo site's configuration, read the way Hugo 0.111.3 (Debian's `hugo`) reads it, through a
 * {@link SiteHost} only (no `fs`: this runs in the browser too). Where current Hugo behaves
 * differently, the comment says so; the reader follows 0.111.3 unless 0.111.3 is undefined or
 * fails, in which case it follows current Hugo and reports the problem.
 *
 * What Hugo does, from its source (config/configLoader.go, hugolib/config.go, langs/config.go,
 * modules/config.go, modules/collect.go in v0.111.3; config/allconfig in current Hugo):
 *
 * - Root file: the first that exists of hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml,
 *   config.yaml, config.yml, config.json (names "hugo" then "config", each with the extensions
 *   toml, yaml, yml, json). Only that one file is read. `hugo.*` is read since Hugo 0.110; older
 *   Hugo reads only `config.*` (so a site with both files builds differently before 0.110).
 * - Then the config directory `config/`: `_default/` then `<environment>/` (default environment
 *   `production` for `hugo`, `development` for `hugo server`), each walked recursively in lexical
 *   order (sub-folders included). Each file's base name is where it goes: `hugo.*`/`config.*` are
 *   the root, `params.toml` → `params`, `menus.fr.toml` → `languages.fr.menus`,
 *   `params.fr.toml` → `languages.fr.params`, any other `NAME.LANG.toml` → `languages.LANG` (the
 *   name is dropped: `languages.fr.toml` is `languages.fr`).
 *   Current Hugo (0.162+) also "unwraps" a file whose only top-level key is its base name
 *   (`params.toml` holding just `[params]`); 0.111.3 does not (it makes `params.params`): we
 *   follow 0.111.3 and warn.
 * - Merging: each file is merged over what was read before it (the root file first, then the
 *   directory files in walk order): tables merge key by key, recursively; anything else (a value,
 *   an array) replaces. So `config/_default/` wins over the root file, and the environment folder
 *   over `_default/`.
 * - Keys are case-insensitive: every table key is lower-cased (not the keys of tables inside
 *   arrays, e.g. `[[module.mounts]]`, which Hugo decodes case-insensitively later).
 * - YAML is read as YAML 1.1 (Hugo 0.111 uses gopkg.in/yaml.v2: `yes`/`no`/`on`/`off`/`y`/`n`
 *   are booleans, dates stay strings). Current Hugo (0.152+, goccy/go-yaml) reads `yes`/`no` as
 *   strings.
 * - Hugo 0.111.3 refuses a TOML or JSON file that starts with a byte order mark (checked with
 *   `hugo config`); YAML is fine. We read such a file anyway and report the BOM.
 * - A value of the wrong type: Hugo casts what it can (`contentDir = 3` mounts a folder `3`,
 *   `buildDrafts = "true"` is true); we report it where it is written and use the default.
 * - Languages: codes lower-cased; `disabled = true` or `disableLanguages`; sorted by weight, 0 last,
 *   then code (see compareLanguages for 0.111.3's unstable order). A default language missing
 *   from `languages` stops Hugo: reported, and the reader falls back as current Hugo would (`en`,
 *   else the first language). A default language in `disableLanguages` stops Hugo 0.111: reported
 *   and kept. A default language with `disabled = true` is left out by Hugo 0.111 (the site builds
 *   without it, checked) and stops current Hugo: reported, and left out.
 *
 * Not read (out of scope for locating content): theme and module configurations (themes can add
 * params, menus and languages), `HUGO_*` environment variables, command-line flags.
 */
import { parse as parseTomlText } from 'smol-toml';
import { isMap, isScalar, isSeq, parseDocument, type DocumentOptions, type Node as YamlNode, type ParseOptions, type SchemaOptions } from 'yaml';
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostic';
import { type Lang, localize, type Message, msg } from '../l10n';
import { LineIndex, range, type Range } from '../text';
import { locateToml, pathText, type PathSegment, type TomlLayout } from '../frontmatter/locator';
import { locateTomlError, translateTomlReason } from '../frontmatter/tomlErrors';
import { join, type DirEntry, type SiteHost } from './host';
import { isTable, ownValue } from '../own';

// ---------------------------------------------------------------------------------------------
// Public API

/** The root configuration files, in the order Hugo looks for them (the first found is read). */
/** Whether a file name is one of Hugo's root configuration files (`hugo.toml`, `config.yaml`…). */
export function isHugoConfigName(name: string): boolean {
  return HUGO_CONFIG_BASENAMES.includes(name);
}

export const HUGO_CONFIG_BASENAMES: readonly string[] = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
  'config.json',
];

export interface HugoLanguage {
  /** Lower-case, as Hugo keys it. */
  readonly code: string;
  /** The language's own `contentDir`, else the site's; site-relative (or absolute if written so), `/` separators, no trailing slash. */
  readonly contentDir: string;
  readonly weight: number;
  /** The language's `languageCode` (current Hugo: `locale`), else the site's (as `.Site.LanguageCode` in Hugo 0.111). */
  readonly languageCode?: string;
  /** The language's `languageName` (current Hugo: `label`). */
  readonly languageName?: string;
  /** The language's `title`, else the site's. */
  readonly title?: string;
}

export interface ContentMount {
  /** Site-relative (or absolute if given so), `/` separators, cleaned (`./docs/` → `docs`). */
  readonly source: string;
  /** `content` or `content/sub`. */
  readonly target: string;
  readonly lang?: string;
  readonly includeFiles?: readonly string[];
  readonly excludeFiles?: readonly string[];
  /** The source is one file, mounted under the target's name (`../README.md` → `content/project/readme.md`). */
  readonly file?: boolean;
}

export type HugoConfigCode = 'hugo-config-syntax' | 'hugo-config-value';

export interface ConfigProblem {
  /** Absolute path of the configuration file the problem is in. */
  readonly file: string;
  /** Code `hugo-config-syntax` or `hugo-config-value`, located in `file`, message in the requested language. */
  readonly diagnostic: Diagnostic;
}

export interface HugoConfig {
  readonly root: string;
  /** Absolute paths of the configuration files read, in merge order (one that does not parse is listed: it is a config file, it contributes nothing). */
  readonly files: readonly string[];
  /** Default `content`. */
  readonly contentDir: string;
  /** Lower-case, default `en`. */
  readonly defaultContentLanguage: string;
  readonly defaultContentLanguageInSubdir: boolean;
  /** Enabled languages sorted by weight (0 last) then code; one entry (the default language) for a monolingual site. */
  readonly languages: readonly HugoLanguage[];
  /** Lower-case codes, sorted: `disableLanguages` and languages with `disabled = true`. */
  readonly disabledLanguages: readonly string[];
  /**
   * The disabled languages that have a `[languages.<code>]` table, sorted: a file name still names
   * them (`page.es.md` is Spanish), and Hugo builds nothing of theirs.
   */
  readonly disabledLanguageTables: readonly string[];
  /** The effective content mounts of the project (see {@link contentMounts}). */
  readonly mounts: readonly ContentMount[];
  /** Regular expressions, as written. */
  readonly ignoreFiles: readonly string[];
  readonly refLinksErrorLevel: 'ERROR' | 'WARNING';
  /**
   * `markup.goldmark.renderer.unsafe`: Goldmark writes the pages' raw HTML as it is (so its `id`s
   * are anchors a ref may name); false, Hugo's default, replaces it with a comment.
   */
  readonly goldmarkUnsafe: boolean;
  /** `security.enableInlineShortcodes` (the top-level `enableInlineShortcodes` also works in 0.111): `name.inline` shortcodes. */
  readonly enableInlineShortcodes: boolean;
  readonly refLinksNotFoundURL?: string;
  /** `baseURL`, trimmed, when the configuration gives a non-empty one. */
  readonly baseURL?: string;
  readonly buildDrafts: boolean;
  readonly buildFuture: boolean;
  readonly buildExpired: boolean;
  readonly title?: string;
  readonly languageCode?: string;
  /** `theme`, a string or an array. */
  readonly themes: readonly string[];
  /** The `path` of each `[[module.imports]]` not disabled (a theme or component as a Hugo module). */
  readonly moduleImports: readonly string[];
  /** Default `themes`. */
  readonly themesDir: string;
  /** Default `layouts`. */
  readonly layoutDir: string;
  /** Plural names of the taxonomies (`[taxonomies]` values), sorted; `categories`, `tags` when the site sets none. */
  readonly taxonomies: readonly string[];
  /** `disableKinds`, lower-cased (`rss`, `taxonomy`, `section`…). */
  readonly disableKinds: readonly string[];
  /** `[outputs]`: output format names per page kind (`page`, `home`, `section`, `taxonomy`, `term`), lower-cased; Hugo's defaults when unset. */
  readonly outputs: Readonly<Record<string, readonly string[]>>;
  /** The site's `[params]`, keys lower-cased as Hugo does (not inside arrays). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly problems: readonly ConfigProblem[];
}

export interface LoadHugoConfigOptions {
  /** `production` (default, as `hugo`), `development` (as `hugo server`), or any folder name under `config/`. */
  readonly environment?: string;
  /** Language of the problem messages; default French. */
  readonly lang?: Lang;
}

// ---------------------------------------------------------------------------------------------
// Messages

export const HUGO_CONFIG_MESSAGES = {
  syntax: msg('{format} syntax error in the Hugo configuration: {reason}. This file is not taken into account.'),
  notTable: msg('The {format} configuration must be a mapping of keys (`key: value`), not {found}. This file is not taken into account.'),
  unreadable: msg('Cannot read the configuration file: {reason}.'),
  bom: msg('This {format} file starts with a byte order mark (BOM): Hugo 0.111 refuses to read it. Save it as UTF-8 without BOM.'),
  type: msg('`{key}` must be: {expected}. Value ignored.'),
  refLinksErrorLevel: msg('Unknown level "{value}": Hugo expects ERROR or WARNING, and uses ERROR.'),
  defaultLanguageMissing: msg('`defaultContentLanguage` is "{lang}", which is not one of the `languages`: Hugo stops with an error.'),
  defaultLanguageUnset: msg('Without `defaultContentLanguage`, the default language is "en", which is not in `languages`: Hugo 0.111 stops with an error (recent versions take "{lang}").'),
  defaultLanguageDisabled: msg('The default language "{lang}" cannot be disabled: Hugo stops with an error.'),
  defaultLanguageDisabledFlag: msg('The default language "{lang}" is disabled: Hugo 0.111 builds the site without it, recent versions stop with an error.'),
  mountIncomplete: msg('A mount needs both `source` and `target`: Hugo stops with an error.'),
  mountTarget: msg('The target "{target}" must start with archetypes, assets, content, data, i18n, layouts or static: Hugo stops with an error.'),
  mountSourceMissing: msg('The folder "{source}" does not exist: Hugo ignores this mount.'),
  wrappedFile: msg('This file already is `{key}`: the `{key}` table in it becomes `{key}.{key}` with Hugo 0.111 (Hugo 0.162 and later unwrap it). Write its keys without that table.'),
} as const;

const EXPECTED = {
  string: msg('a string'),
  boolean: msg('true or false'),
  integer: msg('an integer'),
  table: msg('a table'),
  strings: msg('a string or an array of strings'),
  mounts: msg('an array of tables (`[[module.mounts]]`)'),
} as const;

const FOUND = {
  list: msg('a list'),
  value: msg('a single value'),
} as const;

/**
 * The errors of the `yaml` package, by error code, as catalogue keys. In English the package's own
 * message is shown (it says more); other codes stay in English.
 */
const YAML_REASONS: Readonly<Record<string, Message>> = {
  ALIAS_PROPS: msg('an alias cannot have an anchor or a tag'),
  BAD_ALIAS: msg('invalid alias'),
  BAD_DIRECTIVE: msg('invalid directive'),
  BAD_DQ_ESCAPE: msg('invalid escape sequence'),
  BAD_INDENT: msg('bad indentation'),
  BAD_PROP_ORDER: msg('misplaced anchor or tag'),
  BAD_SCALAR_START: msg('badly started value (quote it)'),
  BLOCK_AS_IMPLICIT_KEY: msg('nested table on a single line (`a: b: c`)'),
  BLOCK_IN_FLOW: msg('block inside an inline list or table'),
  DUPLICATE_KEY: msg('duplicate key'),
  KEY_OVER_1024_CHARS: msg('key longer than 1024 characters'),
  MISSING_CHAR: msg('missing closing character (quote, `]` or `}`)'),
  MULTILINE_IMPLICIT_KEY: msg('a key must fit on one line'),
  MULTIPLE_ANCHORS: msg('several anchors on one node'),
  MULTIPLE_TAGS: msg('several tags on one node'),
  TAB_AS_INDENT: msg('tab used for indentation (use spaces)'),
  TAG_RESOLVE_FAILED: msg('unknown tag'),
  UNEXPECTED_TOKEN: msg('unexpected token'),
  TOO_MANY_ALIASES: msg('too many aliases'),
};

/** The errors of the JSON reader below, as catalogue keys. */
const JSON_REASONS: ReadonlySet<string> = new Set<string>([
  msg('unexpected end of input'),
  msg('unexpected character'),
  msg('unterminated string'),
  msg('invalid escape'),
  msg('control character in a string'),
  msg('invalid number'),
  msg('expected a string key'),
  msg('expected a colon'),
  msg('expected a comma or }'),
  msg('expected a comma or ]'),
  msg('unexpected data after the value'),
  msg('too deeply nested'),
]);

// ---------------------------------------------------------------------------------------------
// Small helpers

type Table = Record<string, unknown>;
type Format = 'toml' | 'yaml' | 'json';

const FORMATS: Readonly<Record<string, Format>> = { toml: 'toml', yaml: 'yaml', yml: 'yaml', json: 'json' };
const FORMAT_NAMES: Readonly<Record<Format, string>> = { toml: 'TOML', yaml: 'YAML', json: 'JSON' };
/** Hugo's component folders: a mount target must start with one. */
const COMPONENTS = ['archetypes', 'static', 'layouts', 'content', 'data', 'assets', 'i18n'];
const MAX_WALK_DEPTH = 16;

/** Sets a property even when it is called `__proto__` (never touches a prototype). */
function setOwn(t: Table, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(t, key, { value, enumerable: true, writable: true, configurable: true });
  else t[key] = value;
}

function formatOf(name: string): Format | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : FORMATS[name.slice(dot + 1).toLowerCase()];
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:\//.test(p);
}

/**
 * A mount's source as an absolute, clean path (`../sdk/docs` from the root folded): the same
 * string the hosts give for a file under it.
 */
export function mountSourcePath(root: string, source: string): string {
  const clean = cleanPath(source);
  return cleanPath(isAbsolutePath(clean) ? clean : join(root, clean));
}

/** What `cleanPath` may change: a `\\`, an empty, `.` or `..` segment, a trailing `/`. */
const CLEANABLE = /\\|\/\/|(?:^|\/)\.\.?(?:\/|$)|\/$/;

/**
 * Go's `filepath.Clean` with `/` separators (a `\` is taken as a separator, as Hugo on Windows
 * does): `./content/` → `content`, `a/../b` → `b`, leading `..` kept.
 */
export function cleanPath(p: string): string {
  // Already clean (the usual case: paths the site model built itself): nothing to do.
  if (p !== '' && !CLEANABLE.test(p)) return p;
  const s = p.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(s) ? s.slice(0, 2) : '';
  const rest = drive ? s.slice(2) : s;
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else out.push(seg);
  }
  const body = out.join('/');
  if (absolute) return `${drive}/${body}`;
  return body === '' ? '.' : body;
}

/** A range from `offset` to the end of its line; a whole line when that is empty. */
function errorRange(index: LineIndex, offset: number): Range {
  const pos = index.positionAt(offset);
  const text = index.lineText(pos.line);
  const start = Math.min(pos.character, text.length);
  const end = text.trimEnd().length;
  if (end > start) return range(pos.line, start, pos.line, end);
  const first = text.length - text.trimStart().length;
  return range(pos.line, Math.min(first, end), pos.line, end);
}

/** Offset just past the last character that is not white space (where "unexpected end" errors belong). */
function lastContentOffset(text: string): number {
  let i = text.length;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return Math.max(0, i - 1);
}

function describeFound(v: unknown, lang: Lang): string {
  return localize(Array.isArray(v) ? FOUND.list : FOUND.value, lang);
}

// ---------------------------------------------------------------------------------------------
// One configuration file: its values and where each key is in its text

type Where = 'key' | 'value';

interface Located {
  readonly key: Range;
  readonly value: Range;
}

interface Source {
  readonly path: string;
  readonly format: Format;
  readonly index: LineIndex;
  /** Where the key or value at `path` (keys as written in this file) is; undefined when unknown. */
  locate(path: readonly PathSegment[]): Located | undefined;
}

interface ParseResult {
  readonly data?: Table;
  readonly problems: Diagnostic[];
  readonly source: Source;
}

function syntaxProblem(r: Range, format: Format, reason: string, lang: Lang): Diagnostic {
  return {
    code: 'hugo-config-syntax',
    severity: 'error',
    range: r,
    message: localize(HUGO_CONFIG_MESSAGES.syntax, lang, { format: FORMAT_NAMES[format], reason }),
    data: { reason },
  };
}

function startsWithPath(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

function tomlLocator(layout: TomlLayout, index: LineIndex): (path: readonly PathSegment[]) => Located | undefined {
  return (path) => {
    const exact = layout.find(path);
    const e = exact ?? layout.entries.find((x) => startsWithPath(x.path, path));
    if (!e) return undefined;
    // The segment of the entry's dotted key that names the last element of `path`.
    const segIndex = path.length - 1 - (e.path.length - e.segments.length);
    const seg = e.segments[segIndex] ?? e.segments[e.segments.length - 1];
    const key = seg ? index.rangeAt(seg.start, seg.end) : index.rangeAt(e.keyStart, e.keyEnd);
    const value = exact?.value ? index.rangeAt(exact.value.start, exact.value.end) : key;
    return { key, value };
  };
}

function parseToml(path: string, text: string, index: LineIndex, lang: Lang): ParseResult {
  const layout = locateToml(text);
  const source: Source = { path, format: 'toml', index, locate: tomlLocator(layout, index) };
  try {
    // A lone CR is a line break for the editor (and the locator), not for TOML: same length, so offsets hold.
    const data = parseTomlText(text.replace(/\r(?!\n)/g, '\n')) as Table;
    return { data, problems: [], source };
  } catch (e) {
    const { range: r, reason } = locateTomlError(e, 0, index.lineCount - 1, index);
    return { problems: [syntaxProblem(r, 'toml', translateTomlReason(reason, lang), lang)], source };
  }
}

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  // Hugo 0.111 reads YAML with gopkg.in/yaml.v2: YAML 1.1 booleans (yes/no/on/off/y/n), octal 010,
  // sexagesimal numbers, merge keys; timestamps stay strings when decoded into a map.
  version: '1.1',
  prettyErrors: false,
  // yaml.v2 takes a repeated key without a word, the last one winning (checked with `hugo config`).
  uniqueKeys: false,
  customTags: (tags) => tags.filter((t) => (typeof t === 'string' ? t !== 'timestamp' : t.tag !== 'tag:yaml.org,2002:timestamp')),
};

function yamlKeyName(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function parseYaml(path: string, text: string, index: LineIndex, lang: Lang): ParseResult {
  let doc: ReturnType<typeof parseDocument> | undefined;
  const locate = (p: readonly PathSegment[]): Located | undefined => {
    let node: unknown = doc?.contents;
    let key: Range | undefined;
    for (const seg of p) {
      if (isMap(node)) {
        let found: { key: unknown; value: unknown } | undefined;
        for (const pair of node.items) if (yamlKeyName(pair.key) === String(seg)) found = pair;
        if (!found) return undefined;
        const kr = (found.key as YamlNode | null)?.range;
        key = kr ? index.rangeAt(kr[0], kr[1]) : key;
        node = found.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        const r = (node as YamlNode | undefined)?.range;
        if (!r) return undefined;
        key = index.rangeAt(r[0], r[1]);
      } else return undefined;
    }
    const vr = (node as YamlNode | null | undefined)?.range;
    const value = vr ? index.rangeAt(vr[0], vr[1]) : key;
    if (!key || !value) return undefined;
    return { key, value };
  };
  const source: Source = { path, format: 'yaml', index, locate };
  try {
    doc = parseDocument(text, YAML_OPTIONS);
    // yaml.v2 reads the first document of a stream; so do we.
    const error = doc.errors.find((e) => e.code !== 'MULTIPLE_DOCS');
    if (error) {
      const reason = lang !== 'en' && error.code in YAML_REASONS ? localize(YAML_REASONS[error.code], lang) : error.message;
      return { problems: [syntaxProblem(errorRange(index, error.pos[0]), 'yaml', reason, lang)], source };
    }
    const data: unknown = doc.toJS({ maxAliasCount: 10_000 });
    if (data === null || data === undefined) return { data: {}, problems: [], source };
    if (!isTable(data)) {
      const start = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
      const line = index.positionAt(start).line;
      return { problems: [notTableProblem(index.lineRange(line), 'yaml', data, lang)], source };
    }
    return { data, problems: [], source };
  } catch (e) {
    // toJS: too many aliases (a "billion laughs" file) or an alias loop.
    const reason = lang !== 'en' ? localize(YAML_REASONS.TOO_MANY_ALIASES, lang) : e instanceof Error ? e.message : String(e);
    return { problems: [syntaxProblem(index.lineRange(0), 'yaml', reason, lang)], source };
  }
}

function notTableProblem(r: Range, format: Format, data: unknown, lang: Lang): Diagnostic {
  return {
    code: 'hugo-config-syntax',
    severity: 'error',
    range: r,
    message: localize(HUGO_CONFIG_MESSAGES.notTable, lang, { format: FORMAT_NAMES[format], found: describeFound(data, lang) }),
  };
}

// ----- JSON: a strict reader (as Go's encoding/json) that keeps where each key and value is.

interface JsonSpan {
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly start: number;
  readonly end: number;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_JSON_DEPTH = 512;

class JsonReader {
  private p = 0;
  readonly spans = new Map<string, JsonSpan>();

  constructor(private readonly s: string) {}

  private fail(reason: string, at = this.p): never {
    throw new JsonSyntaxError(reason, at);
  }

  private ws(): void {
    while (this.p < this.s.length) {
      const c = this.s.charCodeAt(this.p);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.p++;
    }
  }

  private eofOr(reason: string): never {
    if (this.p >= this.s.length) this.fail('unexpected end of input');
    this.fail(reason);
  }

  document(): unknown {
    this.ws();
    const v = this.value([], this.p, this.p, 0);
    this.ws();
    if (this.p < this.s.length) this.fail('unexpected data after the value');
    return v;
  }

  private value(path: PathSegment[], keyStart: number, keyEnd: number, depth: number): unknown {
    if (depth > MAX_JSON_DEPTH) this.fail('too deeply nested');
    const start = this.p;
    const c = this.s[this.p];
    let v: unknown;
    if (c === '{') v = this.object(path, depth);
    else if (c === '[') v = this.array(path, depth);
    else if (c === '"') v = this.string();
    else if (c === '-' || (c >= '0' && c <= '9')) v = this.number();
    else {
      const literal = ['true', 'false', 'null'].find((w) => this.s.startsWith(w, this.p));
      if (literal === undefined) this.eofOr('unexpected character');
      v = literal === 'true' ? true : literal === 'false' ? false : null;
      this.p += literal.length;
    }
    this.spans.set(JSON.stringify(path), { keyStart, keyEnd, start, end: this.p });
    return v;
  }

  private object(path: PathSegment[], depth: number): Table {
    this.p++;
    const out: Table = {};
    this.ws();
    if (this.s[this.p] === '}') {
      this.p++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.p] !== '"') this.eofOr('expected a string key');
      const keyStart = this.p;
      const key = this.string();
      const keyEnd = this.p;
      this.ws();
      if (this.s[this.p] !== ':') this.eofOr('expected a colon');
      this.p++;
      this.ws();
      setOwn(out, key, this.value([...path, key], keyStart, keyEnd, depth + 1));
      this.ws();
      const c = this.s[this.p];
      this.p++;
      if (c === ',') continue;
      if (c === '}') return out;
      this.p--;
      this.eofOr('expected a comma or }');
    }
  }

  private array(path: PathSegment[], depth: number): unknown[] {
    this.p++;
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.p] === ']') {
      this.p++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value([...path, out.length], this.p, this.p, depth + 1));
      this.ws();
      const c = this.s[this.p];
      this.p++;
      if (c === ',') continue;
      if (c === ']') return out;
      this.p--;
      this.eofOr('expected a comma or ]');
    }
  }

  private string(): string {
    const open = this.p;
    this.p++;
    let out = '';
    for (;;) {
      if (this.p >= this.s.length) this.fail('unterminated string', open);
      const c = this.s.charCodeAt(this.p);
      if (c === 34) {
        this.p++;
        return out;
      }
      if (c < 0x20) this.fail(c === 10 || c === 13 ? 'unterminated string' : 'control character in a string', c === 10 || c === 13 ? open : this.p);
      if (c === 92) {
        const e = this.s[this.p + 1];
        if (e === 'u') {
          const hex = this.s.slice(this.p + 2, this.p + 6);
          if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail('invalid escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.p += 6;
        } else if (e !== undefined && Object.prototype.hasOwnProperty.call(JSON_ESCAPES, e)) {
          out += JSON_ESCAPES[e];
          this.p += 2;
        } else this.fail('invalid escape');
        continue;
      }
      out += this.s[this.p];
      this.p++;
    }
  }

  private number(): number {
    JSON_NUMBER.lastIndex = this.p;
    const m = JSON_NUMBER.exec(this.s);
    if (!m || m[0] === '-' || m[0] === '') this.fail('invalid number');
    const next = this.s[this.p + m[0].length];
    // `01`, `1.`, `1e`: the grammar stops early and leaves a digit, a dot or an exponent behind.
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail('invalid number');
    this.p += m[0].length;
    return Number(m[0]);
  }
}

function parseJson(path: string, text: string, index: LineIndex, lang: Lang): ParseResult {
  const reader = new JsonReader(text);
  const locate = (p: readonly PathSegment[]): Located | undefined => {
    const span = reader.spans.get(JSON.stringify(p));
    if (!span) return undefined;
    return { key: index.rangeAt(span.keyStart, span.keyEnd), value: index.rangeAt(span.start, span.end) };
  };
  const source: Source = { path, format: 'json', index, locate };
  let data: unknown;
  try {
    data = reader.document();
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const offset = e.reason === 'unexpected end of input' ? lastContentOffset(text) : e.offset;
    const reason = JSON_REASONS.has(e.reason) ? localize(e.reason as Message, lang) : e.reason;
    return { problems: [syntaxProblem(errorRange(index, offset), 'json', reason, lang)], source };
  }
  // Go: `null` decodes into an empty map; anything else that is not an object is an error.
  if (data === null) return { data: {}, problems: [], source };
  if (!isTable(data)) return { problems: [notTableProblem(index.lineRange(index.positionAt(lastContentOffset(text)).line), 'json', data, lang)], source };
  return { data, problems: [], source };
}

function parseSource(path: string, format: Format, raw: string, lang: Lang): ParseResult {
  const hasBom = raw.charCodeAt(0) === 0xfeff;
  const text = hasBom ? raw.slice(1) : raw;
  const index = new LineIndex(text);
  const result = format === 'toml' ? parseToml(path, text, index, lang) : format === 'yaml' ? parseYaml(path, text, index, lang) : parseJson(path, text, index, lang);
  if (hasBom && format !== 'yaml') {
    // Hugo 0.111.3: `unmarshal failed: toml: invalid character at start of key: ï` (JSON alike).
    // The file is read as meant, and the BOM reported: removing it is the fix.
    result.problems.unshift({
      code: 'hugo-config-syntax',
      severity: 'error',
      range: index.lineRange(0),
      message: localize(HUGO_CONFIG_MESSAGES.bom, lang, { format: FORMAT_NAMES[format] }),
    });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Merging, remembering which file (and which key as written there) each value came from

interface Origin {
  readonly source: number;
  /** The key path as written in that file (without the place the file's name puts it at). */
  readonly path: readonly PathSegment[];
}

const pathId = (p: readonly string[]): string => p.join('\u0000');

class MergedConfig {
  readonly root: Table = {};
  private readonly origins = new Map<string, Origin>();

  /** Merges `data` (keys as written) at `at` (lower-case keys), as Hugo's `Set`: tables merge, the rest replaces. */
  set(at: readonly string[], data: Table, source: number): void {
    let target = this.root;
    const path: string[] = [];
    for (const seg of at) {
      path.push(seg);
      let next = ownValue(target, seg);
      if (!isTable(next)) {
        next = {};
        setOwn(target, seg, next);
        this.origins.set(pathId(path), { source, path: [] });
      }
      target = next as Table;
    }
    this.merge(target, data, path, [], source);
  }

  private merge(target: Table, data: Table, lpath: string[], opath: PathSegment[], source: number): void {
    for (const [k, v] of Object.entries(data)) {
      const lk = k.toLowerCase();
      const lp = [...lpath, lk];
      const op = [...opath, k];
      this.origins.set(pathId(lp), { source, path: op });
      if (isTable(v)) {
        let t = ownValue(target, lk);
        if (!isTable(t)) {
          t = {};
          setOwn(target, lk, t);
        }
        this.merge(t as Table, v, lp, op, source);
      } else setOwn(target, lk, v);
    }
  }

  get(path: readonly string[]): unknown {
    let v: unknown = this.root;
    for (const seg of path) {
      if (!isTable(v)) return undefined;
      v = ownValue(v, seg);
    }
    return v;
  }

  origin(path: readonly string[]): Origin | undefined {
    return this.origins.get(pathId(path));
  }
}

// ---------------------------------------------------------------------------------------------
// Reading typed values, reporting what is wrong where it is written

/** Looks a key up case-insensitively in a table that kept its keys as written (inside arrays); the last spelling wins, as a later key would. */
function field(t: Table, name: string): [string, unknown] | undefined {
  let found: [string, unknown] | undefined;
  for (const [k, v] of Object.entries(t)) if (k.toLowerCase() === name) found = [k, v];
  return found;
}

class Reader {
  readonly problems: { source: number; diagnostic: Diagnostic }[] = [];

  constructor(
    readonly merged: MergedConfig,
    private readonly sources: readonly Source[],
    readonly lang: Lang,
  ) {}

  /**
   * Reports a problem at the key or value at `path` (lower-case, in the merged config) plus
   * `extra` (segments as written, inside an array). Nothing when no file set it.
   */
  report(
    path: readonly string[],
    extra: readonly PathSegment[],
    where: Where,
    severity: Severity,
    message: Message,
    args: Readonly<Record<string, string | number>> = {},
  ): void {
    const origin = this.merged.origin(path);
    if (!origin) return;
    const source = this.sources[origin.source];
    const written = [...origin.path, ...extra];
    // An empty path is the whole file (`languages.toml` is `languages`): its start.
    const located = written.length > 0 ? source.locate(written) : undefined;
    const r = located ? located[where] : range(0, 0, 0, 0);
    this.problems.push({
      source: origin.source,
      diagnostic: { code: 'hugo-config-value', severity, range: r, message: localize(message, this.lang, args) },
    });
  }

  /** The key as its file writes it, for messages: `ContentDir`, `fr.weight` (in languages.toml). */
  keyText(path: readonly string[], extra: readonly PathSegment[] = []): string {
    const origin = this.merged.origin(path);
    const written = origin && origin.path.length > 0 ? [...origin.path, ...extra] : [...path, ...extra];
    return pathText(written);
  }

  typeError(path: readonly string[], expected: Message, extra: readonly PathSegment[] = []): void {
    this.report(path, extra, 'value', 'warning', HUGO_CONFIG_MESSAGES.type, { key: this.keyText(path, extra), expected: localize(expected, this.lang) });
  }

  string(path: readonly string[]): string | undefined {
    return this.stringValue(this.merged.get(path), path);
  }

  stringValue(v: unknown, path: readonly string[], extra: readonly PathSegment[] = []): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return v;
    this.typeError(path, EXPECTED.string, extra);
    return undefined;
  }

  boolean(path: readonly string[]): boolean | undefined {
    const v = this.merged.get(path);
    if (v === undefined) return undefined;
    if (typeof v === 'boolean') return v;
    this.typeError(path, EXPECTED.boolean);
    return undefined;
  }

  integer(path: readonly string[]): number | undefined {
    const v = this.merged.get(path);
    if (v === undefined) return undefined;
    // Hugo casts (`cast.ToInt`): 1.9 → 1.
    if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
    if (typeof v === 'bigint') return Number(v);
    this.typeError(path, EXPECTED.integer);
    return undefined;
  }

  table(path: readonly string[]): Table | undefined {
    const v = this.merged.get(path);
    if (v === undefined) return undefined;
    if (isTable(v)) return v;
    this.typeError(path, EXPECTED.table);
    return undefined;
  }

  /**
   * A string or an array of strings. `split`: a string is split on white space, as Hugo's
   * `cast.ToStringSlice` does (`disableLanguages`, `ignoreFiles`); otherwise it is one element.
   */
  strings(path: readonly string[], split: boolean): string[] | undefined {
    return this.stringsValue(this.merged.get(path), path, [], split);
  }

  stringsValue(v: unknown, path: readonly string[], extra: readonly PathSegment[], split: boolean): string[] | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string') return split ? v.split(/\s+/).filter((s) => s !== '') : [v];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    this.typeError(path, EXPECTED.strings, extra);
    return undefined;
  }

  /** A folder setting: cleaned, `/` separators; undefined when unset or empty. */
  dir(path: readonly string[]): string | undefined {
    const s = this.string(path);
    return s === undefined || s.trim() === '' ? undefined : cleanPath(s);
  }
}

// ---------------------------------------------------------------------------------------------
// Finding the files

async function readDir(host: SiteHost, dir: string): Promise<readonly DirEntry[]> {
  try {
    return await host.readDirectory(dir);
  } catch {
    return [];
  }
}

/** Entries sorted as Go's `afero.Walk` visits them (byte order of the names). */
function sortedEntries(entries: readonly DirEntry[]): DirEntry[] {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Config files under `dir`, recursively, in Hugo's walk order. */
async function walkConfigDir(host: SiteHost, dir: string, depth = 0): Promise<string[]> {
  if (depth > MAX_WALK_DEPTH) return [];
  const out: string[] = [];
  for (const e of sortedEntries(await readDir(host, dir))) {
    const p = join(dir, e.name);
    if (e.kind === 'directory') out.push(...(await walkConfigDir(host, p, depth + 1)));
    else if (formatOf(e.name)) out.push(p);
  }
  return out;
}

async function hasConfigFile(host: SiteHost, dir: string, depth = 0): Promise<boolean> {
  if (depth > MAX_WALK_DEPTH) return false;
  const entries = await readDir(host, dir);
  if (entries.some((e) => e.kind === 'file' && formatOf(e.name))) return true;
  for (const e of entries) if (e.kind === 'directory' && (await hasConfigFile(host, join(dir, e.name), depth + 1))) return true;
  return false;
}

/** Whether `dir` is a Hugo site root: a hugo.* or config.* file, or a config/_default/ folder holding a config file. */
export async function isHugoSiteRoot(host: SiteHost, dir: string): Promise<boolean> {
  const entries = await readDir(host, dir);
  if (entries.some((e) => e.kind === 'file' && HUGO_CONFIG_BASENAMES.includes(e.name))) return true;
  return hasConfigFile(host, join(dir, 'config', '_default'));
}

/**
 * Where a file of the config folder goes (Hugo's `LoadConfigFromDir`): `keyPath` `[]` for the root
 * (`hugo.*`, `config.*`), `['params']`, `['languages', 'fr', 'menus']`…; `name` is the file's
 * name without extension and language (`menus` for `menus.fr.toml`), undefined for the root.
 */
export function configDirPlace(fileName: string): { keyPath: string[]; name?: string } {
  const full = fileName.slice(0, fileName.lastIndexOf('.'));
  if (full === 'hugo' || full === 'config') return { keyPath: [] };
  const dot = full.lastIndexOf('.');
  const name = dot < 0 ? full : full.slice(0, dot);
  const lang = dot < 0 ? '' : full.slice(dot + 1);
  if (lang === '') return { keyPath: [name.toLowerCase()], name };
  const keyPath = ['languages', lang.toLowerCase()];
  if (name === 'menu' || name === 'menus') keyPath.push('menus');
  else if (name === 'params') keyPath.push('params');
  return { keyPath, name };
}

// ---------------------------------------------------------------------------------------------
// Languages and content mounts

interface LanguageEntry {
  readonly code: string;
  readonly weight: number;
  /** Its own `contentDir`, cleaned; undefined when it has none. */
  readonly ownContentDir?: string;
  readonly languageCode?: string;
  readonly languageName?: string;
  readonly title?: string;
  disabled: boolean;
  readonly hasBaseURL: boolean;
}

/** Hugo's language order: by weight, a weight of 0 last, then by code. */
function compareLanguages(a: LanguageEntry, b: LanguageEntry): number {
  // Hugo 0.111.3's `Less` (`wj == 0 || wi < wj`) is not a strict order when weights 0 and others
  // mix, so the order of such languages changes from run to run (seen with `hugo config mounts`);
  // current Hugo (langs/config.go) puts weight 0 last, then sorts by name: so do we.
  if (a.weight !== b.weight) {
    if (a.weight === 0) return 1;
    if (b.weight === 0) return -1;
    return a.weight - b.weight;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

interface LanguagesResult {
  readonly defaultLanguage: string;
  readonly all: LanguageEntry[];
  readonly multihost: boolean;
  readonly disabled: string[];
  readonly disabledTables: string[];
}

function readLanguages(r: Reader, siteContentDir: string | undefined, rootTitle?: string, rootLanguageCode?: string): LanguagesResult {
  const setDefault = r.string(['defaultcontentlanguage']);
  let defaultLanguage = (setDefault ?? '').toLowerCase() || 'en';
  const disableList = (r.strings(['disablelanguages'], true) ?? []).map((s) => s.toLowerCase());
  const table = r.table(['languages']) ?? {};
  const all: LanguageEntry[] = [];
  for (const [code, value] of Object.entries(table)) {
    const lp = ['languages', code];
    if (!isTable(value)) {
      r.typeError(lp, EXPECTED.table);
      continue;
    }
    const weight = r.integer([...lp, 'weight']) ?? 0;
    const disabled = r.boolean([...lp, 'disabled']) ?? false;
    // Current Hugo (0.158+) renames languageCode → locale and languageName → label.
    const languageCode = r.string([...lp, 'languagecode']) ?? r.string([...lp, 'locale']) ?? rootLanguageCode;
    const languageName = r.string([...lp, 'languagename']) ?? r.string([...lp, 'label']);
    all.push(
      compact({
        code,
        weight,
        ownContentDir: r.dir([...lp, 'contentdir']),
        languageCode,
        languageName,
        title: r.string([...lp, 'title']) ?? rootTitle,
        disabled: disabled || disableList.includes(code),
        hasBaseURL: ownValue(value, 'baseurl') !== undefined,
      }),
    );
  }
  if (all.length === 0) {
    // A monolingual site: one language, the default one, with the site's settings.
    all.push(compact({ code: defaultLanguage, weight: 0, ownContentDir: siteContentDir, languageCode: rootLanguageCode, title: rootTitle, disabled: false, hasBaseURL: false }));
  }
  all.sort(compareLanguages);

  if (!all.some((l) => l.code === defaultLanguage)) {
    const enabled = all.filter((l) => !l.disabled);
    const fallback = (enabled.find((l) => l.code === 'en') ?? enabled[0] ?? all[0]).code;
    if (setDefault !== undefined && setDefault !== '') {
      r.report(['defaultcontentlanguage'], [], 'value', 'error', HUGO_CONFIG_MESSAGES.defaultLanguageMissing, { lang: defaultLanguage });
    } else {
      r.report(['languages'], [], 'key', 'error', HUGO_CONFIG_MESSAGES.defaultLanguageUnset, { lang: fallback });
    }
    defaultLanguage = fallback;
  }
  const def = all.find((l) => l.code === defaultLanguage);
  if (def && disableList.includes(def.code)) {
    // `disableLanguages`: Hugo 0.111 refuses to build. Keep the default language so the site still has one.
    const dl = r.merged.get(['disablelanguages']);
    const extra = Array.isArray(dl) ? [dl.findIndex((s) => typeof s === 'string' && s.toLowerCase() === def.code)] : [];
    r.report(['disablelanguages'], extra, 'value', 'error', HUGO_CONFIG_MESSAGES.defaultLanguageDisabled, { lang: def.code });
    def.disabled = r.merged.get(['languages', def.code, 'disabled']) === true;
  }
  if (def?.disabled) {
    // `disabled = true` in its table: Hugo 0.111 builds without it; current Hugo refuses.
    r.report(['languages', def.code, 'disabled'], [], 'value', 'warning', HUGO_CONFIG_MESSAGES.defaultLanguageDisabledFlag, { lang: def.code });
  }

  const disabled = new Set<string>(disableList.filter((c) => c !== defaultLanguage));
  for (const l of all) if (l.disabled) disabled.add(l.code);
  // Hugo 0.111 `Languages.IsMultihost`: more than one language, one of them with its own baseURL.
  const multihost = all.length > 1 && all.some((l) => l.hasBaseURL);
  const disabledTables = all.filter((l) => l.disabled && l.code !== defaultLanguage).map((l) => l.code);
  return { defaultLanguage, all, multihost, disabled: [...disabled].sort(), disabledTables: disabledTables.sort() };
}

interface ProjectMount extends ContentMount {
  readonly component: string;
}

/** `[[module.imports]]`: each import's `path`, unless `disable = true`; malformed entries are left to Hugo. */
function readModuleImports(r: Reader): string[] {
  const list = r.merged.get(['module', 'imports']);
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const m of list) {
    if (!isTable(m)) continue;
    const path = field(m, 'path')?.[1];
    const disabled = field(m, 'disable')?.[1] === true;
    if (typeof path === 'string' && path.trim() !== '' && !disabled) out.push(path.trim());
  }
  return out;
}

/** `module.mounts` of the project, as Hugo 0.111's `normalizeMounts` keeps them. */
async function readProjectMounts(r: Reader, host: SiteHost, root: string): Promise<ProjectMount[]> {
  const module = r.table(['module']);
  if (!module) return [];
  const mp = ['module', 'mounts'];
  const list = r.merged.get(mp);
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    r.typeError(mp, EXPECTED.mounts);
    return [];
  }
  const out: ProjectMount[] = [];
  for (let i = 0; i < list.length; i++) {
    const m: unknown = list[i];
    if (!isTable(m)) {
      r.typeError(mp, EXPECTED.table, [i]);
      continue;
    }
    const get = (name: string, split: 'string' | 'strings'): { key?: string; value?: unknown } => {
      const f = field(m, name);
      if (!f) return {};
      const value = split === 'string' ? r.stringValue(f[1], mp, [i, f[0]]) : r.stringsValue(f[1], mp, [i, f[0]], false);
      return { key: f[0], value };
    };
    const source = get('source', 'string').value as string | undefined;
    const target = get('target', 'string').value as string | undefined;
    const lang = get('lang', 'string').value as string | undefined;
    const includeFiles = get('includefiles', 'strings').value as string[] | undefined;
    const excludeFiles = get('excludefiles', 'strings').value as string[] | undefined;
    if (!source || !target) {
      r.report(mp, [i], 'value', 'error', HUGO_CONFIG_MESSAGES.mountIncomplete);
      continue;
    }
    const cleanSource = cleanPath(source);
    const cleanTarget = cleanPath(target);
    const abs = mountSourcePath(root, cleanSource);
    // Hugo drops a mount whose source does not exist, silently, before anything else.
    let exists = false;
    let file = false;
    try {
      const st = await host.stat(abs);
      exists = st !== undefined;
      file = st?.kind === 'file';
    } catch {
      exists = false;
    }
    if (!exists) {
      const f = field(m, 'source');
      r.report(mp, f ? [i, f[0]] : [i], 'value', 'warning', HUGO_CONFIG_MESSAGES.mountSourceMissing, { source });
      continue;
    }
    const component = cleanTarget.split('/')[0];
    if (!COMPONENTS.includes(component)) {
      const f = field(m, 'target');
      r.report(mp, f ? [i, f[0]] : [i], 'value', 'error', HUGO_CONFIG_MESSAGES.mountTarget, { target });
      continue;
    }
    out.push(compact({ source: cleanSource, target: cleanTarget, lang, includeFiles, excludeFiles, component, file: file || undefined }));
  }
  return out;
}

/**
 * The content mounts, as Hugo 0.111.3's `ApplyProjectConfigDefaults` makes them:
 * - when a project mount (one whose source exists) targets `content` or `content/…`, the
 *   project's content mounts are all there is (no `contentDir` mount is added);
 * - otherwise, when the site or a language sets `contentDir`: one mount per language, default
 *   language first then by weight, disabled languages included, each with its `lang`, from its
 *   `contentDir` (or `content`), a folder already mounted by an earlier language being skipped;
 * - otherwise one mount of `content`, without language.
 * Duplicates (same lang, source and target) are dropped, as Hugo's `filterUnwantedMounts`.
 *
 * Current Hugo differs in the second case: only enabled languages, and a language whose folder is
 * the site's `contentDir` gets a mount without `lang` (0.111: with the language of the first
 * such language). Current Hugo also has `files` and `sites.matrix` on mounts (`lang`,
 * `includeFiles`, `excludeFiles` are deprecated since 0.153); they are not read here.
 */
function contentMounts(project: readonly ProjectMount[], languages: LanguagesResult, siteContentDir: string | undefined): ContentMount[] {
  let mounts: ContentMount[];
  const configured = project.filter((m) => m.component === 'content');
  if (configured.length > 0) {
    mounts = configured.map(({ component: _component, ...m }) => m);
  } else {
    const def = languages.all.find((l) => l.code === languages.defaultLanguage);
    const ordered = def ? [def, ...languages.all.filter((l) => l !== def)] : languages.all;
    const dirs = ordered.map((l) => ({ lang: l.code, dir: l.ownContentDir ?? siteContentDir ?? '' }));
    if (dirs.some((d) => d.dir !== '')) {
      const seen = new Set<string>();
      mounts = [];
      for (const d of dirs) {
        const source = d.dir || 'content';
        if (seen.has(source)) continue;
        seen.add(source);
        mounts.push({ source, target: 'content', lang: d.lang });
      }
    } else mounts = [{ source: 'content', target: 'content' }];
  }
  const seen = new Set<string>();
  return mounts.filter((m) => {
    const key = `${m.lang ?? ''}/${m.source}/${m.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `[taxonomies]` (singular = "plural"): Hugo's default `tag = "tags"`, `category = "categories"`
 * applies only when the site does not set the table at all (`SetDefaults` on the root key); an
 * empty table means no taxonomies. (A language's own `taxonomies` is not read.)
 */
/** Hugo's default outputs per kind (output/outputFormat.go, 0.111), overridden per kind by `[outputs]`. */
const DEFAULT_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  page: ['html'],
  home: ['html', 'rss'],
  section: ['html', 'rss'],
  taxonomy: ['html', 'rss'],
  term: ['html', 'rss'],
};

function readOutputs(r: Reader): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = { ...DEFAULT_OUTPUTS };
  const t = r.table(['outputs']);
  for (const kind of Object.keys(t ?? {})) {
    const list = r.strings(['outputs', kind.toLowerCase()], false);
    if (list) out[kind.toLowerCase()] = list.map((f) => f.toLowerCase());
  }
  return out;
}

function readTaxonomies(r: Reader): string[] {
  if (r.merged.get(['taxonomies']) === undefined) return ['categories', 'tags'];
  const t = r.table(['taxonomies']);
  if (!t) return ['categories', 'tags'];
  const out = new Set<string>();
  for (const [singular, plural] of Object.entries(t)) {
    const s = r.stringValue(plural, ['taxonomies', singular]);
    if (s !== undefined && s !== '') out.add(s);
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// Loading

/**
 * Reads the configuration of the Hugo site at `root` (absolute, `/` separators). Never throws:
 * a file that cannot be read or parsed is reported in `problems` and contributes nothing; a value
 * of the wrong type is reported where it is written and its default used.
 */
export async function loadHugoConfig(host: SiteHost, root: string, options: LoadHugoConfigOptions = {}): Promise<HugoConfig> {
  const lang = options.lang ?? 'fr';
  const environment = options.environment ?? 'production';
  const siteRoot = root.length > 1 && !/^[A-Za-z]:\/$/.test(root) ? root.replace(/\/+$/, '') : root;

  const files: string[] = [];
  const sources: Source[] = [];
  const problems: { source: number; diagnostic: Diagnostic }[] = [];
  const merged = new MergedConfig();

  const load = async (path: string, keyPath: string[], wrappedKey?: string): Promise<void> => {
    const format = formatOf(path) ?? 'toml';
    const n = sources.length;
    files.push(path);
    let text: string;
    try {
      text = await host.readFile(path);
    } catch (e) {
      sources.push({ path, format, index: new LineIndex(''), locate: () => undefined });
      const reason = e instanceof Error ? e.message : String(e);
      problems.push({ source: n, diagnostic: { code: 'hugo-config-syntax', severity: 'error', range: range(0, 0, 0, 0), message: localize(HUGO_CONFIG_MESSAGES.unreadable, lang, { reason }) } });
      return;
    }
    const parsed = parseSource(path, format, typeof text === 'string' ? text : '', lang);
    sources.push(parsed.source);
    for (const d of parsed.problems) problems.push({ source: n, diagnostic: d });
    if (!parsed.data) return;
    const keys = Object.keys(parsed.data);
    if (wrappedKey !== undefined && keys.length === 1 && keys[0] === wrappedKey) {
      const at = parsed.source.locate([wrappedKey]);
      problems.push({
        source: n,
        diagnostic: {
          code: 'hugo-config-value',
          severity: 'warning',
          range: at?.key ?? range(0, 0, 0, 0),
          message: localize(HUGO_CONFIG_MESSAGES.wrappedFile, lang, { key: wrappedKey }),
        },
      });
    }
    merged.set(keyPath, parsed.data, n);
  };

  try {
    // 1. The root file: the first found, only that one.
    const names = new Set((await readDir(host, siteRoot)).filter((e) => e.kind === 'file').map((e) => e.name));
    const rootFile = HUGO_CONFIG_BASENAMES.find((n) => names.has(n));
    if (rootFile) await load(join(siteRoot, rootFile), []);

    // 2. config/_default/ then config/<environment>/, each merged over what came before.
    const dirs = [join(siteRoot, 'config', '_default')];
    if (environment !== '_default' && environment !== '') dirs.push(join(siteRoot, 'config', environment));
    for (const dir of dirs) {
      for (const path of await walkConfigDir(host, dir)) {
        const { keyPath, name } = configDirPlace(path.slice(path.lastIndexOf('/') + 1));
        // `params.toml` holding only `[params]`: 0.111 nests it (see HUGO_CONFIG_MESSAGES.wrappedFile).
        await load(path, keyPath, name);
      }
    }
  } catch {
    // A host that throws where it should not: what was read so far stands.
  }

  const r = new Reader(merged, sources, lang);
  const title = r.string(['title']);
  const languageCode = r.string(['languagecode']);
  const siteContentDir = r.dir(['contentdir']);
  const languages = readLanguages(r, siteContentDir, title, languageCode);
  let projectMounts: ProjectMount[] = [];
  try {
    projectMounts = await readProjectMounts(r, host, siteRoot);
  } catch {
    projectMounts = [];
  }

  const level = r.string(['reflinkserrorlevel']);
  if (level !== undefined && !/^(error|warning)$/i.test(level)) {
    r.report(['reflinkserrorlevel'], [], 'value', 'warning', HUGO_CONFIG_MESSAGES.refLinksErrorLevel, { value: level });
  }

  const enabled = languages.all.filter((l) => !l.disabled);
  const config: HugoConfig = {
    root: siteRoot,
    files,
    contentDir: siteContentDir ?? 'content',
    defaultContentLanguage: languages.defaultLanguage,
    // Multihost forces it on (langs/config.go).
    defaultContentLanguageInSubdir: (r.boolean(['defaultcontentlanguageinsubdir']) ?? false) || languages.multihost,
    languages: enabled.map((l) =>
      compact({
        code: l.code,
        contentDir: l.ownContentDir ?? siteContentDir ?? 'content',
        weight: l.weight,
        languageCode: l.languageCode,
        languageName: l.languageName,
        title: l.title,
      }),
    ),
    disabledLanguages: languages.disabled,
    disabledLanguageTables: languages.disabledTables,
    mounts: contentMounts(projectMounts, languages, siteContentDir),
    ignoreFiles: r.strings(['ignorefiles'], true) ?? [],
    refLinksErrorLevel: level !== undefined && level.toLowerCase() === 'warning' ? 'WARNING' : 'ERROR',
    refLinksNotFoundURL: r.string(['reflinksnotfoundurl']),
    goldmarkUnsafe: r.boolean(['markup', 'goldmark', 'renderer', 'unsafe']) ?? false,
    enableInlineShortcodes: r.boolean(['security', 'enableinlineshortcodes']) ?? r.boolean(['enableinlineshortcodes']) ?? false,
    baseURL: r.string(['baseurl'])?.trim() || undefined,
    buildDrafts: r.boolean(['builddrafts']) ?? false,
    buildFuture: r.boolean(['buildfuture']) ?? false,
    buildExpired: r.boolean(['buildexpired']) ?? false,
    title,
    languageCode,
    themes: r.strings(['theme'], false) ?? [],
    moduleImports: readModuleImports(r),
    themesDir: r.dir(['themesdir']) ?? 'themes',
    layoutDir: r.dir(['layoutdir']) ?? 'layouts',
    taxonomies: readTaxonomies(r),
    disableKinds: (r.strings(['disablekinds'], false) ?? []).map((k) => k.toLowerCase()),
    outputs: readOutputs(r),
    params: r.table(['params']) ?? {},
    problems: [...problems, ...r.problems]
      .map((p, i) => ({ ...p, i }))
      .sort((a, b) => a.source - b.source || compareDiagnostics(a.diagnostic, b.diagnostic) || a.i - b.i)
      .map((p) => ({ file: sources[p.source].path, diagnostic: p.diagnostic })),
  };
  return compact(config);
}
