// A content mount's includeFiles/excludeFiles: the files Hugo reads (`hugo list all`) are the files
// MedGuide's site model reads, for every case of test/unit/site/hugoGlobCases.ts, and both are the
// pinned answer (so a Hugo that changed its rules fails here first).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeHost } from '../../src/cli/nodeHost';
import { openHugoSite } from '../../src/core/site';
import { FILES, MOUNT_GLOB_CASES } from '../unit/site/hugoGlobCases';
import { hugoBinary } from './site';

const toml = (list: readonly string[]) => `[${list.map((g) => JSON.stringify(g)).join(', ')}]`;

describe('Checked against Hugo: a mount\'s includeFiles/excludeFiles', function () {
  this.timeout(120_000);
  const hugo = hugoBinary();
  let tmp: string;

  before(function () {
    if (!hugo) throw new Error('hugo is not installed: run `node scripts/tools.mjs` (Debian package hugo 0.111.3)');
    tmp = mkdtempSync(join(tmpdir(), 'medguide-mount-globs-'));
  });
  after(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  MOUNT_GLOB_CASES.forEach((c, i) => {
    it(`include ${toml(c.includeFiles)} exclude ${toml(c.excludeFiles)}`, async () => {
      const dir = join(tmp, `site-${i}`);
      for (const f of FILES) {
        mkdirSync(dirname(join(dir, 'content', f)), { recursive: true });
        writeFileSync(join(dir, 'content', f), '---\ntitle: x\n---\n');
      }
      writeFileSync(
        join(dir, 'hugo.toml'),
        [
          'baseURL = "https://example.org/"',
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
          '[[module.mounts]]',
          'source = "content"',
          'target = "content"',
          `includeFiles = ${toml(c.includeFiles)}`,
          `excludeFiles = ${toml(c.excludeFiles)}`,
        ].join('\n'),
      );
      const r = spawnSync(hugo!, ['list', 'all'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const byHugo = r.stdout
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => `/${l.split(',')[0].replace(/^content\//, '')}`)
        .sort();
      const site = await openHugoSite(new NodeHost(), dir);
      const byMedGuide = (await site.files()).map((f) => `/${f.path}`).sort();
      assert.deepEqual(byHugo, [...c.read].sort(), 'Hugo reads what the case pins');
      assert.deepEqual(byMedGuide, byHugo, 'MedGuide reads what Hugo reads');
    });
  });
});
