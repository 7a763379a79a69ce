import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { health } from '../../../src/cli/health';
import type { CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { FIXTURE_DIR } from '../health/fixture';
import { runCli, type CliRun } from '../../support/runCli';

function run(args: string[], cwd: string, env?: Record<string, string>): Promise<CliRun> {
  return runCli(health, args, cwd, env);
}

describe('cli health', () => {
  let root: string;
  let site: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'medguide-health-'));
    site = path.join(root, 'sante');
    cpSync(FIXTURE_DIR, site, { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('prints the report as text: each kind of problem by section, file:line:column, then the freshness table', async () => {
    const r = await run(['--today', '2026-06-01'], site);
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    assert.equal(
      r.out,
      [
        'Guide health — Guide santé (fixture) · As of 2026-06-01',
        '18 page(s): 3 out of date, 3 unfinished, 6 not published, 2 with links to fix, 2 with sources to fix, 1 with patient data.',
        '',
        'Out of date: 3 page(s)',
        '  recommandations',
        '    content/recommandations/asthme.md:6:1 update-old Not updated since 2014-01-01 (12 year(s)): over 2 years.',
        '    content/recommandations/hta-2015.md:7:1 update-old Not updated since 2015-03-01 (11 year(s)): over 2 years.',
        '    content/recommandations/hta-2015.md:8:1 sources-old Sources from 2012: older than 5 years (14 years).',
        '    content/recommandations/vaccins.md:7:1 update-old Not updated since 2016-05-10 (10 year(s)): over 2 years.',
        '',
        'Unfinished: 3 page(s)',
        '  brouillons',
        '    content/brouillons/_index.md:4:1 draft Draft (`draft = true`): Hugo does not publish the page.',
        '  cabinet',
        '    content/cabinet/brouillon.md:7:1 draft Draft (`draft = true`): Hugo does not publish the page.',
        '    content/cabinet/brouillon.md:10:1 marker FIXME in the text: “FIXME : vérifier le matériel nécessaire.”',
        '    content/cabinet/brouillon.md:18:6 marker TODO in the text: “TODO: ajouter la liste des logiciels”',
        '  recommandations',
        '    content/recommandations/hta-2015.md:10:1 todo To do: “Relire les seuils tensionnels”',
        '',
        'Not published: 6 page(s)',
        '  brouillons',
        '    content/brouillons/idee.md:1:1 section-not-built Its section (brouillons/_index.md) is not published, so neither is the page.',
        '  cabinet',
        "    content/cabinet/annuaire.notes.md:1:1 excluded Left out by Hugo's configuration (`ignoreFiles`, mounts).",
        '    content/cabinet/perimee.md:7:1 expired Expired on 2020-01-01: taken off the site.',
        '    content/cabinet/extrait/index.md:6:1 headless `headless = true`: the page is not published on its own.',
        '    content/cabinet/cachee.md:8:1 not-rendered `_build.render = "never"`: Hugo writes no file for the page.',
        '    content/cabinet/a-venir.md:6:1 future To be published on 2099-01-01: not online yet.',
        '',
        'Links: 2 page(s)',
        '  cabinet',
        '    content/cabinet/isolee.md:1:1 orphan Orphan: no page links to it and no section lists it.',
        '    content/cabinet/liens.md:12:35 broken-ref Broken link to “cabinet/inexistante.md”: no such page.',
        '    content/cabinet/liens.md:13:35 broken-anchor The anchor “#ancre-absente” does not exist in cabinet/e-cps.md.',
        '    content/cabinet/liens.md:14:30 broken-ref Broken link to “brouillon.md”: the page is a draft.',
        '',
        'Sources: 2 page(s)',
        '  cabinet',
        '    content/cabinet/messagerie.md:7:1 source-after-lastmod Sources from 2020, after the last update (2019-06-01).',
        '  recommandations',
        '    content/recommandations/asthme.md:7:1 no-sources Recommendation page without `sources`.',
        '',
        'Patient data: 1 page(s)',
        '  cabinet',
        '    content/cabinet/messagerie.md:11:12 patient-identifier This number has the shape of a matricule INS with a valid key: a real patient identifier must never be published. Remove it; if it is a test identity, declare it in .medguide.toml, or add "patient-identifier" to medguide_ignore in the page’s front matter.',
        '    content/cabinet/messagerie.md:13:22 mssante-address Patient MSSanté address with only 13 characters: the 2-digit key is missing. The address is the full matricule INS (15 characters) followed by @patient.mssante.fr.',
        '',
        'Freshness of the sources per section (pages by years since annees)',
        '  Section          0–2 years  3–5 years  6–10 years  over 10 years  no annees',
        '  brouillons               0          0           0              0          1',
        '  cabinet                  1          1           1              0          6',
        '  recommandations          0          0           0              1          2',
        '',
      ].join('\n'),
    );
  });

  it('speaks French by the locale or --lang, and finds the site from a folder below it or a path given', async () => {
    const below = await run(['--today', '2026-06-01'], path.join(site, 'content', 'cabinet'), { LANG: 'fr_FR.UTF-8' });
    assert.equal(below.code, 0);
    assert.match(below.out, /^Santé du guide — Guide santé \(fixture\) · Au 2026-06-01\n18 page\(s\) : 3 à mettre à jour, 3 inachevée\(s\)/);
    assert.match(below.out, /\n {4}\.\.\/recommandations\/hta-2015\.md:8:1 sources-old Sources de 2012 : plus de 5 ans \(14 ans\)\.\n/);
    const given = await run(['sante', '--today=2026-06-01', '--lang', 'fr'], root);
    assert.match(given.out, /\n {4}sante\/content\/recommandations\/vaccins\.md:7:1 update-old Pas de mise à jour depuis le 2016-05-10 \(10 an\(s\)\) : plus de 2 ans\.\n/);
  });

  it('--format json: the report as data, lines from 1', async () => {
    const r = await run(['--today', '2026-06-01', '--format', 'json'], site);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out) as { site: string; today: string; totals: Record<string, number>; pages: { file: string; problems: { kind: string; line: number }[] }[] };
    assert.equal(json.site, '.');
    assert.equal(json.today, '2026-06-01');
    assert.deepEqual(json.totals, { pages: 18, outdated: 3, unfinished: 3, unpublished: 6, links: 2, sources: 2, patient: 1 });
    const vaccins = json.pages.find((p) => p.file === 'content/recommandations/vaccins.md')!;
    assert.deepEqual(vaccins.problems.map((p) => `${p.kind}@${p.line}`), ['update-old@7']);
  });

  it('--format html: one standalone file, no script, nothing fetched', async () => {
    const r = await run(['--today', '2026-06-01', '--format', 'html', '--lang', 'fr'], site);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<!DOCTYPE html>\n<html lang="fr">/);
    assert.match(r.out, /content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;"/);
    assert.doesNotMatch(r.out, /<script|<link|<img|<iframe|https?:\/\//i);
    assert.match(r.out, /<h1>Santé du guide — Guide santé \(fixture\)<\/h1>/);
    assert.match(r.out, /<\/html>\n$/);
  });

  it('--fail-on sets the exit code, says why on stderr, and takes several values', async () => {
    const stale = await run(['--today', '2026-06-01', '--fail-on', 'stale'], site);
    assert.equal(stale.code, 1);
    assert.equal(stale.err, 'medguide health: pages out of date (3 page(s)).\n');
    const all = await run(['--today', '2026-06-01', '--fail-on=todo,broken', '--fail-on', 'patient'], site);
    assert.equal(all.code, 1);
    assert.equal(all.err, ['medguide health: unfinished pages (3 page(s)).', 'medguide health: broken links (1 page(s)).', 'medguide health: patient data (1 page(s)).', ''].join('\n'));
    // Years earlier nothing was out of date yet.
    const early = await run(['--today', '2016-06-01', '--fail-on', 'stale'], site);
    assert.equal(early.code, 1, early.err);
    assert.equal(early.err, 'medguide health: pages out of date (1 page(s)).\n');
    const none = await run(['--today', '2014-06-01', '--fail-on', 'stale'], site);
    assert.equal(none.code, 0, none.err);
  });

  it('refuses bad arguments with exit code 2 and the usage', async () => {
    for (const args of [['--fail-on', 'old'], ['--today', '2026-02-30'], ['--format', 'xml'], ['--frobnicate'], ['a', 'b'], ['--today']]) {
      const r = await run(args, site);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.out, '');
    }
    assert.match((await run(['--fail-on', 'old'], site)).err, /^Invalid value for --fail-on: old\n\nUsage: medguide health/);
    // A name of Object's own (`constructor`, `toString`) is no condition either.
    for (const v of ['constructor', 'toString', '__proto__']) {
      const r = await run(['--fail-on', v], site);
      assert.equal(r.code, 2, v);
      assert.match(r.err, new RegExp(`^Invalid value for --fail-on: ${v}\n`), v);
    }
    const nowhere = await run([], root);
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.err, /^No Hugo site found around \./);
  });

  it('stops with exit code 2 on an error in .medguide.toml, located in it', async () => {
    const broken = path.join(root, 'casse');
    cpSync(FIXTURE_DIR, broken, { recursive: true });
    writeFileSync(path.join(broken, '.medguide.toml'), '[health]\nmaxSourceAge = "cinq"\n');
    const r = await run(['--today', '2026-06-01'], broken);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, '.medguide.toml:2:16 error config-type `health.maxSourceAge` must be: a non-negative integer. Option ignored.\n');
  });

  it('is listed by medguide --help', async () => {
    let out = '';
    const io: CliIo = { cwd: site, env: { LANG: 'en_US.UTF-8' }, stdinIsTTY: false, readStdin: async () => '', stdout: (t) => (out += t), stderr: (t) => (out += t) };
    assert.equal(await main(['--help'], io), 0);
    assert.match(out, /\n {2}health {5}guide health: pages out of date, unfinished, not published, broken links \(text, json, html\)\n/);
  });

  it('medguide constructor (or toString): an unknown command with the usage, not a crash', async () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      let err = '';
      const io: CliIo = { cwd: site, env: { LANG: 'en_US.UTF-8' }, stdinIsTTY: false, readStdin: async () => '', stdout: () => undefined, stderr: (t) => (err += t) };
      assert.equal(await main([name], io), 2, name);
      assert.match(err, new RegExp(`^Unknown command: ${name}\n\nUsage: medguide`), name);
    }
  });
});
