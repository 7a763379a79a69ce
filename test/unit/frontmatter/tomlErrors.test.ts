import { strict as assert } from 'node:assert';
import { parse } from 'smol-toml';
import { translateTomlReason } from '../../../src/core/frontmatter';
import { tomlReason } from '../../../src/core/frontmatter/tomlErrors';

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
});
