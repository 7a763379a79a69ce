import { strict as assert } from 'node:assert';
import type { SiteHost } from '../../../src/core/site/host';
import { HUGO_CONFIG_BASENAMES, cleanPath, configDirPlace, isHugoSiteRoot, loadHugoConfig, type HugoConfig } from '../../../src/core/site/hugoConfig';
import { brief } from '../frontmatter/helpers';
import { memoryHost } from './memoryHost';

const ROOT = '/site';

function site(files: Record<string, string>): SiteHost {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) out[`${ROOT}/${k}`] = v;
  return memoryHost(out);
}

function load(files: Record<string, string>, options: { environment?: string; lang?: 'fr' | 'en' } = {}): Promise<HugoConfig> {
  return loadHugoConfig(site(files), ROOT, { lang: 'en', ...options });
}

/** `file code severity line:char-line:char message`, the file relative to the site. */
function problems(c: HugoConfig): string[] {
  return c.problems.map((p) => `${p.file.slice(ROOT.length + 1)} ${brief(p.diagnostic)}`);
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('site/hugoConfig', () => {
  describe('root file', () => {
    it('reads each root file name, in its format', async () => {
      const texts: Record<string, string> = {
        toml: 'contentDir = "docs"\ntitle = "T"\n',
        yaml: 'contentDir: docs\ntitle: T\n',
        yml: 'contentDir: docs\ntitle: T\n',
        json: '{ "contentDir": "docs", "title": "T" }\n',
      };
      for (const name of HUGO_CONFIG_BASENAMES) {
        const c = await load({ [name]: texts[name.slice(name.indexOf('.') + 1)] });
        assert.deepEqual(c.files, [`${ROOT}/${name}`], name);
        assert.equal(c.contentDir, 'docs', name);
        assert.equal(c.title, 'T', name);
        assert.deepEqual(c.problems, [], name);
      }
    });

    it('reads only the first root file: hugo.* before config.*, then toml, yaml, yml, json', async () => {
      let c = await load({ 'config.toml': 'title = "config"\nbuildDrafts = true\n', 'hugo.yaml': 'title: hugo\n' });
      assert.deepEqual(c.files, [`${ROOT}/hugo.yaml`]);
      assert.equal(c.title, 'hugo');
      assert.equal(c.buildDrafts, false, 'config.toml is not read at all');
      c = await load({ 'hugo.json': '{"title": "json"}', 'hugo.yml': 'title: yml', 'hugo.toml': 'title = "toml"' });
      assert.equal(c.title, 'toml');
      c = await load({ 'config.json': '{"title": "json"}', 'config.yml': 'title: yml' });
      assert.equal(c.title, 'yml');
    });

    it('gives Hugo’s defaults for a site without configuration', async () => {
      const c = await load({ 'content/_index.md': '' });
      assert.deepEqual(c, {
        root: ROOT,
        files: [],
        contentDir: 'content',
        defaultContentLanguage: 'en',
        defaultContentLanguageInSubdir: false,
        languages: [{ code: 'en', contentDir: 'content', weight: 0 }],
        disabledLanguages: [],
        disabledLanguageTables: [],
        mounts: [{ source: 'content', target: 'content' }],
        ignoreFiles: [],
        refLinksErrorLevel: 'ERROR',
        goldmarkUnsafe: false,
        enableInlineShortcodes: false,
        buildDrafts: false,
        buildFuture: false,
        buildExpired: false,
        themes: [],
        moduleImports: [],
        themesDir: 'themes',
        layoutDir: 'layouts',
        taxonomies: ['categories', 'tags'],
        disableKinds: [],
        outputs: { page: ['html'], home: ['html', 'rss'], section: ['html', 'rss'], taxonomy: ['html', 'rss'], term: ['html', 'rss'] },
        params: {},
        problems: [],
      });
    });

    it('reads the common settings', async () => {
      const c = await load({
        'hugo.toml': lines(
          'title = "Guide"',
          'languageCode = "fr-FR"',
          'defaultContentLanguage = "fr"',
          'defaultContentLanguageInSubdir = true',
          'buildDrafts = true',
          'buildFuture = true',
          'buildExpired = true',
          'ignoreFiles = ["\\\\.tmp$", "^brouillons/"]',
          'refLinksNotFoundURL = "/404"',
          'theme = "medical"',
          'themesDir = "../themes/"',
          'layoutDir = "gabarits"',
          '[taxonomies]',
          'specialite = "specialites"',
          'tag = "tags"',
          '[params]',
          'Auteur = "Dr Martin"',
          '[params.Contact]',
          'Tel = "01"',
        ),
      });
      assert.equal(c.title, 'Guide');
      assert.equal(c.languageCode, 'fr-FR');
      assert.equal(c.defaultContentLanguage, 'fr');
      assert.equal(c.defaultContentLanguageInSubdir, true);
      assert.deepEqual([c.buildDrafts, c.buildFuture, c.buildExpired], [true, true, true]);
      assert.deepEqual(c.ignoreFiles, ['\\.tmp$', '^brouillons/']);
      assert.equal(c.refLinksNotFoundURL, '/404');
      assert.deepEqual(c.themes, ['medical']);
      assert.equal(c.themesDir, '../themes');
      assert.equal(c.layoutDir, 'gabarits');
      assert.deepEqual(c.taxonomies, ['specialites', 'tags']);
      assert.deepEqual(c.params, { auteur: 'Dr Martin', contact: { tel: '01' } });
      assert.deepEqual(c.languages, [{ code: 'fr', contentDir: 'content', weight: 0, languageCode: 'fr-FR', title: 'Guide' }]);
      assert.deepEqual(c.problems, []);
    });

    it('splits a string `ignoreFiles` or `disableLanguages` on spaces, keeps a string `theme` whole', async () => {
      const c = await load({ 'hugo.yaml': lines('ignoreFiles: "a$ b$"', 'disableLanguages: "DE it es"', 'theme: "my theme"', 'languages: {en: {}, de: {}, it: {}}') });
      assert.deepEqual(c.ignoreFiles, ['a$', 'b$']);
      assert.deepEqual(c.disabledLanguages, ['de', 'es', 'it']);
      // `es` has no table: not a language a file name can name.
      assert.deepEqual(c.disabledLanguageTables, ['de', 'it']);
      assert.deepEqual(c.themes, ['my theme']);
      assert.deepEqual(c.taxonomies, ['categories', 'tags']);
    });

    it('an empty `[taxonomies]` means no taxonomies', async () => {
      assert.deepEqual((await load({ 'hugo.toml': '[taxonomies]\n' })).taxonomies, []);
    });
  });

  describe('isHugoSiteRoot', () => {
    it('knows a root by its root file or its config/_default/ folder', async () => {
      for (const name of HUGO_CONFIG_BASENAMES) assert.equal(await isHugoSiteRoot(site({ [name]: '' }), ROOT), true, name);
      assert.equal(await isHugoSiteRoot(site({ 'config/_default/params.toml': '' }), ROOT), true);
      assert.equal(await isHugoSiteRoot(site({ 'config/_default/sub/menus.fr.yaml': '' }), ROOT), true);
      assert.equal(await isHugoSiteRoot(site({ 'config/_default/README.md': '', 'config/production/hugo.toml': '' }), ROOT), false);
      assert.equal(await isHugoSiteRoot(site({ 'content/hugo.toml': '', 'config.ini': '' }), ROOT), false);
      assert.equal(await isHugoSiteRoot(site({ 'hugo.toml/x': '' }), ROOT), false, 'a folder named hugo.toml is not a config file');
      assert.equal(await isHugoSiteRoot(site({}), ROOT), false);
    });
  });

  describe('config directory', () => {
    // The same site was checked with Hugo 0.111.3 (`hugo config`, `hugo config mounts`).
    const DIR_SITE: Record<string, string> = {
      'config.toml': 'title = "Root"\r\ncontentDir = "fromroot"\r\n[params]\r\na = 1\r\nb = 1\r\n',
      'hugo.yaml': 'title: FromHugoYaml\n',
      'config/_default/hugo.toml': lines('ContentDir = "dircontent"', '[Params]', 'b = 2', 'c = 2'),
      'config/_default/params.toml': lines('d = 4', '[params]', 'nested = true'),
      'config/_default/languages.toml': lines('[en]', 'weight = 1', '[fr]', 'weight = 2', 'contentDir = "content/fr"'),
      'config/_default/menus.fr.toml': lines('[[main]]', 'name = "Accueil"', 'url = "/"'),
      'config/_default/params.fr.toml': 'x = "fr"\n',
      'config/_default/languages.fr.toml': 'languageName = "Français"\n',
      'config/_default/sub/zzz.toml': 'q = 1\n',
      'config/production/params.toml': 'c = "prod"\n',
      'config/development/params.toml': 'c = "dev"\n',
    };

    it('merges the root file, then config/_default/ (walked in order, sub-folders too), then config/production/', async () => {
      const c = await load(DIR_SITE);
      assert.deepEqual(
        c.files.map((f) => f.slice(ROOT.length + 1)),
        [
          'hugo.yaml',
          'config/_default/hugo.toml',
          'config/_default/languages.fr.toml',
          'config/_default/languages.toml',
          'config/_default/menus.fr.toml',
          'config/_default/params.fr.toml',
          'config/_default/params.toml',
          'config/_default/sub/zzz.toml',
          'config/production/params.toml',
        ],
      );
      assert.equal(c.title, 'FromHugoYaml');
      assert.equal(c.contentDir, 'dircontent');
      assert.deepEqual(c.params, { b: 2, c: 'prod', d: 4, params: { nested: true } });
      assert.deepEqual(c.languages, [
        { code: 'en', contentDir: 'dircontent', weight: 1, title: 'FromHugoYaml' },
        { code: 'fr', contentDir: 'content/fr', weight: 2, languageName: 'Français', title: 'FromHugoYaml' },
      ]);
      assert.deepEqual(c.mounts, [
        { source: 'dircontent', target: 'content', lang: 'en' },
        { source: 'content/fr', target: 'content', lang: 'fr' },
      ]);
      assert.deepEqual(c.problems, []);
    });

    it('takes another environment’s folder when asked', async () => {
      const c = await load(DIR_SITE, { environment: 'development' });
      assert.equal(c.params.c, 'dev');
      assert.ok(c.files.includes(`${ROOT}/config/development/params.toml`));
      assert.ok(!c.files.includes(`${ROOT}/config/production/params.toml`));
    });

    it('places each file by its name, as Hugo’s LoadConfigFromDir', () => {
      assert.deepEqual(configDirPlace('hugo.toml'), { keyPath: [] });
      assert.deepEqual(configDirPlace('config.yaml'), { keyPath: [] });
      assert.deepEqual(configDirPlace('params.toml'), { keyPath: ['params'], name: 'params' });
      assert.deepEqual(configDirPlace('Module.json'), { keyPath: ['module'], name: 'Module' });
      assert.deepEqual(configDirPlace('menus.fr.toml'), { keyPath: ['languages', 'fr', 'menus'], name: 'menus' });
      assert.deepEqual(configDirPlace('menu.FR.yml'), { keyPath: ['languages', 'fr', 'menus'], name: 'menu' });
      assert.deepEqual(configDirPlace('params.fr.toml'), { keyPath: ['languages', 'fr', 'params'], name: 'params' });
      assert.deepEqual(configDirPlace('languages.fr.toml'), { keyPath: ['languages', 'fr'], name: 'languages' });
    });

    it('reads module.toml, languages.yaml and params.json from the folder', async () => {
      const c = await load({
        'docs/a.md': '',
        'config/_default/module.toml': lines('[[mounts]]', 'source = "docs"', 'target = "content"'),
        'config/_default/languages.yaml': lines('fr:', '  weight: 1', '  title: Guide', 'en:', '  weight: 2'),
        'config/_default/params.json': '{"Key": [1, 2]}',
        'config/_default/hugo.toml': 'defaultContentLanguage = "fr"\n',
      });
      assert.deepEqual(c.mounts, [{ source: 'docs', target: 'content' }]);
      assert.deepEqual(c.languages.map((l) => [l.code, l.title]), [['fr', 'Guide'], ['en', undefined]]);
      assert.deepEqual(c.params, { key: [1, 2] });
    });

    it('reads the paths of the module imports that are not disabled', async () => {
      const c = await load({
        'config/_default/module.toml': lines('[[imports]]', 'path = "github.com/exemple/theme"', '[[imports]]', 'Path = "composant"', '[[imports]]', 'path = "ancien"', 'disable = true'),
      });
      assert.deepEqual(c.moduleImports, ['github.com/exemple/theme', 'composant']);
    });

    it('reads whether Goldmark writes raw HTML, from the root file or config/_default/markup.toml', async () => {
      assert.equal((await load({ 'hugo.toml': lines('[markup.goldmark.renderer]', 'unsafe = true') })).goldmarkUnsafe, true);
      assert.equal((await load({ 'config/_default/markup.toml': lines('[Goldmark.Renderer]', 'Unsafe = true') })).goldmarkUnsafe, true);
      assert.equal((await load({ 'config/_default/markup.yaml': lines('goldmark:', '  renderer:', '    unsafe: false') })).goldmarkUnsafe, false);
      assert.equal((await load({ 'hugo.toml': 'title = "t"\n' })).goldmarkUnsafe, false);
    });

    it('reads whether inline shortcodes are on, under [security] or at the root (both work in Hugo 0.111.3)', async () => {
      assert.equal((await load({ 'hugo.toml': lines('[security]', 'enableInlineShortcodes = true') })).enableInlineShortcodes, true);
      assert.equal((await load({ 'config/_default/security.toml': 'enableInlineShortcodes = true\n' })).enableInlineShortcodes, true);
      assert.equal((await load({ 'hugo.yaml': 'enableInlineShortcodes: true\n' })).enableInlineShortcodes, true);
      assert.equal((await load({ 'hugo.toml': 'title = "t"\n' })).enableInlineShortcodes, false);
    });

    it('warns that a file repeating its own name as a table nests it in Hugo 0.111', async () => {
      const c = await load({ 'config/_default/params.toml': lines('[params]', 'a = 1') });
      assert.deepEqual(c.params, { params: { a: 1 } });
      assert.deepEqual(problems(c), [
        'config/_default/params.toml hugo-config-value warning 0:1-0:7 This file already is `params`: the `params` table in it becomes `params.params` with Hugo 0.111 (Hugo 0.162 and later unwrap it). Write its keys without that table.',
      ]);
    });
  });

  describe('keys', () => {
    it('are case-insensitive, everywhere', async () => {
      const c = await load({
        'hugo.toml': lines(
          'ContentDir = "Docs"',
          'DefaultContentLanguage = "FR"',
          'BuildDrafts = true',
          'RefLinksErrorLevel = "warning"',
          '[Languages.FR]',
          'Weight = 1',
          'ContentDir = "Docs/FR"',
          'LanguageName = "Français"',
          '[Languages.En]',
          'WEIGHT = 2',
          '[PARAMS]',
          'MyKey = "v"',
        ),
        'Docs/x.md': '',
      });
      assert.equal(c.contentDir, 'Docs');
      assert.equal(c.defaultContentLanguage, 'fr');
      assert.equal(c.buildDrafts, true);
      assert.equal(c.refLinksErrorLevel, 'WARNING');
      assert.deepEqual(c.languages, [
        { code: 'fr', contentDir: 'Docs/FR', weight: 1, languageName: 'Français' },
        { code: 'en', contentDir: 'Docs', weight: 2 },
      ]);
      assert.deepEqual(c.params, { mykey: 'v' });
      assert.deepEqual(problems(c), []);
    });

    it('later files win key by key whatever the case', async () => {
      const c = await load({ 'hugo.toml': 'contentdir = "a"\n', 'config/_default/hugo.yaml': 'CONTENTDIR: b\n' });
      assert.equal(c.contentDir, 'b');
    });
  });

  describe('languages', () => {
    it('sorts by weight (0 last) then code, leaves out disabled languages, lower-cases codes', async () => {
      const c = await load({
        'hugo.toml': lines(
          'defaultContentLanguage = "it"',
          'title = "Site"',
          'languageCode = "en-US"',
          'disableLanguages = ["ES"]',
          '[languages.en]',
          '[languages.FR]',
          'title = "Site FR"',
          'languageCode = "fr-FR"',
          '[languages.de]',
          'weight = 2',
          'disabled = true',
          '[languages.it]',
          'weight = 1',
          '[languages.es]',
          'weight = 3',
        ),
      });
      assert.deepEqual(c.languages, [
        { code: 'it', contentDir: 'content', weight: 1, languageCode: 'en-US', title: 'Site' },
        { code: 'en', contentDir: 'content', weight: 0, languageCode: 'en-US', title: 'Site' },
        { code: 'fr', contentDir: 'content', weight: 0, languageCode: 'fr-FR', title: 'Site FR' },
      ]);
      assert.deepEqual(c.disabledLanguages, ['de', 'es']);
      assert.equal(c.defaultContentLanguage, 'it');
      // No contentDir anywhere: Hugo mounts `content` once, without language.
      assert.deepEqual(c.mounts, [{ source: 'content', target: 'content' }]);
      assert.deepEqual(c.problems, []);
    });

    it('mounts each language’s contentDir, default language first, disabled ones included (Hugo 0.111.3, checked)', async () => {
      const c = await load({
        'hugo.toml': lines(
          'defaultContentLanguage = "en"',
          '[languages.en]',
          'weight = 1',
          'contentDir = "content/en"',
          '[languages.FR]',
          'weight = 2',
          'contentDir = "content/fr/"',
          '[languages.de]',
          'weight = 3',
          'disabled = true',
        ),
      });
      assert.deepEqual(c.languages.map((l) => [l.code, l.contentDir]), [['en', 'content/en'], ['fr', 'content/fr']]);
      assert.deepEqual(c.disabledLanguages, ['de']);
      assert.deepEqual(c.mounts, [
        { source: 'content/en', target: 'content', lang: 'en' },
        { source: 'content/fr', target: 'content', lang: 'fr' },
        { source: 'content', target: 'content', lang: 'de' },
      ]);
    });

    it('skips a folder already mounted by an earlier language', async () => {
      const c = await load({ 'hugo.toml': lines('[languages.en]', 'weight = 1', '[languages.de]', 'weight = 2', '[languages.fr]', 'weight = 3', 'contentDir = "content/fr"') });
      assert.deepEqual(c.mounts, [
        { source: 'content', target: 'content', lang: 'en' },
        { source: 'content/fr', target: 'content', lang: 'fr' },
      ]);
    });

    it('mounts the site’s contentDir with the language of a monolingual site', async () => {
      const c = await load({ 'hugo.toml': 'contentDir = "./docs/"\ndefaultContentLanguage = "fr"\n' });
      assert.equal(c.contentDir, 'docs');
      assert.deepEqual(c.mounts, [{ source: 'docs', target: 'content', lang: 'fr' }]);
      assert.deepEqual(c.languages, [{ code: 'fr', contentDir: 'docs', weight: 0 }]);
    });

    it('reads current Hugo’s `locale` and `label` when `languageCode` and `languageName` are absent', async () => {
      const c = await load({ 'hugo.toml': lines('[languages.en]', 'locale = "en-GB"', 'label = "English"') });
      assert.deepEqual(c.languages, [{ code: 'en', contentDir: 'content', weight: 0, languageCode: 'en-GB', languageName: 'English' }]);
    });

    it('turns defaultContentLanguageInSubdir on for a multihost site', async () => {
      const c = await load({ 'hugo.toml': lines('[languages.en]', 'baseURL = "https://a.example"', '[languages.fr]', 'baseURL = "https://b.example"') });
      assert.equal(c.defaultContentLanguageInSubdir, true);
    });

    it('reports a default language that is not among the languages, and falls back', async () => {
      let c = await load({ 'hugo.toml': lines('defaultContentLanguage = "de"', '[languages.fr]', 'weight = 1', '[languages.en]', 'weight = 2') });
      assert.equal(c.defaultContentLanguage, 'en');
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-value error 0:25-0:29 `defaultContentLanguage` is "de", which is not one of the `languages`: Hugo stops with an error.',
      ]);
      c = await load({ 'hugo.toml': lines('[languages.fr]', 'weight = 1', '[languages.it]', 'weight = 2') });
      assert.equal(c.defaultContentLanguage, 'fr');
      assert.deepEqual(c.languages.map((l) => l.code), ['fr', 'it']);
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-value error 0:1-0:10 Without `defaultContentLanguage`, the default language is "en", which is not in `languages`: Hugo 0.111 stops with an error (recent versions take "fr").',
      ]);
    });

    it('reports a disabled default language: kept when in disableLanguages (Hugo 0.111 stops), left out when `disabled = true` (0.111 builds without it; checked)', async () => {
      let c = await load({ 'hugo.toml': lines('defaultContentLanguage = "fr"', 'disableLanguages = ["en", "fr"]', '[languages.fr]', '[languages.en]') });
      assert.deepEqual(c.languages.map((l) => l.code), ['fr']);
      assert.deepEqual(c.disabledLanguages, ['en']);
      assert.deepEqual(problems(c), ['hugo.toml hugo-config-value error 1:26-1:30 The default language "fr" cannot be disabled: Hugo stops with an error.']);
      c = await load({ 'hugo.toml': lines('defaultContentLanguage = "fr"', '[languages.fr]', 'disabled = true', '[languages.en]') });
      assert.equal(c.defaultContentLanguage, 'fr');
      assert.deepEqual(c.languages.map((l) => l.code), ['en']);
      assert.deepEqual(c.disabledLanguages, ['fr']);
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-value warning 2:11-2:15 The default language "fr" is disabled: Hugo 0.111 builds the site without it, recent versions stop with an error.',
      ]);
    });
  });

  describe('module mounts', () => {
    it('take over the content mounts when one targets content, with lang, includeFiles and excludeFiles', async () => {
      const c = await load({
        'docs/a.md': '',
        'content/b.md': '',
        'assets/x.css': '',
        'hugo.toml': lines(
          'defaultContentLanguage = "fr"',
          '[languages.fr]',
          'weight = 1',
          'contentDir = "contenu"',
          '[languages.en]',
          'weight = 2',
          // Hugo lower-cases `Module` but a second, differently cased `[[module.mounts]]` would be
          // another TOML key: one of the two would win at random. Keys inside a mount are free.
          '[[module.mounts]]',
          'Source = "docs"',
          'Target = "content/docs/"',
          'lang = "en"',
          'includeFiles = "*.md"',
          '[[module.mounts]]',
          'source = "./content"',
          'target = "content"',
          'ExcludeFiles = ["drafts/**", "x.md"]',
          '[[module.mounts]]',
          'source = "assets"',
          'target = "assets"',
          '[[module.mounts]]',
          'source = "content"',
          'target = "content"',
        ),
      });
      assert.deepEqual(c.mounts, [
        { source: 'docs', target: 'content/docs', lang: 'en', includeFiles: ['*.md'] },
        // The last mount repeats lang, source and target: dropped, as Hugo's filterUnwantedMounts does.
        { source: 'content', target: 'content', excludeFiles: ['drafts/**', 'x.md'] },
      ]);
      assert.deepEqual(c.problems, []);
    });

    it('drop a mount whose source does not exist (Hugo 0.111.3, checked): then the defaults apply', async () => {
      const c = await load({ 'hugo.toml': lines('contentDir = "docs"', '[[module.mounts]]', 'source = "nope"', 'target = "content"') });
      assert.deepEqual(c.mounts, [{ source: 'docs', target: 'content', lang: 'en' }]);
      assert.deepEqual(problems(c), ['hugo.toml hugo-config-value warning 2:9-2:15 The folder "nope" does not exist: Hugo ignores this mount.']);
    });

    it('leave the content defaults alone when none targets content', async () => {
      const c = await load({ 'static/x': '', 'hugo.yaml': lines('module:', '  mounts:', '    - source: static', '      target: static') });
      assert.deepEqual(c.mounts, [{ source: 'content', target: 'content' }]);
    });

    it('report an incomplete mount, a bad target and wrong types, where they are', async () => {
      const c = await load({
        'docs/a.md': '',
        'hugo.toml': lines(
          '[[module.mounts]]',
          'source = "docs"',
          '[[module.mounts]]',
          'source = "docs"',
          'target = "contenu"',
          '[[module.mounts]]',
          'source = "docs"',
          'target = "content"',
          'includeFiles = 3',
          'lang = true',
        ),
      });
      assert.deepEqual(c.mounts, [{ source: 'docs', target: 'content' }]);
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-value error 0:9-0:15 A mount needs both `source` and `target`: Hugo stops with an error.',
        'hugo.toml hugo-config-value error 4:9-4:18 The target "contenu" must start with archetypes, assets, content, data, i18n, layouts or static: Hugo stops with an error.',
        'hugo.toml hugo-config-value warning 8:15-8:16 `module.mounts[2].includeFiles` must be: a string or an array of strings. Value ignored.',
        'hugo.toml hugo-config-value warning 9:7-9:11 `module.mounts[2].lang` must be: a string. Value ignored.',
      ]);
    });
  });

  describe('refLinksErrorLevel', () => {
    it('is WARNING only for "warning" in any case; anything else is ERROR, reported when unknown', async () => {
      const level = async (v: string) => (await load({ 'hugo.toml': `refLinksErrorLevel = "${v}"\n` })).refLinksErrorLevel;
      assert.equal(await level('WARNING'), 'WARNING');
      assert.equal(await level('Warning'), 'WARNING');
      assert.equal(await level('error'), 'ERROR');
      const c = await load({ 'hugo.toml': 'refLinksErrorLevel = "warn"\n' });
      assert.equal(c.refLinksErrorLevel, 'ERROR');
      assert.deepEqual(problems(c), ['hugo.toml hugo-config-value warning 0:21-0:27 Unknown level "warn": Hugo expects ERROR or WARNING, and uses ERROR.']);
    });
  });

  describe('problems', () => {
    it('a broken TOML file: one problem where the parser stops, the file ignored, the others applied', async () => {
      const c = await load({
        'hugo.toml': lines('title = "T"', 'contentDir = "docs', 'buildDrafts = true'),
        'config/_default/params.toml': 'a = 1\n',
      });
      assert.equal(c.title, undefined);
      assert.equal(c.contentDir, 'content');
      assert.equal(c.buildDrafts, false);
      assert.deepEqual(c.params, { a: 1 });
      assert.equal(c.files.length, 2);
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-syntax error 1:0-1:18 TOML syntax error in the Hugo configuration: unfinished string. This file is not taken into account.',
      ]);
    });

    it('a broken YAML file', async () => {
      const c = await load({ 'hugo.yaml': lines('title: T', 'params:', '  a: [1, 2', 'contentDir: docs'), 'config/_default/hugo.toml': 'buildDrafts = true\n' });
      assert.equal(c.title, undefined);
      assert.equal(c.buildDrafts, true);
      assert.deepEqual(problems(c), [
        'hugo.yaml hugo-config-syntax error 3:0-3:16 YAML syntax error in the Hugo configuration: Flow sequence in block collection must be sufficiently indented and end with a ]. This file is not taken into account.',
      ]);
      const fr = await load({ 'hugo.yaml': lines('params:', '\ttitle: T') }, { lang: 'fr' });
      assert.deepEqual(problems(fr), [
        'hugo.yaml hugo-config-syntax error 1:0-1:9 Erreur de syntaxe YAML dans la configuration Hugo : tabulation utilisée pour indenter (mettez des espaces). Ce fichier n’est pas pris en compte.',
      ]);
      // Only the first document of a stream counts (yaml.v2).
      const stream = await load({ 'hugo.yaml': lines('title: T', '---', 'contentDir: docs') });
      assert.deepEqual([stream.title, stream.contentDir, stream.problems.length], ['T', 'content', 0]);
      // A repeated key is no error for Hugo 0.111 (yaml.v2; JSON too): the last one wins (checked).
      assert.equal((await load({ 'hugo.json': '{"title": "T", "title": "U"}' })).title, 'U');
      const twice = await load({ 'hugo.yaml': lines('title: T', 'title: U') });
      assert.equal(twice.title, 'U');
      assert.deepEqual(twice.problems, []);
    });

    it('a YAML or JSON file that is not a mapping', async () => {
      let c = await load({ 'hugo.yaml': lines('# config', '- a', '- b') });
      assert.deepEqual(problems(c), [
        'hugo.yaml hugo-config-syntax error 1:0-1:3 The YAML configuration must be a mapping of keys (`key: value`), not a list. This file is not taken into account.',
      ]);
      c = await load({ 'hugo.json': '"x"' });
      assert.deepEqual(problems(c), [
        'hugo.json hugo-config-syntax error 0:0-0:3 The JSON configuration must be a mapping of keys (`key: value`), not a single value. This file is not taken into account.',
      ]);
      c = await load({ 'hugo.yaml': '# nothing yet\n', 'hugo.json': 'null' });
      assert.deepEqual(c.problems, []);
    });

    it('a broken JSON file', async () => {
      const cases: [string, string][] = [
        ['{\n  "title": "T",\n  "contentDir": "docs",\n}\n', 'hugo.json hugo-config-syntax error 3:0-3:1 JSON syntax error in the Hugo configuration: expected a string key. This file is not taken into account.'],
        ['{\n  "title": "T"\n  "contentDir": "docs"\n}\n', 'hugo.json hugo-config-syntax error 2:2-2:22 JSON syntax error in the Hugo configuration: expected a comma or }. This file is not taken into account.'],
        ['{\n  "title": "T\n}\n', 'hugo.json hugo-config-syntax error 1:11-1:13 JSON syntax error in the Hugo configuration: unterminated string. This file is not taken into account.'],
        ['{\n  "title": "T",\n  "x": [1, 2\n', 'hugo.json hugo-config-syntax error 2:11-2:12 JSON syntax error in the Hugo configuration: unexpected end of input. This file is not taken into account.'],
        ['{ "a": 01 }', 'hugo.json hugo-config-syntax error 0:7-0:11 JSON syntax error in the Hugo configuration: invalid number. This file is not taken into account.'],
        ['{ "a": tru }', 'hugo.json hugo-config-syntax error 0:7-0:12 JSON syntax error in the Hugo configuration: unexpected character. This file is not taken into account.'],
        ['{ "a": "\\q" }', 'hugo.json hugo-config-syntax error 0:8-0:13 JSON syntax error in the Hugo configuration: invalid escape. This file is not taken into account.'],
        ['{} {}', 'hugo.json hugo-config-syntax error 0:3-0:5 JSON syntax error in the Hugo configuration: unexpected data after the value. This file is not taken into account.'],
        ['', 'hugo.json hugo-config-syntax error 0:0-0:0 JSON syntax error in the Hugo configuration: unexpected end of input. This file is not taken into account.'],
      ];
      for (const [text, expected] of cases) {
        const c = await load({ 'hugo.json': text });
        assert.deepEqual(problems(c), [expected], JSON.stringify(text));
        assert.equal(c.contentDir, 'content');
      }
      const ok = await load({ 'hugo.json': '{"a": {"b": [1, -2.5e3, true, false, null, "\\u00e9\\n"]}, "__proto__": {"x": 1}}' });
      assert.deepEqual(ok.problems, []);
      assert.equal(({} as Record<string, unknown>).x, undefined, 'no prototype pollution');
    });

    it('a value of the wrong type: reported where it is written, default used', async () => {
      let c = await load({ 'hugo.toml': lines('title = "T"', 'contentDir = 3', 'buildDrafts = "yes"', '[languages.fr]', 'weight = "un"') });
      assert.equal(c.contentDir, 'content');
      assert.equal(c.buildDrafts, false);
      assert.equal(c.languages[0].weight, 0);
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-value warning 1:13-1:14 `contentDir` must be: a string. Value ignored.',
        'hugo.toml hugo-config-value warning 2:14-2:19 `buildDrafts` must be: true or false. Value ignored.',
        'hugo.toml hugo-config-value error 3:1-3:10 Without `defaultContentLanguage`, the default language is "en", which is not in `languages`: Hugo 0.111 stops with an error (recent versions take "fr").',
        'hugo.toml hugo-config-value warning 4:9-4:13 `languages.fr.weight` must be: an integer. Value ignored.',
      ]);
      c = await load({ 'config/_default/languages.yaml': lines('fr:', '  contentDir: [a]'), 'config/_default/params.json': '[1]' }, { lang: 'fr' });
      assert.deepEqual(problems(c), [
        'config/_default/languages.yaml hugo-config-value error 0:0-0:0 Sans `defaultContentLanguage`, la langue par défaut est « en », absente de `languages` : Hugo 0.111 s’arrête sur une erreur (les versions récentes prennent « fr »).',
        'config/_default/languages.yaml hugo-config-value warning 1:14-1:17 `fr.contentDir` doit être : un texte. Valeur ignorée.',
        'config/_default/params.json hugo-config-syntax error 0:0-0:3 La configuration JSON doit être une table de clés (`clé: valeur`), pas une liste. Ce fichier n’est pas pris en compte.',
      ]);
      c = await load({ 'hugo.json': '{\n  "ContentDir": false,\n  "languages": {"fr": 3}\n}' });
      assert.deepEqual(problems(c), [
        'hugo.json hugo-config-value warning 1:16-1:21 `ContentDir` must be: a string. Value ignored.',
        'hugo.json hugo-config-value warning 2:22-2:23 `languages.fr` must be: a table. Value ignored.',
      ]);
    });

    it('reads YAML as YAML 1.1, as Hugo 0.111 does (yes/no/on/off/y/n are booleans, dates stay strings; checked)', async () => {
      const c = await load({ 'hugo.yaml': lines('buildDrafts: yes', 'buildFuture: on', 'buildExpired: no', 'params:', '  date: 2024-01-02', '  n: 010', '  y: 1') });
      assert.deepEqual([c.buildDrafts, c.buildFuture, c.buildExpired], [true, true, false]);
      // `hugo config` (0.111.3): params: map[date:2024-01-02 false:8 true:1]
      assert.deepEqual(c.params, { date: '2024-01-02', false: 8, true: 1 });
      assert.deepEqual(c.problems, []);
    });

    it('a file the host cannot read', async () => {
      const host = site({ 'hugo.toml': '' });
      const broken: SiteHost = { ...host, readFile: () => Promise.reject(new Error('EACCES')) };
      const c = await loadHugoConfig(broken, ROOT, { lang: 'en' });
      assert.deepEqual(
        c.problems.map((p) => brief(p.diagnostic)),
        ['hugo-config-syntax error 0:0-0:0 Cannot read the configuration file: EACCES.'],
      );
    });

    it('never throws, whatever the host does', async () => {
      const host: SiteHost = {
        readDirectory: () => Promise.reject(new Error('boom')),
        readFile: () => Promise.reject(new Error('boom')),
        stat: () => Promise.reject(new Error('boom')),
      };
      const c = await loadHugoConfig(host, ROOT);
      assert.equal(c.contentDir, 'content');
      assert.deepEqual(c.mounts, [{ source: 'content', target: 'content' }]);
    });
  });

  describe('BOM and CRLF', () => {
    it('reads a CRLF file, with ranges on the right lines', async () => {
      const c = await load({ 'hugo.toml': 'title = "T"\r\ncontentDir = 3\r\n[params]\r\na = 1\r\n' });
      assert.equal(c.title, 'T');
      assert.deepEqual(c.params, { a: 1 });
      assert.deepEqual(problems(c), ['hugo.toml hugo-config-value warning 1:13-1:14 `contentDir` must be: a string. Value ignored.']);
      const y = await load({ 'hugo.yaml': 'title: T\r\ncontentDir: 3\r\n' });
      assert.deepEqual(problems(y), ['hugo.yaml hugo-config-value warning 1:12-1:13 `contentDir` must be: a string. Value ignored.']);
      const j = await load({ 'hugo.json': '{\r\n"title": "T",\r\n"contentDir": 3\r\n}\r\n' });
      assert.deepEqual(problems(j), ['hugo.json hugo-config-value warning 2:14-2:15 `contentDir` must be: a string. Value ignored.']);
    });

    it('reads a TOML or JSON file with a BOM, and reports the BOM Hugo 0.111 refuses (not in YAML)', async () => {
      const c = await load({ 'hugo.toml': '\ufefftitle = "T"\r\ncontentDir = "docs"\r\n' });
      assert.equal(c.title, 'T');
      assert.equal(c.contentDir, 'docs');
      assert.deepEqual(problems(c), [
        'hugo.toml hugo-config-syntax error 0:0-0:11 This TOML file starts with a byte order mark (BOM): Hugo 0.111 refuses to read it. Save it as UTF-8 without BOM.',
      ]);
      const j = await load({ 'hugo.json': '\ufeff{"contentDir": "docs"}' });
      assert.equal(j.contentDir, 'docs');
      assert.equal(j.problems.length, 1);
      const y = await load({ 'hugo.yaml': '\ufefftitle: T\r\ncontentDir: docs\r\n' });
      assert.equal(y.contentDir, 'docs');
      assert.deepEqual(y.problems, []);
    });

    it('a syntax error after a BOM is located without it', async () => {
      const c = await load({ 'hugo.toml': '\ufefftitle = "T"\r\nx = = 1\r\n' });
      assert.deepEqual(problems(c).map((p) => p.split(' ').slice(0, 4).join(' ')), ['hugo.toml hugo-config-syntax error 0:0-0:11', 'hugo.toml hugo-config-syntax error 1:4-1:7']);
    });
  });

  describe('cleanPath', () => {
    it('cleans as Go’s filepath.Clean, with / only', () => {
      assert.equal(cleanPath('./content/'), 'content');
      assert.equal(cleanPath('content\\fr'), 'content/fr');
      assert.equal(cleanPath('a/../b'), 'b');
      assert.equal(cleanPath('../shared//x'), '../shared/x');
      assert.equal(cleanPath('/abs/./x/'), '/abs/x');
      assert.equal(cleanPath('/..'), '/');
      assert.equal(cleanPath('C:\\site\\docs'), 'C:/site/docs');
      assert.equal(cleanPath('.'), '.');
    });
  });
});
