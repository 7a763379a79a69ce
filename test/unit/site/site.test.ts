import { strict as assert } from 'node:assert';
import { SiteWorkspace, type HugoSite, type RefVerdict } from '../../../src/core/site';
import { checkPage } from '../../../src/core/check';
import { memoryHost } from './memoryHost';

// Each expectation below was checked against Debian's hugo 0.111.3 building the same files
// (refLinksErrorLevel = "WARNING"); the differential suite (test/differential) checks many more.

const NOW = () => new Date('2026-06-01T00:00:00Z');
const fm = (title: string, extra = '') => `+++\ntitle = "${title}"\n${extra}+++\n`;

async function open(files: Record<string, string>, page = '/s/content/x.md'): Promise<HugoSite> {
  const ws = new SiteWorkspace(memoryHost(files), { now: NOW, lang: 'en' });
  const site = await ws.siteFor(page);
  assert.ok(site, 'site found');
  return site;
}

/** A page's diagnostics as the editor and `medguide check` give them: `checkPage` with the site's context for it. */
async function checkIn(site: HugoSite, file: string, text: string) {
  const ctx = await site.checkContext(file, text);
  return checkPage(text, { lang: 'en', config: ctx.config, sitePath: ctx.sitePath, shortcodes: ctx.shortcodes, role: ctx.role });
}

/** The verdict in one short line: `found content-path [lang]`, `not-found [reason]`, `ambiguous a|b`. */
function brief(v: RefVerdict): string {
  if (v.kind === 'found') return `found ${v.path} ${v.lang}${v.anchor ? ` #${v.anchor}` : ''}${v.unrendered ? ' unrendered' : ''}`;
  if (v.kind === 'ambiguous') return `ambiguous ${v.candidates.join('|')}`;
  return `not-found${v.reason ? ` ${v.reason}` : ''}${v.detail ? ` ${v.detail}` : ''}`;
}

describe('site: the site root and the configuration', () => {
  it('takes a folder with config/_default/ as the root, not each folder on the way', async () => {
    const host = memoryHost({
      '/w/site/config/_default/hugo.toml': 'title = "T"\n',
      '/w/site/content/a/b/page.md': fm('P'),
    });
    const ws = new SiteWorkspace(host);
    assert.equal(await ws.rootFor('/w/site/content/a/b/page.md'), '/w/site');
  });

  it('falls back to the nearest .medguide.toml, then to the folder holding content/', async () => {
    const host = memoryHost({
      '/w/one/.medguide.toml': '',
      '/w/one/content/p.md': '',
      '/w/two/content/sub/p.md': '',
      '/w/loose/p.md': '',
    });
    const ws = new SiteWorkspace(host);
    assert.equal(await ws.rootFor('/w/one/content/p.md'), '/w/one');
    assert.equal(await ws.rootFor('/w/two/content/sub/p.md'), '/w/two');
    assert.equal(await ws.rootFor('/w/loose/p.md'), undefined);
  });
});

describe('site: pages and refs as Hugo resolves them', () => {
  it('reads translations by file name; a suffix that is no configured language stays in the name', async () => {
    const site = await open(
      {
        '/s/hugo.toml': 'defaultContentLanguage = "fr"\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n',
        '/s/content/guide/page.md': fm('FR'),
        '/s/content/guide/page.en.md': fm('EN'),
        '/s/content/guide/notes.de.md': fm('notes'),
        '/s/content/x.md': fm('X'),
        '/s/content/x.en.md': fm('X'),
      },
      '/s/content/x.md',
    );
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'guide/page' })), 'found guide/page.md fr');
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'guide/page' })), 'found guide/page.en.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'guide/page', lang: 'en' })), 'found guide/page.en.md en');
    // `notes.de` loses `.de` as an extension; `notes.de.md` keeps it as part of the name.
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'notes.de' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'notes.de.md' })), 'found guide/notes.de.md fr');
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'notes.de.md' })), 'not-found other-language fr');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'guide/page', lang: 'de' })), 'not-found no-language de');
  });

  it('reads each language from its own contentDir, configured in config/_default/', async () => {
    const site = await open(
      {
        '/s/config/_default/hugo.toml': 'defaultContentLanguage = "fr"\n',
        '/s/config/_default/languages.toml': '[fr]\ncontentDir = "content/fr"\nweight = 1\n[en]\ncontentDir = "content/en"\nweight = 2\n',
        '/s/content/fr/guide/a.md': fm('A'),
        '/s/content/en/guide/a.md': fm('A'),
        '/s/content/en/only.md': fm('O'),
      },
      '/s/content/fr/guide/a.md',
    );
    assert.equal(brief(await site.resolveRef('/s/content/fr/guide/a.md', { path: '/guide/a.md' })), 'found guide/a.md fr');
    assert.equal(brief(await site.resolveRef('/s/content/fr/guide/a.md', { path: 'only' })), 'not-found other-language en');
    const v = await site.resolveRef('/s/content/en/guide/a.md', { path: 'only' });
    assert.equal(v.kind === 'found' && v.file, '/s/content/en/only.md');
  });

  it('reads content mounted from outside the site folder under its target path, with clean file paths', async () => {
    const site = await open(
      {
        '/w/site/hugo.toml': '[[module.mounts]]\nsource = "content"\ntarget = "content"\n[[module.mounts]]\nsource = "../sdk/docs"\ntarget = "content/sdks/python"\n',
        '/w/site/content/x.md': fm('X'),
        '/w/sdk/docs/_index.md': fm('SDK'),
        '/w/sdk/docs/client.md': `${fm('Client')}## Usage\n`,
        '/w/sdk/hugo.toml': 'title = "The SDK\'s own site"\n',
      },
      '/w/site/content/x.md',
    );
    assert.deepEqual((await site.files()).map((f) => `${f.file} ${f.path}`), ['/w/site/content/x.md x.md', '/w/sdk/docs/_index.md sdks/python/_index.md', '/w/sdk/docs/client.md sdks/python/client.md']);
    assert.equal(brief(await site.resolveRef('/w/site/content/x.md', { path: 'python' })), 'found sdks/python/_index.md en');
    assert.equal(brief(await site.resolveRef('/w/sdk/docs/client.md', { path: '#usage' })), 'found sdks/python/client.md en #usage');
  });

  it('treats the other files of a leaf bundle as resources, and looks from the bundle folder', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/blog/post/index.md': fm('Post'),
      '/s/content/blog/post/snippet.md': 'Included text, no front matter.\n',
      '/s/content/blog/other.md': fm('Other'),
      '/s/content/x.md': fm('X'),
    });
    const files = await site.files();
    assert.deepEqual(
      files.map((f) => `${f.path} ${f.role}`),
      ['x.md page', 'blog/other.md page', 'blog/post/index.md page', 'blog/post/snippet.md resource'],
    );
    // From a leaf bundle's index, a relative ref starts at the bundle's parent folder.
    assert.equal(brief(await site.resolveRef('/s/content/blog/post/index.md', { path: 'other' })), 'found blog/other.md en');
    assert.equal(brief(await site.resolveRef('/s/content/blog/post/index.md', { path: './other.md' })), 'found blog/other.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'blog/post' })), 'found blog/post/index.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'snippet' })), 'not-found resource blog/post/index.md');
  });

  it('clamps .. at the content root, as Go path.Join does', async () => {
    const site = await open({ '/s/hugo.toml': '', '/s/content/a.md': fm('A'), '/s/content/x/y.md': fm('Y') });
    assert.equal(brief(await site.resolveRef('/s/content/x/y.md', { path: '../../../a.md' })), 'found a.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x/y.md', { path: '../a' })), 'found a.md en');
  });

  it('finds a bare name anywhere, ambiguous when two pages share it; not with a folder in it', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/a/doublon.md': fm('1'),
      '/s/content/b/doublon.md': fm('2'),
      '/s/content/a/unique.md': fm('3'),
      '/s/content/x.md': fm('X'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'doublon' })), 'ambiguous a/doublon.md|b/doublon.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'unique.md' })), 'found a/unique.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/unique' })), 'found a/unique.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'z/unique' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'A/Unique.MD#Sec' })), 'found a/unique.md en #Sec');
  });

  it('finds the path from the project root, content/ included (Hugo\'s mount key)', async () => {
    const site = await open({ '/s/hugo.toml': '', '/s/content/a/page.md': fm('P'), '/s/content/x.md': fm('X') });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/content/a/page.md' })), 'found a/page.md en');
  });

  it('does not find drafts, future and expired pages, and a draft section takes its pages with it', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/draft.md': fm('D', 'draft = true\n'),
      '/s/content/future.md': fm('F', 'date = 2099-01-01\n'),
      '/s/content/expired.md': fm('E', 'expiryDate = 2020-01-01\n'),
      '/s/content/sec/_index.md': fm('S', 'draft = true\n'),
      '/s/content/sec/inside.md': fm('I'),
      '/s/content/x.md': fm('X'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'draft' })), 'not-found draft draft.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'future.md' })), 'not-found future future.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'expired' })), 'not-found expired expired.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'sec/inside' })), 'not-found');
  });

  it('says why a ref is missing on a site where every page is built (no map of unbuilt pages)', async () => {
    const site = await open({
      '/s/hugo.toml': 'defaultContentLanguage = "fr"\n[languages.fr]\n[languages.en]\n',
      '/s/content/only.en.md': fm('Only in English'),
      '/s/content/bundle/index.md': fm('B'),
      '/s/content/bundle/part.md': fm('Part'),
      '/s/content/x.md': fm('X'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'only' })), 'not-found other-language en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'part' })), 'not-found resource bundle/index.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'absent' })), 'not-found');
    // A page built today but with an expiry date may be left out later: the ref to it is found now.
    const later = await open({ '/s/hugo.toml': '', '/s/content/later.md': fm('L', 'expiryDate = 2099-01-01\n'), '/s/content/x.md': fm('X') });
    assert.equal(brief(await later.resolveRef('/s/content/x.md', { path: 'later' })), 'found later.md en');
  });

  it('finds a headless bundle but says Hugo writes no page for it', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/shared/index.md': fm('Shared', 'headless = true\n'),
      '/s/content/shared/part.md': 'A part, no front matter.\n',
      '/s/content/x.md': fm('X'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'shared' })), 'found shared/index.md en unrendered');
  });

  it('knows the taxonomy terms the pages use: a bare name can be ambiguous with a term', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/guide/hta.md': fm('H'),
      '/s/content/x.md': fm('X', 'tags = ["HTA", "Médecine générale"]\n'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'hta' })), 'ambiguous guide/hta.md|tags/hta/');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'médecine-générale' })), 'found tags/médecine-générale/ en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/hta' })), 'found tags/hta/ en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'tags' })), 'found tags/ en');
  });

  it('builds nothing of a disabled language, whose code still names files (measured with Hugo 0.111.3)', async () => {
    const site = await open({
      '/s/hugo.toml': 'disableLanguages = ["es"]\n[languages.en]\nweight = 1\n[languages.es]\nweight = 2\n',
      '/s/content/a.es.md': fm('A'),
      '/s/content/b.md': fm('B'),
      '/s/content/x/index.es.md': fm('X'),
      '/s/content/y/index.es.md': fm('YES'),
      '/s/content/y/index.md': fm('Y'),
      '/s/content/z/_index.es.md': fm('Z'),
      '/s/content/z/p.md': fm('P'),
      '/s/content/q.ES.md': fm('Q'),
    });
    assert.deepEqual((await site.files()).map((f) => `${f.path} ${f.lang} ${f.role}`).sort(), ['b.md en page', 'q.ES.md en page', 'y/index.md en page', 'z/p.md en page']);
    assert.equal(brief(await site.resolveRef('/s/content/b.md', { path: 'a.es' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/b.md', { path: 'q.es' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/b.md', { path: 'q.ES.md' })), 'found q.ES.md en');
    assert.equal(brief(await site.resolveRef('/s/content/b.md', { path: 'x' })), 'not-found');
  });

  it('makes no term page of a term that only pages inside a section Hugo does not build use (a section there still counts)', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/blog/_index.md': fm('B', 'draft = true\ntags = ["Santé"]\n'),
      '/s/content/blog/2023/intro.md': fm('I', 'tags = ["Santé", "HTA"]\n'),
      '/s/content/blog/old/_index.md': fm('O', 'categories = ["Ça va?"]\n'),
      '/s/content/x.md': fm('X', 'tags = ["HTA"]\n'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/santé' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/hta' })), 'found tags/hta/ en');
    // Hugo 0.111 takes a built section's terms before it deletes the unbuilt section above it.
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'categories/ça-va?' })), 'found categories/ça-va/ en');
  });

  it('lower-cases terms and paths as Go does: İ is i, a final Σ is σ (JavaScript: i with a dot above, ς)', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/x.md': fm('X', 'tags = ["İstanbul", "ΟΔΟΣ"]\n'),
      '/s/content/İzmir.md': fm('I'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/istanbul' })), 'found tags/istanbul/ en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/İstanbul' })), 'found tags/istanbul/ en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/i\u0307stanbul' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/οδοσ' })), 'found tags/οδοσ/ en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/tags/οδος' })), 'not-found');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/izmir' })), 'found İzmir.md en');
  });

  it('tells a spelling Hugo 0.123+ reads (trailing slash, a nested section\'s .md) from one Hugo 0.111 finds', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/sec/_index.md': fm('S'),
      '/s/content/sec/page.md': fm('P'),
      '/s/content/a/sec/_index.md': fm('AS'),
      '/s/content/x.md': fm('X'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/sec/page/' })), 'not-found newer-hugo /sec/page');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/a/sec.md' })), 'not-found newer-hugo /a/sec');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/a//sec/' })), 'not-found newer-hugo /a/sec/');
    // Hugo 0.111 finds this one (the page under the longest section), and finds `/sec.md` by name: twice.
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/sec//page.md' })), 'found sec/page.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/sec.md' })), 'ambiguous a/sec/_index.md|sec/_index.md');
  });

  it('tells an explicit `_index.md` of a translated section, which only Hugo 0.123+ reads as the section', async () => {
    const site = await open({
      '/s/hugo.toml': 'defaultContentLanguage = "en"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
      '/s/content/cont/pages/_index.en.md': fm('P'),
      '/s/content/b/index.en.md': fm('B'),
      '/s/content/x.en.md': fm('X'),
    }, '/s/content/x.en.md');
    // Hugo 0.111.3: REF_NOT_FOUND for the first; the others found.
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'cont/pages/_index.md' })), 'not-found newer-hugo cont/pages');
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'cont/pages/_index.en.md' })), 'found cont/pages/_index.en.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'b/index.md' })), 'found b/index.en.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.en.md', { path: 'cont/pages' })), 'found cont/pages/_index.en.md en');
    // The check says so as information, with the spelling both read, the anchor kept.
    const text = `${fm('X')}[P]({{< relref "cont/pages/_index.md#part" >}})\n`;
    const found = (await checkIn(site, '/s/content/x.en.md', text)).filter((d) => d.code.startsWith('relref'));
    assert.deepEqual(
      found.map((d) => `${d.severity} ${d.code} ${d.message}`),
      ['information relref-hugo-version Hugo 0.123 and later read “cont/pages/_index.md#part” as “cont/pages#part”, Hugo 0.111 does not (REF_NOT_FOUND): write “cont/pages#part” for both.'],
    );
  });

  it('reads a file mounted on its own, under the target\'s name and language (Hugo 0.111.3 builds both)', async () => {
    const site = await open({
      '/s/hugo.toml': [
        'defaultContentLanguage = "en"', '[languages.en]', 'weight = 1', '[languages.fr]', 'weight = 2',
        '[[module.mounts]]', 'source = "content"', 'target = "content"',
        '[[module.mounts]]', 'source = "../EXTRA.md"', 'target = "content/project/extra.md"',
        '[[module.mounts]]', 'source = "../FRX.md"', 'target = "content/project/frx.fr.md"',
      ].join('\n'),
      '/s/content/x.md': fm('X'),
      '/EXTRA.md': `${fm('Extra')}## Part\n`,
      '/FRX.md': fm('Fr'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'project/extra#part' })), 'found project/extra.md en #part');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'extra' })), 'found project/extra.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'project/frx', lang: 'fr' })), 'found project/frx.fr.md fr');
    const pages = (await site.files()).filter((f) => f.role === 'page').map((f) => `${f.path} ${f.lang} ${f.file}`);
    assert.deepEqual(pages.sort(), ['project/extra.md en /EXTRA.md', 'project/frx.fr.md fr /FRX.md', 'x.md en /s/content/x.md']);
  });

  it('checks the output format a ref asks for against the site\'s outputs', async () => {
    const site = await open({ '/s/hugo.toml': '', '/s/content/x.md': fm('X'), '/s/content/sec/_index.md': fm('S') });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'x', outputFormat: 'HTML' })), 'found x.md en');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'x', outputFormat: 'json' })), 'not-found output-format json');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/sec', outputFormat: 'rss' })), 'found sec/_index.md en');
  });

  it('says a ref names a file of a bundle only when the file\'s folders end as the ref\'s do', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/x.md': fm('X'),
      '/s/content/guide/index.md': fm('Guide'),
      '/s/content/guide/notes.md': fm('Notes'),
      '/s/content/includes/index.md': fm('Includes', 'headless = true\n'),
      '/s/content/includes/ngf/index.md': '',
      '/s/content/nim/_index.md': fm('NIM'),
    });
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'notes.md' })), 'not-found resource guide/index.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: '/guide/notes.md' })), 'not-found resource guide/index.md');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'ngf/index.md' })), 'not-found resource includes/index.md');
    // Hugo 0.111: REF_NOT_FOUND. The bundle's `ngf/index.md` is another file: no "file of the bundle"
    // here, but the section `nim` that Hugo 0.123+ reads (nginx docs build such refs with refLinksErrorLevel = "ERROR").
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'nim/index.md' })), 'not-found newer-hugo nim');
    assert.equal(brief(await site.resolveRef('/s/content/x.md', { path: 'nim' })), 'found nim/_index.md en');
  });
});

describe('site: what the checks get from the model', () => {
  it('uses refLinksErrorLevel for the severity and says why a ref is broken', async () => {
    const files = {
      '/s/hugo.toml': 'refLinksErrorLevel = "WARNING"\n',
      '/s/content/draft.md': fm('D', 'draft = true\n'),
      '/s/content/x.md': `${fm('X')}Voir {{< relref "draft" >}} et {{< relref "absent" >}}.\n`,
    };
    const site = await open(files);
    const text = files['/s/content/x.md'];
    const rows = (await checkIn(site, '/s/content/x.md', text))
      .filter((d) => d.code.startsWith('relref'))
      .map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character} ${d.message}`);
    assert.deepEqual(rows, [
      'relref-not-found warning 3:17 “draft” names draft.md, which Hugo does not build (a draft: draft = true): Hugo will warn and publish a dead link (REF_NOT_FOUND; refLinksErrorLevel = "WARNING").',
      'relref-not-found warning 3:43 No page found for “absent”: Hugo will warn and publish a dead link (REF_NOT_FOUND; refLinksErrorLevel = "WARNING").',
    ]);
  });

  it('checks a bundle resource without front matter for patient identifiers and shortcodes only', async () => {
    const files = {
      '/s/hugo.toml': '',
      '/s/content/shared/index.md': fm('Shared', 'headless = true\n'),
      '/s/content/shared/part.md': 'A part {{< relref "nowhere" >}} {{% collapse "T" %}}\n',
    };
    const site = await open(files, '/s/content/shared/part.md');
    const text = files['/s/content/shared/part.md'];
    const ctx = await site.checkContext('/s/content/shared/part.md', text);
    assert.equal(ctx.role, 'resource');
    const codes = (await checkIn(site, '/s/content/shared/part.md', text)).map((d) => d.code);
    assert.deepEqual(codes, ['shortcode-unclosed']);
  });

  it('takes the shortcodes that must be closed from .medguide.toml and from templates that read .Inner', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/.medguide.toml': '[shortcodes]\npaired = ["encadre"]\n[shortcodes.alerts.attention]\ntype = "warning"\ntitleArgs = [0]\n',
      '/s/layouts/shortcodes/boite.html': '<div>{{ .Inner | markdownify }}</div>',
      '/s/layouts/shortcodes/image.html': '<img src="{{ .Get 0 }}">',
      '/s/content/x.md': fm('X'),
    });
    const sc = await site.shortcodes();
    for (const name of ['encadre', 'attention', 'boite', 'collapse', 'notice']) assert.ok(sc.paired.includes(name), name);
    assert.ok(!sc.paired.includes('image'));
    assert.deepEqual([...(sc.templates ?? [])].sort(), ['boite', 'image']);
    assert.deepEqual(sc.alerts.attention, { type: 'warning', titleArgs: [0] });
  });

  it('reads the shortcodes of themes and modules on disk, and checks no name when one is not there', async () => {
    const base = { '/s/layouts/shortcodes/boite.html': '{{ .Inner }}', '/s/content/x.md': fm('X') };
    const names = async (files: Record<string, string>) => {
      const t = (await (await open({ ...base, ...files })).shortcodes()).templates;
      return t ? [...t].sort() : undefined;
    };
    // A theme checked out under themes/, a module vendored under _vendor/ (`hugo mod vendor`).
    assert.deepEqual(await names({ '/s/hugo.toml': 'theme = "guide"\n', '/s/themes/guide/layouts/shortcodes/carte.html': '' }), ['boite', 'carte']);
    assert.deepEqual(
      await names({
        '/s/hugo.toml': '[[module.imports]]\npath = "github.com/exemple/theme"\n',
        '/s/_vendor/github.com/exemple/theme/layouts/_shortcodes/onglet.html': '',
      }),
      ['boite', 'onglet'],
    );
    // A theme not checked out, a module in Hugo's cache: its shortcodes cannot be listed.
    assert.equal(await names({ '/s/hugo.toml': 'theme = "absent"\n' }), undefined);
    assert.equal(await names({ '/s/config/_default/module.toml': '[[imports]]\npath = "github.com/exemple/theme"\n' }), undefined);
    // A disabled import is not one.
    assert.deepEqual(await names({ '/s/hugo.toml': '[[module.imports]]\npath = "github.com/exemple/theme"\ndisable = true\n' }), ['boite']);
  });

  it('reads the _shortcodes folders below a path of the layouts (Hugo 0.146+), the site\'s and its themes\'', async () => {
    const files = {
      '/s/hugo.toml': 'theme = "guide"\n',
      '/s/layouts/_shortcodes/note.html': '',
      // Hugo finds these for pages under /docs or of type "docs" (often set by cascade).
      '/s/layouts/docs/_shortcodes/cli-flags.html': '',
      '/s/layouts/docs/reference/_shortcodes/encadre.html': '{{ .Inner }}',
      '/s/themes/guide/layouts/blog/_shortcodes/carte.html': '',
      // Not shortcode folders: a partial's, an old name below a path.
      '/s/layouts/_partials/_shortcodes/pas-un.html': '',
      '/s/layouts/docs/shortcodes/pas-deux.html': '',
      '/s/content/2.19/reference/cli.md': `${fm('CLI')}{{< cli-flags >}}\n{{< carte >}}\n{{< pas-un >}}\n`,
    };
    const site = await open(files);
    const { templates, paired } = await site.shortcodes();
    assert.deepEqual([...(templates ?? [])].sort(), ['carte', 'cli-flags', 'encadre', 'note']);
    assert.ok(paired.includes('encadre'), 'a template reading .Inner takes a body');
    const file = '/s/content/2.19/reference/cli.md';
    const text = files[file];
    const unknown = (await checkIn(site, file, text)).filter((d) => d.code === 'shortcode-unknown');
    assert.deepEqual(unknown.map((d) => d.range.start.line), [5], 'only pas-un is unknown');
  });

  it('keeps each template file\'s spelling: a name in another case is one only Hugo 0.146+ finds', async () => {
    const files = {
      '/s/hugo.toml': 'theme = "guide"\n',
      '/s/layouts/shortcodes/myNote.html': '{{ .Inner }}',
      '/s/themes/guide/layouts/shortcodes/Carte.html': '',
      '/s/themes/guide/layouts/shortcodes/carte.fr.html': '',
      '/s/content/x.md': `${fm('X')}{{< mynote >}}a{{< /mynote >}}\n{{< myNote >}}b{{< /myNote >}}\n{{< CARTE >}} {{< carte >}} {{< Carte >}} {{< relRef "x" >}}\n`,
    };
    const site = await open(files);
    const { templates, spellings } = await site.shortcodes();
    assert.deepEqual([...(templates ?? [])].sort(), ['carte', 'mynote']);
    assert.deepEqual([...(spellings ?? [])].sort(), [['carte', ['Carte', 'carte']], ['mynote', ['myNote']]]);
    const found = (await checkIn(site, '/s/content/x.md', files['/s/content/x.md'])).filter((d) => d.code.startsWith('shortcode'));
    assert.deepEqual(
      found.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${String(d.data?.spelling)}`),
      ['3:4 shortcode-hugo-version myNote', '5:4 shortcode-hugo-version Carte', '5:46 shortcode-hugo-version relref'],
    );
  });

  // Checked with Hugo 0.111.3: a template that reads no .Inner takes no body ("note" alone builds),
  // and a closing tag for it stops the build ("does not evaluate .Inner or .InnerDeindent, yet a closing tag was provided").
  it('asks the site\'s template whether a shortcode takes a body, over MedGuide\'s defaults', async () => {
    const files = {
      '/s/hugo.toml': '',
      '/s/layouts/shortcodes/note.html': '<p class="note">{{ .Get 0 }}</p>',
      '/s/layouts/shortcodes/collapse.html': '<details>{{ .Inner }}</details>',
      '/s/content/x.md': `${fm('X')}{{< note "seul" >}}\n{{< note "fermé" >}}texte{{< /note >}}\n{{< collapse "Titre" >}}\n{{< figure src="a.png" />}} {{< note "b" / >}}\n`,
    };
    const site = await open(files);
    const { paired, standalone, alerts } = await site.shortcodes();
    assert.ok(!paired.includes('note') && paired.includes('collapse'));
    assert.ok(!('note' in alerts) && 'tip' in alerts, 'no alert box in the preview for a shortcode that takes no body');
    assert.deepEqual([...(standalone ?? [])].slice(0, 3), ['note', 'figure', 'gist'], 'the site\'s, then Hugo\'s own that take no body');
    assert.ok(!standalone?.has('highlight') && !standalone?.has('details'), 'highlight and details read .Inner');
    const found = (await checkIn(site, '/s/content/x.md', files['/s/content/x.md'])).filter((d) => d.code.startsWith('shortcode'));
    assert.deepEqual(
      found.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`),
      [
        '4:25 shortcode-unexpected-close “{{< /note >}}” closes “note”, whose template does not read .Inner: Hugo stops building the site (closing tag provided for a shortcode that takes no content). Remove the closing tag, or read .Inner in the template.',
        '5:0 shortcode-unclosed The shortcode “collapse” is never closed: add “{{< /collapse >}}” after its content.',
        '6:0 shortcode-unexpected-close “{{< figure src="a.png" />}}” closes itself, but the template of “figure” does not read .Inner: Hugo stops building the site (closing tag provided for a shortcode that takes no content). Remove the “/”.',
        '6:28 shortcode-unexpected-close “{{< note "b" / >}}” closes itself, but the template of “note” does not read .Inner: Hugo stops building the site (closing tag provided for a shortcode that takes no content). Remove the “/”.',
      ],
    );
    const selfClosed = found.filter((d) => d.range.start.line === 6).map((d) => JSON.stringify(d.data));
    assert.deepEqual(selfClosed, [
      '{"name":"figure","reason":"no-inner","edits":[{"range":{"start":{"line":6,"character":23},"end":{"line":6,"character":24}},"newText":""}]}',
      '{"name":"note","reason":"no-inner","edits":[{"range":{"start":{"line":6,"character":41},"end":{"line":6,"character":42}},"newText":""}]}',
    ]);
    // A theme that is not on disk could replace Hugo's figure with one that takes a body: not said then.
    const partial = await open({ ...files, '/s/hugo.toml': 'theme = "absent"\n' });
    const withTheme = (await checkIn(partial, '/s/content/x.md', files['/s/content/x.md'])).filter((d) => d.range.start.line === 6);
    assert.deepEqual(withTheme.map((d) => d.data?.name), ['note']);
  });

  it('gives every page the same shortcode answer until a template or the rules change', async () => {
    const files: Record<string, string> = { '/s/hugo.toml': '', '/s/layouts/shortcodes/boite.html': '{{ .Inner }}', '/s/content/x.md': fm('X') };
    const site = await open(files);
    const first = await site.shortcodes();
    assert.equal(await site.shortcodes(), first);
    const a = await site.checkContext('/s/content/x.md', files['/s/content/x.md']);
    const b = await site.checkContext('/s/content/x.md', files['/s/content/x.md']);
    assert.equal(a.shortcodes.paired, b.shortcodes.paired, 'one list for every page');
    assert.deepEqual((await site.checkContext('/s/content/x.md', '', { paired: ['extra'] })).shortcodes.paired, [...first.paired, 'extra']);
    // A new template that reads .Inner: a new answer.
    files['/s/layouts/shortcodes/encadre.html'] = '{{ .Inner }}';
    site.applyChange({ path: '/s/layouts/shortcodes/encadre.html', kind: 'created' });
    const second = await site.shortcodes();
    assert.notEqual(second, first);
    assert.ok(second.paired.includes('encadre') && !first.paired.includes('encadre'));
    // A new .medguide.toml naming a paired shortcode: a new answer again.
    files['/s/.medguide.toml'] = '[shortcodes]\npaired = ["cadre"]\n';
    site.applyChange({ path: '/s/.medguide.toml', kind: 'created' });
    assert.ok((await site.shortcodes()).paired.includes('cadre'));
  });
});

describe('site: a host that reads at once', () => {
  it('gives the same pages, states and facts without a promise per page, and reads each page once', async () => {
    const files: Record<string, string> = {
      '/s/hugo.toml': '',
      '/s/content/draft.md': fm('D', 'draft = true\n'),
      '/s/content/future.md': fm('F', 'date = 2099-01-01\n'),
      '/s/content/shared/index.md': fm('Shared', 'headless = true\n'),
      '/s/content/sec/_index.md': fm('S', 'tags = ["HTA"]\n'),
      '/s/content/sec/inside.md': fm('I', 'tags = ["Médecine générale"]\n'),
      '/s/content/unreadable.md': fm('U'),
      '/s/content/x.md': fm('X'),
    };
    const base = memoryHost(files);
    const now: string[] = [];
    const fast = {
      ...base,
      unchanging: true,
      readFile: () => Promise.reject(new Error('read at once only')),
      readFileNow: (p: string) => {
        now.push(p);
        if (p.endsWith('unreadable.md')) throw new Error('EACCES');
        return files[p];
      },
    };
    // The same host without readFileNow: every page read through the promise.
    const slow = { ...base, unchanging: true, readFile: async (p: string) => (p.endsWith('unreadable.md') ? Promise.reject(new Error('EACCES')) : files[p]) };
    const facts = async (host: typeof base) => {
      const site = (await new SiteWorkspace(host, { now: NOW, lang: 'en' }).siteFor('/s/content/x.md'))!;
      const targets = await site.refTargets();
      const refs = await Promise.all(['draft', 'future', 'shared', 'hta', 'médecine-générale', 'sec/inside', 'unreadable'].map(async (r) => brief(await site.resolveRef('/s/content/x.md', { path: r }))));
      const fms = await Promise.all(Object.keys(files).filter((f) => f.endsWith('.md')).map(async (f) => [f, (await site.frontMatter(f))?.title]));
      return { targets, refs, fms };
    };
    const expected = await facts(slow);
    assert.deepEqual(await facts(fast), expected);
    assert.deepEqual(expected.refs, ['not-found draft draft.md', 'not-found future future.md', 'found shared/index.md en unrendered', 'found tags/hta/ en', 'found tags/médecine-générale/ en', 'found sec/inside.md en', 'found unreadable.md en']);
    assert.deepEqual([...new Set(now)].sort(), Object.keys(files).filter((f) => f.endsWith('.md')).sort());
    assert.equal(now.filter((p) => !p.endsWith('unreadable.md')).length, 6, 'each readable page read once');
  });
});

describe('site: root sections Hugo drops', () => {
  it('drops a root section with no _index and nothing built below it, keeps one with a page or a section below', async () => {
    const site = await open({
      '/s/hugo.toml': '',
      '/s/content/a/draft.md': fm('D', 'draft = true\n'),
      '/s/content/b/p.md': fm('P'),
      '/s/content/c/d/p.md': fm('P'),
      '/s/content/e/__hb_x/p.md': fm('P'),
      '/s/content/f/_index.md': fm('F'),
      '/s/content/x.md': fm('X'),
    });
    const refs = ['/a', '/b', '/c', '/c/d/p', '/e', '/f'];
    const verdicts = await Promise.all(refs.map(async (r) => `${r}: ${brief(await site.resolveRef('/s/content/x.md', { path: r }))}`));
    assert.deepEqual(verdicts, ['/a: not-found', '/b: found b/ en', '/c: found c/ en', '/c/d/p: found c/d/p.md en', '/e: found e/ en', '/f: found f/_index.md en']);
  });
});
