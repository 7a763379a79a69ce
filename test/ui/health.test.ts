import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameLocator, Page } from 'playwright-core';
import { health } from '../../src/cli/health';
import type { CliIo } from '../../src/cli/io';
import { openWorkbench, RESULTS, ROOT, runCommand, screenshot, type Workbench } from './workbench';

const SITE_TITLE = 'Guide santé (fixture)';
const FIXTURE = join(ROOT, 'test/fixtures/workspace/sites/sante');

/**
 * The Explorer's "Guide health" pane. VS Code's own language stays English here (no language pack
 * offline): the view's name and the commands are English, MedGuide's content follows
 * `medguide.language` (French).
 */
const PANE_NAME = /Guide Health/i;
function healthPane(page: Page) {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: PANE_NAME }) });
}

function rowOf(page: Page, label: string | RegExp) {
  return healthPane(page).locator('.monaco-list-row', { hasText: label }).first();
}

/** The report webview's document (webview iframe → active frame). */
function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** A wider side bar, so the view's descriptions (dates, kinds of problem) show in the screenshots. */
async function widenSideBar(page: Page, width = 560): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

async function setTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(theme);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
}

describe('UI: the Guide health view, its status bar count and its report (real VS Code in Chromium)', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    // MedGuide in French, as the authors work.
    // The example site with the health fixture site beside its content (sites/sante, its own hugo.toml).
    wb = await openWorkbench({
      settings: { 'medguide.language': 'fr', 'workbench.colorTheme': 'Default Light Modern' },
      setup: (site) => cpSync(FIXTURE, join(site, 'sites', 'sante'), { recursive: true }),
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-health-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });
  after(async () => {
    await wb?.close();
  });

  it('shows the view in the Explorer, grouped by kind of problem and section, with counts, and the status bar count', async () => {
    const { page } = wb;
    // The extension starts with the workspace (it holds .medguide.toml files); the view appears once a site is found.
    const header = page.locator('.pane-header', { hasText: PANE_NAME });
    await header.waitFor({ timeout: 60_000 });
    // Room for the view: the file tree folded.
    const folders = page.locator('.pane', { has: page.locator('.explorer-folders-view') }).locator('.pane-header').first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await widenSideBar(page);
    // Several sites in the workspace (the example site and the fixture): fold the others.
    const site = rowOf(page, SITE_TITLE);
    await site.waitFor({ timeout: 60_000 });
    const sites = healthPane(page).locator('.monaco-list-row[aria-level="1"]');
    for (let i = 0; i < (await sites.count()); i++) {
      const row = sites.nth(i);
      if ((await row.innerText()).includes(SITE_TITLE)) continue;
      if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
    }
    if ((await site.getAttribute('aria-expanded')) !== 'true') await site.locator('.monaco-tl-twistie').click();
    await rowOf(page, 'À mettre à jour').waitFor({ timeout: 20_000 });
    await rowOf(page, 'Hypertension artérielle (2015)').waitFor({ timeout: 20_000 });
    const rows = await healthPane(page).locator('.monaco-list-row').allInnerTexts();
    // A row's text is its label then its description (the count), without a space between them.
    const text = rows.map((r) => r.replace(/\s+/g, ''));
    for (const expected of ['À mettre à jour 3', 'recommandations 3', 'Inachevées 3', 'Non publiées 6', 'Liens 2', 'Sources 2', 'Données de patients 1', 'Hypertension artérielle (2015) sources 2012 · mise à jour 2015-03-01']) {
      assert.ok(text.includes(expected.replace(/\s+/g, '')), `${expected} in ${JSON.stringify(rows)}`);
    }
    // Oldest first in its section.
    const order = ["Asthme de l'adulte", 'Hypertension artérielle (2015)', "Vaccination de l'adulte"].map((l) => text.findIndex((r) => r.startsWith(l.replace(/\s+/g, ''))));
    assert.deepEqual([...order].sort((a, b) => a - b), order, JSON.stringify(text));
    // The status bar count speaks MedGuide's language too (medguide.language = fr), as the view does.
    const status = page.locator('.statusbar-item', { hasText: /\d+ à mettre à jour/ }).first();
    await status.waitFor({ timeout: 20_000 });
    assert.match(await status.innerText(), /^\s*\d+ à mettre à jour\s*$/);
    await page.mouse.move(800, 500);
    await page.waitForTimeout(400);
    await screenshot(page, 'health-view-light', { readme: true });
  });

  it('opens a page at the problem line when its item is clicked', async () => {
    const { page } = wb;
    await rowOf(page, 'Hypertension artérielle (2015)').click();
    await page.locator('.tab.active', { hasText: 'hta-2015.md' }).waitFor({ timeout: 20_000 });
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+|Ligne \d+, Col \d+/ }).first();
    await page.waitForFunction(() => /(?:Ln|Ligne) 7, Col 1\b/.test(document.querySelector('.statusbar')?.textContent ?? ''), undefined, { timeout: 10_000 });
    assert.match(await cursor.innerText(), /(?:Ln|Ligne) 7, Col 1\b/);
  });

  it('opens the report in a webview: chart and tables in the light and dark themes, page links that open the page', async () => {
    const { page } = wb;
    await runCommand(page, 'MedGuide: Open Guide Health Report');
    const report = reportFrame(page);
    await report.locator('h1', { hasText: SITE_TITLE }).waitFor({ timeout: 30_000 });
    await report.locator('svg.mg-chart rect').first().waitFor({ timeout: 10_000 });
    assert.ok((await report.locator('h2', { hasText: 'À mettre à jour' }).count()) >= 1);
    // The fixture site's article, at its chart, for the screenshot.
    const article = report.locator('article', { has: report.locator('h1', { hasText: SITE_TITLE }) });
    await article.locator('#mg-chart').scrollIntoViewIfNeeded();
    await page.mouse.move(1000, 700);
    await page.waitForTimeout(400);
    await screenshot(page, 'health-report-light', { readme: true });
    const colours = async () =>
      article.locator('svg.mg-chart rect').first().evaluate((el) => ({ fill: getComputedStyle(el).fill, body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
    const light = await colours();

    await setTheme(page, 'Dark Modern');
    await page.waitForFunction(() => {
      const outer = document.querySelector('iframe.webview.ready') as HTMLIFrameElement | null;
      const inner = outer?.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
      return inner?.contentDocument?.body.classList.contains('vscode-dark') ?? false;
    }, undefined, { timeout: 20_000 });
    await page.waitForTimeout(600);
    const dark = await colours();
    assert.notEqual(dark.body, light.body, JSON.stringify({ light, dark }));
    assert.notEqual(dark.text, light.text, JSON.stringify({ light, dark }));
    assert.notEqual(dark.text, dark.body);
    await screenshot(page, 'health-report-dark');

    await setTheme(page, 'Dark High Contrast');
    await page.waitForFunction(() => {
      const outer = document.querySelector('iframe.webview.ready') as HTMLIFrameElement | null;
      const inner = outer?.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
      return inner?.contentDocument?.body.classList.contains('vscode-high-contrast') ?? false;
    }, undefined, { timeout: 20_000 });
    await page.waitForTimeout(600);
    // High contrast: the bars and the table cells get the theme's contrast border.
    const border = await article.locator('svg.mg-chart rect').first().evaluate((el) => getComputedStyle(el).stroke);
    assert.notEqual(border, 'none');
    await screenshot(page, 'health-report-high-contrast');
    await setTheme(page, 'Dark Modern');

    // A page link in a table opens the page beside the report, at the problem line.
    const link = article.locator('#mg-links a.mg-open', { hasText: 'Liens utiles' }).first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.locator('.tab', { hasText: 'liens.md' }).first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => /(?:Ln|Ligne) 12, Col 35\b/.test(document.querySelector('.statusbar')?.textContent ?? ''), undefined, { timeout: 10_000 });

    // The webview's document loads nothing (no script, style, font or image file) and breaks no rule of its CSP.
    const loaded = await page.evaluate(() => {
      const outer = document.querySelector('iframe.webview.ready') as HTMLIFrameElement | null;
      const inner = outer?.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
      return inner?.contentWindow?.performance.getEntriesByType('resource').map((e) => e.name);
    });
    assert.deepEqual(loaded, []);
    assert.deepEqual(wb.consoleLines.filter((l) => /Refused to|Content Security Policy/i.test(l)), []);
  });

  it('shows the view in the dark theme', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Explorer: Focus on Guide Health View', 2).catch(async () => {
      await page.keyboard.press('Escape');
      await page.locator('.pane-header', { hasText: PANE_NAME }).click();
    });
    await rowOf(page, 'Hypertension artérielle (2015)').waitFor({ timeout: 20_000 });
    await page.mouse.move(800, 500);
    await page.waitForTimeout(400);
    await screenshot(page, 'health-view-dark');
    await setTheme(page, 'Light Modern');
  });
});

describe('UI: the HTML report of `medguide health --format html` in Chromium', function () {
  this.timeout(60_000);

  it('shows the chart and the tables in light and dark, with no console error and no request', async () => {
    let out = '';
    const io: CliIo = { cwd: FIXTURE, env: { LANG: 'fr_FR.UTF-8' }, stdinIsTTY: false, readStdin: async () => '', stdout: (t) => (out += t), stderr: () => undefined };
    assert.equal(await health(['--format', 'html', '--today', '2026-06-01'], io), 0);
    mkdirSync(RESULTS, { recursive: true });
    const file = join(RESULTS, 'health-report.html');
    writeFileSync(file, out);

    const { readTools, ensureTools } = await import(join(ROOT, 'scripts/tools.mjs'));
    const tools = readTools() ?? ensureTools({ need: ['apt'] });
    const { chromium } = await import('playwright-core');
    const { CHROMIUM_ARGS } = await import(join(ROOT, 'scripts/code-server.mjs'));
    const browser = await chromium.launch({ executablePath: tools.chromium, headless: true, args: CHROMIUM_ARGS });
    try {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 1000 } });
        const page = await context.newPage();
        const requests: string[] = [];
        const problems: string[] = [];
        context.on('request', (r) => requests.push(r.url()));
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        const url = pathToFileURL(file).href;
        await page.goto(url);
        await page.locator('svg.mg-chart rect').first().waitFor();
        assert.equal(await page.locator('h1').innerText(), 'Santé du guide — Guide santé (fixture)');
        assert.equal(await page.locator('svg.mg-chart rect').count(), 7);
        assert.ok((await page.locator('table.mg-table').count()) >= 8);
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(bg, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
        await page.screenshot({ path: join(RESULTS, `health-report-html-${scheme}.png`) });
        assert.deepEqual(requests, [url], 'the report asks for nothing but itself');
        assert.deepEqual(problems, []);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
