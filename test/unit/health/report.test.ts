import { strict as assert } from 'node:assert';
import {
  HealthCache,
  HealthCancelled,
  healthDocument,
  reportJson,
  siteHealth,
  snippet,
  sourcesYearOf,
  type HealthReport,
  type PageHealth,
} from '../../../src/core/health';
import type { SiteHost } from '../../../src/core/site/host';
import { memoryHost } from '../site/memoryHost';
import { fixtureFiles, openSite, TODAY } from './fixture';

/** One report row in a line: the page, what it is, its dates, whether Hugo publishes it, who links to it, and its problems at their lines (1-based). */
function row(p: PageHealth): string {
  const problems = p.problems.map((x) => `${x.kind}@${x.line + 1}:${x.column + 1}`).join(' ');
  return `${p.path} ${p.role} ${p.section || '-'} annees=${p.sourcesYear ?? '-'} lastmod=${p.lastmod ?? '-'} age=${p.updateAge ?? '-'} ${p.published ? 'published' : 'unpublished'} in=${p.backlinks.join('|') || '-'}: ${problems}`;
}

async function report(files = fixtureFiles(), options: { today?: Date; lang?: 'fr' | 'en' } = {}): Promise<HealthReport> {
  const site = await openSite(files, options);
  return siteHealth(site, { lang: options.lang ?? 'en', today: options.today ?? TODAY });
}

describe('health: the report of the fixture site (test/fixtures/workspace/sites/sante)', () => {
  it('gives each page its dates, its links in and its problems at their lines, oldest first in each section', async () => {
    const r = await report();
    assert.deepEqual(r.pages.map(row), [
      '_index.md section - annees=- lastmod=- age=- published in=-: ',
      'brouillons/_index.md section brouillons annees=- lastmod=- age=- unpublished in=-: draft@4:1',
      'brouillons/idee.md page brouillons annees=- lastmod=2024-02-01 age=851 unpublished in=-: section-not-built@1:1',
      'cabinet/_index.md section cabinet annees=- lastmod=- age=- published in=-: ',
      'cabinet/annuaire.notes.md page cabinet annees=- lastmod=- age=- unpublished in=-: excluded@1:1',
      'cabinet/messagerie.md page cabinet annees=2020 lastmod=2019-06-01 age=2557 published in=-: source-after-lastmod@7:1 patient-identifier@11:12 mssante-address@13:22',
      'cabinet/perimee.md page cabinet annees=- lastmod=2019-10-01 age=2435 unpublished in=-: expired@7:1',
      'cabinet/extrait/index.md page cabinet annees=- lastmod=2024-01-10 age=873 unpublished in=-: headless@6:1',
      'cabinet/cachee.md page cabinet annees=- lastmod=2024-03-01 age=822 unpublished in=-: not-rendered@8:1',
      'cabinet/isolee.md page cabinet annees=- lastmod=2024-03-01 age=822 published in=-: orphan@1:1',
      'cabinet/e-cps.md page cabinet annees=2023 lastmod=2024-05-02 age=760 published in=cabinet/liens.md|recommandations/hta-2015.md: ',
      'cabinet/liens.md page cabinet annees=2024 lastmod=2024-06-01 age=730 published in=-: broken-ref@12:35 broken-anchor@13:35 broken-ref@14:30',
      'cabinet/brouillon.md page cabinet annees=- lastmod=2024-09-01 age=638 unpublished in=-: draft@7:1 marker@10:1 marker@18:6',
      'cabinet/a-venir.md page cabinet annees=- lastmod=2099-01-01 age=-26512 unpublished in=-: future@6:1',
      'recommandations/_index.md section recommandations annees=- lastmod=- age=- published in=-: ',
      'recommandations/asthme.md page recommandations annees=- lastmod=2014-01-01 age=4534 published in=-: update-old@6:1 no-sources@7:1',
      'recommandations/hta-2015.md page recommandations annees=2012 lastmod=2015-03-01 age=4110 published in=-: update-old@7:1 sources-old@8:1 todo@10:1',
      'recommandations/vaccins.md page recommandations annees=- lastmod=2016-05-10 age=3674 published in=cabinet/liens.md: update-old@7:1',
    ]);
  });

  it('says what is wrong in words, in English and in French', async () => {
    const r = await report();
    const messages = r.pages.flatMap((p) => p.problems.map((x) => [p.path, x.kind, x.message]));
    assert.deepEqual(messages, [
      ['brouillons/_index.md', 'draft', 'Draft (`draft = true`): Hugo does not publish the page.'],
      ['brouillons/idee.md', 'section-not-built', 'Its section (brouillons/_index.md) is not published, so neither is the page.'],
      ['cabinet/annuaire.notes.md', 'excluded', "Left out by Hugo's configuration (`ignoreFiles`, mounts)."],
      ['cabinet/messagerie.md', 'source-after-lastmod', 'Sources from 2020, after the last update (2019-06-01).'],
      [
        'cabinet/messagerie.md',
        'patient-identifier',
        'This number has the shape of a matricule INS with a valid key: a real patient identifier must never be published. Remove it; if it is a test identity, declare it in .medguide.toml, or add "patient-identifier" to medguide_ignore in the page’s front matter.',
      ],
      [
        'cabinet/messagerie.md',
        'mssante-address',
        'Patient MSSanté address with only 13 characters: the 2-digit key is missing. The address is the full matricule INS (15 characters) followed by @patient.mssante.fr.',
      ],
      ['cabinet/perimee.md', 'expired', 'Expired on 2020-01-01: taken off the site.'],
      ['cabinet/extrait/index.md', 'headless', '`headless = true`: the page is not published on its own.'],
      ['cabinet/cachee.md', 'not-rendered', '`_build.render = "never"`: Hugo writes no file for the page.'],
      ['cabinet/isolee.md', 'orphan', 'Orphan: no page links to it and no section lists it.'],
      ['cabinet/liens.md', 'broken-ref', 'Broken link to “cabinet/inexistante.md”: no such page.'],
      ['cabinet/liens.md', 'broken-anchor', 'The anchor “#ancre-absente” does not exist in cabinet/e-cps.md.'],
      ['cabinet/liens.md', 'broken-ref', 'Broken link to “brouillon.md”: the page is a draft.'],
      ['cabinet/brouillon.md', 'draft', 'Draft (`draft = true`): Hugo does not publish the page.'],
      ['cabinet/brouillon.md', 'marker', 'FIXME in the text: “FIXME : vérifier le matériel nécessaire.”'],
      ['cabinet/brouillon.md', 'marker', 'TODO in the text: “TODO: ajouter la liste des logiciels”'],
      ['cabinet/a-venir.md', 'future', 'To be published on 2099-01-01: not online yet.'],
      ['recommandations/asthme.md', 'update-old', 'Not updated since 2014-01-01 (12 year(s)): over 2 years.'],
      ['recommandations/asthme.md', 'no-sources', 'Recommendation page without `sources`.'],
      ['recommandations/hta-2015.md', 'update-old', 'Not updated since 2015-03-01 (11 year(s)): over 2 years.'],
      ['recommandations/hta-2015.md', 'sources-old', 'Sources from 2012: older than 5 years (14 years).'],
      ['recommandations/hta-2015.md', 'todo', 'To do: “Relire les seuils tensionnels”'],
      ['recommandations/vaccins.md', 'update-old', 'Not updated since 2016-05-10 (10 year(s)): over 2 years.'],
    ]);
    const fr = await report(fixtureFiles(), { lang: 'fr' });
    const hta = fr.pages.find((p) => p.path === 'recommandations/hta-2015.md')!;
    assert.deepEqual(
      hta.problems.map((x) => x.message),
      ['Pas de mise à jour depuis le 2015-03-01 (11 an(s)) : plus de 2 ans.', 'Sources de 2012 : plus de 5 ans (14 ans).', 'À faire : « Relire les seuils tensionnels »'],
    );
    assert.equal(fr.pages.find((p) => p.path === 'cabinet/liens.md')!.problems[2].message, 'Lien cassé vers « brouillon.md » : la page est un brouillon.');
  });

  it('sums each section: pages, pages per kind of problem, and the freshness of their sources', async () => {
    const r = await report();
    assert.deepEqual(
      r.sections.map((s) => [s.key, s.title, s.pages, Object.values(s.counts).join(','), s.freshness.join(',')]),
      [
        ['', 'Guide santé', 0, '0,0,0,0,0,0', '0,0,0,0,0'],
        ['brouillons', 'Brouillons', 1, '0,1,1,0,0,0', '0,0,0,0,1'],
        ['cabinet', 'Le cabinet', 9, '0,1,5,2,1,1', '1,1,1,0,6'],
        ['recommandations', 'Recommandations', 3, '3,1,0,0,1,0', '0,0,0,1,2'],
      ],
    );
    assert.deepEqual(r.totals, { pages: 18, outdated: 3, unfinished: 3, unpublished: 6, links: 2, sources: 2, patient: 1 });
    assert.equal(r.today, '2026-06-01');
    assert.equal(r.title, 'Guide santé (fixture)');
    assert.equal(r.root, '/sante');
  });

  it('takes today as given: years earlier, nothing is out of date or expired yet', async () => {
    const r = await report(fixtureFiles(), { today: new Date('2016-06-01T12:00:00Z') });
    const problems = (path: string) => r.pages.find((p) => p.path === path)!.problems.map((x) => x.kind);
    assert.deepEqual(problems('recommandations/vaccins.md'), []);
    // Its link to the e-CPS page (published in 2024) is broken then.
    assert.deepEqual(problems('recommandations/hta-2015.md'), ['todo', 'broken-ref']);
    assert.equal(r.pages.find((p) => p.path === 'recommandations/hta-2015.md')!.problems[1].message, 'Broken link to “cabinet/e-cps.md#activer-la-carte”: the page is not published yet.');
    assert.deepEqual(problems('cabinet/perimee.md'), ['future']);
    assert.deepEqual(problems('recommandations/asthme.md'), ['update-old', 'no-sources']);
    assert.equal(r.totals.outdated, 1);
  });

  it('applies the thresholds of [health] and [sections.health] of .medguide.toml, later sections winning', async () => {
    const files = fixtureFiles({
      '/sante/.medguide.toml': [
        '[health]',
        'maxUpdateAge = 12',
        'markers = ["FIXME"]',
        'recommendations = ["content/cabinet/liens.md"]',
        '[[sections]]',
        'paths = ["content/recommandations/**"]',
        'health = { maxSourceAge = 20 }',
        '[[sections]]',
        'paths = ["content/recommandations/vaccins.md"]',
        'health = { maxUpdateAge = 5, recommendations = true }',
        '',
      ].join('\n'),
    });
    const r = await report(files);
    const brief = (path: string) => {
      const p = r.pages.find((x) => x.path === path)!;
      return `${p.maxSourceAge}/${p.maxUpdateAge}${p.recommendation ? ' recommendation' : ''}: ${p.problems.map((x) => x.kind).join(' ')}`;
    };
    assert.equal(brief('recommandations/hta-2015.md'), '20/12: todo');
    assert.equal(brief('recommandations/asthme.md'), '20/12: update-old');
    assert.equal(brief('recommandations/vaccins.md'), '20/5 recommendation: update-old');
    assert.equal(brief('cabinet/liens.md'), '5/12 recommendation: broken-ref broken-anchor broken-ref');
    assert.equal(brief('cabinet/brouillon.md'), '5/12: draft marker');
  });

  it('reads each page once per change: a second report asks the cache, a changed page is read again', async () => {
    const files = fixtureFiles();
    const reads: string[] = [];
    const base = memoryHost(files);
    const host: SiteHost = { ...base, readFile: (p) => (reads.push(p), base.readFile(p)) };
    const site = await openSite(files, { host });
    const cache = new HealthCache();
    await siteHealth(site, { lang: 'en', today: TODAY, cache });
    assert.ok(reads.length >= 18, `first report reads the pages (${reads.length} reads)`);
    reads.length = 0;
    await siteHealth(site, { lang: 'en', today: TODAY, cache });
    assert.deepEqual(reads, []);
    const vaccins = '/sante/content/recommandations/vaccins.md';
    files[vaccins] = files[vaccins].replace('lastmod = "2016-05-10"', 'lastmod = "2026-05-20"');
    site.forget(vaccins);
    const again = await siteHealth(site, { lang: 'en', today: TODAY, cache });
    assert.deepEqual([...new Set(reads)], [vaccins]);
    assert.deepEqual(again.pages.find((p) => p.file === vaccins)!.problems, []);
    assert.equal(again.totals.outdated, 2);
  });

  it('counts only the out-of-date pages when asked, from the front matter alone (the status bar)', async () => {
    const files = fixtureFiles();
    const site = await openSite(files);
    await Promise.all([site.pageMaps(), site.rules()]);
    const reads: string[] = [];
    const host = site.host as SiteHost & { readFile: SiteHost['readFile'] };
    const readFile = host.readFile.bind(host);
    host.readFile = (p) => (reads.push(p), readFile(p));
    const r = await siteHealth(site, { lang: 'en', today: TODAY, groups: ['outdated'] });
    host.readFile = readFile;
    assert.deepEqual(reads, [], 'no page text read beyond what the site model read');
    assert.deepEqual(r.totals, { pages: 17, outdated: 3, unfinished: 0, unpublished: 0, links: 0, sources: 0, patient: 0 });
    assert.deepEqual(
      r.pages.filter((p) => p.problems.length > 0).map((p) => `${p.path}: ${p.problems.map((x) => x.kind).join(' ')}`),
      ['recommandations/asthme.md: update-old', 'recommandations/hta-2015.md: sources-old update-old', 'recommandations/vaccins.md: update-old'],
    );
  });

  it('stops when the caller no longer wants the report', async () => {
    const site = await openSite(fixtureFiles());
    await assert.rejects(siteHealth(site, { lang: 'en', today: TODAY, cancelled: () => true }), HealthCancelled);
  });
});

describe('health: small parts', () => {
  it('reads annees as the newest four-digit year of a string, a number or a list', () => {
    assert.deepEqual(
      ['2019', 2021, ['2015', '2022', 'x'], ' 2018 ', '19', undefined, ['abc']].map(sourcesYearOf),
      [2019, 2021, 2022, 2018, undefined, undefined, undefined],
    );
  });

  it('shows a marker line without a patient number in it', () => {
    assert.equal(snippet('<!-- TODO rappeler le 1 85 05 75 056 016 01 avant le 2026-06-01 -->'), 'TODO rappeler le … avant le 2026-06-01');
    assert.equal(snippet(`XXX ${'a'.repeat(100)}`), `XXX ${'a'.repeat(75)}…`);
  });
});

describe('health: the HTML report', () => {
  const hostile = fixtureFiles({
    '/sante/content/recommandations/hostile.md': '+++\ntitle = "<img src=x onerror=alert(1)> & \\"quotes\\""\nlastmod = "2010-01-01"\ntodo = "<script>alert(2)</script>"\n+++\n\nTODO <b>gras</b>\n',
  });

  it('is one standalone file: no script, no request, content escaped, light and dark colours', async () => {
    const r = await report(hostile, { lang: 'fr' });
    const html = healthDocument([r], { lang: 'fr', mode: 'standalone' });
    assert.match(html, /^<!DOCTYPE html>\n<html lang="fr">/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">/);
    assert.doesNotMatch(html, /<script|<img|<b>|onerror=alert\(1\)>|https?:\/\/|\ssrc="|url\(/i);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;'), 'the title, escaped');
    assert.ok(html.includes('À faire : « &lt;script&gt;alert(2)&lt;/script&gt; »'), 'the todo, escaped');
    assert.match(html, /@media \(prefers-color-scheme: dark\)/);
    assert.match(html, /<svg class="mg-chart"[^>]*role="img"/);
    // The chart: one bar per section with pages, a segment per bucket of years since the sources.
    assert.deepEqual(
      [...html.matchAll(/<rect class="mg-b(\d)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => `${m[1]} ${m[2]}`),
      [
        '4 brouillons : 1 page(s), sans annees',
        '0 cabinet : 1 page(s), 0 à 2 ans',
        '1 cabinet : 1 page(s), 3 à 5 ans',
        '2 cabinet : 1 page(s), 6 à 10 ans',
        '4 cabinet : 6 page(s), sans annees',
        '3 recommandations : 1 page(s), plus de 10 ans',
        '4 recommandations : 3 page(s), sans annees',
      ],
    );
    for (const heading of ['Santé du guide — Guide santé (fixture)', 'Fraîcheur des sources par section', 'Par section', 'À mettre à jour', 'Inachevées', 'Non publiées', 'Liens', 'Sources', 'Données de patients', 'Toutes les pages']) {
      assert.ok(html.includes(heading), heading);
    }
  });

  it('in the webview: VS Code colours, a nonce on the one style and the one script, page links with their line', async () => {
    const r = await report(hostile, { lang: 'en' });
    const html = healthDocument([r], { lang: 'en', mode: 'webview', nonce: 'abc123' });
    assert.match(html, /content="default-src 'none'; style-src 'nonce-abc123'; script-src 'nonce-abc123'; img-src data:;"/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.equal((html.match(/<style/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123">/);
    assert.match(html, /<style nonce="abc123">/);
    assert.match(html, /var\(--vscode-charts-green\)/);
    assert.match(html, /body\.vscode-high-contrast/);
    assert.ok(html.includes('<a href="#" class="mg-open" data-file="/sante/content/recommandations/hta-2015.md" data-line="7" data-column="0">line 8</a>'));
    assert.doesNotMatch(html, /<img|<b>gras/);
  });
});

describe('health: the JSON form', () => {
  it('counts lines and columns from 1 and names files as asked', async () => {
    const r = await report();
    const json = reportJson(r, (f) => f.replace('/sante/', ''));
    assert.equal(json.site, '/sante');
    const liens = json.pages.find((p) => p.path === 'cabinet/liens.md')!;
    assert.deepEqual(liens, {
      file: 'content/cabinet/liens.md',
      path: 'cabinet/liens.md',
      lang: 'fr',
      role: 'page',
      section: 'cabinet',
      title: 'Liens utiles',
      sourcesYear: 2024,
      sourcesAge: 2,
      lastmod: '2024-06-01',
      updateAgeDays: 730,
      maxSourceAge: 50,
      maxUpdateAge: 50,
      recommendation: false,
      published: true,
      backlinks: [],
      problems: [
        { group: 'links', kind: 'broken-ref', line: 12, column: 35, message: 'Broken link to “cabinet/inexistante.md”: no such page.' },
        { group: 'links', kind: 'broken-anchor', line: 13, column: 35, message: 'The anchor “#ancre-absente” does not exist in cabinet/e-cps.md.' },
        { group: 'links', kind: 'broken-ref', line: 14, column: 30, message: 'Broken link to “brouillon.md”: the page is a draft.' },
      ],
    });
  });
});
