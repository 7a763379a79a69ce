import { strict as assert } from 'node:assert';
import { findSiteRoot, joinPath, loadSiteConfig, parentDir, relativeTo, type ConfigFileAccess } from '../../../src/core/config';

/** An in-memory file system; `reads` records what was read. */
function fakeFs(files: Record<string, string>, failing: string[] = []): ConfigFileAccess & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    exists: (p) => {
      if (failing.includes(p)) throw new Error('EACCES');
      return Object.prototype.hasOwnProperty.call(files, p);
    },
    read: async (p) => {
      reads.push(p);
      if (!(p in files)) throw new Error(`ENOENT ${p}`);
      return files[p];
    },
  };
}

describe('config/find', () => {
  it('walks paths up to the root, POSIX and Windows', () => {
    assert.equal(parentDir('/site/content/x'), '/site/content');
    assert.equal(parentDir('/site/'), '/');
    assert.equal(parentDir('/'), undefined);
    assert.equal(parentDir('C:\\site\\content'), 'C:\\site');
    assert.equal(parentDir('C:\\site'), 'C:\\');
    assert.equal(parentDir('C:\\'), undefined);
    assert.equal(joinPath('/site', '.medguide.toml'), '/site/.medguide.toml');
    assert.equal(joinPath('C:\\site', 'hugo.toml'), 'C:\\site\\hugo.toml');
    assert.equal(joinPath('/', 'hugo.toml'), '/hugo.toml');
    assert.equal(relativeTo('/site', '/site/content/a.md'), 'content/a.md');
    assert.equal(relativeTo('C:\\site', 'C:\\site\\content\\a.md'), 'content/a.md');
    assert.equal(relativeTo('/site', '/other/a.md'), undefined);
    assert.equal(relativeTo('/site', '/site2/a.md'), undefined);
  });

  it('finds the nearest folder with .medguide.toml or a Hugo configuration', async () => {
    const fs = fakeFs({ '/w/site/hugo.toml': '', '/w/site/.medguide.toml': 'ignore = []', '/w/other/config.yaml': '' });
    assert.deepEqual(await findSiteRoot('/w/site/content/rec', fs), { root: '/w/site', configPath: '/w/site/.medguide.toml' });
    assert.deepEqual(await findSiteRoot('/w/other/content', fs), { root: '/w/other' });
    assert.equal(await findSiteRoot('/x/y', fs), undefined);
  });

  it('treats a failing exists as "no"', async () => {
    const fs = fakeFs({ '/w/hugo.toml': '' }, ['/w/site/.medguide.toml']);
    assert.deepEqual(await findSiteRoot('/w/site', fs), { root: '/w' });
  });

  it('loads and parses the configuration once found', async () => {
    const fs = fakeFs({ '/w/site/.medguide.toml': 'ignroe = []\n' });
    const loaded = await loadSiteConfig('/w/site/content', fs, 'en');
    assert.equal(loaded.root, '/w/site');
    assert.equal(loaded.configPath, '/w/site/.medguide.toml');
    assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['config-unknown-option']);
    assert.deepEqual(fs.reads, ['/w/site/.medguide.toml']);
    const none = await loadSiteConfig('/w/site/content', fakeFs({ '/w/site/hugo.toml': '' }));
    assert.deepEqual([none.root, none.configPath, none.diagnostics.length], ['/w/site', undefined, 0]);
  });

  it('uses the defaults when the file cannot be read', async () => {
    const fs: ConfigFileAccess = { exists: () => true, read: () => Promise.reject(new Error('EIO')) };
    const loaded = await loadSiteConfig('/w', fs);
    assert.equal(loaded.readError, 'EIO');
    assert.equal(loaded.config.sections.length, 0);
  });
});
