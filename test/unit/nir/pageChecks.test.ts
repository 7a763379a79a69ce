import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Diagnostic } from '../../../src/core/diagnostic';
import { bilingual, type Lang } from '../../../src/core/l10n';
import {
  checkPatientIdentifiers,
  codeRegions,
  isKnownExampleMatricule,
  maskCode,
  MATRICULE_FORMAT_HINT,
  PAGE_CHECK_MESSAGES,
  type PatientIdentifierOptions,
} from '../../../src/core/nir';
import { LineIndex } from '../../../src/core/text';

/** Compact form: [code, severity, startLine, startChar, endLine, endChar]. */
type Row = [string, string, number, number, number, number];

function rows(text: string, options?: PatientIdentifierOptions, lang: Lang = 'fr'): Row[] {
  return check(text, options, lang).map((d) => [
    d.code,
    d.severity,
    d.range.start.line,
    d.range.start.character,
    d.range.end.line,
    d.range.end.character,
  ]);
}

function check(text: string, options?: PatientIdentifierOptions, lang: Lang = 'fr'): Diagnostic[] {
  return checkPatientIdentifiers(text, lang, options);
}

function covered(text: string, d: Diagnostic): string {
  const index = new LineIndex(text);
  return text.slice(index.offsetAt(d.range.start), index.offsetAt(d.range.end));
}

const VALID = '185057505612388';
const CORSICA = '178042A00401209';
const ADDRESS = '@patient.mssante.fr';

describe('core/nir pageChecks', () => {
  describe('mssante-address', () => {
    it('a valid address only raises patient-identifier, on the local part', () => {
      const text = `Écrire à ${VALID}${ADDRESS}.`;
      assert.deepEqual(rows(text), [['patient-identifier', 'warning', 0, 9, 0, 24]]);
      assert.equal(covered(text, check(text)[0]), VALID);
    });

    it('13 characters: a warning of its own, the key is missing', () => {
      const text = `Adresse : 1850575056123${ADDRESS}\n`;
      const [d, ...rest] = check(text);
      assert.deepEqual(rest, []);
      assert.deepEqual([d.code, d.severity, d.range], ['mssante-address', 'warning', rangeOf(0, 10, 0, 23)]);
      assert.equal(d.message, bilingual(PAGE_CHECK_MESSAGES.addressKeyMissing).fr);
      assert.deepEqual(d.data, { kind: 'key-missing', reasons: ['length-13'] });
      assert.equal(check(text, {}, 'en')[0].message, bilingual(PAGE_CHECK_MESSAGES.addressKeyMissing).en);
    });

    it('a wrong key, domain in any case: a warning with the reason', () => {
      const text = `<185057505612389@Patient.MSSante.FR>`;
      const [d, ...rest] = check(text, {}, 'en');
      assert.deepEqual(rest, []);
      assert.deepEqual([d.code, d.severity, d.range], ['mssante-address', 'warning', rangeOf(0, 1, 0, 16)]);
      assert.deepEqual(d.data, { kind: 'invalid', reasons: ['key'] });
      assert.match(d.message, /^The patient’s MSSanté address must start with their matricule INS.*The key does not match/);
    });

    it('several reasons are all given', () => {
      const [d] = check(`785057505612388${ADDRESS}`);
      assert.deepEqual(d.data, { kind: 'invalid', reasons: ['sex', 'key'] });
    });

    it('placeholders get an information hint explaining the 15-character format', () => {
      const local = 'matricule-INS-à-15-caractères';
      const text = `Adresse : ${local}${ADDRESS} ou NIR${ADDRESS}`;
      const found = check(text);
      assert.deepEqual(
        found.map((d) => [d.code, d.severity, d.range]),
        [
          ['mssante-address', 'information', rangeOf(0, 10, 0, 10 + local.length)],
          ['mssante-address', 'information', rangeOf(0, 10 + local.length + ADDRESS.length + 4, 0, 10 + local.length + ADDRESS.length + 7)],
        ],
      );
      assert.equal(covered(text, found[0]), local);
      assert.equal(covered(text, found[1]), 'NIR');
      assert.ok(found[0].message.includes(bilingual(MATRICULE_FORMAT_HINT).fr));
      assert.ok(check(text, {}, 'en')[0].message.includes(bilingual(MATRICULE_FORMAT_HINT).en));
    });

    it('lower-case Corsica letters or separators in the address are warned about', () => {
      const lower = `${CORSICA.toLowerCase()}${ADDRESS}`;
      assert.deepEqual(rows(lower), [
        ['mssante-address', 'warning', 0, 0, 0, 15],
        ['patient-identifier', 'warning', 0, 0, 0, 15],
      ]);
      assert.deepEqual(check(lower)[0].data, { kind: 'corsica-case' });
      const dotted = `1.85.05.75.056.123.88${ADDRESS}`;
      assert.deepEqual(check(dotted).map((d) => [d.code, d.data?.kind, d.range]), [
        ['mssante-address', 'separators', rangeOf(0, 0, 0, 21)],
        ['patient-identifier', undefined, rangeOf(0, 0, 0, 21)],
      ]);
    });

    it('ignores the domain alone and look-alike domains', () => {
      assert.deepEqual(rows(`Le domaine est …${ADDRESS} (voir \`x\`)`), []);
      assert.deepEqual(rows(`185057505612389${ADDRESS}.example.org et 185057505612389@patient.mssante.free`), []);
      assert.deepEqual(rows(`nom${ADDRESS}-x`), []);
      // The end of a sentence is not a longer domain.
      assert.deepEqual(rows(`Écrire à NIR${ADDRESS}.`).map((r) => r[0]), ['mssante-address']);
    });
  });

  describe('patient-identifier', () => {
    it('finds the number in the usual groupings, with exact ranges', () => {
      const text = [
        'NIR : 1 85 05 75 056 123 88.',
        'Avec points 1.85.05.75.056.123.88, tirets 1-85-05-75-056-123-88',
        'Corse 1 78 04 2A 004 012 09 et 2 65 12 2b 033 101 83',
        'Outre-mer 1 83 03 971 20 045 46 ; clé à part 1850575056123 88',
        'Espaces insécables 1\u00A085\u00A005\u00A075\u00A0056\u00A0123\u00A088',
      ].join('\n');
      const found = check(text);
      assert.deepEqual(
        found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
        [
          ['patient-identifier', 'warning', 0, 6, 27],
          ['patient-identifier', 'warning', 1, 12, 33],
          ['patient-identifier', 'warning', 1, 42, 63],
          ['patient-identifier', 'warning', 2, 6, 27],
          ['patient-identifier', 'warning', 2, 31, 52],
          ['patient-identifier', 'warning', 3, 10, 31],
          ['patient-identifier', 'warning', 3, 45, 61],
          ['patient-identifier', 'warning', 4, 19, 40],
        ],
      );
      assert.deepEqual(
        found.map((d) => covered(text, d).replace(/[^0-9AB]/gi, '')),
        [VALID, VALID, VALID, CORSICA, '265122b03310183', '183039712004546', VALID, VALID],
      );
      assert.equal(found[0].message, bilingual(PAGE_CHECK_MESSAGES.patientIdentifier).fr);
      assert.equal(check(text, {}, 'en')[0].message, bilingual(PAGE_CHECK_MESSAGES.patientIdentifier).en);
    });

    it('does not flag numbers with a wrong key, glued to letters or digits, or too long', () => {
      const text = [
        '185057505612389 (clé fausse)',
        'ref185057505612388 et 185057505612388x',
        '9185057505612388 et 1850575056123880',
        'Téléphone 01 85 05 75 05 61 23 88',
        '385057505612385 (premier chiffre 3)',
      ].join('\n');
      assert.deepEqual(rows(text), []);
    });

    it('is silenced per page, and skips declared test identities', () => {
      const text = `${VALID} et ${CORSICA}\n`;
      assert.equal(check(text).length, 2);
      assert.deepEqual(rows(text, { silenced: true }), []);
      assert.deepEqual(rows(text, { testIdentities: ['1 85 05 75 056 123 88'] }), [['patient-identifier', 'warning', 0, 19, 0, 34]]);
      assert.deepEqual(rows(text, { testIdentities: [VALID, CORSICA.toLowerCase()] }), []);
      // Silencing patient-identifier leaves the address check alone.
      assert.deepEqual(rows(`1850575056123${ADDRESS}`, { silenced: true }).map((r) => r[0]), ['mssante-address']);
    });

    it('keeps the default list of test identities empty', () => {
      assert.equal(check('279035121518989 146026322000196').length, 2);
    });

    it('reports the ANS’s published example numbers as known examples (information), not as real patients', () => {
      // 279035121518989: ANS CI-SIS examples; 146026322000196: ANS CI-SIS volet HL7v2 (see KNOWN_EXAMPLE_MATRICULES).
      const text = 'Exemple ANS : 279035121518989@patient.mssante.fr\nAutre : 1 46 02 63 220 001 96 et réel : 185057505612388';
      assert.deepEqual(rows(text), [
        ['example-identifier', 'information', 0, 14, 0, 29],
        ['example-identifier', 'information', 1, 8, 1, 29],
        ['patient-identifier', 'warning', 1, 40, 1, 55],
      ]);
      const [fr] = check(text);
      assert.equal(
        fr.message,
        'Numéro d’exemple publié par l’ANS dans sa documentation (matricule INS fictif) : ce n’est pas l’identifiant d’un patient réel. Dans une vraie adresse MSSanté, c’est le matricule INS du patient lui-même.',
      );
      assert.equal(
        check(text, {}, 'en')[0].message,
        'Example number published by the ANS in its documentation (a fictitious matricule INS): not a real patient’s identifier. In a real MSSanté address it is the patient’s own matricule INS.',
      );
      assert.equal(bilingual(PAGE_CHECK_MESSAGES.exampleIdentifier).fr, fr.message);
      // A page that silences real identifiers still learns its number is the ANS example; a declared test identity says nothing.
      assert.deepEqual(rows(text, { silenced: true }).map((r) => r[0]), ['example-identifier', 'example-identifier']);
      assert.deepEqual(rows('279035121518989', { testIdentities: ['279035121518989'] }), []);
      // One digit off is not the example: it is whatever it is (here a wrong key, so nothing).
      assert.deepEqual(rows('279035121518988'), []);
      assert.ok(isKnownExampleMatricule('2 79 03 51 215 189 89') && !isKnownExampleMatricule(VALID));
    });
  });

  describe('code is skipped', () => {
    it('fenced blocks (``` and ~~~), indented code and inline code spans', () => {
      const text = [
        '```text', // 0
        VALID,
        '```',
        '~~~~',
        '```',
        `1850575056123${ADDRESS}`, // 5: a backtick fence inside a tilde fence is content
        '~~~~~',
        '',
        `    ${VALID}`, // 8: indented code
        '',
        `Inline \`${VALID}\` and \`\` a \` ${VALID} \`\` end.`, // 10
        `Then ${VALID}`, // 11: found
      ].join('\n');
      assert.deepEqual(rows(text), [['patient-identifier', 'warning', 11, 5, 11, 20]]);
    });

    it('an unmatched backtick hides nothing', () => {
      assert.deepEqual(rows(`Un \` seul : ${VALID}`), [['patient-identifier', 'warning', 0, 12, 0, 27]]);
      // Run lengths must match: a single backtick does not close a double one.
      assert.deepEqual(rows(`\`\` x \` ${VALID}`), [['patient-identifier', 'warning', 0, 7, 0, 22]]);
    });

    it('a code span does not cross a blank line', () => {
      const text = `a \`b\n\n${VALID} \`c`;
      assert.deepEqual(rows(text), [['patient-identifier', 'warning', 2, 0, 2, 15]]);
    });

    it('an unclosed fence runs to the end of the page', () => {
      assert.deepEqual(rows(`\`\`\`\n${VALID}\n`), []);
    });

    it('fences in list items and block quotes', () => {
      const text = ['- étape :', '  ```', `  ${VALID}`, '  ```', '> ```', `> ${VALID}`, '> ```', `${VALID}`].join('\n');
      assert.deepEqual(rows(text), [['patient-identifier', 'warning', 7, 0, 7, 15]]);
    });

    it('list continuations indented by four spaces are prose, not code', () => {
      const text = ['- item', '', `    ${VALID}`, '1. item', `    ${VALID}`].join('\n');
      assert.deepEqual(rows(text), [
        ['patient-identifier', 'warning', 2, 4, 2, 19],
        ['patient-identifier', 'warning', 4, 4, 4, 19],
      ]);
    });

    it('an indented line cannot interrupt a paragraph', () => {
      assert.deepEqual(rows(`Paragraphe\n    ${VALID}`), [['patient-identifier', 'warning', 1, 4, 1, 19]]);
    });

    it('front matter is checked, and its indented lines are not code', () => {
      const text = ['+++', 'title = "x"', '', `    description = "${VALID}"`, '+++', '', 'Texte'].join('\n');
      assert.deepEqual(rows(text), [['patient-identifier', 'warning', 3, 19, 3, 34]]);
      const yaml = ['---', 'title: x', '---', '', `    ${VALID}`].join('\n');
      assert.deepEqual(rows(yaml), []);
    });

    it('maskCode keeps offsets and hides exactly the code', () => {
      const text = 'a `b` c\n```\nd\n```\ne';
      const masked = maskCode(new LineIndex(text));
      assert.equal(masked.length, text.length);
      assert.equal(masked.replace(/\u0000/g, '#'), 'a ### c\n#########\ne');
      assert.deepEqual(codeRegions(new LineIndex(text)), [
        [2, 5],
        [8, 17],
      ]);
    });

    it('a code span before the end of a line is not joined to an indented block below it', () => {
      // Found by the property test below: `z` is prose; only the next line is code.
      const text = '# x`y`z\n\ta';
      assert.equal(maskCode(new LineIndex(text)).replace(/\u0000/g, '#'), '# x###z\n##');
      assert.equal(maskCode(new LineIndex(text), [6]).replace(/\u0000/g, '#').slice(0, 7), '# x###z');
      // A code line right below another is still one region, across `\n` and `\r\n`.
      assert.deepEqual(codeRegions(new LineIndex('p\n\n    a\n    b')), [[3, 14]]);
      assert.deepEqual(codeRegions(new LineIndex('p\r\n\r\n    a\r\n    b')), [[5, 17]]);
    });
  });

  describe('line ends', () => {
    it('CRLF and CR give the editor’s positions', () => {
      const crlf = `ligne\r\n\r\n\`\`\`\r\n${VALID}\r\n\`\`\`\r\nx ${VALID}\r\n1850575056123${ADDRESS}\r\n`;
      assert.deepEqual(rows(crlf), [
        ['patient-identifier', 'warning', 5, 2, 5, 17],
        ['mssante-address', 'warning', 6, 0, 6, 13],
      ]);
      const cr = crlf.replace(/\r\n/g, '\r');
      assert.deepEqual(rows(cr), rows(crlf));
    });
  });

  describe('robustness', () => {
    it('never throws, ranges stay inside the text and cover what they claim', () => {
      const alphabet = fc.constantFrom(
        '1', '2', '8', '0', '5', 'A', 'b', ' ', '.', '-', '\n', '\r\n', '\r', '`', '```', '~~~', '    ', '\t', '- ', '> ',
        '+++', '@patient.mssante.fr', VALID, CORSICA, '1 85 05 75 056 123 88', 'NIR', 'é', '\u00A0', '#', '\uD83D',
      );
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.boolean(), (text, silenced) => {
          const found = check(text, { silenced });
          const index = new LineIndex(text);
          for (const d of found) {
            const start = index.offsetAt(d.range.start);
            const end = index.offsetAt(d.range.end);
            assert.ok(start < end && end <= text.length);
            const slice = text.slice(start, end);
            if (d.code === 'patient-identifier') assert.match(slice, /^[12][0-9AB \u00A0.-]+[0-9]$/i);
            else assert.equal(text.slice(end, end + ADDRESS.length).toLowerCase(), ADDRESS);
            assert.ok(!/[0-9]{3}/.test(d.message));
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('finds the same problems whether or not the page holds a candidate number (the shortcut for pages without one)', () => {
      // A number inside code at the end makes the page a candidate without adding a problem: the
      // full masking path then runs on the same text, and must agree with the shortcut.
      const alphabet = fc.constantFrom(
        '1', '2', '8', '0', '5', '9', '7', 'A', 'b', ' ', '.', '-', '\n', '`', '```', '    ', '@patient.mssante.fr', '@', 'x',
        '1 85 05 75 056 123', '1850575056123', '2A', '97', '1 83 03 971 20 045',
      );
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
          const plain = rows(text);
          const candidate = rows(`${text}\n\n\`${VALID}\``);
          assert.deepEqual(candidate, plain);
        }),
        { numRuns: 3000 },
      );
    });

    it('masks code near the given offsets exactly as the whole page is masked, on their lines', () => {
      // checkPatientIdentifiers only looks for code spans in the paragraphs holding a candidate:
      // on every line holding one of those offsets, the text must read as when all code is masked.
      const alphabet = fc.constantFrom(
        'a', '1', ' ', '\n', '\n\n', '\r\n', '`', '``', '```', '~~~', '    ', '\t', '- ', '> ', '# ', '1. ', '+++\n', '---\n', '@', 'é', 'x`y`z',
      );
      fc.assert(
        fc.property(fc.array(alphabet, { maxLength: 50 }).map((a) => a.join('')), fc.array(fc.nat(), { maxLength: 6 }), (text, picks) => {
          const index = new LineIndex(text);
          // Candidates start at a digit or an `@`: never on a line break.
          const near = [...new Set(picks.map((p) => p % (text.length + 1)))].filter((o) => text[o] !== '\n' && text[o] !== '\r').sort((a, b) => a - b);
          const full = maskCode(index);
          const partial = maskCode(index, near);
          assert.equal(partial.length, text.length);
          for (const offset of near) {
            const line = index.positionAt(offset).line;
            const [start, end] = [index.lineStarts[line], index.lineEnd(line)];
            assert.equal(partial.slice(start, end), full.slice(start, end), JSON.stringify({ text, offset }));
          }
        }),
        { numRuns: 5000 },
      );
    });

    it('returns nothing for an empty or non-string text', () => {
      assert.deepEqual(check(''), []);
      assert.deepEqual(checkPatientIdentifiers(undefined as unknown as string, 'fr'), []);
    });

    it('stays linear on 5 MB of adversarial input', function () {
      this.timeout(60000);
      const size = 5 * 1024 * 1024;
      const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      const inputs = [
        fill('1 85 05 75 05 '), // almost an identifier at every position
        fill('2A2A2A2A2A '),
        fill('`'.repeat(7) + ' x ' + '`'.repeat(3) + ' '), // backtick runs that never close
        fill('a'), // one 5 MB word…
        fill('a') + ADDRESS, // …then the domain: the local part walk is done once
        fill(`x${ADDRESS}`),
        fill('- a\n\n    b\n'),
        fill('```\n'),
        fill(`${VALID} `),
      ];
      for (const text of inputs) {
        // Linear work takes well under a second here; a quadratic path would take hours and hit the mocha timeout.
        const found = checkPatientIdentifiers(text, 'en');
        assert.ok(Array.isArray(found));
      }
    });
  });
});

function rangeOf(sl: number, sc: number, el: number, ec: number) {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}
