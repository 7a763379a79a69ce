import type { PageContext } from './context';
import { dayNumber, dayText, parseHugoDate, type Day } from './dates';
import { decodeBasicString, type ValueSpan } from './locator';
import { MESSAGES, withWhy } from './messages';
import { ruleLists } from './rules';

/** Checks that need several keys or the text as written, after the schema has checked each key. */
export function checkPage(ctx: PageContext): void {
  checkBareDates(ctx);
  checkDates(ctx);
  checkYears(ctx);
  checkDuplicates(ctx);
  checkImageCredit(ctx);
  checkStrings(ctx);
  checkBounds(ctx);
}

/** Numbers outside the bounds of their rule (Front Matter CMS `numberOptions.min`/`max`). */
function checkBounds(ctx: PageContext): void {
  for (const { lower, rule } of ruleLists(ctx.rules).bounded) {
    const value = ctx.values[lower];
    if (typeof value !== 'number') continue;
    if ((rule.minimum === undefined || value >= rule.minimum) && (rule.maximum === undefined || value <= rule.maximum)) continue;
    const span = ctx.valueSpan(lower);
    if (!span) continue;
    const key = ctx.spelling(lower, rule.name);
    const args = { key, value, min: rule.minimum ?? '−∞', max: rule.maximum ?? '+∞' };
    const why = rule.origin?.bounds;
    ctx.report('not-allowed-value', ctx.range(span.start, span.end), withWhy(MESSAGES.outOfRange, why), args, { ...args, ...(why?.text ? { origin: why.source } : {}) });
  }
}

function isQuoted(span: ValueSpan): boolean {
  return span.kind === 'basic-string' || span.kind === 'literal-string';
}

/** The day of a date key as written (quoted or bare), if Hugo can read it. */
function dayOf(ctx: PageContext, lower: string): Day | undefined {
  if (ctx.rules.keys.get(lower)?.type !== 'date') return undefined;
  const value = ctx.values[lower];
  if (value === undefined || value === null) return undefined;
  // A quoted date in a front matter whose strings are written as they read: its value is its text.
  if (typeof value === 'string' && ctx.plainStrings) return parseHugoDate(value);
  const span = ctx.valueSpan(lower);
  if (!span || (span.kind !== 'scalar' && !isQuoted(span))) return undefined;
  const raw = ctx.slice(span);
  return parseHugoDate(isQuoted(span) ? raw.slice(1, -1) : raw);
}

/** smol-toml rolls `2022-02-30` over to March; Hugo refuses it. */
function checkBareDates(ctx: PageContext): void {
  for (const { lower, rule } of ruleLists(ctx.rules).date) {
    if (!(ctx.values[lower] instanceof Date)) continue;
    const span = ctx.valueSpan(lower);
    if (!span || span.kind !== 'scalar') continue;
    const raw = ctx.slice(span);
    if (!/^\d{4}-/.test(raw) || parseHugoDate(raw)) continue;
    const key = ctx.spelling(lower, rule.name);
    ctx.report('date-format', ctx.range(span.start, span.end), MESSAGES.dateFormat, { value: raw }, { key, value: raw });
  }
}

function checkDates(ctx: PageContext): void {
  const date = dayOf(ctx, 'date');
  const pub = dayOf(ctx, 'publishdate');
  const mod = dayOf(ctx, 'lastmod');
  const today = dayNumber(ctx.today);
  const name = (lower: string) => ctx.spelling(lower, lower);
  const at = (lower: string) => {
    const span = ctx.valueSpan(lower)!;
    return ctx.range(span.start, span.end);
  };
  const order = (lower: string, day: Day, otherLower: string, other: Day) => {
    const args = { key: name(lower), day: dayText(day), other: name(otherLower), otherDay: dayText(other) };
    ctx.report('date-order', at(lower), MESSAGES.dateOrder, args, args);
  };
  const future = (lower: string, day: Day, message: typeof MESSAGES.publishFuture) => {
    const args = { key: name(lower), day: dayText(day), today: dayText(ctx.today) };
    ctx.report('date-future', at(lower), message, args, args);
  };
  if (pub && date && dayNumber(pub) < dayNumber(date)) order('publishdate', pub, 'date', date);
  const base = pub ? { lower: 'publishdate', day: pub } : date ? { lower: 'date', day: date } : undefined;
  if (mod && base && dayNumber(mod) < dayNumber(base.day)) order('lastmod', mod, base.lower, base.day);
  // Hugo's publish date falls back to `date` when the page has no `publishdate`.
  if (pub && dayNumber(pub) > today) future('publishdate', pub, MESSAGES.publishFuture);
  else if (!ctx.keyPaths.has('publishdate') && date && dayNumber(date) > today) future('date', date, MESSAGES.publishFuture);
  if (mod && dayNumber(mod) > today) future('lastmod', mod, MESSAGES.lastmodFuture);
}

function checkYears(ctx: PageContext): void {
  const mod = dayOf(ctx, 'lastmod');
  for (const { lower, rule } of ruleLists(ctx.rules).year) {
    const value = ctx.values[lower];
    if (typeof value !== 'string' || !/^\d{4}$/.test(value)) continue;
    // Only a year after the page's update (or after today) is reported: locate it then.
    if (mod ? !(+value > mod.year) : !(+value > ctx.today.year)) continue;
    const span = ctx.valueSpan(lower);
    if (!span) continue;
    const key = ctx.spelling(lower, rule.name);
    const range = ctx.range(span.start, span.end);
    if (mod && +value > mod.year) {
      const args = { key, value, other: ctx.spelling('lastmod', 'lastmod'), otherYear: mod.year };
      ctx.report('year', range, MESSAGES.yearAfter, args, args);
    } else if (!mod && +value > ctx.today.year) {
      ctx.report('year', range, MESSAGES.yearFuture, { key, value }, { key, value });
    }
  }
}

function checkDuplicates(ctx: PageContext): void {
  for (const { lower, rule } of ruleLists(ctx.rules).stringArray) {
    const values = ctx.values[lower];
    if (!Array.isArray(values)) continue;
    const duplicates = duplicatesOf(values);
    // None (the usual case): no need to locate the list.
    if (duplicates.length === 0) continue;
    const span = ctx.valueSpan(lower);
    if (!span?.elements || span.elements.length !== values.length) continue;
    const key = ctx.spelling(lower, rule.name);
    for (const [i, first] of duplicates) {
      const v = values[i] as string;
      const el = span.elements[i];
      // From the end of the previous element: removes `, "value"` and leaves valid TOML.
      const removeRange = ctx.range(span.elements[i - 1].end, el.end);
      const firstValue = values[first] as string;
      ctx.report(
        'duplicate-value',
        ctx.range(el.start, el.end),
        firstValue === v ? MESSAGES.duplicate : MESSAGES.duplicateCase,
        { key, value: v, first: firstValue },
        { key, value: v, index: i, firstIndex: first, removeRange, edit: { range: removeRange, newText: '' } },
      );
    }
  }
}

/**
 * Only characters below U+0300 (the first combining mark): every one of them is NFC_Quick_Check=Yes
 * in Unicode's normalization data, so such a string is its own NFC form (most tags are).
 */
const BELOW_COMBINING_MARKS = /^[\u0000-\u02ff]*$/;

/** Each string of the list that repeats an earlier one once trimmed, normalised and lower-cased: [its index, the first one's]. */
function duplicatesOf(values: readonly unknown[]): [number, number][] {
  const out: [number, number][] = [];
  if (values.length < 2) return out;
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const trimmed = v.trim();
    const norm = (BELOW_COMBINING_MARKS.test(trimmed) ? trimmed : trimmed.normalize('NFC')).toLowerCase();
    const first = seen.get(norm);
    if (first === undefined) seen.set(norm, i);
    else out.push([i, first]);
  });
  return out;
}

function checkImageCredit(ctx: PageContext): void {
  if (ctx.values.image !== true || !ctx.rules.keys.has('imagesrc')) return;
  const src = ctx.values.imagesrc;
  if (typeof src === 'string' && src.trim() !== '') return;
  if (src !== undefined && typeof src !== 'string') return; // a type error already
  const key = ctx.spelling('imagesrc', ctx.rules.keys.get('imagesrc')!.name);
  const srcSpan = ctx.valueSpan('imagesrc');
  if (srcSpan) {
    ctx.report('image-credit', ctx.range(srcSpan.start, srcSpan.end), MESSAGES.imageCredit, {}, { key });
    return;
  }
  const imageSpan = ctx.valueSpan('image')!;
  const lineEnd = ctx.lineEndFrom(imageSpan.end);
  ctx.report('image-credit', ctx.range(imageSpan.start, imageSpan.end), MESSAGES.imageCredit, {}, {
    key,
    edit: ctx.edit(lineEnd, lineEnd, `${ctx.eol()}${key} = ""`),
  });
}

/** The number of code points of a string (what `[...value].length` counts), without an array of them. */
function codePoints(value: string): number {
  let n = value.length;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const d = value.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function checkStrings(ctx: PageContext): void {
  for (const { lower, rule } of ruleLists(ctx.rules).strings) {
    const value = ctx.values[lower];
    if (rule.type === 'string' && typeof value === 'string') {
      const length = lengthOutOfBounds(rule, value);
      // Nothing to report (the usual case): no need to locate the value.
      if (!needsTrim(value) && !length) continue;
      const span = ctx.valueSpan(lower);
      if (!span) continue;
      const key = ctx.spelling(lower, rule.name);
      checkWhitespace(ctx, key, value, span);
      if (length?.max !== undefined) {
        ctx.report('length', ctx.range(span.start, span.end), MESSAGES.tooLong, { key, length: length.length, max: length.max }, { key, length: length.length, max: length.max });
      } else if (length?.min !== undefined) {
        ctx.report('length', ctx.range(span.start, span.end), MESSAGES.tooShort, { key, length: length.length, min: length.min }, { key, length: length.length, min: length.min });
      }
    } else if (rule.type === 'string-array' && Array.isArray(value) && value.some((v) => typeof v === 'string' && needsTrim(v))) {
      const span = ctx.valueSpan(lower);
      if (!span || span.elements?.length !== value.length) continue;
      const key = ctx.spelling(lower, rule.name);
      value.forEach((v, i) => {
        if (typeof v === 'string') checkWhitespace(ctx, key, v, span.elements![i], i);
      });
    }
  }
}

/** A value with spaces around it, not blank: what checkWhitespace reports (an all-blank value is an empty one). */
function needsTrim(value: string): boolean {
  // trim() only removes white space and line ends: an ASCII character that is neither at both
  // ends (the usual case) means there is nothing to trim, without a copy of the string.
  if (value.length > 0 && !mayBeTrimmed(value.charCodeAt(0)) && !mayBeTrimmed(value.charCodeAt(value.length - 1))) return false;
  const trimmed = value.trim();
  return value !== trimmed && trimmed !== '';
}

/** Every character trim() may remove is a control, a space or beyond ASCII. */
function mayBeTrimmed(c: number): boolean {
  return c <= 0x20 || c >= 0x7f;
}

/** The value's length in code points when it is over its rule's maximum (`max`) or under its minimum (`min`). */
function lengthOutOfBounds(rule: { maxLength?: number; minLength?: number }, value: string): { length: number; max?: number; min?: number } | undefined {
  if (rule.maxLength === undefined && rule.minLength === undefined) return undefined;
  // A string of n UTF-16 units holds between n/2 and n code points: inside the bounds for sure
  // without counting them (the usual case).
  if ((rule.maxLength === undefined || value.length <= rule.maxLength) && (rule.minLength === undefined || value.length >> 1 >= rule.minLength)) return undefined;
  const length = codePoints(value);
  if (rule.maxLength !== undefined && length > rule.maxLength) return { length, max: rule.maxLength };
  if (rule.minLength !== undefined && length < rule.minLength) return { length, min: rule.minLength };
  return undefined;
}

function checkWhitespace(ctx: PageContext, key: string, value: string, span: ValueSpan, index?: number): void {
  // An all-blank value is an empty one: `length` or `image-credit` says what matters about it.
  if (!isQuoted(span) || !needsTrim(value)) return;
  const raw = ctx.slice(span);
  const quote = raw[0];
  const inner = raw.slice(1, -1).replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  const trimmed = value.trim();
  // Spaces written as escapes (`\t`) cannot be trimmed from the source text: no edit then.
  const same = (quote === '"' ? decodeBasicString(inner) : inner) === trimmed;
  const newText = `${quote}${inner}${quote}`;
  ctx.report('whitespace', ctx.range(span.start, span.end), MESSAGES.whitespace, { key }, {
    key,
    trimmed,
    ...(index === undefined ? {} : { index }),
    ...(same ? { edit: ctx.edit(span.start, span.end, newText) } : {}),
  });
}
