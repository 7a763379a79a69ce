import { strict as assert } from 'node:assert';
import { collectContentFiles } from '../../../src/core/site/contentFiles';
import { openHugoSite } from '../../../src/core/site';
import { memoryHost } from './memoryHost';
import { MOUNT_NEAREST_ONLY_CASE, MOUNT_OVERLAP_CASES, type MountOverlapCase } from './mountOverlapCases';

describe('site: content files', () => {
  it('lists, classifies and merges the files of every mount in walk order, `.html` files read first for their first character', async () => {
    const host = memoryHost({
      '/s/content/_index.md': '',
      '/s/content/page.html': '  <p>plain html</p>',
      '/s/content/other.html': '---\ntitle: x\n---\n',
      '/s/content/bom.htm': '\uFEFF<div></div>',
      '/s/content/.hidden.md': '',
      '/s/content/skip~': '',
      '/s/content/drop-me.md': '',
      '/s/content/a/index.md': '',
      '/s/content/a/index.fr.md': '',
      '/s/content/a/data.json': '{}',
      '/s/content/a/frag.html': '<b>x</b>',
      '/s/content/a/sub/deep.md': '',
      '/s/content/a/sub/z.html': 'z',
      '/s/content/b/_index.md': '',
      '/s/content/b/index.md': '',
      '/s/content/b/p.fr.md': '',
      '/s/content/b/x.html': 'text',
      '/s/content/b/c/q.md': '',
      '/s/more/b/extra.md': '',
      '/s/more/b/p.fr.md': '',
      '/s/more/b/y.html': '<i>y</i>',
      '/s/more/b/notes.txt': '',
    });
    const files = await collectContentFiles(host, {
      root: '/s',
      mounts: [
        { source: 'content', target: 'content' },
        { source: 'more', target: 'content', lang: 'fr' },
      ],
      languages: new Set(['en', 'fr']),
      defaultLanguage: 'en',
      ignoreFiles: [/drop-me/],
      mountFilter: (mount, path) => mount.source !== 'more' || !path.endsWith('.txt'),
    });
    // Checked against the walk before it was split (one async loop reading each `.html` file in turn).
    assert.deepEqual(
      files.map((f) => `${f.path} ${f.lang} ${f.role} ${f.classifier}${f.bundle ? ` ${f.bundle}` : ''}`),
      [
        '_index.md en section branch',
        'bom.htm en resource file',
        'other.html en page content',
        'page.html en resource file',
        'a/index.fr.md fr page leaf',
        'a/index.md en page leaf',
        'a/data.json en resource file /s/content/a/index.md',
        'a/frag.html en resource file /s/content/a/index.md',
        'a/sub/deep.md en resource content /s/content/a/index.md',
        'a/sub/z.html en resource content /s/content/a/index.md',
        'b/_index.md en section branch',
        'b/extra.md fr page content',
        'b/index.md en page content',
        'b/p.fr.md fr page content',
        'b/x.html en page content',
        'b/y.html fr resource file',
        'b/c/q.md en page content',
      ],
    );
  });
});

describe('site: content files in the order Hugo walks them', () => {
  const list = async (files: Record<string, string>, mounts = [{ source: 'content', target: 'content' }], languages = ['en', 'fr']) =>
    (
      await collectContentFiles(memoryHost(files), {
        root: '/s',
        mounts,
        languages: new Set(languages),
        defaultLanguage: languages[0],
        ignoreFiles: [],
      })
    ).map((f) => `${f.path} ${f.lang} ${f.role} ${f.classifier}${f.bundle ? ` ${f.bundle}` : ''}`);

  it('heads a leaf bundle with its first index file of a language, the others are resources (Hugo issue 6208)', async () => {
    assert.deepEqual(
      await list({
        // `de` is no language here: index.de.md is English and sorts before index.md.
        '/s/content/a/index.md': '',
        '/s/content/a/index.de.md': '',
        // `zh-Hans` is not `zh-hans` for Hugo 0.111: English, after index.md.
        '/s/content/b/index.md': '',
        '/s/content/b/index.zh-Hans.md': '',
        // A file named in its mount's language (the default one here) comes before the others.
        '/s/content/c/index.de.md': '',
        '/s/content/c/index.en.md': '',
        '/s/content/c/index.fr.md': '',
      }),
      [
        'a/index.de.md en page leaf',
        'a/index.md en resource content /s/content/a/index.de.md',
        'b/index.md en page leaf',
        'b/index.zh-Hans.md en resource content /s/content/b/index.md',
        'c/index.en.md en page leaf',
        'c/index.fr.md fr page leaf',
        'c/index.de.md en resource content /s/content/c/index.en.md',
      ],
    );
  });

  it('gives a section one index per language, another `_index.*` of it is a resource of the section', async () => {
    assert.deepEqual(
      await list({ '/s/content/s/_index.md': '', '/s/content/s/_index.zz.md': '', '/s/content/s/_index.fr.md': '', '/s/content/s/p.md': '' }),
      ['s/_index.fr.md fr section branch', 's/_index.md en section branch', 's/_index.zz.md en resource content /s/content/s/_index.md', 's/p.md en page content'],
    );
  });

  it('keeps the file of the earlier mount when two mounts give one language the same name', async () => {
    assert.deepEqual(
      await list({ '/s/content/x.md': 'first', '/s/more/x.en.md': 'second', '/s/more/y.en.md': '' }, [
        { source: 'content', target: 'content' },
        { source: 'more', target: 'content' },
      ]),
      ['x.md en page content', 'y.en.md en page content'],
    );
  });

  describe('overlapping mounts with filters, as Hugo 0.111.3 reads them (mountOverlapCases.ts)', () => {
    /** What the site model reads of a site of `files` (pages) with these content mounts, site-relative, sorted. */
    async function modelReads(files: readonly string[], mounts: MountOverlapCase['mounts'], ignoreFiles: readonly string[] = []): Promise<string[]> {
      const host: Record<string, string> = {
        '/s/hugo.toml': `baseURL = "https://example.org/"\nignoreFiles = ${JSON.stringify(ignoreFiles)}\n${mounts
          .map((m) => `[[module.mounts]]\nsource = "${m.source}"\ntarget = "${m.target}"\n${m.includeFiles ? `includeFiles = ${JSON.stringify(m.includeFiles)}\n` : ''}${m.excludeFiles ? `excludeFiles = ${JSON.stringify(m.excludeFiles)}\n` : ''}`)
          .join('')}`,
      };
      for (const f of files) host[`/s/${f}`] = '+++\ntitle = "x"\n+++\n';
      const site = await openHugoSite(memoryHost(host), '/s');
      return (await site.files()).map((f) => f.pathFile).sort();
    }
    for (const c of MOUNT_OVERLAP_CASES) {
      it(c.name, async () => {
        assert.deepEqual(await modelReads(c.files, c.mounts, c.ignoreFiles), [...c.read]);
      });
    }
    it('reads a folder below another mount’s target through every mount above, as newer Hugo does (0.111: the nearest only)', async () => {
      assert.deepEqual(await modelReads(MOUNT_NEAREST_ONLY_CASE.files, MOUNT_NEAREST_ONLY_CASE.mounts), [...MOUNT_NEAREST_ONLY_CASE.readByMedGuide]);
    });
  });
});
