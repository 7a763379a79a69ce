// A content mount's includeFiles/excludeFiles: the files Hugo reads (`hugo list all`) are the files
// MedGuide's site model reads, for every case of test/unit/site/hugoGlobCases.ts, and both are the
// pinned answer (so a Hugo that changed its rules fails here first). The same for content mounts
// that overlap in the merged tree (test/unit/site/mountOverlapCases.ts), and the one case where
// MedGuide reads what newer Hugo reads, not 0.111 (pinned on both sides).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeHost } from '../../src/cli/nodeHost';
import { openHugoSite } from '../../src/core/site';
import { FILES, MOUNT_GLOB_CASES } from '../unit/site/hugoGlobCases';
import { MOUNT_NEAREST_ONLY_CASE, MOUNT_OVERLAP_CASES, type MountOverlapCase } from '../unit/site/mountOverlapCases';
import { hugoBinary } from './site';

const toml = (list: readonly string[]) => `[${list.map((g) => JSON.stringify(g)).join(', ')}]`;

describe('Checked against Hugo: a mount\'s includeFiles/excludeFiles, and overlapping mounts', function () {
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

  // Overlapping mounts with filters (test/unit/site/mountOverlapCases.ts).
  MOUNT_OVERLAP_CASES.forEach((c, i) => {
    it(`overlapping mounts: ${c.name}`, async () => {
      const dir = join(tmp, `overlap-${i}`);
      const { byHugo, byMedGuide } = await bothRead(dir, c.files, c.mounts, c.ignoreFiles);
      assert.deepEqual(byHugo, [...c.read], 'Hugo reads what the case pins');
      assert.deepEqual(byMedGuide, byHugo, 'MedGuide reads what Hugo reads');
    });
  });

  it('overlapping mounts: a folder below another mount’s target: Hugo 0.111 reads it through the nearest mount only, MedGuide as newer Hugo (a known difference)', async () => {
    const c = MOUNT_NEAREST_ONLY_CASE;
    const { byHugo, byMedGuide } = await bothRead(join(tmp, 'nearest-only'), c.files, c.mounts);
    assert.deepEqual(byHugo, [...c.readByHugo0111], 'Hugo 0.111 reads what the case pins (if this fails, Debian’s Hugo changed: drop the known difference)');
    assert.deepEqual(byMedGuide, [...c.readByMedGuide]);
  });

  /** Writes a site of `files` (pages) with these content mounts; what `hugo list all` and MedGuide's site model read, site-relative, sorted. */
  async function bothRead(dir: string, files: readonly string[], mounts: MountOverlapCase['mounts'], ignoreFiles: readonly string[] = []): Promise<{ byHugo: string[]; byMedGuide: string[] }> {
    for (const f of files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), '+++\ntitle = "x"\n+++\n');
    }
    const tables = mounts.map((m) =>
      [
        '[[module.mounts]]',
        `source = "${m.source}"`,
        `target = "${m.target}"`,
        ...(m.includeFiles ? [`includeFiles = ${toml(m.includeFiles)}`] : []),
        ...(m.excludeFiles ? [`excludeFiles = ${toml(m.excludeFiles)}`] : []),
      ].join('\n'),
    );
    const ignore = `ignoreFiles = ${toml(ignoreFiles)}`;
    writeFileSync(join(dir, 'hugo.toml'), ['baseURL = "https://example.org/"', 'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]', ignore, ...tables].join('\n'));
    const r = spawnSync(hugo!, ['list', 'all'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    // stdout: a header line, then one line per page (Hugo 0.111 may print a WARN line first).
    const lines = r.stdout.split('\n');
    const byHugo = lines
      .slice(lines.findIndex((l) => l.startsWith('path,')) + 1)
      .filter(Boolean)
      .map((l) => l.split(',')[0])
      .sort();
    const site = await openHugoSite(new NodeHost(), dir);
    return { byHugo, byMedGuide: (await site.files()).map((f) => f.pathFile).sort() };
  }
});
