import { strict as assert } from 'node:assert';
import { collectContentFiles } from '../../../src/core/site/contentFiles';
import { memoryHost } from './memoryHost';

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
