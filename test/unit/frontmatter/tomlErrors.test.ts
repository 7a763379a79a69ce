import { strict as assert } from 'node:assert';
import { parse } from 'smol-toml';
import { translateTomlReason } from '../../../src/core/frontmatter';
import { openStructureAt, tomlReason } from '../../../src/core/frontmatter/tomlErrors';

describe('frontmatter/tomlErrors', () => {
  it('keeps the reason of smol-toml’s message, without the code block', () => {
    let message = '';
    try {
      parse('a = [1 2]');
    } catch (e) {
      message = (e as Error).message;
    }
    assert.equal(tomlReason(message), 'expected comma or end of structure');
  });

  it('translates known reasons into French and keeps unknown ones in English', () => {
    assert.equal(translateTomlReason('unfinished array', 'fr'), 'liste non terminée (`]` manquant)');
    assert.equal(translateTomlReason('unfinished array', 'en'), 'unfinished array');
    assert.equal(translateTomlReason('something new in smol-toml 2', 'fr'), 'something new in smol-toml 2');
  });

  it('finds the list or inline table still open where the parser stopped, past strings, comments and headers', () => {
    const at = (text: string) => {
      const o = openStructureAt(text, 0, text.length);
      return o && { kind: o.kind, offset: o.offset };
    };
    assert.deepEqual(at('a = ["x", "y"\nb = 1\n'), { kind: 'array', offset: 4 });
    assert.deepEqual(at('a = ["x", "y"]\nb = 1\n'), undefined);
    // Brackets inside strings (basic, literal, multi-line) and comments do not count.
    assert.deepEqual(at('a = "[" \nb = \'{\'\nc = """\n[\n"""\nd = 1 # [\n'), undefined);
    assert.deepEqual(at('a = ["x\\"]", # ]\n  "y"\nb = 1\n'), { kind: 'array', offset: 4 });
    // `[table]` and `[[array of tables]]` headers are not values.
    assert.deepEqual(at('[params]\n[[menu.main]]\nname = "x"\n'), undefined);
    assert.deepEqual(at('[params."a]b"] # [\nx = { a = [1, 2]\n'), { kind: 'table', offset: 23 });
    // The innermost structure wins; a nested list closed on its line leaves the outer one open.
    assert.deepEqual(at('a = [[1, 2],\n  [3\n'), { kind: 'array', offset: 15 });
    assert.deepEqual(at('a = [[1, 2],\n  [3]\n'), { kind: 'array', offset: 4 });
  });
});
