import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { validatePage, type ValidateOptions } from '../../../src/core/frontmatter';
import { parseSiteConfig, resolvePageRules } from '../../../src/core/config';
import { applyEdit, brief, page } from './helpers';

const TODAY = '2025-01-01';
const en = (text: string, o: ValidateOptions = {}) => validatePage(text, { today: TODAY, lang: 'en', ...o });
const fr = (text: string, o: ValidateOptions = {}) => validatePage(text, { today: TODAY, lang: 'fr', ...o });
const briefs = (text: string, o: ValidateOptions = {}) => en(text, o).map(brief);

describe('frontmatter/validate: valid pages', () => {
  it('accepts the reference example page and the base fixture', () => {
    const example = readFileSync(join(__dirname, '../../fixtures/pages/teleconsultation.md'), 'utf8');
    assert.deepEqual(en(example), []);
    assert.deepEqual(en(page()), []);
  });

  it('accepts Hugo keys, blank lines before the front matter and spaces after the delimiters', () => {
    const text = '\n \t\n' + page({}, 'aliases = ["/old/"]', 'weight = 3', 'slug = "tc"', 'publishDate = "2023-03-20"', 'draft = false').replace(/\+\+\+\n/g, '+++  \n');
    assert.deepEqual(briefs(text), []);
  });

  it('accepts every date form Hugo reads', () => {
    for (const v of ['2023-03-14', '"2023-03-14"', '"2023-03-14T09:30:00Z"', '"2023-03-14T09:30:00"', '"2023-03-14 09:30"', '"2023-03-14 09:30:15"', '2023-03-14T09:30:00+01:00', '2023-03-14 09:30:00', "'2023-03-14'"]) {
      assert.deepEqual(briefs(page({ date: v })), [], v);
    }
  });
});

describe('frontmatter/validate: block problems', () => {
  it('a page without front matter is a page: one problem naming the keys the rules require, with the block to add', () => {
    assert.deepEqual(validatePage('Du texte\nsuite', { today: TODAY }).map(brief), [
      'required error 0:0-0:8 La page n’a pas de front matter, et le site exige `title`, `description`, `auteurs`, `date` : ajoutez en tête un bloc `+++` avec ces clés, fermé par `+++`.',
    ]);
    assert.deepEqual(briefs(''), [
      'required error 0:0-0:0 The page has no front matter, and the site requires `title`, `description`, `auteurs`, `date`: add a `+++` block with these keys at the top, closed by `+++`.',
    ]);
    const [d] = en('Du texte\r\nsuite');
    const fixed = applyEdit('Du texte\r\nsuite', d.data!.edit as never);
    assert.equal(fixed, '+++\r\ntitle = ""\r\ndescription = ""\r\nauteurs = [""]\r\ndate = "2025-01-01"\r\n+++\r\nDu texte\r\nsuite');
    assert.deepEqual(en(fixed).filter((x) => x.severity === 'error').map((x) => x.code), [], 'the inserted block parses');
  });

  it('says nothing about a page without front matter when the site requires no key', () => {
    const { config } = parseSiteConfig('[keys]\ntitle = { required = false }\ndescription = { required = false }\nauteurs = { required = false }\ndate = { required = false }\n');
    assert.deepEqual(briefs('Un extrait sans front matter.\n', { rules: resolvePageRules(config, 'content/a.md') }), []);
  });

  it('frontmatter-not-toml once, as information, for YAML and JSON', () => {
    const yaml = en('---\ntitle: x\n---\nbody\n');
    assert.deepEqual(yaml.map(brief), [
      'frontmatter-not-toml information 0:0-0:3 YAML front matter: this validator reads TOML (between `+++` lines) only; the page is not checked.',
    ]);
    assert.deepEqual(yaml[0].data, { format: 'yaml' });
    assert.deepEqual(fr('{\n  "title": "x"\n}\nbody').map(brief), [
      'frontmatter-not-toml information 0:0-0:1 Front matter JSON : ce validateur ne lit que le TOML (entre lignes `+++`) ; la page n’est pas vérifiée.',
    ]);
  });

  it('frontmatter-unclosed on the opening line', () => {
    assert.deepEqual(briefs('\n+++ \ntitle = "x"\n\nbody'), [
      'frontmatter-unclosed error 1:0-1:4 Unclosed front matter: add a `+++` line after the last key.',
    ]);
  });

  it('skips pages the configuration skips, whatever they hold', () => {
    const { config } = parseSiteConfig('skip = ["content/snippets/**"]');
    assert.deepEqual(en('no front matter', { rules: resolvePageRules(config, 'content/snippets/a.md') }), []);
    assert.equal(en('no front matter', { rules: resolvePageRules(config, 'content/a.md') }).length, 1);
  });
});

describe('frontmatter/validate: toml-syntax', () => {
  it('points at the exact line and column in the Markdown file, reason translated', () => {
    assert.deepEqual(fr(page({}, 'tags = ["a" "b"]')).map(brief), [
      'toml-syntax error 7:12-7:16 Erreur de syntaxe TOML : virgule ou fin de structure attendue.',
    ]);
    assert.deepEqual(briefs(page({}, 'tags = ["a" "b"]')), ['toml-syntax error 7:12-7:16 TOML syntax error: expected comma or end of structure.']);
  });

  it('reads a line break in a one-line string as a missing closing quote', () => {
    const d = fr(page({ title: '"Téléconsultation' }));
    assert.deepEqual(d.map(brief), ['toml-syntax error 1:0-1:25 Erreur de syntaxe TOML : chaîne non terminée (guillemet fermant manquant).']);
    assert.deepEqual(d[0].data, { reason: 'unfinished string' });
  });

  it('reports a key defined twice and a Unicode bare key where they are', () => {
    assert.deepEqual(briefs(page({}, 'title = "encore"')), [
      'toml-syntax error 7:0-7:16 TOML syntax error: trying to redefine an already defined table or value.',
    ]);
    assert.deepEqual(fr(page({}, 'année = "2024"')).map(brief), [
      'toml-syntax error 7:3-7:14 Erreur de syntaxe TOML : caractère interdit dans une clé (mettez la clé entre guillemets).',
    ]);
  });

  it('says where a list left open was opened: the message names its line, the related information points at its `[`', () => {
    // A missing `]` after "ESH" (line 10 as editors count) is only noticed on line 11.
    const text = page({}, 'sources = [', '  "HAS",', '  "ESH"', 'tags = ["a", "b"]', 'annees = "2024"');
    const [d] = fr(text);
    assert.equal(
      brief(d),
      'toml-syntax error 10:0-10:17 Erreur de syntaxe TOML : virgule ou fin de structure attendue. La liste ouverte ligne 8 n’est pas fermée : il manque `]` (ou une virgule) avant cet endroit.',
    );
    assert.deepEqual(d.related, [{ range: { start: { line: 7, character: 10 }, end: { line: 7, character: 11 } }, message: 'Liste ouverte ici' }]);
    const [e] = en(text);
    assert.equal(
      brief(e),
      'toml-syntax error 10:0-10:17 TOML syntax error: expected comma or end of structure. The list opened on line 8 is not closed: `]` (or a comma) is missing before this point.',
    );
    assert.deepEqual(e.related, [{ range: { start: { line: 7, character: 10 }, end: { line: 7, character: 11 } }, message: 'List opened here' }]);
  });

  it('says where an inline table left open was opened, and where a wrong value sits inside a multi-line list', () => {
    const [t] = en(page({}, 'image = { src = "a.png"', 'annees = "2024"'));
    assert.equal(
      brief(t),
      'toml-syntax error 8:0-8:15 TOML syntax error: expected comma or end of structure. The inline table opened on line 8 is not closed: `}` is missing before this point (an inline table fits on one line).',
    );
    assert.deepEqual(t.related, [{ range: { start: { line: 7, character: 8 }, end: { line: 7, character: 9 } }, message: 'Inline table opened here' }]);
    const [f] = fr(page({}, 'image = { src = "a.png"', 'annees = "2024"'));
    assert.match(f.message, / La table en ligne ouverte ligne 8 n’est pas fermée : il manque `\}` avant cet endroit \(une table en ligne tient sur une seule ligne\)\.$/);
    assert.deepEqual(f.related?.map((r) => r.message), ['Table en ligne ouverte ici']);
    const [v] = fr(page({}, 'tags = [', '  "a",', '  b,', ']'));
    assert.equal(brief(v), 'toml-syntax error 9:2-9:4 Erreur de syntaxe TOML : valeur invalide (un texte doit être entre guillemets). Dans la liste ouverte ligne 8.');
    assert.deepEqual(v.related?.map((r) => r.range.start), [{ line: 7, character: 7 }]);
  });

  it('adds nothing when the parser stopped on the line that opened the list (the range says it all)', () => {
    const [d] = en(page({}, 'tags = ["a" "b"]'));
    assert.equal(d.related, undefined);
    assert.equal(d.message, 'TOML syntax error: expected comma or end of structure.');
  });

  it('counts lines below an opening +++ that follows blank lines; an error at the end stays on the last line', () => {
    assert.deepEqual(fr('\n+++\na = 1\nb = [1,\n+++\n').map(brief), [
      'toml-syntax error 3:0-3:7 Erreur de syntaxe TOML : valeur invalide (un texte doit être entre guillemets). La liste ouverte ligne 4 n’est pas fermée : il manque `]` (ou une virgule) avant cet endroit.',
    ]);
    assert.deepEqual(briefs('+++\ntitle = Bonjour\n+++\n'), ['toml-syntax error 1:8-1:15 TOML syntax error: invalid value.']);
  });
});

describe('frontmatter/validate: required and type', () => {
  it('required on the opening +++ line, with the line to insert before the closing one', () => {
    const text = page({ auteurs: null });
    const d = en(text);
    assert.deepEqual(d.map(brief), ['required error 0:0-0:3 Missing required key: `auteurs` (array of strings).']);
    assert.deepEqual(d[0].data, {
      key: 'auteurs',
      value: '[""]',
      edit: { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, newText: 'auteurs = [""]\n' },
    });
    assert.match(applyEdit(text, d[0].data!.edit as never), /lastmod = "2024-11-05"\nauteurs = \[""\]\n\+\+\+/);
  });

  it('inserts a missing key before the first table, where it stays a page key', () => {
    const text = page({ title: null }, '[menu.main]', 'weight = 2');
    const d = fr(text);
    assert.deepEqual(d.map(brief), ['required error 0:0-0:3 Clé obligatoire manquante : `title` (texte).']);
    const fixed = applyEdit(text, d[0].data!.edit as never);
    assert.match(fixed, /\ntitle = ""\n\[menu\.main\]/);
    assert.deepEqual(en(fixed).map((x) => x.code), []);
  });

  it('type on the value, with the fixed text when the intent is clear', () => {
    const d = en(page({}, 'noindex = "true"', 'weight = "3"', 'tags = "cabinet"', 'image = 1'));
    assert.deepEqual(d.map(brief), [
      'type error 7:10-7:16 `noindex` must be: boolean (true or false).',
      'type error 8:9-8:12 `weight` must be: integer.',
      'type error 9:7-9:16 `tags` must be: array of strings.',
      'type error 10:8-10:9 `image` must be: boolean (true or false).',
    ]);
    assert.equal(d[0].data!.fixed, 'true');
    assert.equal(d[1].data!.fixed, '3');
    assert.equal(d[2].data!.fixed, '["cabinet"]');
    assert.equal(d[3].data!.fixed, undefined);
    assert.deepEqual(d[0].data!.edit, { range: { start: { line: 7, character: 10 }, end: { line: 7, character: 16 } }, newText: 'true' });
  });

  it('type on the element of an array, in both languages', () => {
    assert.deepEqual(briefs(page({}, 'tags = ["cabinet", 3]')), ['type error 7:19-7:20 The elements of `tags` must be quoted strings.']);
    const d = fr(page({}, 'tags = ["cabinet", 3]'));
    assert.deepEqual(d.map(brief), ['type error 7:19-7:20 Les éléments de `tags` doivent être des textes entre guillemets.']);
    assert.equal(d[0].data!.index, 1);
    assert.equal(d[0].data!.fixed, '"3"');
  });

  it('matches keys case-insensitively as Hugo does, and names them as written', () => {
    assert.deepEqual(briefs(page({ lastmod: null }, 'lastMod = 3')), ['type error 6:10-6:11 `lastMod` must be: date.']);
  });
});

describe('frontmatter/validate: dates', () => {
  it('date-format with the date rewritten in the page’s usual form', () => {
    const text = page({ date: '"29/04/2022"' });
    const d = en(text);
    assert.deepEqual(d.map(brief), ['date-format error 4:7-4:19 Hugo cannot read the date "29/04/2022": write "2022-04-29".']);
    assert.deepEqual(d[0].data, {
      key: 'date',
      value: '29/04/2022',
      fixed: '"2022-04-29"',
      edit: { range: { start: { line: 4, character: 7 }, end: { line: 4, character: 19 } }, newText: '"2022-04-29"' },
    });
    assert.deepEqual(fr(text).map((x) => x.message), ['Date « 29/04/2022 » illisible pour Hugo : écrivez "2022-04-29".']);
    assert.deepEqual(en(applyEdit(text, d[0].data!.edit as never)), []);
  });

  it('date-format without a fix when the intent is unclear, and for impossible bare dates', () => {
    assert.deepEqual(briefs(page({ date: '"bientôt"' })), [
      'date-format error 4:7-4:16 Hugo cannot read the date "bientôt": write YYYY-MM-DD or an RFC 3339 date.',
    ]);
    assert.deepEqual(briefs(page({ lastmod: '2024-02-30' })), [
      'date-format error 6:10-6:20 Hugo cannot read the date "2024-02-30": write YYYY-MM-DD or an RFC 3339 date.',
    ]);
    assert.deepEqual(briefs(page({ lastmod: '"2024-13-01"' })), [
      'date-format error 6:10-6:22 Hugo cannot read the date "2024-13-01": write YYYY-MM-DD or an RFC 3339 date.',
    ]);
  });

  it('date-order for publishdate before the day of date and lastmod before publishdate', () => {
    assert.deepEqual(briefs(page({ publishdate: '"2023-03-10"' })), [
      'date-order warning 5:14-5:26 `publishdate` (2023-03-10) is before `date` (2023-03-14).',
    ]);
    // Same day as `date` (later hour in the offset date-time) is fine.
    assert.deepEqual(briefs(page({ publishdate: '"2023-03-14"' })), []);
    const d = en(page({ lastmod: '"2023-03-15"' }));
    assert.deepEqual(d.map(brief), ['date-order warning 6:10-6:22 `lastmod` (2023-03-15) is before `publishdate` (2023-03-20).']);
    assert.deepEqual(d[0].data, { key: 'lastmod', day: '2023-03-15', other: 'publishdate', otherDay: '2023-03-20' });
    assert.deepEqual(briefs(page({ publishdate: null, lastmod: '2023-03-01' })), [
      'date-order warning 5:10-5:20 `lastmod` (2023-03-01) is before `date` (2023-03-14).',
    ]);
  });

  it('date-future for publishdate (Hugo waits) and lastmod, against the injected today', () => {
    assert.deepEqual(briefs(page({ publishdate: '"2030-01-01"', lastmod: '"2030-02-01"' })), [
      '`publishdate` is in the future (2030-01-01): Hugo will not publish the page until then.',
      '`lastmod` is in the future (2030-02-01).',
    ].map((m, i) => `date-future warning ${i === 0 ? '5:14-5:26' : '6:10-6:22'} ${m}`));
    assert.deepEqual(fr(page({ lastmod: '"2025-01-02"' })).map(brief), ['date-future warning 6:10-6:22 `lastmod` est dans le futur (2025-01-02).']);
    assert.deepEqual(briefs(page({ lastmod: '"2025-01-01"' })), [], 'today itself is not the future');
    assert.deepEqual(briefs(page({ lastmod: '"2025-01-01"' }), { today: '2024-12-31' }).length, 1);
  });

  it('date-future on date when there is no publishdate (Hugo falls back to it)', () => {
    assert.deepEqual(briefs(page({ date: '2031-01-01T10:00:00+01:00', publishdate: null, lastmod: null })), [
      'date-future warning 4:7-4:32 `date` is in the future (2031-01-01): Hugo will not publish the page until then.',
    ]);
  });
});

describe('frontmatter/validate: values', () => {
  it('year: four digits, and not after the year of lastmod', () => {
    assert.deepEqual(briefs(page({}, 'annees = "24"')), ['year warning 7:9-7:13 `annees` must be a four-digit year in quotes ("2024").']);
    assert.deepEqual(briefs(page({}, 'annees = "2025"')), ['year warning 7:9-7:15 `annees` (2025) is after the year of `lastmod` (2024).']);
    assert.deepEqual(briefs(page({}, 'annees = "2024"')), []);
    const d = en(page({}, 'annees = 2024'));
    assert.deepEqual(d.map(brief), ['type error 7:9-7:13 `annees` must be: four-digit year in quotes ("2024").']);
    assert.equal(d[0].data!.fixed, '"2024"');
  });

  it('duplicate-value on the second occurrence, removable with its comma', () => {
    const text = page({}, 'tags = ["cabinet", "Cabinet", "cabinet"]');
    const d = en(text);
    assert.deepEqual(d.map(brief), [
      'duplicate-value warning 7:19-7:28 "Cabinet" is already in `tags` as "cabinet".',
      'duplicate-value warning 7:30-7:39 "cabinet" is already in `tags`.',
    ]);
    assert.deepEqual(d[0].data, {
      key: 'tags',
      value: 'Cabinet',
      index: 1,
      firstIndex: 0,
      removeRange: { start: { line: 7, character: 17 }, end: { line: 7, character: 28 } },
      edit: { range: { start: { line: 7, character: 17 }, end: { line: 7, character: 28 } }, newText: '' },
    });
    // Applied from the end, both edits leave valid TOML with one value.
    const fixed = applyEdit(applyEdit(text, d[1].data!.edit as never), d[0].data!.edit as never);
    assert.match(fixed, /\ntags = \["cabinet"\]\n/);
    assert.deepEqual(en(fixed), []);
    assert.deepEqual(fr(page({ auteurs: '["Camille DURAND", "Camille DURAND"]' })).map(brief), [
      'duplicate-value warning 3:29-3:45 « Camille DURAND » figure déjà dans `auteurs`.',
    ]);
  });

  it('duplicate-value in a multi-line array with comments and a trailing comma', () => {
    const text = page({}, 'sources = [', '  "HAS", # agence', '  "ESC",', '  "has",', ']');
    const d = en(text);
    assert.deepEqual(d.map(brief), ['duplicate-value warning 10:2-10:7 "has" is already in `sources` as "HAS".']);
    const fixed = applyEdit(text, d[0].data!.edit as never);
    assert.match(fixed, /"ESC",\n\]/);
    assert.deepEqual(en(fixed), []);
  });

  it('not-allowed-value for a closed vocabulary, with the closest allowed value', () => {
    const { config } = parseSiteConfig('[keys.specialites]\nvalues = ["cardiologie", "pneumologie"]\n');
    const d = en(page({}, 'specialites = ["cardiologie", "pneumologi", "dermatologie"]'), { rules: config.base });
    assert.deepEqual(d.map(brief), [
      'not-allowed-value error 7:30-7:42 "pneumologi" is not an allowed value for `specialites`; did you mean "pneumologie"?',
      'not-allowed-value error 7:44-7:58 "dermatologie" is not an allowed value for `specialites`.',
    ]);
    assert.deepEqual(d[0].data, {
      key: 'specialites',
      value: 'pneumologi',
      allowed: ['cardiologie', 'pneumologie'],
      index: 1,
      suggestion: 'pneumologie',
      edit: { range: { start: { line: 7, character: 30 }, end: { line: 7, character: 42 } }, newText: '"pneumologie"' },
    });
    const open = parseSiteConfig('[keys.specialites]\nvalues = ["cardiologie"]\nclosed = false\n').config;
    assert.deepEqual(en(page({}, 'specialites = ["dermatologie"]'), { rules: open.base }), []);
  });

  it('image-credit when image = true has no credit, with the line to add', () => {
    const text = page({}, 'image = true');
    const d = en(text);
    assert.deepEqual(d.map(brief), ['image-credit warning 7:8-7:12 `image = true`: give the image credit in `imageSrc`.']);
    const fixed = applyEdit(text, d[0].data!.edit as never);
    assert.match(fixed, /\nimage = true\nimageSrc = ""\n/);
    assert.deepEqual(fr(page({}, 'image = true', 'imageSrc = "  "')).map(brief), [
      'image-credit warning 8:11-8:15 `image = true` : indiquez le crédit de l’image dans `imageSrc`.',
    ]);
    assert.deepEqual(en(page({}, 'image = false')), []);
  });

  it('length (SEO) as information: long title, short or long description', () => {
    const long = 'T'.repeat(71);
    assert.deepEqual(briefs(page({ title: `"${long}"` })), [`length information 1:8-1:81 \`title\` has 71 characters: search engines cut it beyond 70.`]);
    assert.deepEqual(briefs(page({ title: `"${'é'.repeat(70)}"` })), [], '70 characters is fine');
    assert.deepEqual(fr(page({ description: '"Trop court."' })).map(brief), ['length information 2:14-2:27 `description` fait 11 caractères : visez au moins 50.']);
    assert.equal(en(page({ description: `"${'d'.repeat(161)}"` }))[0].message, '`description` has 161 characters: search engines cut it beyond 160.');
  });

  it('whitespace with the trimmed value, in strings and array elements', () => {
    const d = en(page({ title: '" Téléconsultation en médecine générale "' }, "tags = ['cabinet ']"));
    assert.deepEqual(d.map(brief), [
      'whitespace information 1:8-1:49 Leading or trailing spaces in `title`.',
      'whitespace information 7:8-7:18 Leading or trailing spaces in `tags`.',
    ]);
    assert.deepEqual(d[0].data!.edit, { range: { start: { line: 1, character: 8 }, end: { line: 1, character: 49 } }, newText: '"Téléconsultation en médecine générale"' });
    assert.equal(d[1].data!.trimmed, 'cabinet');
    assert.equal((d[1].data!.edit as { newText: string }).newText, "'cabinet'");
    // A space written as an escape cannot be trimmed in the source: no edit.
    const esc = en(page({}, 'todo = "relire\\t"'));
    assert.deepEqual(esc.map(brief), ['whitespace information 7:7-7:17 Leading or trailing spaces in `todo`.']);
    assert.equal(esc[0].data!.edit, undefined);
  });
});

describe('frontmatter/validate: keys', () => {
  it('unknown-key on the key, with a suggestion and its edit', () => {
    const d = en(page({}, 'titel = "x"', 'lastmodif = "2024-01-01"', 'foo = 1'));
    assert.deepEqual(d.map(brief), [
      'unknown-key warning 7:0-7:5 Unknown key: `titel`. Did you mean `title`?',
      'unknown-key warning 8:0-8:9 Unknown key: `lastmodif`. Did you mean `lastmod`?',
      'unknown-key warning 9:0-9:3 Unknown key: `foo`.',
    ]);
    assert.deepEqual(d[0].data, { key: 'titel', suggestion: 'title', edit: { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 5 } }, newText: 'title' } });
    assert.deepEqual(d[2].data, { key: 'foo' });
    assert.deepEqual(fr(page({}, 'Auteur = ["x"]')).map(brief), ['unknown-key warning 7:0-7:6 Clé inconnue : `Auteur`. Vouliez-vous dire `auteurs` ?']);
  });

  it('unknown-key on quoted Unicode keys, dotted keys and table headers', () => {
    assert.deepEqual(briefs(page({}, '"clé spéciale" = 1', 'réseau.x = 1'.replace('réseau', '"réseau"'), '[extra]', 'a = 1')), [
      'unknown-key warning 7:0-7:14 Unknown key: `clé spéciale`.',
      'unknown-key warning 8:0-8:8 Unknown key: `réseau`.',
      'unknown-key warning 9:1-9:6 Unknown key: `extra`.',
    ]);
  });

  it('misplaced-key for a page key written under [menu.main]', () => {
    const d = en(page({}, '[menu.main]', 'weight = 2', 'tags = ["x"]'));
    assert.deepEqual(d.map(brief), [
      'misplaced-key warning 9:0-9:4 `tags` is read as part of the `[menu.main]` table above it, not as a page key: move it above `[menu.main]`.',
    ]);
    assert.deepEqual(d[0].data, { key: 'tags', table: 'menu.main' });
  });

  it('a table named like an Object method ([constructor], [toString]) is an unknown table, not an internal error', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const d = en(page({}, `[${name}]`, 'tags = ["x"]', `${name}2 = { weight = 1 }`));
      assert.deepEqual(
        d.filter((x) => x.code === 'internal-error' || x.code === 'misplaced-key').map(brief),
        [],
        name,
      );
      assert.ok(d.some((x) => x.code === 'unknown-key' && x.message.includes(`\`${name}\``)), name);
    }
  });

  it('reads custom keys under [params] and leaves arrays of tables alone', () => {
    const text = page({ auteurs: null }, '[params]', 'auteurs = ["Camille DURAND"]', '[[cascade]]', 'toto = 1', '[cascade.build]', 'list = "never"', '[[resources]]', 'src = "a.png"');
    assert.deepEqual(briefs(text), []);
    assert.deepEqual(briefs(page({ auteurs: null }, '[params]', 'auteurs = "Camille DURAND"')), ['type error 7:10-7:26 `auteurs` must be: array of strings.']);
  });

  it('applies the site’s severities and ignore list', () => {
    const { config } = parseSiteConfig('ignore = ["whitespace"]\n[severity]\nunknown-key = "error"\nlength = "hint"\n');
    assert.deepEqual(briefs(page({ title: '" x "' }, 'foo = 1'), { rules: config.base }), ['unknown-key error 7:0-7:3 Unknown key: `foo`.']);
    assert.deepEqual(briefs(page({ description: '"court"' }), { rules: config.base }), ['length hint 2:14-2:21 `description` has 5 characters: aim for at least 50.']);
  });
});

describe('frontmatter/validate: line ends, BOM, tabs, multi-line values', () => {
  it('gives editor positions on a CRLF file with a BOM and tabs', () => {
    const text = '\uFEFF' + page({ title: '"x"\t# titre' }, 'titel\t=\t"y"', 'tags = [\t"a",\t"a"\t]').replace(/\n/g, '\r\n');
    const d = en(text);
    assert.deepEqual(d.map(brief), [
      'unknown-key warning 7:0-7:5 Unknown key: `titel`. Did you mean `title`?',
      'duplicate-value warning 8:14-8:17 "a" is already in `tags`.',
    ]);
    assert.deepEqual(d[1].data!.removeRange, { start: { line: 8, character: 12 }, end: { line: 8, character: 17 } });
  });

  it('counts lone CR line ends like the editor', () => {
    const text = page({}, 'titel = "x"').replace(/\n/g, '\r');
    assert.deepEqual(briefs(text), ['unknown-key warning 7:0-7:5 Unknown key: `titel`. Did you mean `title`?']);
  });

  it('locates keys after multi-line strings and arrays', () => {
    const text = page({}, 'todo = """', 'relire [menu]', 'titre = "x"', '"""', "synonyms = '''", "a'''", 'tags = [', '  "a",', '  "b"', ']', 'titel = 1');
    assert.deepEqual(briefs(text), [
      'type error 11:11-12:4 `synonyms` must be: array of strings.',
      'unknown-key warning 17:0-17:5 Unknown key: `titel`. Did you mean `title`?',
    ]);
  });
});

describe('frontmatter/validate: options', () => {
  it('accepts a Date or a Day as today', () => {
    assert.equal(en(page({ lastmod: '"2025-01-02"' }), { today: new Date(2025, 0, 1, 12) }).length, 1);
    assert.equal(en(page({ lastmod: '"2025-01-02"' }), { today: { year: 2025, month: 1, day: 2 } }).length, 0);
  });

  it('sorts diagnostics by position', () => {
    const d = en(page({ title: '" x "' }, 'foo = 1', 'noindex = "x"'));
    assert.deepEqual(d.map((x) => `${x.range.start.line}:${x.code}`), ['1:whitespace', '7:unknown-key', '8:type']);
  });
});
