import { type Message, msg } from '../l10n';

/*
 * The matricule INS: a 13-character NIR (or NIA) followed by its 2-digit key.
 * Privacy: no message here ever quotes the entry or any part of it, and nothing completes a
 * missing key — the key is the only protection against a typo, so it must come from the card.
 */

export type MatriculeErrorCode =
  | 'empty'
  | 'length-13'
  | 'length'
  | 'characters'
  | 'sex'
  | 'month'
  | 'department'
  | 'key-range'
  | 'key';

export type MatriculeWarningCode = 'department-20' | 'order-000';

export type MatriculeCode = MatriculeErrorCode | MatriculeWarningCode;

export interface Reason<C extends string = MatriculeCode> {
  readonly code: C;
  readonly message: Message;
}

export interface MatriculeCheck {
  readonly valid: boolean;
  /** The 15 characters, upper case, without separators; present only when `valid`. */
  readonly normalized?: string;
  readonly errors: readonly Reason<MatriculeErrorCode>[];
  readonly warnings: readonly Reason<MatriculeWarningCode>[];
}

export const PATIENT_MSSANTE_DOMAIN = 'patient.mssante.fr';

/** No message contains the entry, and none contains a run of three digits (see the privacy test). */
export const MATRICULE_MESSAGES: Readonly<Record<MatriculeCode, Message>> = {
  empty: msg('No matricule INS entered.'),
  'length-13': msg('Only 13 characters: the 2-digit key is missing. Copy it from the carte Vitale or the INSi ' +
      'service; it is never computed, because it is the only protection against a typo.'),
  length: msg('A matricule INS has exactly 15 characters (13 for the NIR, 2 for the key).'),
  characters: msg('Only digits are allowed, except 2A or 2B (Corsica) in positions 6 and 7.'),
  sex: msg('The first digit must be 1 or 2. Numbers starting with 3 to 8 (including old temporary ' +
      'numbers) are not matricules INS.'),
  month: msg('The birth month (digits 4 and 5) cannot be 00 nor between 13 and 19.'),
  department: msg('The birth department (characters 6 and 7) cannot be 00.'),
  'key-range': msg('The key (last 2 digits) is always between 01 and 97: check the entry.'),
  key: msg('The key does not match the first 13 characters: a digit is probably wrong or two digits ' +
      'are swapped.'),
  'department-20': msg('Department 20: Corsica has been coded 2A or 2B since it was split into two departments; ' +
      '20 only occurs for people born before that. Check the card.'),
  'order-000': msg('Order number of zeros (the three digits before the key): unusual, check the card.'),
};

/** For input-box placeholders and prompts: the shape without any real digits. */
export const MATRICULE_FORMAT_HINT: Message = msg('Matricule INS: 15 characters, the 13-character NIR followed by its 2-digit key ' +
    '(S YY MM DD CCC OOO KK; 2A or 2B for Corsica).');

function reason<C extends MatriculeCode>(code: C): Reason<C> {
  return { code, message: MATRICULE_MESSAGES[code] };
}

/** Separators people type or paste: spaces of every kind, dots, hyphens and dashes. */
const SEPARATORS = /[\s.\u00B7\-\u2010-\u2015\u2212]/g;

/**
 * Removes separators and upper-cases ASCII letters (only `2a`/`2b` can survive the check).
 * Only ASCII letters: `toUpperCase` can change a string's length (`ß` → `SS`).
 */
export function normalizeMatriculeEntry(entry: string): string {
  return entry.replace(SEPARATORS, '').replace(/[a-z]/g, (c) => c.toUpperCase());
}

const BODY_SHAPE = /^[0-9]{5}(?:[0-9]{2}|2[AB])[0-9]{6}$/;

function isDigits(s: string): boolean {
  return /^[0-9]*$/.test(s);
}

/** `97 − (N mod 97)` on the 13-character body, Corsica counted as 19 (2A) and 18 (2B). Not exported: see the header. */
function keyOf(body: string): number {
  const n = BigInt(body.replace('2A', '19').replace('2B', '18'));
  return Number(97n - (n % 97n));
}

/** Field checks shared by 13- and 15-character entries: positions are aligned in both. */
function fieldErrors(value: string): Reason<MatriculeErrorCode>[] {
  const errors: Reason<MatriculeErrorCode>[] = [];
  const dept = value.slice(5, 7);
  const charactersOk =
    isDigits(value.slice(0, 5)) && (isDigits(dept) || dept === '2A' || dept === '2B') && isDigits(value.slice(7));
  if (!charactersOk) errors.push(reason('characters'));
  const sex = value[0];
  if (sex !== undefined && /[0-9]/.test(sex) && sex !== '1' && sex !== '2') errors.push(reason('sex'));
  const month = value.slice(3, 5);
  if (isDigits(month) && (month === '00' || (month >= '13' && month <= '19'))) errors.push(reason('month'));
  if (dept === '00') errors.push(reason('department'));
  return errors;
}

/** Checks one typed or pasted entry. Never throws; never quotes the entry in a message. */
export function checkMatriculeIns(entry: string): MatriculeCheck {
  const value = normalizeMatriculeEntry(typeof entry === 'string' ? entry : '');
  if (value.length === 0) return { valid: false, errors: [reason('empty')], warnings: [] };
  if (value.length === 13) return { valid: false, errors: [reason('length-13'), ...fieldErrors(value)], warnings: [] };
  if (value.length !== 15) return { valid: false, errors: [reason('length')], warnings: [] };

  const errors = fieldErrors(value);
  const warnings: Reason<MatriculeWarningCode>[] = [];
  const body = value.slice(0, 13);
  const keyText = value.slice(13);
  if (isDigits(keyText)) {
    const key = Number(keyText);
    if (key < 1 || key > 97) errors.push(reason('key-range'));
    else if (BODY_SHAPE.test(body) && keyOf(body) !== key) errors.push(reason('key'));
  }
  if (value.slice(5, 7) === '20') warnings.push(reason('department-20'));
  if (value.slice(10, 13) === '000') warnings.push(reason('order-000'));

  return errors.length === 0 ? { valid: true, normalized: value, errors, warnings } : { valid: false, errors, warnings };
}

/**
 * Matricules INS that the ANS publishes as examples in its own documentation: fictitious, valid
 * keys. A page or a test may quote them; they are reported as examples, never as a real patient.
 */
export const KNOWN_EXAMPLE_MATRICULES: ReadonlyMap<string, string> = new Map([
  ['279035121518989', 'ANS CI-SIS examples (ansforge/hl7V2-exemples): INS and 279035121518989@patient.mssante.fr'],
  ['146026322000196', 'ANS CI-SIS volet « Transmission d’un document CDA-R2 en HL7v2 »: 146026322000196@patient.mssante.fr'],
]);

/** Whether `entry` (separators and case ignored) is one of the ANS's published example numbers. */
export function isKnownExampleMatricule(entry: string): boolean {
  return KNOWN_EXAMPLE_MATRICULES.has(normalizeMatriculeEntry(typeof entry === 'string' ? entry : ''));
}

/** True when `entry` is a valid matricule INS (separators and lower-case `2a`/`2b` allowed). */
export function isValidMatriculeIns(entry: string): boolean {
  return checkMatriculeIns(entry).valid;
}

/**
 * The patient's MSSanté address. Only accepts a valid matricule INS; `2A`/`2B` stay letters,
 * upper case (rewriting them as 19/18 would address another, checksum-valid, person).
 * @throws RangeError (without the number in its message) when `matricule` is not valid.
 */
export function addressFor(matricule: string): string {
  const check = checkMatriculeIns(matricule);
  if (!check.valid || check.normalized === undefined) {
    throw new RangeError('addressFor: not a valid matricule INS');
  }
  return `${check.normalized}@${PATIENT_MSSANTE_DOMAIN}`;
}

/**
 * The entry grouped as the carte Vitale prints it, so that a wrong digit can be found by eye:
 * `1 85 05 75 056 123 88`, and `1 83 03 971 20 045 46` for an overseas department (97x, 98x:
 * three-digit department, two-digit commune). Separators are dropped first; an incomplete entry is
 * grouped as far as it goes; characters beyond 15 stay in a last group. For the screen only.
 */
export function groupMatriculeEntry(entry: string): string {
  const value = normalizeMatriculeEntry(typeof entry === 'string' ? entry : '');
  const overseas = /^9[78]$/.test(value.slice(5, 7));
  const widths = overseas ? [1, 2, 2, 3, 2, 3, 2] : [1, 2, 2, 2, 3, 3, 2];
  const groups: string[] = [];
  let at = 0;
  for (const width of widths) {
    if (at >= value.length) break;
    groups.push(value.slice(at, at + width));
    at += width;
  }
  if (at < value.length) groups.push(value.slice(at));
  return groups.join(' ');
}
