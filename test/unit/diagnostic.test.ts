import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compareDiagnostics, type Diagnostic } from '../../src/core/diagnostic';
import { range } from '../../src/core/text';

const at = (code: string, line = 0, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ code, severity, range: range(line, 0, line, 1), message: '' });
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('core/diagnostic: compareDiagnostics', () => {
  it('orders by position, then severity, then code', () => {
    const list = [at('b', 1), at('z', 0, 'warning'), at('a', 0, 'warning'), at('y', 0)];
    assert.deepEqual(list.sort(compareDiagnostics).map((d) => `${d.range.start.line}${d.severity[0]}${d.code}`), ['0ey', '0wa', '0wz', '1eb']);
  });

  it('orders codes as localeCompare does, plain codes (compared by their characters) and others', () => {
    const plain = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 12 });
    const any = fc.oneof(plain, fc.string({ maxLength: 6 }), fc.constantFrom('Relref', 'é', 'relref-not-found', 'relref_not', 'a b', ''));
    fc.assert(
      fc.property(fc.oneof(plain, any), fc.oneof(plain, any), (a, b) => {
        assert.equal(sign(compareDiagnostics(at(a), at(b))), sign(a.localeCompare(b)), JSON.stringify([a, b]));
      }),
      { numRuns: 20000 },
    );
  });
});
