import type MarkdownIt from 'markdown-it';
import { parse as parseToml, TomlDate } from 'smol-toml';
import { localize, translatorOf, type Lang, type Translator } from '../l10n';
import { keepLastCall, keepResults } from '../memo';
import { LABELS } from './labels';
import { ICONS } from './icons';
import { safeText } from './escape';
import type { FrontMatterMode } from './options';

/**
 * The `+++` (TOML) or `---` (YAML) block at the top of a page becomes one token, so it never shows
 * as text; how it is shown (card, table, nothing) is decided at render time from the settings.
 */

export const FRONT_MATTER_TOKEN = 'medguide_front_matter';

export interface FrontMatterMeta {
  readonly format: 'toml' | 'yaml';
  readonly data?: Readonly<Record<string, unknown>>;
  /** The parser's message when the block is not valid TOML/YAML. */
  readonly error?: string;
}

type BlockRule = Parameters<MarkdownIt['block']['ruler']['before']>[2];

function fenceOf(line: string): 'toml' | 'yaml' | undefined {
  // Hugo accepts spaces after the delimiter; a BOM may still be there when the text came from a file.
  const l = line.replace(/^\uFEFF/, '');
  if (/^\+\+\+[ \t]*$/.test(l)) return 'toml';
  if (/^---[ \t]*$/.test(l)) return 'yaml';
  return undefined;
}

/** Line `n` of the block state's source (a function of its own: a closure would be made at every call of the rule). */
function lineText(state: { readonly src: string; readonly bMarks: readonly number[]; readonly eMarks: readonly number[] }, n: number): string {
  return state.src.slice(state.bMarks[n], state.eMarks[n]);
}

export function frontMatterRule(isEnabled: () => boolean, onParsed?: (meta: FrontMatterMeta) => void): BlockRule {
  return (state, startLine, endLine, silent) => {
    if (!isEnabled() || silent) return false;
    // Only at the very top: nothing before it but blank lines (Hugo allows those).
    if (state.tokens.length > 0 || state.blkIndent !== 0 || state.level !== 0) return false;
    for (let l = 0; l < startLine; l++) {
      if (state.bMarks[l] + state.tShift[l] < state.eMarks[l]) return false;
    }
    if (state.tShift[startLine] !== 0) return false;
    const format = fenceOf(lineText(state, startLine));
    if (!format) return false;
    let close = -1;
    for (let n = startLine + 1; n < endLine; n++) {
      // A fence starts with its first character (or a BOM): other lines are not read.
      const first = state.src.charCodeAt(state.bMarks[n]);
      if (first !== 0x2b /* + */ && first !== 0x2d /* - */ && first !== 0xfeff) continue;
      if (fenceOf(lineText(state, n)) === format) {
        close = n;
        break;
      }
    }
    if (close < 0) return false; // unclosed: an ordinary `---` rule or `+++` paragraph, as Goldmark would show
    const raw = state.src.slice(state.bMarks[startLine + 1], state.bMarks[close]);
    const token = state.push(FRONT_MATTER_TOKEN, '', 0);
    token.block = true;
    token.map = [startLine, close + 1];
    token.markup = format === 'toml' ? '+++' : '---';
    token.content = raw;
    token.meta = parseFrontMatter(raw, format);
    onParsed?.(token.meta as FrontMatterMeta);
    state.line = close + 1;
    return true;
  };
}

/**
 * The last front matters parsed, by format and text. The preview parses the page again at every
 * change, and the front matter rarely is what changed. A parsed front matter is only read (the card,
 * the page's `lang`), so tokens of several parses can share it. Parsed from a copy: `raw` is a slice
 * of the page, and what is kept (the text, and the values the parser slices from it) must not keep
 * the whole page alive.
 */
const parsedFrontMatter = {
  toml: keepResults((text) => parseFrontMatterCopy(text, 'toml'), { max: 8, copyKey: true }),
  yaml: keepResults((text) => parseFrontMatterCopy(text, 'yaml'), { max: 8, copyKey: true }),
};

/** Forgets the front matters kept (on deactivation). */
export function clearFrontMatterCache(): void {
  parsedFrontMatter.toml.clear();
  parsedFrontMatter.yaml.clear();
  tomlLine.clear();
  cardDetails.clear();
}

export function parseFrontMatter(raw: string, format: 'toml' | 'yaml'): FrontMatterMeta {
  return parsedFrontMatter[format](raw);
}

function parseFrontMatterCopy(text: string, format: 'toml' | 'yaml'): FrontMatterMeta {
  const data = format === 'toml' ? tomlByLines(text.split('\n')) : undefined;
  return data !== undefined ? { format, data } : parseFrontMatterText(text, format);
}

/**
 * Single-line TOML statements (`key = value`, a bare key) parsed on their own, by line text: the
 * key and value, or null for a line that is not one. While one types in the front matter, one
 * line changes at a time: the others are not parsed again. Parsed from a copy, as the whole front
 * matter: the key and the values must not keep the page alive.
 */
const tomlLine = keepResults(tomlLineOf, { max: 512, copyKey: true });

/** The length of the bare key a line starts with, when `=` follows it (after spaces or tabs); else 0. */
function bareKeyLength(line: string): number {
  let k = 0;
  for (; k < line.length; k++) {
    const c = line.charCodeAt(k);
    const bare = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
    if (!bare) break;
  }
  if (k === 0) return 0;
  let e = k;
  while (e < line.length && (line.charCodeAt(e) === 0x20 || line.charCodeAt(e) === 0x09)) e++;
  return line.charCodeAt(e) === 0x3d /* = */ ? k : 0;
}

function tomlLineOf(text: string): { readonly key: string; readonly value: unknown } | null {
  const keyLength = bareKeyLength(text);
  if (keyLength === 0) return null;
  try {
    const data = parseToml(text) as Record<string, unknown>;
    const keys = Object.keys(data);
    return keys.length === 1 && keys[0] === text.slice(0, keyLength) ? { key: keys[0], value: data[keys[0]] } : null;
  } catch {
    return null;
  }
}

/**
 * The front matter's data when every line is empty or a single-line statement with a bare key of
 * its own, each valid on its own line: such a document means what its lines mean, in their order
 * (no table, no dotted key, no value over several lines: the first line of one is not valid on its
 * own). Anything else (undefined) is parsed as a whole, so its data or its error are the parser's.
 */
function tomlByLines(lines: readonly string[]): Record<string, unknown> | undefined {
  const data = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const entry = tomlLine(line);
    if (entry === null || Object.prototype.hasOwnProperty.call(data, entry.key)) return undefined;
    data[entry.key] = entry.value;
  }
  return data;
}

function parseFrontMatterText(raw: string, format: 'toml' | 'yaml'): FrontMatterMeta {
  try {
    const data = format === 'toml' ? (parseToml(raw) as Record<string, unknown>) : parseSimpleYaml(raw);
    return { format, data };
  } catch (e) {
    return { format, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Enough YAML for the card (scalars, `[a, b]` and `- item` lists at the top level). No YAML parser is
 * a dependency and the preview only needs the few keys it shows; anything else is kept as text.
 */
export function parseSimpleYaml(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of raw.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (out[listKey] as unknown[]).push(yamlScalar(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*))?$/.exec(line);
    if (!kv) continue;
    const [, key, value] = kv;
    if (value === undefined || value.trim() === '') {
      out[key] = [];
      listKey = key;
    } else {
      listKey = undefined;
      const v = value.trim();
      out[key] = v.startsWith('[') && v.endsWith(']') ? splitFlowList(v.slice(1, -1)).map(yamlScalar) : yamlScalar(v);
    }
  }
  return out;
}

function splitFlowList(s: string): string[] {
  const items: string[] = [];
  let cur = '';
  let quote = '';
  for (const ch of s) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      cur += ch;
      quote = ch;
    } else if (ch === ',') {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') items.push(cur);
  return items.map((i) => i.trim());
}

function yamlScalar(v: string): unknown {
  const s = v.trim();
  if (/^".*"$/.test(s)) return s.slice(1, -1).replace(/\\"/g, '"');
  if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
  if (s === 'true' || s === 'false') return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  return s;
}

/** A value as one line of text, for the card and the table. */
export function formatValue(v: unknown): string {
  if (v instanceof TomlDate) return v.toISOString();
  if (v instanceof Date) return isNaN(v.getTime()) ? String(v) : v.toISOString();
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (v !== null && typeof v === 'object') {
    return `{ ${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k} = ${formatValue(x)}`)
      .join(', ')} }`;
  }
  return String(v);
}

/** Dates shown as the day only: the card is a compact header, the table shows the full value. */
function formatDay(v: unknown): string {
  const s = formatValue(v);
  const m = /^\d{4}-\d{2}-\d{2}/.exec(s);
  return m ? m[0] : s;
}

function strings(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(formatValue).filter((s) => s.trim() !== '');
}

/**
 * The card or table last made for a parsed front matter (parsed front matters are shared while the
 * text is the same, see `parseFrontMatter`), with what it was made from: settings, attributes, the
 * translator of its labels.
 */
const renderedFrontMatter = new WeakMap<FrontMatterMeta, { mode: FrontMatterMode; lang: Lang; attrs: string; translator: unknown; html: string }>();

export function renderFrontMatter(meta: FrontMatterMeta, mode: FrontMatterMode, lang: Lang, attrs: string): string {
  const translator = translatorOf(lang);
  const kept = renderedFrontMatter.get(meta);
  if (kept && kept.mode === mode && kept.lang === lang && kept.attrs === attrs && kept.translator === translator) return kept.html;
  const html = frontMatterHtml(meta, mode, lang, attrs);
  renderedFrontMatter.set(meta, { mode, lang, attrs, translator, html });
  return html;
}

function frontMatterHtml(meta: FrontMatterMeta, mode: FrontMatterMode, lang: Lang, attrs: string): string {
  if (mode === 'hide') return '';
  const cls = `medguide-front-matter medguide-front-matter-${mode}`;
  if (meta.error !== undefined || !meta.data) {
    return (
      `<div class="${cls} medguide-front-matter-invalid"${attrs} role="note">` +
      `<p class="medguide-front-matter-error"><span class="medguide-warning-icon" aria-hidden="true">${ICONS.problem}</span> ${safeText(localize(LABELS.frontMatterInvalid, lang))}` +
      `<span class="medguide-front-matter-error-detail">${safeText(meta.error ?? '')}</span></p></div>\n`
    );
  }
  const d = meta.data;
  if (mode === 'table') {
    const rows = Object.entries(d)
      .map(([k, v]) => `<tr><th scope="row">${safeText(k)}</th><td>${safeText(formatValue(v))}</td></tr>`)
      .join('');
    return (
      `<table class="${cls}"${attrs}><thead><tr><th>${safeText(localize(LABELS.frontMatterKey, lang))}</th>` +
      `<th>${safeText(localize(LABELS.frontMatterValue, lang))}</th></tr></thead><tbody>${rows}</tbody></table>\n`
    );
  }
  const parts: string[] = [];
  const title = strings(d.title)[0];
  if (title !== undefined) parts.push(`<p class="medguide-fm-title">${safeText(title)}</p>`);
  const description = strings(d.description)[0];
  if (description !== undefined) parts.push(`<p class="medguide-fm-description">${safeText(description)}</p>`);
  const rest = cardDetails(d.auteurs ?? d.authors ?? d.author, d.date, d.publishdate ?? d.publishDate, d.lastmod, d.draft === true, d.tags, lang, translatorOf(lang));
  if (rest !== '') parts.push(rest);
  return `<header class="${cls}"${attrs}>${parts.join('')}</header>\n`;
}

/**
 * The HTML of the card's details (authors, dates, draft badge, tags), the last one kept. Values
 * parsed from unchanged lines are the same values (see `tomlLine`), so while one edits the title or
 * the description, this part is not made again. The translator its labels are read through is an
 * input too: another one (the display language changed) makes it again.
 */
const cardDetails = keepLastCall(cardDetailsHtml);

function cardDetailsHtml(
  authorsValue: unknown,
  created: unknown,
  published: unknown,
  updated: unknown,
  draft: boolean,
  tagsValue: unknown,
  lang: Lang,
  _translator: Translator,
): string {
  const parts: string[] = [];
  const meta2: string[] = [];
  const authors = strings(authorsValue);
  if (authors.length) {
    meta2.push(
      `<span class="medguide-fm-authors" title="${safeText(localize(LABELS.authors, lang))}">${safeText(authors.join(', '))}</span>`,
    );
  }
  const dates: [unknown, keyof typeof LABELS, string][] = [
    [created, 'created', 'created'],
    [published, 'published', 'published'],
    [updated, 'updated', 'updated'],
  ];
  for (const [v, label, key] of dates) {
    if (v === undefined) continue;
    meta2.push(`<span class="medguide-fm-date medguide-fm-${key}">${safeText(localize(LABELS[label], lang, { date: formatDay(v) }))}</span>`);
  }
  if (draft) meta2.push(`<span class="medguide-fm-badge">${safeText(localize(LABELS.draft, lang))}</span>`);
  if (meta2.length) parts.push(`<p class="medguide-fm-meta">${meta2.join(' <span aria-hidden="true">·</span> ')}</p>`);
  const tags = strings(tagsValue);
  if (tags.length) {
    parts.push(
      `<ul class="medguide-fm-tags" aria-label="${safeText(localize(LABELS.tags, lang))}">${tags
        .map((t) => `<li>${safeText(t)}</li>`)
        .join('')}</ul>`,
    );
  }
  return parts.join('');
}
