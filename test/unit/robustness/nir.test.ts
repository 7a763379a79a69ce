// The patient-identifier checks on arbitrary input: never throw, stay well-formed.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { bilingual } from '../../../src/core/l10n';
import { checkMatriculeIns, checkPatientIdentifiers } from '../../../src/core/nir';
import { AWKWARD, anyText, assertDiagnostics, lineEnds, withLineEnds } from './support';

const digitsSoup = fc
  .array(fc.oneof(fc.constantFrom('1', '2', '8', '5', '0', '9', '7', 'A', 'B', 'a', 'b', ' ', '.', '-', '\u00A0', '\u202F', '@patient.mssante.fr', '`', '\n', '+++\n', '```\n', ...AWKWARD)), { maxLength: 80 })
  .map((a) => a.join(''));

describe('robustness/NIR checks', () => {
  it('checkMatriculeIns never throws and its verdict is consistent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, digitsSoup), (entry) => {
        const r = checkMatriculeIns(entry);
        assert.equal(typeof r.valid, 'boolean');
        assert.ok(Array.isArray(r.errors) && Array.isArray(r.warnings));
        if (r.valid) {
          assert.equal(r.errors.length, 0);
          assert.match(r.normalized ?? '', /^[12][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{8}$/);
        } else {
          assert.ok(r.errors.length > 0);
        }
        // Never quotes the entry: a message must not leak the number typed.
        for (const e of [...r.errors, ...r.warnings]) {
          const digits = entry.replace(/\D/g, '');
          if (digits.length >= 6) assert.ok(!bilingual(e.message).fr.includes(digits) && !bilingual(e.message).en.includes(digits));
        }
      }),
      { numRuns: 1000 },
    );
    for (const bad of [undefined, null, 42, {}] as unknown[]) assert.doesNotThrow(() => checkMatriculeIns(bad as string));
  });

  it('checkPatientIdentifiers never throws and gives ranges inside the page', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, digitsSoup), lineEnds, fc.boolean(), (text, [eol, bom], silenced) => {
        const page = withLineEnds(text, eol, bom);
        assertDiagnostics(checkPatientIdentifiers(page, 'fr', { silenced, testIdentities: ['185057505612388'] }), page, JSON.stringify(page));
      }),
      { numRuns: 600 },
    );
  });
});
