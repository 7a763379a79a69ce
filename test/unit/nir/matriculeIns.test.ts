import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stdnum } from 'stdnum';
import * as nirApi from '../../../src/core/nir';
import {
  addressFor,
  checkMatriculeIns,
  groupMatriculeEntry,
  isValidMatriculeIns,
  MATRICULE_FORMAT_HINT,
  MATRICULE_MESSAGES,
  normalizeMatriculeEntry,
  type MatriculeCheck,
} from '../../../src/core/nir';
import { INVALID, VALID } from './vectors';
import { bilingual } from '../../../src/core/l10n';

/** stdnum's `fr.nir` validator (python-stdnum's port): format, Corsica and key. */
const oracle = stdnum.FR.nir;

/** Independent of src/: the key as the reference document defines it. */
function referenceKey(body: string): string {
  const n = BigInt(body.replace('2A', '19').replace('2B', '18'));
  return String(97n - (n % 97n)).padStart(2, '0');
}

const codes = (check: MatriculeCheck) => ({
  errors: check.errors.map((r) => r.code),
  warnings: check.warnings.map((r) => r.code),
});

describe('core/nir matriculeIns', () => {
  describe('vectors', () => {
    it('has at least 20 valid and 20 invalid vectors, with recomputed keys', () => {
      assert.ok(VALID.length >= 20 && INVALID.length >= 20);
      for (const v of VALID) assert.equal(v.normalized.slice(13), referenceKey(v.normalized.slice(0, 13)), v.why);
    });

    for (const v of VALID) {
      it(`accepts ${v.why}`, () => {
        const check = checkMatriculeIns(v.input);
        assert.deepEqual(codes(check), { errors: [], warnings: v.warnings });
        assert.equal(check.valid, true);
        assert.equal(check.normalized, v.normalized);
        assert.equal(isValidMatriculeIns(v.input), true);
      });
    }

    for (const v of INVALID) {
      it(`refuses ${v.why}`, () => {
        const check = checkMatriculeIns(v.input);
        assert.deepEqual(codes(check), { errors: v.errors, warnings: v.warnings ?? [] });
        assert.equal(check.valid, false);
        assert.equal(check.normalized, undefined);
        assert.equal(isValidMatriculeIns(v.input), false);
      });
    }

    it('agrees with stdnum on every vector where the difference is not documented', () => {
      for (const v of VALID) {
        assert.equal(oracle.validate(v.input.replace(/[-\u00A0\u202F\n]/g, ' ')).isValid, true, v.why);
      }
      for (const v of INVALID) {
        // Documented differences (see the oracle section below): stdnum knows neither the sex,
        // month nor department rules, and maps full-width digits to ASCII.
        const onlyFieldRules = v.errors.every((c) => c === 'sex' || c === 'month' || c === 'department');
        const fullWidth = /[\uFF10-\uFF19]/.test(v.input);
        assert.equal(oracle.validate(v.input).isValid, onlyFieldRules || fullWidth, v.why);
      }
    });
  });

  describe('normalizeMatriculeEntry', () => {
    it('removes spaces, dots and dashes and upper-cases letters without changing other characters', () => {
      assert.equal(normalizeMatriculeEntry(' 1.78-04 2a\t004\u2013012 09 '), '178042A00401209');
      assert.equal(normalizeMatriculeEntry('ß'), 'ß'); // toUpperCase would make it two characters
    });
  });

  describe('groupMatriculeEntry', () => {
    it('groups a mainland number as the card prints it, separators and case ignored', () => {
      assert.equal(groupMatriculeEntry('185057505612388'), '1 85 05 75 056 123 88');
      assert.equal(groupMatriculeEntry(' 1.85-05 7505612388'), '1 85 05 75 056 123 88');
      assert.equal(groupMatriculeEntry('269052a00412345'), '2 69 05 2A 004 123 45');
    });
    it('gives an overseas department three digits and its commune two', () => {
      assert.equal(groupMatriculeEntry('183039712004546'), '1 83 03 971 20 045 46');
      assert.equal(groupMatriculeEntry('2880698823456'), '2 88 06 988 23 456');
    });
    it('groups an incomplete entry as far as it goes, and keeps extra characters in a last group', () => {
      assert.equal(groupMatriculeEntry(''), '');
      assert.equal(groupMatriculeEntry('1'), '1');
      assert.equal(groupMatriculeEntry('1850575'), '1 85 05 75');
      assert.equal(groupMatriculeEntry('18505750561238899'), '1 85 05 75 056 123 88 99');
      assert.equal(groupMatriculeEntry(undefined as unknown as string), '');
    });
  });

  describe('addressFor', () => {
    it('builds the address from a valid matricule, Corsica letters upper case', () => {
      assert.equal(addressFor('185057505612388'), '185057505612388@patient.mssante.fr');
      assert.equal(addressFor('178042A00401209'), '178042A00401209@patient.mssante.fr');
      assert.equal(addressFor('178042a00401209'), '178042A00401209@patient.mssante.fr');
      assert.equal(addressFor('2 65 12 2b 033 101 83'), '265122B03310183@patient.mssante.fr');
    });

    it('never rewrites 2A/2B as 19/18', () => {
      assert.ok(!addressFor('178042A00401209').includes('1780419'));
      // 19 stays 19: that is another, checksum-valid, person.
      assert.equal(addressFor('178041900401209'), '178041900401209@patient.mssante.fr');
    });

    it('refuses anything that is not a valid matricule, without quoting it', () => {
      for (const input of ['1850575056123', '185057505612389', '', 'NIR', '785057505612388']) {
        assert.throws(
          () => addressFor(input),
          (e: unknown) => e instanceof RangeError && !/[0-9]{3}/.test(e.message),
          input,
        );
      }
    });
  });

  describe('no key completion', () => {
    it('no exported function turns a 13-character body into a checksum-valid 15-character number', () => {
      const body = '1850575056123';
      const completed = '185057505612388';
      const exported = Object.entries(nirApi).filter(([, v]) => typeof v === 'function');
      assert.ok(exported.length >= 4);
      for (const [name, fn] of exported) {
        let out: unknown;
        try {
          out = (fn as (...a: unknown[]) => unknown)(body, 'fr');
        } catch {
          continue;
        }
        const text = JSON.stringify(out) ?? '';
        assert.ok(!text.includes(completed) && !text.includes('"88"'), name);
      }
      assert.deepEqual(codes(checkMatriculeIns(body)).errors, ['length-13']);
    });
  });

  describe('messages', () => {
    it('every message exists in French and English, distinct and without any run of three digits', () => {
      for (const m of [...Object.values(MATRICULE_MESSAGES), MATRICULE_FORMAT_HINT]) {
        assert.ok(bilingual(m).fr.length > 10 && bilingual(m).en.length > 10);
        assert.notEqual(bilingual(m).fr, bilingual(m).en);
        assert.ok(!/[0-9]{3}/.test(bilingual(m).fr) && !/[0-9]{3}/.test(bilingual(m).en), m);
      }
    });

    it('no message for any vector contains three consecutive digits of its input', () => {
      const inputs = [...VALID.map((v) => v.input), ...INVALID.map((v) => v.input)];
      fc.assert(
        fc.property(fc.constantFrom(...inputs), (input) => assertPrivate(input)),
        { numRuns: 200 },
      );
      for (const input of inputs) assertPrivate(input);
      fc.assert(fc.property(fc.stringMatching(/^[0-9AB .-]{0,20}$/), (input) => assertPrivate(input)), { numRuns: 2000 });
    });
  });

  describe('oracle: stdnum fr.nir on generated numbers', () => {
    /*
     * Documented differences with stdnum (python-stdnum's algorithm):
     * 1. stdnum checks format and key only. It accepts a first digit other than 1/2, months 00
     *    and 13–19, and department 00; we refuse them (codes sex, month, department). Bodies
     *    below respect those rules except in the dedicated property, which asserts the difference.
     * 2. stdnum removes only spaces and dots; we also remove hyphens and dashes. Generated entries
     *    use spaces and dots only.
     * 3. stdnum maps look-alike Unicode digits (full-width, Arabic-Indic…) to ASCII; we refuse
     *    them (code characters): a pasted look-alike is a sign something went wrong upstream.
     */
    const digit = fc.constantFrom(...'0123456789');
    const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
    const month = fc.oneof(
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 20, max: 99 }),
    ).map((m) => String(m).padStart(2, '0'));
    const department = fc.oneof(
      fc.integer({ min: 1, max: 99 }).map((d) => String(d).padStart(2, '0')),
      fc.constantFrom('2A', '2B'),
    );
    const body = fc
      .tuple(fc.constantFrom('1', '2'), digits(2), month, department, digits(6))
      .map((parts) => parts.join(''));
    const valid = body.map((b) => b + referenceKey(b));

    /** A random entry layout: compact, printed groups with spaces, or dots; lower-case Corsica sometimes. */
    const layout = fc.constantFrom('compact', 'spaces', 'dots', 'lower');
    function present(value: string, how: string): string {
      const groups = [value.slice(0, 1), value.slice(1, 3), value.slice(3, 5), value.slice(5, 7), value.slice(7, 10), value.slice(10, 13), value.slice(13)];
      if (how === 'spaces') return groups.join(' ');
      if (how === 'dots') return groups.join('.');
      if (how === 'lower') return value.toLowerCase();
      return value;
    }

    it('correct key: both accept (thousands of bodies, Corsica included)', () => {
      fc.assert(
        fc.property(valid, layout, (value, how) => {
          const entry = present(value, how);
          assert.equal(oracle.validate(entry).isValid, true);
          const check = checkMatriculeIns(entry);
          assert.equal(check.valid, true);
          assert.equal(check.normalized, value);
        }),
        { numRuns: 3000 },
      );
    });

    it('wrong key: both refuse', () => {
      fc.assert(
        fc.property(body, fc.integer({ min: 0, max: 99 }), (b, k) => {
          const key = String(k).padStart(2, '0');
          fc.pre(key !== referenceKey(b));
          const entry = b + key;
          assert.equal(oracle.validate(entry).isValid, false);
          const check = checkMatriculeIns(entry);
          assert.equal(check.valid, false);
          assert.deepEqual(codes(check).errors, [k === 0 || k > 97 ? 'key-range' : 'key']);
        }),
        { numRuns: 3000 },
      );
    });

    it('single-digit substitution: both refuse', () => {
      fc.assert(
        fc.property(valid, fc.nat(14), fc.integer({ min: 1, max: 9 }), (value, at, delta) => {
          fc.pre(/[0-9]/.test(value[at]));
          const changed = value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
          assert.equal(oracle.validate(changed).isValid, false, 'oracle');
          assert.equal(checkMatriculeIns(changed).valid, false);
        }),
        { numRuns: 3000 },
      );
    });

    it('adjacent swap: both agree, and both refuse unless the swap straddles body and key', () => {
      fc.assert(
        fc.property(valid, fc.nat(13), (value, at) => {
          fc.pre(value[at] !== value[at + 1]);
          const swapped = value.slice(0, at) + value[at + 1] + value[at] + value.slice(at + 2);
          const ours = checkMatriculeIns(swapped).valid;
          assert.equal(ours, oracle.validate(swapped).isValid);
          // Within the body the difference is ±9·10^k·(a−b), never a multiple of 97; within the key
          // the key changes. Across the boundary (positions 13 and 14) nothing is guaranteed.
          if (at !== 12) assert.equal(ours, false);
        }),
        { numRuns: 3000 },
      );
    });

    it('documented difference 1: a field rule broken with a correct key — stdnum accepts, we refuse with that code', () => {
      const brokenBody = fc.oneof(
        fc.tuple(fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9'), digits(2), month, department, digits(6)).map((p) => ({ b: p.join(''), code: 'sex' })),
        fc.tuple(fc.constantFrom('1', '2'), digits(2), fc.constantFrom('00', '13', '14', '15', '16', '17', '18', '19'), department, digits(6)).map((p) => ({ b: p.join(''), code: 'month' })),
        fc.tuple(fc.constantFrom('1', '2'), digits(2), month, fc.constant('00'), digits(6)).map((p) => ({ b: p.join(''), code: 'department' })),
      );
      fc.assert(
        fc.property(brokenBody, ({ b, code }) => {
          const entry = b + referenceKey(b);
          assert.equal(oracle.validate(entry).isValid, true);
          assert.deepEqual(codes(checkMatriculeIns(entry)).errors, [code]);
        }),
        { numRuns: 1000 },
      );
    });

    it('arbitrary short strings: same verdict once the documented differences are accounted for', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[0-9ABab .]{0,17}$/), (entry) => {
          const compact = entry.replace(/[ .]/g, '').toUpperCase();
          const fieldsOk =
            /^[12]/.test(compact) && !/^00$|^1[3-9]$/.test(compact.slice(3, 5)) && compact.slice(5, 7) !== '00';
          assert.equal(checkMatriculeIns(entry).valid, oracle.validate(entry).isValid && fieldsOk, entry);
        }),
        { numRuns: 5000 },
      );
    });

    it('documented difference 3: look-alike Unicode digits', () => {
      const fullWidth = '185057505612388'.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      assert.equal(oracle.validate(fullWidth).isValid, true);
      assert.deepEqual(codes(checkMatriculeIns(fullWidth)).errors, ['characters']);
    });
  });
});

function assertPrivate(input: string): void {
  const check = checkMatriculeIns(input);
  const compact = normalizeMatriculeEntry(input);
  const runs: string[] = [];
  for (let i = 0; i + 3 <= compact.length; i++) {
    const run = compact.slice(i, i + 3);
    if (/^[0-9]{3}$/.test(run)) runs.push(run);
  }
  for (const reason of [...check.errors, ...check.warnings]) {
    for (const text of [bilingual(reason.message).fr, bilingual(reason.message).en]) {
      for (const run of runs) assert.ok(!text.includes(run), `${reason.code} quotes the input`);
    }
  }
}
