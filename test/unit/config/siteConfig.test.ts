import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SITE_CONFIG, parseSiteConfig, resolvePageRules } from '../../../src/core/config';
import { validatePage } from '../../../src/core/frontmatter';
import { brief, page } from '../frontmatter/helpers';

const CONFIG = [
  '# Site de test',
  'skip = ["content/snippets/**", "content/[z-a].md"]',
  'ignroe = ["length"]',
  'testIdentities = ["1 85 05 78 006 084 36"]',
  'ignore = ["whitespace"]',
  'extraKeys = ["maCle"]',
  '',
  '[severity]',
  'unknown-key = "error"',
  'date-future = "loud"',
  '',
  '[keys.specialites]',
  'values = ["cardiologie", "pneumologie"]',
  '',
  '[keys.annees]',
  'required = "yes"',
  '',
  '[keys.id]',
  'type = "strin"',
  'description = { fr = "Identifiant", en = "Identifier" }',
  '',
  '[[sections]]',
  'paths = ["content/recommandations/**"]',
  'keys = { id = { required = true, type = "string" } }',
  '[sections.severity]',
  'unknown-key = "warning"',
  '',
  '[[sections]]',
  'pathz = ["x"]',
  '',
].join('\n');

describe('config/parseSiteConfig', () => {
  it('reports each problem where it is in the file, and keeps the rest', () => {
    const { config, diagnostics } = parseSiteConfig(CONFIG, 'en');
    assert.deepEqual(diagnostics.map(brief), [
      'config-value error 1:31-1:49 Invalid path pattern: "content/[z-a].md".',
      'config-unknown-option warning 2:0-2:6 Unknown option: `ignroe`. Did you mean `ignore`?',
      'config-value error 9:14-9:20 Unknown severity "loud": error, warning, information, hint or off.',
      'config-type error 15:11-15:16 `keys.annees.required` must be: true or false. Option ignored.',
      'config-value error 18:7-18:14 Unknown type "strin": string, boolean, integer, number, date, year, string-array, array, table, any.',
      'config-value error 27:2-27:10 A section needs `paths` (path patterns).',
      'config-unknown-option warning 28:0-28:5 Unknown option: `sections[1].pathz`. Did you mean `paths`?',
    ]);
    assert.deepEqual(config.skip, ['content/snippets/**']);
    assert.deepEqual(config.ignore, ['whitespace']);
    assert.deepEqual(config.testIdentities, ['1 85 05 78 006 084 36']);
    assert.deepEqual([...config.base.severity], [['unknown-key', 'error'], ['whitespace', 'off']]);
    assert.deepEqual(config.base.keys.get('specialites')?.values, ['cardiologie', 'pneumologie']);
    assert.equal(config.base.keys.get('specialites')?.closed, true);
    assert.equal(config.base.keys.get('annees')?.required, false, 'the wrong option is ignored');
    assert.equal(config.base.keys.get('macle')?.name, 'maCle');
    assert.deepEqual(config.base.keys.get('id')?.description, { fr: 'Identifiant', en: 'Identifier' });
    assert.equal(config.base.keys.get('id')?.type, 'any');
    assert.equal(config.sections.length, 2);
  });

  it('refuses a severity named like an Object method (constructor, toString): never a severity that is not one', () => {
    const { config, diagnostics } = parseSiteConfig('[severity]\nunknown-key = "constructor"\nwhitespace = "toString"\n', 'en');
    assert.deepEqual(diagnostics.map(brief), [
      'config-value error 1:14-1:27 Unknown severity "constructor": error, warning, information, hint or off.',
      'config-value error 2:13-2:23 Unknown severity "toString": error, warning, information, hint or off.',
    ]);
    assert.deepEqual([...config.base.severity], []);
  });

  it('accepts the example of docs/configuration.md without a diagnostic', () => {
    const doc = readFileSync(path.join(__dirname, '../../../docs/configuration.md'), 'utf8');
    const example = doc.split('```toml\n')[1].split('```')[0];
    const parsed = parseSiteConfig(example, 'en');
    assert.deepEqual(parsed.diagnostics, []);
    assert.equal(parsed.config.sections.length, 2);
    assert.equal(resolvePageRules(parsed.config, 'content/brouillons/a.md').severity.get('required'), 'off');
  });

  it('speaks French too', () => {
    assert.deepEqual(parseSiteConfig('ignroe = []\n[severity]\nlength = "fort"\n', 'fr').diagnostics.map(brief), [
      'config-unknown-option warning 0:0-0:6 Option inconnue : `ignroe`. Vouliez-vous dire `ignore` ?',
      'config-value error 2:9-2:15 Gravité inconnue « fort » : error, warning, information, hint ou off.',
    ]);
  });

  it('falls back to the defaults on a TOML syntax error, located in the file', () => {
    const parsed = parseSiteConfig('skip = [\n"x"', 'fr');
    assert.equal(parsed.config, DEFAULT_SITE_CONFIG);
    assert.deepEqual(parsed.diagnostics.map(brief), [
      'toml-syntax error 1:0-1:3 Erreur de syntaxe TOML : virgule ou fin de structure attendue. Les règles par défaut s’appliquent aux pages. La liste ouverte ligne 1 n’est pas fermée : il manque `]` (ou une virgule) avant cet endroit.',
    ]);
    assert.deepEqual(parsed.diagnostics[0].related, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 8 } }, message: 'Liste ouverte ici' }]);
    assert.deepEqual(parseSiteConfig('skip = [\n"x"', 'en').diagnostics[0].related?.map((r) => r.message), ['List opened here']);
  });

  it('reports wrong types of every option', () => {
    assert.deepEqual(parseSiteConfig('[keys]\ntitle = 3\n[keys.tags]\nclosed = 1\nminLength = -1\nfoo = 2\n[[sections]]\npaths = "x"\n', 'en').diagnostics.map(brief), [
      'config-type error 1:8-1:9 `keys.title` must be: a table. Option ignored.',
      'config-type error 3:9-3:10 `keys.tags.closed` must be: true or false. Option ignored.',
      'config-type error 4:12-4:14 `keys.tags.minLength` must be: a non-negative integer. Option ignored.',
      'config-unknown-option warning 5:0-5:3 Unknown option: `keys.tags.foo`.',
      'config-type error 7:8-7:11 `sections[0].paths` must be: an array of strings. Option ignored.',
    ]);
    assert.deepEqual(parseSiteConfig('sections = 3\nseverity = []\nkeys.x.description = 3\ntestIdentities = "x"', 'en').diagnostics.map(brief), [
      'config-type error 0:11-0:12 `sections` must be: an array of tables (`[[sections]]`). Option ignored.',
      'config-type error 1:11-1:13 `severity` must be: a table. Option ignored.',
      'config-type error 2:21-2:22 `keys.x.description` must be: a string or a table { fr = "…", en = "…" }. Option ignored.',
      'config-type error 3:17-3:20 `testIdentities` must be: an array of strings. Option ignored.',
    ]);
  });

  it('reads an empty file as the defaults, and a BOM and CRLF file with editor positions', () => {
    assert.deepEqual(parseSiteConfig('').diagnostics, []);
    const p = parseSiteConfig('\uFEFF# rien\r\n[severity]\r\nlength = "off"\r\nfoo = 1\r\n', 'en');
    assert.deepEqual(p.diagnostics.map(brief), ['config-type error 3:6-3:7 `severity.foo` must be: a string. Option ignored.']);
    assert.equal(p.config.base.severity.get('length'), 'off');
  });

  it('changes a built-in rule without losing what it did not mention', () => {
    const { config } = parseSiteConfig('[keys.title]\nmaxLength = 60\n[keys.auteurs]\nrequired = false\n[keys.sctid]\ntype = "integer"\n');
    const title = config.base.keys.get('title')!;
    assert.deepEqual([title.type, title.required, title.maxLength, title.hugo], ['string', true, 60, true]);
    assert.equal(config.base.keys.get('auteurs')!.required, false);
    assert.deepEqual(validatePage(page({ auteurs: null }, 'sctid = "12"'), { rules: config.base, lang: 'en', today: '2025-01-01' }).map(brief), [
      'type error 6:8-6:12 `sctid` must be: integer.',
    ]);
  });
});

describe('config/resolvePageRules', () => {
  const { config } = parseSiteConfig(CONFIG, 'en');

  it('merges the sections a page belongs to, later ones winning', () => {
    const rules = resolvePageRules(config, 'content/recommandations/hta.md');
    assert.equal(rules.skip, false);
    assert.deepEqual([rules.keys.get('id')?.required, rules.keys.get('id')?.type], [true, 'string']);
    assert.equal(rules.severity.get('unknown-key'), 'warning');
    assert.equal(rules.severity.get('whitespace'), 'off');
    assert.equal(config.base.keys.get('id')?.required, false, 'the base rules are not changed');
    assert.deepEqual(validatePage(page({}, 'foo = 1'), { rules, lang: 'en', today: '2025-01-01' }).map(brief), [
      'required error 0:0-0:3 Missing required key: `id` (string).',
      'unknown-key warning 7:0-7:3 Unknown key: `foo`.',
    ]);
  });

  it('returns the same rules object for pages of the same sections (one compiled schema)', () => {
    assert.equal(resolvePageRules(config, 'content/recommandations/a.md'), resolvePageRules(config, 'content/recommandations/x/b.md'));
    assert.equal(resolvePageRules(config, 'content/autres/a.md'), config.base);
    assert.equal(resolvePageRules(config, 'content\\recommandations\\a.md'), resolvePageRules(config, 'content/recommandations/a.md'));
  });

  it('marks skipped pages', () => {
    assert.equal(resolvePageRules(config, 'content/snippets/x.md').skip, true);
    assert.equal(resolvePageRules(config, 'content/x.md').skip, false);
    assert.equal(resolvePageRules(DEFAULT_SITE_CONFIG, 'content/snippets/x.md').skip, false);
  });
});
