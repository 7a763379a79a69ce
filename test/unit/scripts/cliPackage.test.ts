// The command line as its own npm package (packages/cli, published as medguide-cli): packed with
// `npm pack` (its prepack builds packages/cli/dist/cli.js and the libraries beside it for production), installed from the tarball
// into a temporary folder with no network (`--offline`: the package has no dependencies, everything is
// bundled), then run as a user would, `npx medguide-cli check` in a Hugo site.
import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const CLI_DIR = join(ROOT, 'packages/cli');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(NPM, args, {
    cwd,
    encoding: 'utf8',
    // Not the npm_* variables of an `npm test` around this run (its prefix, workspace, lifecycle).
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))), npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...env },
  });
}

describe('scripts: medguide-cli, packed and installed from its tarball', function () {
  this.timeout(180_000);
  let tmp: string;
  let tarball: string;
  let install: string;
  let site: string;
  const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    bin: Record<string, string>;
    dependencies?: object;
  };

  before(function () {
    tmp = mkdtempSync(join(tmpdir(), 'medguide-cli-pack-'));
    const cache = join(tmp, 'npm-cache');
    const packed = npm(['pack', '--json', '--pack-destination', tmp], CLI_DIR, { npm_config_cache: cache });
    assert.equal(packed.status, 0, packed.stderr);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = join(tmp, info.filename);
    // Only the program, its license notices and the package's own files.
    assert.deepEqual(info.files.map((f) => f.path).sort(), ['LICENSE', 'README.md', 'bin/medguide.js', 'dist/cli.js', 'dist/cli.js.LEGAL.txt', 'dist/fflate.js', 'dist/markdown-it.js', 'dist/yaml.js', 'package.json']);

    install = join(tmp, 'project');
    mkdirSync(install);
    writeFileSync(join(install, 'package.json'), JSON.stringify({ name: 'a-guide', private: true }));
    const installed = npm(['install', '--offline', '--no-package-lock', tarball], install, { npm_config_cache: cache });
    assert.equal(installed.status, 0, installed.stderr);

    site = join(install, 'site');
    const w = (rel: string, text: string) => {
      mkdirSync(dirname(join(site, rel)), { recursive: true });
      writeFileSync(join(site, rel), text);
    };
    w('hugo.toml', 'baseURL = "https://example.invalid/"\n');
    w('content/rec/hta.md', '+++\ntitle = "Hypertension"\ndate = "2024-01-02"\ntitel = "x"\n+++\n\nCorps.\n');
    w(
      'content/good.md',
      '+++\ntitle = "Téléconsultation"\ndescription = "Organiser une téléconsultation au cabinet : conditions, matériel et consentement."\nauteurs = ["Camille DURAND"]\ndate = "2023-03-14"\n+++\n\nCorps.\n',
    );
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('declares no runtime dependency and the bins medguide-cli and medguide', () => {
    assert.equal(manifest.name, 'medguide-cli');
    assert.equal(manifest.dependencies, undefined);
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['medguide', 'medguide-cli']);
    const installed = JSON.parse(readFileSync(join(install, 'node_modules/medguide-cli/package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, manifest.version);
  });

  it('npx medguide-cli check reports the faulty page of the site, with exit code 1', () => {
    const r = npm(['exec', '--offline', '--', 'medguide-cli', 'check', '--format', 'json', '--lang', 'en'], site);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as { file: string; line: number; code: string; severity: string }[];
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.code}`),
      ['content/rec/hta.md:1 error required', 'content/rec/hta.md:1 error required', 'content/rec/hta.md:4 warning unknown-key'],
    );
    assert.match(r.stderr, /^2 file\(s\) checked: 2 error\(s\), 1 warning\(s\), 0 information\(s\)\.\n$/);
  });

  it('npx medguide (the second bin) is the same program, and --version is the package version', () => {
    const ok = npm(['exec', '--offline', '--', 'medguide', 'check', 'content/good.md'], site);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    const v = npm(['exec', '--offline', '--', 'medguide-cli', '--version'], site);
    assert.equal(v.stdout, `${manifest.version}\n`);
  });
});
