import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, openWorkbench, plantPageMistakes, runCommand, screenshot, type Workbench } from './workbench';

describe('UI: the Problems panel and the highlighting of a guide page', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    // French messages, as the authors see them. The example page gets the mistakes a person makes
    // while trying the demo: a date as written in France, a misspelt key, an author twice.
    wb = await openWorkbench({
      settings: { 'medguide.language': 'fr' },
      setup: (site) => {
        plantPageMistakes(site);
        // A collapse section written `Collapse`: Hugo 0.146+ builds it, 0.111 to 0.145 stop.
        const page = join(site, 'content/cabinet/ecrire-patient-mssante.md');
        writeFileSync(page, readFileSync(page, 'utf8').replace(/\n\+\+\+\n/, '\n+++\n\n{{% Collapse "Avant d\'écrire" %}}\nVérifier l\'adresse.\n{{% /Collapse %}}\n'));
      },
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-problems-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });
  after(async () => {
    await wb?.close();
  });

  it('lists a faulty page\'s front matter problems with their codes in the Problems panel', async () => {
    const { page } = wb;
    await openFile(page, 'content/cabinet/e-cps.md');
    await runCommand(page, 'Problems: Focus on Problems View');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length >= 4, undefined, { timeout: 30_000 });
    const text = (await rows.allInnerTexts()).join('\n');
    assert.match(text, /date-format/);
    assert.match(text, /Clé inconnue/);
    assert.match(text, /unknown-key/);
    assert.match(text, /duplicate-value/);
    await screenshot(page, 'problems-panel', { readme: true });
  });

  it('offers the quick fix for a shortcode name only newer Hugo finds, and writes the template\'s spelling in both tags', async () => {
    const { page } = wb;
    await openFile(page, 'content/cabinet/ecrire-patient-mssante.md');
    const line = (text: string) => page.locator('.monaco-editor .view-line', { hasText: text }).first();
    await line('Avant d').waitFor({ timeout: 15_000 });
    // The cursor on the problem (F8: next problem), then the quick fixes (Ctrl+.).
    await line('Avant d').click();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').length > 0, undefined, { timeout: 30_000 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Écrire `collapse`' }).first();
    await fix.waitFor({ timeout: 15_000 });
    await screenshot(page, 'quick-fix-shortcode-spelling');
    await fix.click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.monaco-editor .view-line')).some((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes('{{% collapse "Avant')), undefined, { timeout: 15_000 });
    const lines = (await page.locator('.monaco-editor .view-line').allInnerTexts()).map((l) => l.replace(/\u00a0/g, ' '));
    assert.ok(lines.some((l) => l.includes('{{% /collapse %}}')), 'the closing tag is written `collapse` too');
    assert.ok(!lines.some((l) => l.includes('Collapse')), lines.join('\n'));
    await runCommand(page, 'File: Revert File');
  });

  it('colours shortcodes, attribute lists and the TOML front matter of a page', async () => {
    const { page } = wb;
    await runCommand(page, 'View: Hide Panel');
    await openFile(page, 'content/recommandations/hypertension-arterielle.md');
    const line = (text: string) => page.locator('.monaco-editor .view-line', { hasText: text }).first();
    await line('collapse "Définitions"').waitFor({ timeout: 15_000 });
    // Each token of a line is a span with a colour class: several classes mean the grammar split it.
    const classesOf = async (text: string) =>
      new Set(await line(text).locator('span > span').evaluateAll((spans) => spans.map((s) => s.className)));
    assert.ok((await classesOf('collapse "Définitions"')).size >= 3, 'the shortcode line has several token colours');
    assert.ok((await classesOf('{.lead}')).size >= 2, 'the attribute list is coloured');
    assert.ok((await classesOf('publishdate = ')).size >= 2, 'the TOML front matter is coloured');
    await screenshot(page, 'highlighting', { readme: true });
    // No TOML extension here: the site's hugo.toml gets MedGuide's own TOML language and grammar
    // (MedGuide does not claim VS Code's `toml` language, which a TOML extension would provide).
    await openFile(page, 'hugo.toml');
    await line('languageCode = ').waitFor({ timeout: 15_000 });
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]');
    await page.waitForFunction(() => /TOML \(MedGuide\)/.test(document.querySelector('.statusbar-item[id="status.editor.mode"]')?.textContent ?? ''), undefined, { timeout: 15_000 }).catch(() => undefined);
    assert.match(await mode.innerText(), /TOML \(MedGuide\)/, 'the language mode shown for hugo.toml');
    await page.waitForTimeout(500);
    assert.ok((await classesOf('languageCode = ')).size >= 2, 'hugo.toml is coloured');
  });
});
