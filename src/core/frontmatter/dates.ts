/**
 * Dates as Hugo reads them from front matter, compared by calendar day as written (the offset of a
 * date-time does not move its day: authors think in the day they typed).
 */
import { keepResults } from '../memo';

export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** How a site writes its dates: `"2024-11-05"`, `2024-11-05`, `"2024-11-05T10:00:00+01:00"`… */
export interface DateStyle {
  readonly quoted: boolean;
  readonly form: 'date' | 'datetime' | 'datetime-space';
  /** `Z` or `+01:00` when date-times carry an offset. */
  readonly offset?: string;
}

export const DEFAULT_DATE_STYLE: DateStyle = { quoted: true, form: 'date' };

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 0001-01-01, to compare days with `<`. */
export function dayNumber(d: Day): number {
  return d.year * 372 + d.month * 31 + d.day;
}

export function dayText(d: Day): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const HUGO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?$/;

/**
 * The day of a date written in a form Hugo accepts (TOML date or date-time, RFC 3339 with or
 * without offset, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`), or `undefined` for anything else.
 */
export function parseHugoDate(text: string): Day | undefined {
  return hugoDates(text);
}

/**
 * Dates read so far (a Day is never modified: shared): a site writes the same dates on many pages,
 * and a page's dates are read by several checks. A date is short: a longer text is not kept.
 */
const hugoDates = keepResults(parseHugoDateUncached, { max: 4096, maxKeyLength: 40 });

/** Forgets the dates read so far (on deactivation). */
export function clearHugoDateCache(): void {
  hugoDates.clear();
}

function parseHugoDateUncached(text: string): Day | undefined {
  const m = HUGO_DATE.exec(text);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (!isValidDay(year, month, day)) return undefined;
  if (m[4] !== undefined) {
    if (+m[5] > 23 || +m[6] > 59 || (m[7] !== undefined && +m[7] > 60)) return undefined;
    if (m[8] && m[8].length === 6 && (+m[8].slice(1, 3) > 23 || +m[8].slice(4) > 59)) return undefined;
  }
  return { year, month, day };
}

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function normalizeMonthName(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
}

/**
 * Reads the day and time of a date Hugo refuses but a person means unambiguously
 * (`29/04/2022`, `29-04-2022`, `2022/04/29`, `2022-4-9`, `29 avril 2022`), so a quick fix can rewrite it.
 */
export function readLooseDate(text: string): { day: Day; time?: string } | undefined {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2}))?$/.exec(t);
  let year: number;
  let month: number;
  let day: number;
  let hh: string | undefined;
  let mm: string | undefined;
  if (m) {
    [day, month, year, hh, mm] = [+m[1], +m[2], +m[3], m[4], m[5]];
  } else if ((m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T]+(\d{1,2})[:h](\d{2}))?$/.exec(t))) {
    [year, month, day, hh, mm] = [+m[1], +m[2], +m[3], m[4], m[5]];
  } else if ((m = /^(\d{1,2})(?:er)?\s+([\p{L}.]+)\s+(\d{4})$/u.exec(t))) {
    const name = normalizeMonthName(m[2]);
    const idx = FRENCH_MONTHS.findIndex((f) => normalizeMonthName(f) === name || (name.length >= 3 && normalizeMonthName(f).startsWith(name)));
    if (idx < 0) return undefined;
    [day, month, year] = [+m[1], idx + 1, +m[3]];
  } else {
    return undefined;
  }
  if (!isValidDay(year, month, day)) return undefined;
  if (hh !== undefined && mm !== undefined) {
    if (+hh > 23 || +mm > 59) return undefined;
    return { day: { year, month, day }, time: `${hh.padStart(2, '0')}:${mm}:00` };
  }
  return { day: { year, month, day } };
}

/** Writes a day (and optional `HH:MM:SS`) as TOML value text in the given style. */
export function formatDate(day: Day, style: DateStyle = DEFAULT_DATE_STYLE, time?: string): string {
  let text = dayText(day);
  if (style.form !== 'date' || time) {
    text += (style.form === 'datetime-space' ? ' ' : 'T') + (time ?? '00:00:00') + (style.offset ?? '');
  }
  return style.quoted ? `"${text}"` : text;
}

/** The style of one date value as written (with its quotes), if it is a date Hugo accepts. */
export function dateStyleOf(valueText: string): DateStyle | undefined {
  const quoted = valueText.length >= 2 && (valueText[0] === '"' || valueText[0] === "'") && valueText[valueText.length - 1] === valueText[0];
  const inner = quoted ? valueText.slice(1, -1) : valueText;
  if (!parseHugoDate(inner)) return undefined;
  if (inner.length === 10) return { quoted, form: 'date' };
  const offset = /([Zz]|[+-]\d{2}:\d{2})$/.exec(inner)?.[1];
  return { quoted, form: inner[10] === ' ' ? 'datetime-space' : 'datetime', ...(offset ? { offset: offset.toUpperCase() } : {}) };
}

/**
 * The usual date style among value texts (as written, with quotes): the most frequent one, the
 * first seen on a tie, `"YYYY-MM-DD"` when none is a date.
 */
export function detectDateStyle(valueTexts: Iterable<string>): DateStyle {
  const counts = new Map<string, { style: DateStyle; n: number }>();
  for (const v of valueTexts) {
    const style = dateStyleOf(v.trim());
    if (!style) continue;
    const k = `${style.quoted}|${style.form}|${style.offset ?? ''}`;
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { style, n: 1 });
  }
  let best: { style: DateStyle; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.style ?? DEFAULT_DATE_STYLE;
}

/** Today as a day: from `YYYY-MM-DD`, from a Date (its local calendar day), or the clock. */
export function toDay(today: Date | string | Day | undefined): Day {
  if (typeof today === 'string') {
    const d = parseHugoDate(today.trim());
    if (d) return d;
  } else if (today instanceof Date && !Number.isNaN(today.getTime())) {
    return { year: today.getFullYear(), month: today.getMonth() + 1, day: today.getDate() };
  } else if (today && typeof today === 'object' && 'year' in today) {
    return today;
  }
  return localToday();
}

/** Today in local time, kept until the next local midnight (every page of a check asks for it). */
let today: { day: Day; from: number; until: number } | undefined;

function localToday(): Day {
  const t = Date.now();
  if (today && t >= today.from && t < today.until) return today.day;
  const now = new Date(t);
  const day = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const from = new Date(day.year, day.month - 1, day.day).getTime();
  const until = new Date(day.year, day.month - 1, day.day + 1).getTime();
  today = { day, from, until };
  return day;
}
