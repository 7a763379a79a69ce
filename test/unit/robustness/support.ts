// Shared pieces of the robustness tests: input generators (fast-check arbitraries), hostile
// large inputs, a diagnostic shape check, and an audit of rendered HTML for live markup.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from '../../../src/core/diagnostic';
import type { ScanResult } from '../../../src/core/shortcodes/scan';

// ---------------------------------------------------------------------------------------------
// Characters and line ends that break naive code

/** NUL, BOM, lone surrogates, a full surrogate pair, CR, U+2028, a combining mark. */
export const AWKWARD = ['\u0000', '\uFEFF', '\uD800', '\uDC00', '\uD83D\uDE00', '\r', '\u2028', '\u0301', '\t', '\\', '"', "'", '`'];

/** Any text: full Unicode code points, lone surrogates, NUL and control characters included. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((a) => a.join('')),
);

/** The same text with every line end rewritten as LF, CRLF or a bare CR (old Mac), maybe with a BOM. */
export function withLineEnds(text: string, eol: '\n' | '\r\n' | '\r', bom: boolean): string {
  return (bom ? '\uFEFF' : '') + text.replace(/\r\n|\r|\n/g, eol);
}
export const lineEnds = fc.tuple(fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'), fc.boolean());

// ---------------------------------------------------------------------------------------------
// TOML-ish front matter

const bareKey = fc.oneof(
  fc.constantFrom('title', 'description', 'date', 'lastmod', 'publishdate', 'draft', 'tags', 'auteurs', 'annees', 'image', 'weight', 'medguide_ignore', 'TITLE', 'a.b'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
);
const quotedKey = fc.oneof(anyText, fc.constant('<script>')).map((k) => JSON.stringify(k));
const tomlString = fc.oneof(
  anyText.map((s) => JSON.stringify(s)),
  anyText.map((s) => `"${s}"`), // unescaped: often invalid
  anyText.map((s) => `'${s.replace(/'/g, '')}'`),
  anyText.map((s) => `"""${s}"""`),
  anyText.map((s) => `'''${s}'''`),
  fc.constantFrom('"unterminated', "'x", '"""never closed', '"\\u0000"', '"\\uD800"', '"\\x41"'),
);
const tomlScalar = fc.oneof(
  tomlString,
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'false', 'inf', '-nan', '0x1F', '1_000', '2024-02-30', '2024-13-01', '1979-05-27T07:32:00Z', '07:32:00', '2024-01-01T25:00:00', '1e400'),
);
const tomlValue: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tomlScalar,
    fc.array(tie('v'), { maxLength: 4 }).map((a) => `[${a.join(', ')}]`),
    fc.array(fc.tuple(bareKey, tie('v')), { maxLength: 3 }).map((a) => `{ ${a.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
  ),
})).v;
const tomlLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.oneof(bareKey, quotedKey), tomlValue).map(([k, v]) => `${k} = ${v}`) },
  { weight: 1, arbitrary: bareKey.map((k) => `[${k}]`) },
  { weight: 1, arbitrary: bareKey.map((k) => `[[${k}]]`) },
  { weight: 1, arbitrary: anyText.map((t) => `# ${t}`) },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom('', '+++', '---', '= 1', 'x =', '[', ']]', 'key = [1,', '"a" = "b" = "c"') },
);

/** A page whose front matter is TOML-like: often valid, often broken, sometimes never closed. */
export const tomlPage = fc
  .tuple(
    fc.array(tomlLine, { maxLength: 25 }),
    fc.constantFrom('+++', '+++ ', '---', ''),
    fc.constantFrom('+++', '+++\t', '', '---'),
    anyText,
    lineEnds,
  )
  .map(([lines, open, close, body, [eol, bom]]) => withLineEnds([open, ...lines, close, body].join('\n'), eol, bom));

// ---------------------------------------------------------------------------------------------
// Shortcode soup

const soupPiece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('{{<', '{{%', '>}}', '%}}', '{{', '}}', '{{</*', '*/>}}', '{{%/*', '*/%}}', '/>}}', '/%}}', '/') },
  { weight: 4, arbitrary: fc.constantFrom(' collapse ', ' /collapse ', ' note ', ' /note ', ' alert ', ' relref ', ' ref ', ' x ', ' /x ', ' tabs ', ' tab ') },
  { weight: 3, arbitrary: fc.constantFrom('"', '`', '\\"', '=', ' ', '\n', '\r\n', '\r', 'title=', 'color=', '"a b"', '`raw`', '## ', '> [!NOTE]', '{.alert}', '`code`', '```\n') },
  { weight: 2, arbitrary: fc.constantFrom(...AWKWARD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 5 }) },
);
export const shortcodeSoup = fc.array(soupPiece, { maxLength: 120 }).map((a) => a.join(''));

// ---------------------------------------------------------------------------------------------
// Large inputs (~5 MB each)

export const FIVE_MB = 5 * 1024 * 1024;

function fill(unit: string, size = FIVE_MB): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Inputs that push parsers into their worst cases: long runs of openers, quotes, nesting, NULs. */
export function hugeInputs(): Record<string, string> {
  return {
    'plain prose': fill('Une ligne de texte ordinaire, avec des accents éàù et un chiffre 1 85 05.\n'),
    'NUL bytes': fill('\u0000'),
    'lone surrogates and BOMs': fill('\uD800a\uDC00\uFEFF'),
    'CR only line ends': fill('+++\rtitle = "x"\r+++\rtexte\r'),
    'front matter never closed': `+++\n${fill('cle = "valeur"\n', FIVE_MB - 10)}`,
    'huge front matter': `+++\n${fill('cle = "valeur"\n[t]\nx = [1, 2, "a"]\n', FIVE_MB - 10)}\n+++\nx\n`,
    'one long line': fill('a{{< x "y" >}}b '),
    'shortcode openers': fill('{{<'),
    'percent openers': fill('{{% collapse "'),
    'unclosed quotes': fill('{{< x "'),
    'nested paired shortcodes': fill('{{% note %}}\n'),
    'stray closes': fill('{{% /collapse %}}\n'),
    'deep brackets': `+++\nx = ${fill('[', 200_000)}\n+++\n${fill('[', FIVE_MB - 200_020)}`,
    'digits (NIR-like)': fill('185057505612388 1 85 05 75 056 123 88 '),
    'MSSanté addresses': fill('185057505612388@patient.mssante.fr '),
    backticks: fill('`'),
    'marker-only blockquote alerts': fill('> [!NOTE]\n\n'),
    'attribute alerts after nested lists': fill('- un\n  - deux\n{.alert .alert-info}\n\nTexte.\n{.alert .alert-warning}\n\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

function maxLineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Diagnostics well-formed: a code, a known severity, a message, a non-empty ordered range inside the text, no internal error. */
export function assertDiagnostics(list: readonly Diagnostic[], text: string, context: string): void {
  assert.ok(Array.isArray(list), context);
  const lines = maxLineCount(text);
  for (const d of list) {
    const where = `${context}\n${JSON.stringify(d)}`;
    assert.notEqual(d.code, 'internal-error', `an internal error was caught: ${where}`);
    assert.equal(typeof d.code, 'string', where);
    assert.ok(SEVERITIES.has(d.severity), where);
    assert.ok(typeof d.message === 'string' && d.message.length > 0, where);
    const { start, end } = d.range;
    for (const n of [start.line, start.character, end.line, end.character]) assert.ok(Number.isInteger(n) && n >= 0, where);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), where);
    assert.ok(end.line < lines, where);
  }
}

/** Tags ordered, non-overlapping and inside the text; names, arguments and errors inside their tag. */
export function assertScan(text: string, r: ScanResult): void {
  const ctx = `input: ${JSON.stringify(text.length > 400 ? text.slice(0, 400) + '…' : text)}`;
  let last = 0;
  for (const t of r.tags) {
    assert.ok(t.start >= last && t.start < t.end && t.end <= text.length, ctx);
    assert.ok(t.start <= t.nameStart && t.nameStart <= t.nameEnd && t.nameEnd <= t.end, ctx);
    assert.equal(text.slice(t.nameStart, t.nameEnd), t.name, ctx);
    for (const a of t.args) {
      assert.ok(t.start <= a.start && a.start <= a.valueStart && a.valueStart <= a.valueEnd && a.valueEnd <= a.end && a.end <= t.end, ctx);
    }
    for (const e of t.errors) assert.ok(t.start <= e.start && e.start <= e.end && e.end <= t.end, ctx);
    last = t.end;
  }
  for (const e of r.errors) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, ctx);
}

/** Runs `fn` and fails when it takes pathologically long (a runaway, not a timing budget). */
export function withinLimit<T>(fn: () => T, _limitMs: number, context: string): T {
  // No timing is asserted (timings belong to `npm run bench`): a runaway run hits the suite's
  // mocha timeout instead, and a throw is reported with its context.
  try {
    return fn();
  } catch (e) {
    throw new Error(`${context}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Live markup in rendered HTML

/** Elements that load or run something, or restyle the page. */
const ACTIVE_ELEMENTS = /^(?:script|img|iframe|frame|object|embed|svg|math|style|link|meta|base|form|input|button|textarea|select|audio|video|source|track|applet|template|portal)$/i;
const URL_ATTRIBUTES = /^(?:href|src|action|formaction|xlink:href|srcdoc|poster|background|ping|data)$/i;

function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Every piece of live markup in `html`: active elements, event-handler or style attributes, and
 * script/data URLs in URL attributes (decoded as a browser would: entities, whitespace in the scheme).
 * Returned as stable strings (`element:script`, `attribute:onclick`, `url:javascript`) so two
 * renderings can be compared as multisets.
 */
export function liveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [, name, rest] = m;
    if (ACTIVE_ELEMENTS.test(name)) found.push(`element:${name.toLowerCase()}`);
    for (const a of rest.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      const attr = a[1].toLowerCase();
      const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      if (/^on/.test(attr)) found.push(`attribute:${attr}`);
      if (attr === 'style') found.push('attribute:style');
      if (URL_ATTRIBUTES.test(attr)) {
        const scheme = /^([a-z]+):/.exec(value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase())?.[1];
        if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') found.push(`url:${scheme}`);
      }
    }
  }
  return found.sort();
}

/** `extra` holds what `subject` has beyond `reference`, counted as multisets. */
export function beyond(subject: readonly string[], reference: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const r of reference) left.set(r, (left.get(r) ?? 0) + 1);
  const extra: string[] = [];
  for (const s of subject) {
    const n = left.get(s) ?? 0;
    if (n > 0) left.set(s, n - 1);
    else extra.push(s);
  }
  return extra;
}
