import { strict as assert } from 'node:assert';
import {
  DEFAULT_PAGE_RULES,
  closest,
  describeKey,
  editDistance,
  isKnownKey,
  listKeys,
  ruleText,
  DEFAULT_KEY_RULES,
  HUGO_KEY_NAMES,
} from '../../../src/core/frontmatter';
import { parseSiteConfig } from '../../../src/core/config';

describe('frontmatter/keys and rules', () => {
  it('knows the dialect keys and Hugo’s keys, case-insensitively', () => {
    for (const k of ['title', 'auteurs', 'imageSrc', 'imagesrc', 'publishDate', 'expiryDate', 'expirydate', 'isCJKLanguage', 'linkTitle', 'translationKey', 'menus', 'cascade', 'LASTMOD']) {
      assert.ok(isKnownKey(DEFAULT_PAGE_RULES, k), k);
    }
    assert.equal(isKnownKey(DEFAULT_PAGE_RULES, 'titel'), false);
    assert.ok(HUGO_KEY_NAMES.has('title') && !HUGO_KEY_NAMES.has('auteurs'));
    assert.deepEqual(
      [...DEFAULT_KEY_RULES.values()].filter((r) => r.required).map((r) => r.name),
      ['title', 'description', 'auteurs', 'date'],
    );
  });

  it('describes a key for hover, in both languages', () => {
    assert.deepEqual(describeKey(DEFAULT_PAGE_RULES, 'LastMod', 'fr'), {
      name: 'lastmod',
      type: 'date',
      required: false,
      hugo: true,
      values: [],
      closed: false,
      description: 'Dernière mise à jour éditoriale.',
      rule: 'Facultatif — date. Le jour de `publishdate` ou après, jamais dans le futur.',
    });
    assert.equal(describeKey(DEFAULT_PAGE_RULES, 'auteurs', 'en')?.rule, 'Required — array of strings.');
    assert.equal(describeKey(DEFAULT_PAGE_RULES, 'nope', 'en'), undefined);
  });

  it('shows the site’s vocabulary in the rule text', () => {
    const { config } = parseSiteConfig('[keys.specialites]\nvalues = ["cardiologie", "pneumologie"]\n[keys.prefix]\nvalues = ["Dr"]\nclosed = false\n');
    assert.equal(ruleText(config.base.keys.get('specialites')!, 'fr'), 'Facultatif — liste de textes. Valeurs permises : `cardiologie`, `pneumologie`.');
    assert.equal(ruleText(config.base.keys.get('prefix')!, 'en'), 'Optional — string. Usual values: `Dr`.');
  });

  it('lists keys for completion, dialect keys first', () => {
    const names = listKeys(DEFAULT_PAGE_RULES, 'en').map((k) => k.name);
    assert.deepEqual(names.slice(0, 6), ['title', 'description', 'auteurs', 'date', 'publishdate', 'lastmod']);
    assert.ok(names.includes('translationKey'));
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
  });
});

describe('frontmatter/suggest', () => {
  it('counts transpositions as one edit', () => {
    assert.equal(editDistance('titel', 'title'), 1);
    assert.equal(editDistance('lastmod', 'lastmod'), 0);
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abcdef', 'a', 2), 3, 'stops beyond the bound');
  });

  it('suggests a close candidate only, case-insensitively, the first on a tie', () => {
    assert.equal(closest('Titel', ['title', 'tags']), 'title');
    assert.equal(closest('lastmodif', ['lastmod', 'date']), 'lastmod');
    assert.equal(closest('Auteur', ['auteurs']), 'auteurs');
    assert.equal(closest('zzz', ['title', 'tags']), undefined);
    assert.equal(closest('tag', ['tags', 'tag2']), 'tags');
    assert.equal(closest('x', []), undefined);
  });
});
