import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPage } from '../../../src/core/check';
import { DEFAULT_SITE_CONFIG } from '../../../src/core/config';
import { explainRules, inferRules, writeRulesToml, type InferencePage } from '../../../src/core/conventions';
import { localize, type Lang } from '../../../src/core/l10n';
import { HugoSite } from '../../../src/core/site/site';
import { memoryHost } from '../site/memoryHost';
import { conventionsPages, conventionsSite, SITE } from './fixture';

const TODAY = '2025-01-15';

/** Every page's problems, `path:line severity code message`, for the site in `files`. */
async function problems(files: Record<string, string>, lang: Lang = 'en'): Promise<string[]> {
  const site = await HugoSite.open(memoryHost(files), SITE, { lang });
  const out: string[] = [];
  for (const f of await site.files()) {
    const text = files[f.file];
    const ctx = await site.checkContext(f.file, text);
    for (const d of checkPage(text, { lang, config: ctx.config, sitePath: ctx.sitePath, shortcodes: ctx.shortcodes, role: ctx.role, today: TODAY })) {
      out.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  return out.sort();
}

const OUTLIERS = [
  'fiches/chaleur.md:1:1 information frontmatter-not-toml YAML front matter: this validator reads TOML (between `+++` lines) only; the page is not checked.',
  'fiches/vaccins.md:8:8 warning type `relu` must be: boolean (true or false). Inferred from the site: 39 of 40 values of `relu` are of type boolean (true or false).',
  'recommandations/asthme.md:6:16 warning not-allowed-value "b" is not an allowed value for `niveauPreuve`; did you mean "B"? Inferred from the site: 19 of the 20 values of `niveauPreuve` are among "A", "B", "C".',
  'recommandations/diabete.md:1:1 warning required Missing required key: `lastmod` (date). Inferred from the site: 39 of 40 pages have `lastmod`.',
  'recommandations/diabete.md:4:1 warning unknown-key Unknown key: `lastmdo`. Did you mean `lastmod`? Inferred from the site: 39 of 40 pages have `lastmod`.',
  'recommandations/hta.md:1:1 warning required Missing required key: `sources` (array of strings). Inferred from the site: 19 of 20 pages in `recommandations/` have `sources`.',
];

describe('conventions: rules inferred from a site\'s own pages', () => {
  it('expects a key every page of a section but one has, even when that one page is below the share by itself', async () => {
    const files: Record<string, string> = { [`${SITE}/hugo.toml`]: 'title = "S"\n' };
    const page = (title: string, extra: string) => `+++\ntitle = "${title}"\ndate = 2024-01-01\n${extra}+++\nTexte.\n`;
    for (let i = 0; i < 12; i++) files[`${SITE}/content/fiches/f${i}.md`] = page(`F${i}`, i === 3 ? '' : 'niveau = "A"\n');
    for (let i = 0; i < 10; i++) files[`${SITE}/content/notes/n${i}.md`] = page(`N${i}`, '');
    const rows = (await problems(files)).filter((r) => r.includes(' required '));
    // 11 of 12 is under 95 %: the forgotten key is still found, and nothing else.
    assert.deepEqual(rows, ['fiches/f3.md:1:1 warning required Missing required key: `niveau` (string). Inferred from the site: 11 of 12 pages in `fiches/` have `niveau`.']);
  });

  it('counts the values that fit a type by their kinds, and gives no vocabulary to a key with a value over 60 characters', () => {
    const pages: InferencePage[] = [];
    for (let i = 0; i < 25; i++) {
      const data: Record<string, unknown> = {
        // 20 dates, 5 other strings: under the 90 % a built-in type needs, every value is a string.
        date: i < 20 ? `2024-01-${String(i + 1).padStart(2, '0')}` : 'bientôt',
        niveau: i % 2 ? 'A' : 'B',
        grade: i % 2 ? 'A' : 'B',
        liste: i < 3 ? [] : ['x', 'y'],
      };
      if (i === 7) data.grade = 'un grade écrit en toutes lettres, bien plus long que soixante caractères';
      pages.push({ sitePath: `content/s/p${i}.md`, path: `s/p${i}.md`, role: 'page', data });
    }
    const inferred = inferRules(pages)!;
    const o = (k: string) => inferred.keys.get(k)!.override;
    assert.equal(o('date').type, 'string');
    assert.match(localize(o('date').origin!.type!, 'en'), /25 of 25 values of `date` are of type/);
    assert.equal(o('liste').type, 'string-array');
    assert.match(localize(o('liste').origin!.type!, 'en'), /25 of 25 values of `liste`/);
    assert.deepEqual(o('niveau').values, ['B', 'A']);
    assert.equal(o('grade').values, undefined, 'one value too long for a vocabulary');
  });

  it('the fixture site on disk is the generated one (test/fixtures/workspace/sites/conventions)', () => {
    const root = resolve(__dirname, '../../fixtures/workspace/sites/conventions');
    for (const [p, text] of Object.entries(conventionsPages())) assert.equal(readFileSync(join(root, 'content', p), 'utf8'), text, p);
  });

  it('finds exactly the four outliers of a 40-page site, each saying where its rule came from, and nothing on the other pages', async () => {
    assert.deepEqual(await problems(conventionsSite()), OUTLIERS);
  });

  it('says it in French too', async () => {
    const fr = await problems(conventionsSite(), 'fr');
    assert.ok(fr.includes('recommandations/hta.md:1:1 warning required Clé obligatoire manquante : `sources` (liste de textes). Déduit du site : 19 des 20 pages de `recommandations/` ont `sources`.'), fr.join('\n'));
  });

  it('leaves a site with fewer than 20 pages to the built-in dialect', async () => {
    const files = conventionsSite();
    for (const k of Object.keys(files)) if (/\/(recommandations|fiches)\/(?!_index)/.test(k)) delete files[k];
    const site = await HugoSite.open(memoryHost(files), SITE, { lang: 'en' });
    const rules = await site.rules();
    assert.equal(rules.config, DEFAULT_SITE_CONFIG);
    assert.equal(rules.sources?.inferenceSkipped, 'too-few-pages');
    assert.equal(rules.sources?.sitePages, 5);
  });

  it('does not infer under a .medguide.toml, unless it says [infer]; then the file\'s rules win', async () => {
    const plain = { ...conventionsSite(), [`${SITE}/.medguide.toml`]: 'extraKeys = ["relu", "public", "specialite", "niveauPreuve"]\n' };
    const site = await HugoSite.open(memoryHost(plain), SITE, { lang: 'en' });
    const rules = await site.rules();
    assert.equal(rules.sources?.inferenceSkipped, 'medguide');
    assert.ok((await problems(plain)).some((p) => p.includes('Missing required key: `auteurs`')), 'the dialect applies');

    const layered = { ...conventionsSite(), [`${SITE}/.medguide.toml`]: '[infer]\nexpectedShare = 0.9\n\n[keys.niveauPreuve]\nclosed = false\n' };
    const out = await problems(layered);
    assert.ok(!out.some((p) => p.includes('not-allowed-value')), 'the file opened the vocabulary');
    assert.ok(out.some((p) => p.startsWith('recommandations/hta.md:1:1 warning required')), 'inferred rules still apply beneath');
    // A site that wants the inferred rules to fail its CI says so.
    const errors = { ...conventionsSite(), [`${SITE}/.medguide.toml`]: '[infer]\n\n[severity]\nrequired = "error"\n' };
    const strictOut = await problems(errors);
    assert.ok(strictOut.some((p) => p.startsWith('recommandations/hta.md:1:1 error required')), strictOut.join('\n'));
    assert.ok(strictOut.some((p) => p.startsWith('fiches/vaccins.md:8:8 warning type')), strictOut.join('\n'));
    // So for a page without front matter: the keys it is asked for are inferred ones.
    const bare = { [`${SITE}/content/recommandations/vide.md`]: 'Texte.\n' };
    const loose = await problems({ ...conventionsSite(), ...bare });
    assert.ok(loose.some((p) => p.startsWith('recommandations/vide.md:1:1 warning required The page has no front matter')), loose.join('\n'));
    const strictBare = await problems({ ...errors, ...bare });
    assert.ok(strictBare.some((p) => p.startsWith('recommandations/vide.md:1:1 error required The page has no front matter')), strictBare.join('\n'));
    const strict = { ...conventionsSite(), [`${SITE}/.medguide.toml`]: '[infer]\nexpectedShare = 1\n' };
    assert.ok(!(await problems(strict)).some((p) => p.startsWith('recommandations/hta.md')), 'with expectedShare = 1, 19 of 20 is not expected');
  });

  it('follows the pages: a change is inferred again, and unchanged rules keep their object', async () => {
    const files = conventionsSite();
    const site = await HugoSite.open(memoryHost(files), SITE, { lang: 'en' });
    const first = (await site.rules()).config;
    site.applyChange({ path: `${SITE}/content/cabinet/equipe.md`, kind: 'changed' });
    assert.equal((await site.rules()).config, first, 'the same pages give the same rules object');
    // Two more recommendations without `sources`: 17 of 20 is no longer "nearly every page".
    for (const name of ['bpco', 'angine']) {
      const p = `${SITE}/content/recommandations/${name}.md`;
      files[p] = files[p].replace(/^sources = .*\n/m, '');
      site.applyChange({ path: p, kind: 'changed' });
    }
    const after = await site.rules();
    assert.notEqual(after.config, first);
    assert.ok(!after.config.sections.some((s) => s.keys.get('sources')?.override.required === true));
  });

  it('--explain lists each rule with its source', async () => {
    const site = await HugoSite.open(memoryHost(conventionsSite()), SITE, { lang: 'en' });
    const rules = await site.rules();
    const text = explainRules(rules.config, rules.sources!, 'en');
    assert.match(text, /^Rule sources, strongest first: \.medguide\.toml > frontmatter\.json > inferred from the pages > built-in dialect\./);
    assert.match(text, /inferred from the pages: 40 pages read/);
    assert.match(text, /Probable typos \(left unknown\): `lastmdo` \(1 p\.\) → `lastmod`\./);
    assert.match(text, /\n {2}relu: boolean \(true or false\) \[inferred from the site's pages\], required \[inferred from the site's pages\]\n/);
    assert.match(text, /\nPages `content\/recommandations\/\*\*`:\n(.*\n)*? {2}sources: required \[inferred from the site's pages\]\n {6}Inferred from the site: 19 of 20 pages in `recommandations\/` have `sources`\./);
  });

  it('written out as .medguide.toml, gives the same problems, now the site\'s own rules: errors, without the "inferred" reasons', async () => {
    const files = conventionsSite();
    const site = await HugoSite.open(memoryHost(files), SITE, { lang: 'en' });
    const rules = await site.rules();
    const toml = writeRulesToml(rules.config, rules.sources!, 'en', TODAY);
    assert.match(toml, /^# \.medguide\.toml — this site's rules for MedGuide/);
    assert.match(toml, /\[keys\.niveauPreuve\]\ntype = "string"   # Inferred from the site: 20 of 20 values/);
    const written = { ...files, [`${SITE}/.medguide.toml`]: toml };
    const again = await HugoSite.open(memoryHost(written), SITE, { lang: 'en' });
    assert.deepEqual((await again.rules()).diagnostics, [], 'the written file is valid');
    const strip = (l: string) => l.replace(/ Inferred from the site: .*$/, '');
    const declared = (l: string) => l.replace(/ warning (required|type|not-allowed-value) /, ' error $1 ');
    assert.deepEqual((await problems(written)).map(strip), OUTLIERS.map(strip).map(declared));
  });
});
