/*
 * Test vectors for the matricule INS. Every key below was recomputed by hand-written code
 * independent of src/ (97 − (N mod 97), 2A→19, 2B→18), and the valid ones cross-checked with
 * the `stdnum` oracle in matriculeIns.test.ts. All are fictitious.
 */

export interface ValidVector {
  readonly input: string;
  readonly normalized: string;
  readonly warnings: readonly string[];
  readonly why: string;
}

export interface InvalidVector {
  readonly input: string;
  readonly errors: readonly string[];
  readonly warnings?: readonly string[];
  readonly why: string;
}

export const VALID: readonly ValidVector[] = [
  // The reference document's examples.
  { input: '185057505612388', normalized: '185057505612388', warnings: [], why: 'mainland, N mod 97 = 9' },
  { input: '178042A00401209', normalized: '178042A00401209', warnings: [], why: 'Corsica 2A' },
  { input: '265122B03310183', normalized: '265122B03310183', warnings: [], why: 'Corsica 2B' },
  { input: '183039712004546', normalized: '183039712004546', warnings: [], why: 'overseas 971' },
  { input: '170209935001248', normalized: '170209935001248', warnings: [], why: 'born abroad (99), month 20' },
  { input: '185057505601797', normalized: '185057505601797', warnings: [], why: 'key 97 (N mod 97 = 0)' },
  { input: '185057505601601', normalized: '185057505601601', warnings: [], why: 'key 01' },
  { input: '279035121518989', normalized: '279035121518989', warnings: [], why: 'ANS CI-SIS example' },
  { input: '146026322000196', normalized: '146026322000196', warnings: [], why: 'ANS CI-SIS volet HL7v2 example' },
  // Corsica rewritten as 19 is checksum-valid: another person, which is why addresses keep 2A.
  { input: '178041900401209', normalized: '178041900401209', warnings: [], why: 'department 19, same key as 2A' },
  // Entry normalisation.
  { input: '178042a00401209', normalized: '178042A00401209', warnings: [], why: 'lower-case 2a' },
  { input: '265122b03310183', normalized: '265122B03310183', warnings: [], why: 'lower-case 2b' },
  { input: '1 85 05 75 056 123 88', normalized: '185057505612388', warnings: [], why: 'printed grouping with spaces' },
  { input: '1.85.05.75.056.123.88', normalized: '185057505612388', warnings: [], why: 'dots' },
  { input: '1-85-05-75-056-123-88', normalized: '185057505612388', warnings: [], why: 'hyphens' },
  { input: '1 78 04 2a 004 012 09', normalized: '178042A00401209', warnings: [], why: 'spaced, lower-case Corsica' },
  { input: '  185057505612388\n', normalized: '185057505612388', warnings: [], why: 'surrounding whitespace' },
  { input: '1\u00A085\u00A005\u202F75 056 123 88', normalized: '185057505612388', warnings: [], why: 'no-break spaces' },
  { input: '1850575056123 88', normalized: '185057505612388', warnings: [], why: 'key written apart' },
  // Other fields.
  { input: '200017505612365', normalized: '200017505612365', warnings: [], why: 'sex 2, year 00' },
  { input: '193039741234502', normalized: '193039741234502', warnings: [], why: 'overseas 974, key 02' },
  { input: '201019760123433', normalized: '201019760123433', warnings: [], why: 'overseas 976' },
  { input: '175509912345653', normalized: '175509912345653', warnings: [], why: 'month 50 (fictitious month)' },
  { input: '283994410900139', normalized: '283994410900139', warnings: [], why: 'month 99' },
  { input: '185057505602490', normalized: '185057505602490', warnings: [], why: 'key 90' },
  { input: '185057505600710', normalized: '185057505600710', warnings: [], why: 'key 10' },
  { input: '291129512704280', normalized: '291129512704280', warnings: [], why: 'department 95' },
  { input: '145010105300123', normalized: '145010105300123', warnings: [], why: 'department 01, month 01' },
  { input: '158032000401273', normalized: '158032000401273', warnings: ['department-20'], why: 'department 20' },
  { input: '185057505600017', normalized: '185057505600017', warnings: ['order-000'], why: 'order number 000' },
];

export const INVALID: readonly InvalidVector[] = [
  // The reference document's must-refuse list.
  { input: '1850575056123', errors: ['length-13'], why: '13 characters: key missing' },
  { input: '185057505612389', errors: ['key'], why: 'wrong key' },
  { input: '185057505621388', errors: ['key'], why: 'two adjacent digits swapped (key would be 96)' },
  { input: '185137505612388', errors: ['month', 'key'], why: 'month 13 (and its key would be 22)' },
  { input: '785057505612388', errors: ['sex', 'key'], why: 'first digit 7 (and its key would be 79)' },
  { input: '185057505612398', errors: ['key-range'], why: 'key 98 cannot occur' },
  { input: '178042A00401279', errors: ['key'], why: 'key computed with 2A→20' },
  { input: '123447D89876512', errors: ['characters'], why: 'department 7D' },
  // Length.
  { input: '', errors: ['empty'], why: 'nothing' },
  { input: ' . - ', errors: ['empty'], why: 'separators only' },
  { input: '1 85 05 75 056 123', errors: ['length-13'], why: '13 characters, spaced' },
  { input: '178042A004012', errors: ['length-13'], why: '13 characters, Corsica' },
  { input: '7850575056123', errors: ['length-13', 'sex'], why: 'old temporary number (NNP)' },
  { input: '18505750561238', errors: ['length'], why: '14 characters' },
  { input: '1850575056123888', errors: ['length'], why: '16 characters' },
  { input: '185057505612388@patient.mssante.fr', errors: ['length'], why: 'an address is not an entry' },
  // One field wrong, key right for the body as written.
  { input: '385057505612385', errors: ['sex'], why: 'first digit 3' },
  { input: '085057505612341', errors: ['sex'], why: 'first digit 0' },
  { input: '185007505612308', errors: ['month'], why: 'month 00' },
  { input: '185197505612321', errors: ['month'], why: 'month 19' },
  { input: '185050005612376', errors: ['department'], why: 'department 00' },
  // Key.
  { input: '185057505612300', errors: ['key-range'], why: 'key 00 cannot occur' },
  { input: '185057505612399', errors: ['key-range'], why: 'key 99 cannot occur' },
  { input: '185057505612288', errors: ['key'], why: 'single-digit substitution' },
  { input: '178042A00401219', errors: ['key'], why: 'Corsica, wrong key' },
  { input: '178042B00401209', errors: ['key'], why: '2A changed into 2B' },
  // Characters.
  { input: '178042C00401209', errors: ['characters'], why: 'department 2C' },
  { input: '18505750561238O', errors: ['characters'], why: 'letter O for a zero' },
  { input: '12A057505612388', errors: ['characters'], why: '2A out of place' },
  { input: '１８５０５７５０５６１２３８８', errors: ['characters'], why: 'full-width digits are not normalised' },
  { input: '158032000401274', errors: ['key'], warnings: ['department-20'], why: 'warnings also reported when invalid' },
];
