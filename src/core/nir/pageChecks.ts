import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { type Lang, localize, type Message, msg } from '../l10n';
import { lineIndexOf, type LineIndex } from '../text';
import { maskCode } from './maskCode';
import { checkMatriculeIns, KNOWN_EXAMPLE_MATRICULES, MATRICULE_FORMAT_HINT, normalizeMatriculeEntry } from './matriculeIns';

export const MSSANTE_ADDRESS_CODE = 'mssante-address';
export const PATIENT_IDENTIFIER_CODE = 'patient-identifier';
export const EXAMPLE_IDENTIFIER_CODE = 'example-identifier';

export interface PatientIdentifierOptions {
  /** The page silences `patient-identifier` (its front matter lists it; the caller reads it). */
  readonly silenced?: boolean;
  /** Matricules declared as test identities in `.medguide.toml`; separators and case do not matter. */
  readonly testIdentities?: readonly string[];
}

export const PAGE_CHECK_MESSAGES = {
  addressInvalid: msg('The patient’s MSSanté address must start with their matricule INS, which is not valid here.'),
  addressKeyMissing: msg('Patient MSSanté address with only 13 characters: the 2-digit key is missing. ' +
      'The address is the full matricule INS (15 characters) followed by @patient.mssante.fr.'),
  addressSeparators: msg('In the address, the matricule INS is written in one block, without dots or hyphens.'),
  addressCorsicaCase: msg('In the address, 2A and 2B (Corsica) are written in upper case.'),
  addressPlaceholder: msg('Example address: the real address is the patient’s own matricule INS, not the insured person’s.'),
  patientIdentifier: msg('This number has the shape of a matricule INS with a valid key: a real patient identifier must never ' +
      'be published. Remove it; if it is a test identity, declare it in .medguide.toml, or add ' +
      '"patient-identifier" to medguide_ignore in the page’s front matter.'),
  exampleIdentifier: msg('Example number published by the ANS in its documentation (a fictitious matricule INS): not a real patient’s ' +
      'identifier. In a real MSSanté address it is the patient’s own matricule INS.'),
} satisfies Record<string, Message>;

const DOMAIN = /@patient\.mssante\.fr/gi;
const DOMAIN_HERE = new RegExp(DOMAIN.source, 'iy');
const DOMAIN_CONTINUES = /[\p{L}\p{N}_-]|\.[\p{L}\p{N}]/uy;
/** RFC 5321's limit for the part before `@`. */
const MAX_LOCAL_PART = 64;
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+-]/u;

/* Accepted layouts: one block, or separators only between the printed groups —
 * 1 85 05 75 056 123 88 (mainland and Corsica) or 1 83 03 971 20 045 46 (overseas, 3-digit department).
 * Only bounded quantifiers, so each start position costs a constant: linear on any input. */
const SEP = '[ \\u00A0\\u202F.\\-]';
const DEPT = '(?:[0-9]{2}|2[ABab])';
const MAINLAND = `[12]${SEP}?[0-9]{2}${SEP}?[0-9]{2}${SEP}?${DEPT}${SEP}?[0-9]{3}${SEP}?[0-9]{3}${SEP}?[0-9]{2}`;
const OVERSEAS = `[12]${SEP}?[0-9]{2}${SEP}?[0-9]{2}${SEP}?9[78][0-9]${SEP}?[0-9]{2}${SEP}?[0-9]{3}${SEP}?[0-9]{2}`;
const IDENTIFIER = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${MAINLAND}|${OVERSEAS})(?![\\p{L}\\p{N}_])`, 'gu');
/**
 * The same shapes without their boundaries. Masking code only turns characters into NUL, which no
 * shape contains, so any match in the masked text is also a match of this in the raw text: a page
 * with none (most pages) needs no masking at all.
 */
const IDENTIFIER_UNBOUNDED = new RegExp(`${MAINLAND}|${OVERSEAS}`, 'gu');

/**
 * Where the raw text holds a domain or an identifier shape, sorted. A match in the masked text lies
 * on the line of one of these (the shapes and the part before `@` never cross a line), so code is
 * only looked for there.
 */
function candidateOffsets(text: string): number[] {
  const out: number[] = [];
  // The domain starts with the page's rare `@`: found by indexOf, then tested in place.
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    DOMAIN_HERE.lastIndex = at;
    if (DOMAIN_HERE.test(text)) out.push(at);
  }
  IDENTIFIER_UNBOUNDED.lastIndex = 0;
  for (let m = IDENTIFIER_UNBOUNDED.exec(text); m !== null; m = IDENTIFIER_UNBOUNDED.exec(text)) out.push(m.index);
  return out.sort((a, b) => a - b);
}

function message(parts: readonly Message[], lang: Lang): string {
  return parts.map((m) => localize(m, lang)).join(' ');
}

function checkAddresses(masked: string, index: LineIndex, lang: Lang, out: Diagnostic[]): void {
  DOMAIN.lastIndex = 0;
  for (let m = DOMAIN.exec(masked); m !== null; m = DOMAIN.exec(masked)) {
    const at = m.index;
    DOMAIN_CONTINUES.lastIndex = at + m[0].length;
    if (DOMAIN_CONTINUES.test(masked)) continue; // @patient.mssante.fr.example.org, @patient.mssante.free…
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL_PART && LOCAL_PART_CHAR.test(masked[start - 1])) start--;
    if (start === at) continue; // the domain alone, as in "…@patient.mssante.fr"
    if (at - start > MAX_LOCAL_PART) continue; // not an address (RFC 5321); also bounds the walk
    const local = masked.slice(start, at);
    const range = index.rangeAt(start, at);
    const normalized = normalizeMatriculeEntry(local);
    const numberLike = /^[0-9]+$/.test(normalized) || /^[0-9]{5}2[AB][0-9]*$/.test(normalized);
    if (!numberLike) {
      out.push({
        code: MSSANTE_ADDRESS_CODE,
        severity: 'information',
        range,
        message: message([PAGE_CHECK_MESSAGES.addressPlaceholder, MATRICULE_FORMAT_HINT], lang),
        data: { kind: 'placeholder' },
      });
      continue;
    }
    const check = checkMatriculeIns(local);
    if (!check.valid) {
      const keyMissing = check.errors[0]?.code === 'length-13';
      out.push({
        code: MSSANTE_ADDRESS_CODE,
        severity: 'warning',
        range,
        message: keyMissing
          ? message([PAGE_CHECK_MESSAGES.addressKeyMissing], lang)
          : message([PAGE_CHECK_MESSAGES.addressInvalid, ...check.errors.map((e) => e.message)], lang),
        data: { kind: keyMissing ? 'key-missing' : 'invalid', reasons: check.errors.map((e) => e.code) },
      });
    } else if (check.normalized !== local) {
      const caseOnly = local.toUpperCase() === check.normalized;
      out.push({
        code: MSSANTE_ADDRESS_CODE,
        severity: 'warning',
        range,
        message: message([caseOnly ? PAGE_CHECK_MESSAGES.addressCorsicaCase : PAGE_CHECK_MESSAGES.addressSeparators], lang),
        data: { kind: caseOnly ? 'corsica-case' : 'separators' },
      });
    }
  }
}

function checkIdentifiers(
  masked: string,
  index: LineIndex,
  lang: Lang,
  testIdentities: ReadonlySet<string>,
  reportReal: boolean,
  out: Diagnostic[],
): void {
  IDENTIFIER.lastIndex = 0;
  for (let m = IDENTIFIER.exec(masked); m !== null; m = IDENTIFIER.exec(masked)) {
    const check = checkMatriculeIns(m[0]);
    if (!check.valid || check.normalized === undefined || testIdentities.has(check.normalized)) continue;
    if (KNOWN_EXAMPLE_MATRICULES.has(check.normalized)) {
      out.push({
        code: EXAMPLE_IDENTIFIER_CODE,
        severity: 'information',
        range: index.rangeAt(m.index, m.index + m[0].length),
        message: localize(PAGE_CHECK_MESSAGES.exampleIdentifier, lang),
      });
      continue;
    }
    if (!reportReal) continue;
    out.push({
      code: PATIENT_IDENTIFIER_CODE,
      severity: 'warning',
      range: index.rangeAt(m.index, m.index + m[0].length),
      message: localize(PAGE_CHECK_MESSAGES.patientIdentifier, lang),
    });
  }
}

/**
 * Checks a Markdown page (front matter included, code excluded) for patient MSSanté addresses
 * whose matricule INS is wrong, and for real-looking patient identifiers. Linear time; messages
 * never contain the number.
 */
export function checkPatientIdentifiers(
  text: string,
  lang: Lang,
  options: PatientIdentifierOptions = {},
): Diagnostic[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const near = candidateOffsets(text);
  if (near.length === 0) return [];
  const index = lineIndexOf(text);
  const masked = maskCode(index, near);
  const out: Diagnostic[] = [];
  checkAddresses(masked, index, lang, out);
  // The ANS's published examples are reported (as examples) even on a page that silences real identifiers.
  const testIdentities = new Set((options.testIdentities ?? []).map(normalizeMatriculeEntry));
  checkIdentifiers(masked, index, lang, testIdentities, !options.silenced, out);
  return out.sort(compareDiagnostics);
}
