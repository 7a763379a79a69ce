import { strict as assert } from 'node:assert';
import { parseSiteConfig } from '../../../src/core/config';
import { brief } from '../frontmatter/helpers';

describe('config: [health] and [sections.health] (the guide health report)', () => {
  it('reads the thresholds, the markers and the recommendation pages', () => {
    const { config, diagnostics } = parseSiteConfig(
      [
        '[health]',
        'maxSourceAge = 4',
        'maxUpdateAge = 1',
        'markers = ["TODO", "A_REVOIR"]',
        'recommendations = ["content/fiches/**"]',
        '',
        '[[sections]]',
        'paths = ["content/cabinet/**"]',
        '[sections.health]',
        'maxSourceAge = 10',
        'recommendations = false',
        '',
      ].join('\n'),
      'en',
    );
    assert.deepEqual(diagnostics, []);
    assert.deepEqual({ ...config.health, recommendationMatchers: config.health?.recommendationMatchers?.length }, {
      maxSourceAge: 4,
      maxUpdateAge: 1,
      markers: ['TODO', 'A_REVOIR'],
      recommendations: ['content/fiches/**'],
      recommendationMatchers: 1,
    });
    assert.equal(config.health?.recommendationMatchers?.[0]('content/fiches/hta.md'), true);
    assert.deepEqual(config.sections[0].health, { maxSourceAge: 10, recommendations: false });
  });

  it('has no health table unless the file gives one (the report uses its defaults)', () => {
    const { config } = parseSiteConfig('skip = []\n', 'en');
    assert.equal(config.health, undefined);
  });

  it('reports each wrong option at its key or value, in English and in French, and keeps the others', () => {
    const text = [
      '[health]',
      'maxSourceAge = -1',
      'maxUpdateAge = "2 ans"',
      'markers = ["TODO", "à revoir"]',
      'recommendations = ["content/[z-a]"]',
      'maxSrcAge = 3',
      '',
      '[[sections]]',
      'paths = ["content/x/**"]',
      'health = { maxUpdateAge = 1.5, recommendations = "oui", seuil = 1 }',
      '',
    ].join('\n');
    const en = parseSiteConfig(text, 'en');
    assert.deepEqual(en.diagnostics.map(brief), [
      'config-type error 1:15-1:17 `health.maxSourceAge` must be: a non-negative integer. Option ignored.',
      'config-type error 2:15-2:22 `health.maxUpdateAge` must be: a non-negative integer. Option ignored.',
      'config-value error 3:19-3:29 Invalid marker "à revoir": one word (letters, digits, _).',
      'config-value error 4:19-4:34 Invalid path pattern: "content/[z-a]".',
      'config-unknown-option warning 5:0-5:9 Unknown option: `health.maxSrcAge`. Did you mean `maxSourceAge`?',
      'config-type error 9:26-9:29 `sections[0].health.maxUpdateAge` must be: a non-negative integer. Option ignored.',
      'config-type error 9:49-9:54 `sections[0].health.recommendations` must be: true or false. Option ignored.',
      'config-unknown-option warning 9:56-9:61 Unknown option: `sections[0].health.seuil`.',
    ]);
    assert.deepEqual({ ...en.config.health, recommendationMatchers: undefined }, { markers: ['TODO'], recommendations: [], recommendationMatchers: undefined });
    assert.deepEqual(en.config.sections[0].health, {});
    const fr = parseSiteConfig(text, 'fr');
    assert.equal(brief(fr.diagnostics[2]), 'config-value error 3:19-3:29 Marqueur invalide « à revoir » : un mot (lettres, chiffres, _).');
  });

  it('says a [health] that is not a table is ignored', () => {
    const { config, diagnostics } = parseSiteConfig('health = 5\n', 'en');
    assert.deepEqual(diagnostics.map(brief), ['config-type error 0:9-0:10 `health` must be: a table. Option ignored.']);
    assert.equal(config.health, undefined);
  });
});
