/*
 * The Annuaire Santé's extract of MSSanté mailboxes ("Extraction des BAL MSSanté"): one header line,
 * then one `|`-separated line per mailbox and structure. Read as a stream of text chunks, so an
 * 89 MB file never has to be one string; a line that does not fit is counted and reported, never thrown.
 */

/** The extract's 31 columns, in the published order. */
export const EXTRACT_COLUMNS = [
  'Type de BAL',
  'Adresse BAL',
  'Type Identifiant PP',
  'Identifiant PP',
  'Identification nationale PP',
  'Type identifiant structure',
  'Identification Structure',
  'Service de rattachement',
  "Civilité d'exercice",
  "Nom d'exercice",
  "Prénom d'exercice",
  'Catégorie profession',
  'Libellé de catégorie profession',
  'Code Profession',
  'Libellé Profession',
  'Code savoir-faire',
  'Libellé savoir-faire',
  'Dématérialisation',
  'Raison Sociale structure BAL',
  'Enseigne commerciale structure BAL',
  'L2COMPLEMENTLOCALISATION',
  'L3COMPLEMENTDISTRIBUTION',
  'L4NUMEROVOIE',
  'L4COMPLEMENTNUMEROVOIE',
  'NL4TYPEVOIE',
  'L4LIBELLEVOIE',
  'L5LIEUDITMENTION',
  'L6LIGNEACHEMINEMENT',
  'Code postal',
  'Département',
  'Pays',
] as const;

/** What MedGuide keeps of a line: the columns search and display need. */
export interface ExtractRecord {
  /** `PER`, `ORG`, `APP`, `CAB`… as written. */
  readonly type: string;
  readonly address: string;
  readonly civilite: string;
  readonly nom: string;
  readonly prenom: string;
  readonly profession: string;
  readonly savoirFaire: string;
  readonly service: string;
  readonly organisation: string;
  readonly enseigne: string;
  /** The town, from L6LIGNEACHEMINEMENT without its leading postal code. */
  readonly city: string;
  readonly postalCode: string;
  readonly departement: string;
}

/** The columns a record is read from, by the normalised header name. */
const WANTED: Record<Exclude<keyof ExtractRecord, 'city'> | 'cityLine', string> = {
  type: 'Type de BAL',
  address: 'Adresse BAL',
  civilite: "Civilité d'exercice",
  nom: "Nom d'exercice",
  prenom: "Prénom d'exercice",
  profession: 'Libellé Profession',
  savoirFaire: 'Libellé savoir-faire',
  service: 'Service de rattachement',
  organisation: 'Raison Sociale structure BAL',
  enseigne: 'Enseigne commerciale structure BAL',
  cityLine: 'L6LIGNEACHEMINEMENT',
  postalCode: 'Code postal',
  departement: 'Département',
};

/** A header name compared without case, accents, apostrophes, hyphens, spaces or quotes. */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export type BrokenReason = 'columns' | 'address';

export interface BrokenLine {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  readonly reason: BrokenReason;
  /** Fields found on the line (for `columns`). */
  readonly fields: number;
}

/** What reading the extract found, for the user and the tests. */
export interface ExtractReport {
  /** Data lines read (blank lines excluded). */
  lines: number;
  /** Lines kept (before deduplication by address). */
  records: number;
  blank: number;
  broken: number;
  /** The first broken lines (at most {@link MAX_BROKEN_SAMPLES}). */
  brokenSamples: BrokenLine[];
}

export const MAX_BROKEN_SAMPLES = 20;

export type HeaderProblem = { kind: 'empty' } | { kind: 'not-extract'; missing: string[] };

/** Thrown by {@link ExtractParser} when the first line is not the extract's header. */
export class NotAnExtractError extends Error {
  constructor(readonly problem: HeaderProblem) {
    super(problem.kind === 'empty' ? 'empty file' : `not the MSSanté extract (missing columns: ${problem.missing.join(', ')})`);
  }
}

/** Checks a header line; the index of each wanted column, or what is wrong. */
export function readHeader(line: string): { columns: Record<keyof typeof WANTED, number>; count: number } | HeaderProblem {
  let text = line.replace(/^\uFEFF/, '').replace(/\r$/, '').trim();
  if (text === '') return { kind: 'empty' };
  while (text.endsWith('|')) text = text.slice(0, -1);
  const names = text.split('|').map((n) => headerKey(n.replace(/^"(.*)"$/, '$1')));
  const at = new Map<string, number>();
  names.forEach((n, i) => {
    if (!at.has(n)) at.set(n, i);
  });
  const missing = EXTRACT_COLUMNS.filter((c) => !at.has(headerKey(c)));
  if (missing.length > 0) return { kind: 'not-extract', missing: [...missing] };
  const columns = {} as Record<keyof typeof WANTED, number>;
  for (const [k, name] of Object.entries(WANTED)) columns[k as keyof typeof WANTED] = at.get(headerKey(name))!;
  return { columns, count: names.length };
}

/** Control characters (the serialised index uses one as a separator) become spaces; spaces are trimmed. */
function clean(value: string | undefined): string {
  if (value === undefined) return '';
  let v = value;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(v)) v = v.replace(/[\u0000-\u001f\u007f]/g, ' ');
  v = v.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).trim();
  return v;
}

/** `69003 LYON` → `LYON`; `LYON CEDEX 03` stays. */
function cityOf(line: string, postalCode: string): string {
  const m = /^\s*(\d{5}|\d{2}\s\d{3})\s+(.*)$/.exec(line);
  if (m) return m[2].trim();
  if (postalCode && line.startsWith(postalCode)) return line.slice(postalCode.length).trim();
  return line;
}

/** A mailbox address: something@something, no spaces. */
const ADDRESS_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Reads the extract's text chunk by chunk: `push` each decoded chunk, then `end`. Records go to
 * `onRecord` as they are read. Throws {@link NotAnExtractError} once the first line is known not to
 * be the extract's header; anything wrong after it is counted in the report.
 */
export class ExtractParser {
  readonly report: ExtractReport = { lines: 0, records: 0, blank: 0, broken: 0, brokenSamples: [] };
  private pending = '';
  private lineNo = 0;
  private columns: Record<keyof typeof WANTED, number> | undefined;
  private count = 0;
  /** Where the separators of the current line are (a line with more fields than this is broken anyway). */
  private readonly seps = new Int32Array(64);

  constructor(private readonly onRecord: (record: ExtractRecord) => void) {}

  push(chunk: string): void {
    let text = this.pending + chunk;
    // A chunk ending in \r may be the first half of \r\n: wait for the next one.
    let keep = '';
    if (text.endsWith('\r')) {
      keep = '\r';
      text = text.slice(0, -1);
    }
    let start = 0;
    // Each search for \n and \r runs again only once passed: linear in the chunk, with or without \r.
    let nl = text.indexOf('\n');
    let cr = text.indexOf('\r');
    for (;;) {
      if (nl >= 0 && nl < start) nl = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      if (nl < 0 && cr < 0) break;
      let end: number;
      let next: number;
      if (cr >= 0 && (nl < 0 || cr < nl)) {
        end = cr;
        next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      } else {
        end = nl;
        next = nl + 1;
      }
      this.line(text.slice(start, end));
      start = next;
    }
    this.pending = text.slice(start) + keep;
  }

  end(): ExtractReport {
    const last = this.pending.replace(/\r$/, '');
    this.pending = '';
    if (last !== '' || this.lineNo === 0) this.line(last);
    if (!this.columns) throw new NotAnExtractError({ kind: 'empty' });
    return this.report;
  }

  /** Whether the header has been read and accepted. */
  get started(): boolean {
    return this.columns !== undefined;
  }

  private line(text: string): void {
    this.lineNo++;
    if (!this.columns) {
      if (this.lineNo === 1 && text.replace(/^\uFEFF/, '').trim() === '') {
        // Leading blank lines before the header are tolerated.
        this.lineNo = 0;
        return;
      }
      const header = readHeader(text);
      if ('kind' in header) throw new NotAnExtractError(header);
      this.columns = header.columns;
      this.count = header.count;
      return;
    }
    if (text.trim() === '') {
      this.report.blank++;
      return;
    }
    this.report.lines++;
    // The separators' positions, without splitting the 31 fields into strings: only 13 are kept.
    const seps = this.seps;
    let count = 1;
    seps[0] = -1;
    for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) {
      if (count < seps.length) seps[count] = i;
      count++;
    }
    // A trailing separator (on the line or the header) adds one empty field.
    if (count === this.count + 1 && count < seps.length && text.slice(seps[count - 1] + 1).trim() === '') count--;
    if (count !== this.count) return this.broken('columns', count);
    const field = (k: number) => text.slice(seps[k] + 1, k + 1 < count ? seps[k + 1] : text.length);
    const c = this.columns;
    const address = clean(field(c.address));
    if (!ADDRESS_SHAPE.test(address)) return this.broken('address', count);
    const postalCode = clean(field(c.postalCode));
    this.report.records++;
    this.onRecord({
      type: clean(field(c.type)).toUpperCase(),
      address,
      civilite: clean(field(c.civilite)),
      nom: clean(field(c.nom)),
      prenom: clean(field(c.prenom)),
      profession: clean(field(c.profession)),
      savoirFaire: clean(field(c.savoirFaire)),
      service: clean(field(c.service)),
      organisation: clean(field(c.organisation)),
      enseigne: clean(field(c.enseigne)),
      city: cityOf(clean(field(c.cityLine)), postalCode),
      postalCode,
      departement: clean(field(c.departement)),
    });
  }

  private broken(reason: BrokenReason, fields: number): void {
    this.report.broken++;
    if (this.report.brokenSamples.length < MAX_BROKEN_SAMPLES) this.report.brokenSamples.push({ line: this.lineNo, reason, fields });
  }
}

/**
 * The extract's date from its file name (`Extraction_Correspondance_MSSante_202612010400.zip` →
 * `2026-12-01T04:00`), or undefined. Also accepts `…_20261201.txt`.
 */
export function extractDateFromName(name: string): string | undefined {
  const m = /(20\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2}))?(?!\d)/.exec(name.replace(/^.*[\\/]/, ''));
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59)) return `${y}-${mo}-${d}`;
  return h !== undefined ? `${y}-${mo}-${d}T${h}:${mi}` : `${y}-${mo}-${d}`;
}

/** After this many days, MedGuide suggests loading a fresh extract (it is published daily). */
export const STALE_AFTER_DAYS = 30;

/** Whole days between the extract's date (`2026-12-01` or `2026-12-01T04:00`, UTC) and `now`; undefined when unknown. */
export function extractAgeInDays(date: string | undefined, now: Date | number = Date.now()): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(date ?? '');
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Math.floor((Number(now) - t) / 86_400_000);
}

/** Whether the extract is old enough to suggest a refresh (more than {@link STALE_AFTER_DAYS} days). */
export function isStaleExtract(date: string | undefined, now: Date | number = Date.now()): boolean {
  const days = extractAgeInDays(date, now);
  return days !== undefined && days > STALE_AFTER_DAYS;
}

/**
 * Decodes the extract's bytes chunk by chunk: UTF-8 while the bytes are valid UTF-8, Windows-1252
 * from the first chunk that is not (older exports were Latin-1). Never throws.
 */
export class ExtractDecoder {
  private utf8: TextDecoder | undefined = new TextDecoder('utf-8', { fatal: true });
  private latin = new TextDecoder('windows-1252');
  /** The encoding used for the last chunk. */
  encoding: 'utf-8' | 'windows-1252' = 'utf-8';

  decode(bytes: Uint8Array, final = false): string {
    if (this.utf8) {
      try {
        return this.utf8.decode(bytes, { stream: !final });
      } catch {
        this.utf8 = undefined;
        this.encoding = 'windows-1252';
      }
    }
    return this.latin.decode(bytes, { stream: !final });
  }
}
