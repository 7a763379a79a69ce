import { strict as assert } from 'node:assert';
import { checkPage } from '../../../src/core/check';
import { composeSiteConfig, importFrontMatterCms } from '../../../src/core/conventions';
import { HugoSite } from '../../../src/core/site/site';
import { memoryHost } from '../site/memoryHost';
import { conventionsSite, SITE } from './fixture';

/** A frontmatter.json written from Front Matter CMS's published schema, with every field type. */
const FRONTMATTER_JSON = JSON.stringify(
  {
    $schema: 'https://frontmatter.codes/frontmatter.schema.json',
    'frontMatter.taxonomy.tags': ['hta', 'diabète'],
    'frontMatter.taxonomy.categories': ['adulte', 'enfant'],
    'frontMatter.taxonomy.customTaxonomy': [{ id: 'organes', options: ['cœur', 'poumon'] }],
    'frontMatter.taxonomy.contentTypes': [
      {
        name: 'default',
        pageBundle: false,
        fields: [
          { title: 'Titre', name: 'title', type: 'string', required: true },
          { title: 'Date', name: 'date', type: 'datetime', required: true },
          { title: 'Brouillon', name: 'draft', type: 'draft' },
          { title: 'Relu', name: 'relu', type: 'boolean' },
          { title: 'Durée', name: 'duree', type: 'number', numberOptions: { min: 1, max: 60 } },
          { title: 'Score', name: 'score', type: 'number', numberOptions: { isDecimal: true } },
          { title: 'Niveau', name: 'niveau', type: 'choice', choices: ['A', 'B', { id: 'C', title: 'Grade C' }], required: true },
          { title: 'Publics', name: 'publics', type: 'choice', choices: ['médecins', 'patients'], multiple: true },
          { title: 'Tags', name: 'tags', type: 'tags' },
          { title: 'Catégories', name: 'categories', type: 'categories' },
          { title: 'Organes', name: 'organes', type: 'taxonomy', taxonomyId: 'organes' },
          { title: 'Étapes', name: 'etapes', type: 'list' },
          { title: 'Auteur', name: 'auteur', type: 'fields', fields: [{ name: 'nom', type: 'string' }] },
          { title: 'Blocs', name: 'blocs', type: 'block', fieldGroup: 'bloc' },
          { title: 'Image', name: 'image', type: 'image' },
          { title: 'Galerie', name: 'galerie', type: 'image', multiple: true },
          { title: 'Fichier', name: 'pdf', type: 'file' },
          { title: 'Slug', name: 'slug', type: 'slug' },
          { title: 'Données', name: 'donnees', type: 'json' },
          { title: 'Fichier de données', name: 'auteurId', type: 'dataFile', dataFileId: 'auteurs' },
          { title: 'Lié', name: 'liee', type: 'contentRelationship', contentTypeName: 'default' },
          { title: 'Collection', name: 'collection', type: 'fieldCollection' },
          { title: 'Perso', name: 'perso', type: 'customField', customType: 'x' },
          { title: 'Section', name: 'separateur', type: 'divider' },
          { title: 'Titre de section', name: 'intertitre', type: 'heading' },
        ],
      },
      { name: 'fiche', fields: [{ name: 'title', type: 'string', required: true }, { name: 'public', type: 'choice', choices: ['patients'], required: true }] },
    ],
  },
  null,
  2,
);

const ROOT = '/ws/fm';

function page(lines: string[]): string {
  return `+++\n${lines.join('\n')}\n+++\n\nTexte.\n`;
}

async function diagnosticsOf(files: Record<string, string>, file: string, root = ROOT): Promise<string[]> {
  const site = await HugoSite.open(memoryHost(files), root, { lang: 'en' });
  const ctx = await site.checkContext(file, files[file]);
  return checkPage(files[file], { lang: 'en', config: ctx.config, sitePath: ctx.sitePath, role: ctx.role, today: '2025-01-15' }).map(
    (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
  );
}

describe('conventions: Front Matter CMS frontmatter.json as the site\'s schema', () => {
  it('maps every field type, `required`, `choices`, `multiple`, number bounds and the taxonomies; lists the unmappable ones', () => {
    const r = importFrontMatterCms([{ file: `${ROOT}/frontmatter.json`, text: FRONTMATTER_JSON, kind: 'root' }], 'en');
    assert.deepEqual(r.contentTypes, ['default', 'fiche']);
    const keys = composeSiteConfig(undefined, [r.layer!]).base.keys;
    const rule = (k: string) => {
      const x = keys.get(k.toLowerCase())!;
      return [x.type, x.required, x.values ?? null, x.closed, x.minimum ?? null, x.maximum ?? null];
    };
    assert.deepEqual(rule('title'), ['string', true, null, false, null, null]);
    assert.deepEqual(rule('date'), ['date', true, null, false, null, null]);
    assert.deepEqual(rule('draft'), ['boolean', false, null, false, null, null]);
    assert.deepEqual(rule('relu'), ['boolean', false, null, false, null, null]);
    assert.deepEqual(rule('duree'), ['integer', false, null, false, 1, 60]);
    assert.deepEqual(rule('score'), ['number', false, null, false, null, null]);
    assert.deepEqual(rule('niveau'), ['string', true, ['A', 'B', 'C'], true, null, null]);
    assert.deepEqual(rule('publics'), ['string-array', false, ['médecins', 'patients'], true, null, null]);
    assert.deepEqual(rule('tags'), ['string-array', false, ['hta', 'diabète'], false, null, null]);
    assert.deepEqual(rule('categories'), ['string-array', false, ['adulte', 'enfant'], false, null, null]);
    assert.deepEqual(rule('organes'), ['string-array', false, ['cœur', 'poumon'], false, null, null]);
    assert.deepEqual(rule('etapes'), ['string-array', false, null, false, null, null]);
    assert.deepEqual(rule('auteur'), ['table', false, null, false, null, null]);
    assert.deepEqual(rule('blocs'), ['array', false, null, false, null, null]);
    assert.deepEqual(rule('image'), ['string', false, null, false, null, null]);
    assert.deepEqual(rule('galerie'), ['string-array', false, null, false, null, null]);
    assert.deepEqual(rule('pdf'), ['string', false, null, false, null, null]);
    assert.deepEqual(rule('slug'), ['string', false, null, false, null, null]);
    assert.deepEqual(rule('auteurId'), ['string', false, null, false, null, null]);
    assert.deepEqual(rule('liee'), ['string', false, null, false, null, null]);
    for (const k of ['donnees', 'collection', 'perso']) assert.deepEqual(rule(k), ['any', false, null, false, null, null], k);
    assert.ok(!keys.has('separateur') && !keys.has('intertitre'), 'form layout fields are no keys');
    // The dialect's required keys give way to the content type's.
    assert.equal(keys.get('auteurs')!.required, false);
    assert.equal(keys.get('description')!.required, false);
    assert.deepEqual(
      r.problems.flatMap((p) => p.diagnostics.map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code} ${d.message}`)),
      [
        `${FRONTMATTER_JSON.split('\n').findIndex((l) => l.includes('"donnees"')) + 1} information cms-unmapped Field type \`json\` (\`donnees\`) has no MedGuide equivalent: any value is accepted.`,
        `${FRONTMATTER_JSON.split('\n').findIndex((l) => l.includes('"collection"')) + 1} information cms-unmapped Field type \`fieldCollection\` (\`collection\`) has no MedGuide equivalent: any value is accepted.`,
        `${FRONTMATTER_JSON.split('\n').findIndex((l) => l.includes('"perso"')) + 1} information cms-unmapped Field type \`customField\` (\`perso\`) has no MedGuide equivalent: any value is accepted.`,
      ],
    );
  });

  it('checks pages against their content type, chosen by their `type`, and says the rule is frontmatter.json\'s', async () => {
    const files: Record<string, string> = {
      [`${ROOT}/hugo.toml`]: 'title = "FM"\n',
      [`${ROOT}/frontmatter.json`]: FRONTMATTER_JSON,
      [`${ROOT}/content/a.md`]: page(['title = "A"', 'date = 2024-05-01', 'duree = 90', 'publics = ["médecins", "élus"]']),
      [`${ROOT}/content/b.md`]: page(['title = "B"', 'type = "fiche"', 'public = "patients"']),
      [`${ROOT}/content/c.md`]: page(['title = "C"', 'type = "fiche"']),
    };
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/a.md`), [
      '1:1 error required Missing required key: `niveau` (string). From frontmatter.json: field `niveau` of content type `default` is required.',
      '4:9 error not-allowed-value `duree` is 90: expected between 1 and 60. From frontmatter.json: the `numberOptions` of field `duree`.',
      '5:24 error not-allowed-value "élus" is not an allowed value for `publics`. From frontmatter.json: the `choices` of field `publics`.',
    ]);
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/b.md`), [], 'a `fiche` needs neither `date` nor `niveau`');
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/c.md`), ['1:1 error required Missing required key: `public` (string). From frontmatter.json: field `public` of content type `fiche` is required.']);
  });

  it('reads the split content types of .frontmatter/config/taxonomy/contenttypes/, frontmatter.json winning', async () => {
    const files: Record<string, string> = {
      [`${ROOT}/hugo.toml`]: 'title = "FM"\n',
      [`${ROOT}/.frontmatter/config/taxonomy/contenttypes/default.json`]: JSON.stringify({ name: 'default', fields: [{ name: 'title', type: 'string', required: true }, { name: 'resume', type: 'string', required: true }] }),
      [`${ROOT}/.frontmatter/config/taxonomy/contenttypes/sous/protocole.json`]: JSON.stringify({ name: 'protocole', fields: [{ name: 'etapes', type: 'list', required: true }] }),
      [`${ROOT}/content/a.md`]: page(['title = "A"']),
      [`${ROOT}/content/p.md`]: page(['title = "P"', 'type = "protocole"', 'etapes = "un"']),
    };
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/a.md`), ['1:1 error required Missing required key: `resume` (string). From frontmatter.json: field `resume` of content type `default` is required.']);
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/p.md`), ['4:10 error type `etapes` must be: array of strings. From frontmatter.json: field `etapes` (list) of content type `protocole`.']);
    files[`${ROOT}/frontmatter.json`] = JSON.stringify({ 'frontMatter.taxonomy.contentTypes': [{ name: 'default', fields: [{ name: 'title', type: 'string' }] }] });
    assert.deepEqual(await diagnosticsOf(files, `${ROOT}/content/a.md`), [], 'frontmatter.json\'s `default` replaces the split one');
  });

  it('reports an invalid frontmatter.json in the file, at the error, and falls back to inference', async () => {
    const broken = '{\n  "frontMatter.taxonomy.contentTypes": [\n    { "name": "default", "fields": [ }\n  ]\n}\n';
    const files = { ...conventionsSite(), [`${SITE}/frontmatter.json`]: broken };
    const site = await HugoSite.open(memoryHost(files), SITE, { lang: 'en' });
    const rules = await site.rules();
    const problems = rules.problems ?? [];
    assert.equal(problems.length, 1);
    assert.equal(problems[0].file, `${SITE}/frontmatter.json`);
    const d = problems[0].diagnostics[0];
    assert.equal(d.code, 'cms-syntax');
    assert.equal(d.severity, 'error');
    assert.deepEqual([d.range.start.line, d.range.start.character], [2, 37]);
    assert.match(d.message, /^`frontmatter\.json` is not valid JSON: .*\. MedGuide ignores it and infers the rules from the site's pages\.$/);
    assert.ok(rules.sources?.inferred, 'inferred instead');
    assert.equal(rules.sources?.frontmatter, undefined);
  });

  it('stands between .medguide.toml and the inferred rules', async () => {
    const fm = JSON.stringify({ 'frontMatter.taxonomy.contentTypes': [{ name: 'default', fields: [{ name: 'niveauPreuve', type: 'choice', choices: ['A', 'B', 'C', 'b'] }] }] });
    const files: Record<string, string> = { ...conventionsSite(), [`${SITE}/frontmatter.json`]: fm };
    const asthme = `${SITE}/content/recommandations/asthme.md`;
    const hta = `${SITE}/content/recommandations/hta.md`;
    assert.deepEqual(await diagnosticsOf(files, asthme, SITE), [], 'frontmatter.json allows "b" over the inferred vocabulary');
    assert.equal((await diagnosticsOf(files, hta, SITE)).length, 1, 'inferred rules still apply where frontmatter.json says nothing');
    files[`${SITE}/.medguide.toml`] = '[infer]\n\n[keys.niveauPreuve]\nvalues = ["A", "B", "C"]\n';
    assert.deepEqual(await diagnosticsOf(files, asthme, SITE), ['6:16 error not-allowed-value "b" is not an allowed value for `niveauPreuve`; did you mean "B"?'], '.medguide.toml wins, and speaks for itself');
  });
});
