import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse, TomlDate } from 'smol-toml';
import { KEY_TYPES, type KeyRule, type KeyType } from '../../../src/core/frontmatter/keys';
import { keySchemas } from '../../../src/core/frontmatter/schema';
import type { PageRules } from '../../../src/core/frontmatter/rules';

/*
 * schemaIssues skips zod for a value its key's `fits` accepts. That is only right if zod accepts
 * every such value: held here on random values of every shape a TOML front matter can give (and
 * more), for every key type, with and without closed vocabularies, required or not.
 */

function rules(type: KeyType, extra: Partial<KeyRule> = {}): PageRules {
  const rule: KeyRule = { name: 'k', type, required: false, closed: false, hugo: false, description: { fr: 'k', en: 'k' }, ...extra };
  return { keys: new Map([['k', rule]]), severity: new Map(), skip: false };
}

const VOCABULARY = ['Cardiologie', 'cardiologie', 'HTA', 'é', ''];

const tomlDates = fc
  .constantFrom('2024-02-29', '2024-02-30', '1979-05-27T07:32:00Z', '1979-05-27T00:32:00.999999-07:00', '07:32:00', '1979-05-27T07:32:00', '2024-13-01')
  .map((t) => {
    try {
      return (parse(`d = ${t}`) as { d: unknown }).d;
    } catch {
      return t;
    }
  });

const dateLike = fc.constantFrom('2024-01-31', '2024-02-30', '31/01/2024', '2024-01-31T10:00:00Z', '2024-01-31 10:00', '2024', '2024-1-3', ' 2024-01-31', '2024-01-31\n', '');

const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom(...VOCABULARY, '2024', '0000', '१२३४', '20240', '202'),
  dateLike,
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1.5, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, -Number.MAX_SAFE_INTEGER - 1, Infinity, -Infinity, NaN, 1e21),
  fc.bigInt(),
  tomlDates,
  fc.constant(null),
  fc.constant(new Date(0)),
  fc.constant(new Date(NaN)),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 3 })),
})).v;

describe('frontmatter: the schema fast path', () => {
  const cases: { name: string; rules: PageRules }[] = [];
  for (const type of KEY_TYPES) {
    for (const required of [false, true]) {
      cases.push({ name: `${type}${required ? ', required' : ''}`, rules: rules(type, { required }) });
      if (type === 'string' || type === 'string-array') {
        cases.push({ name: `${type}, closed vocabulary${required ? ', required' : ''}`, rules: rules(type, { required, closed: true, values: VOCABULARY }) });
        cases.push({ name: `${type}, open vocabulary${required ? ", required" : ""}`, rules: rules(type, { required, closed: false, values: VOCABULARY }) });
      }
    }
  }

  for (const c of cases) {
    it(`a value that fits is one zod accepts: ${c.name}`, () => {
      const [{ schema, fits }] = keySchemas(c.rules);
      let fitted = 0;
      fc.assert(
        fc.property(fc.oneof(value, fc.array(scalar, { maxLength: 4 })), (v) => {
          if (!fits(v)) return;
          fitted++;
          const r = schema.safeParse(v);
          if (!r.success) assert.fail(`fits() accepted ${fc.stringify(v)} that zod refuses: ${JSON.stringify(r.error.issues)}`);
        }),
        { numRuns: 3000 },
      );
      // The fast path is taken at all (a `fits` that refuses everything would pass the test above).
      assert.ok(fitted > 0, 'no value fitted');
    });
  }

  it('takes the values a guide page usually sets', () => {
    const cases: [KeyType, unknown][] = [
      ['string', 'Hypertension'],
      ['string-array', ['a', 'b']],
      ['date', new TomlDate('2024-01-31')],
      ['date', '2024-01-31'],
      ['year', '2024'],
      ['boolean', true],
      ['integer', 3],
      ['number', 2.5],
      ['array', [1, 'a']],
      ['table', { a: 1 }],
      ['any', null],
    ];
    for (const [type, v] of cases) assert.ok(keySchemas(rules(type))[0].fits(v), type);
    // Refused ones go to zod, which says why.
    for (const [type, v] of [['string', 1], ['integer', 1.5], ['number', Infinity], ['date', '31/01/2024'], ['year', '24'], ['table', []]] as [KeyType, unknown][]) {
      assert.equal(keySchemas(rules(type))[0].fits(v), false, type);
    }
  });
});
