import { strict as assert } from 'node:assert';
import { keepLastCall, keepResults } from '../../src/core/memo';
import { ownValue } from '../../src/core/own';

describe('core/memo', () => {
  it('keepLastCall runs again only when an argument changes, and forgets on clear()', () => {
    let runs = 0;
    const f = keepLastCall((a: string, b: number) => ({ a, b, run: ++runs }));
    const first = f('x', 1);
    assert.equal(f('x', 1), first);
    assert.equal(runs, 1);
    assert.notEqual(f('x', 2), first);
    assert.notEqual(f('x', 1), first, 'only the last call is kept');
    assert.equal(runs, 3);
    f.clear();
    f('x', 1);
    assert.equal(runs, 4);
  });

  it('keepResults keeps the most recently used results, throws the same error again, and skips long keys', () => {
    const seen: string[] = [];
    const f = keepResults(
      (k) => {
        seen.push(k);
        if (k === 'bad') throw new Error('bad key');
        return { k };
      },
      { max: 2, maxKeyLength: 5 },
    );
    const a = f('a');
    f('b');
    assert.equal(f('a'), a, 'a is used again: now the most recent');
    f('c'); // b, the least recently used, goes
    assert.equal(f('a'), a);
    f('b');
    assert.deepEqual(seen, ['a', 'b', 'c', 'b']);
    const e1 = (() => { try { f('bad'); } catch (e) { return e; } })();
    const e2 = (() => { try { f('bad'); } catch (e) { return e; } })();
    assert.ok(e1 instanceof Error && e1 === e2);
    assert.equal(seen.filter((k) => k === 'bad').length, 1);
    f('toolong');
    f('toolong');
    assert.equal(seen.filter((k) => k === 'toolong').length, 2, 'a key over maxKeyLength is not kept');
    f.clear();
    f('a');
    assert.equal(seen.filter((k) => k === 'a').length, 2);
  });

  it('keepResults keeps a result used at least once every max / 2 new keys, moved or not', () => {
    const runs = new Map<string, number>();
    const f = keepResults(
      (k) => {
        runs.set(k, (runs.get(k) ?? 0) + 1);
        return k.toUpperCase();
      },
      { max: 6 },
    );
    // `hot` is used again after every 3 new keys: sometimes still in the newer half (not moved),
    // then in the older half (moved to the recent end); never the oldest when one must go.
    for (let i = 0; i < 40; i++) {
      assert.equal(f('hot'), 'HOT');
      for (const x of ['a', 'b', 'c']) assert.equal(f(`${x}${i}`), `${x.toUpperCase()}${i}`);
    }
    assert.equal(runs.get('hot'), 1, 'computed once');
    // A key not used again goes once `max` newer ones are kept.
    assert.equal(f('a0'), 'A0');
    assert.equal(runs.get('a0'), 2);
    // The most recent `max` keys (hot was used 3 keys before the last ones) are all kept.
    const before = [...runs.values()].reduce((a, b) => a + b, 0);
    for (const k of ['c39', 'b39', 'a39', 'hot', 'a0']) f(k);
    assert.equal([...runs.values()].reduce((a, b) => a + b, 0), before, 'nothing computed again');
  });

  it('keepResults with copyKey computes from, and keeps under, an equal string', () => {
    const page = 'title = "x"\nlong body '.repeat(10);
    const line = page.slice(0, 11);
    const f = keepResults((k) => k, { max: 4, copyKey: true });
    assert.equal(f(line), 'title = "x"');
    assert.equal(f('title = "x"'), 'title = "x"');
  });

  it('ownValue finds a table\'s own keys only', () => {
    const table: Record<string, number> = { note: 1 };
    assert.equal(ownValue(table, 'note'), 1);
    for (const k of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(ownValue(table, k), undefined, k);
  });
});
