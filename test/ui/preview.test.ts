import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, previewFrame, runCommand, screenshot, waitForPreview, type Workbench } from './workbench';

describe('UI: a guide page and its preview side by side (real VS Code in Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    // VS Code in English (its default) and MedGuide's language left on `auto`: the example site is
    // French, so the preview's labels are French all the same (they follow the page).
    wb = await openWorkbench();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`);
  });
  after(async () => {
    await wb?.close();
  });

  it('opens an example page and its preview to the side, and saves a screenshot', async () => {
    const { page } = wb;
    await openFile(page, 'content/recommandations/hypertension-arterielle.md');
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const preview = previewFrame(page);
    // The collapse sections of the page are real headings in the preview.
    const heading = preview.locator('h2').first();
    await heading.waitFor({ timeout: 30_000 });
    const body = await preview.locator('body').innerText();
    assert.ok(!body.includes('+++'), 'the front matter delimiters are not shown as text');
    assert.ok(!/\{\{[%<]\s*\/?collapse/.test(body), 'no raw collapse shortcode is left in the preview');
    await page.waitForTimeout(500);
    // The window is the example site's, as `npm start` opens it: no test workspace, no development host.
    const title = await page.title();
    assert.match(title, /guide-site/);
    assert.doesNotMatch(title, /Extension Development Host|medguide-ws/);
    const file = await screenshot(page, 'preview-side-by-side', { readme: true });
    assert.ok(file.endsWith('.png'));
  });

  it('labels a French page in French in an English VS Code: the labels follow the page', async () => {
    const { page } = wb;
    const preview = previewFrame(page);
    // The workbench speaks English…
    assert.ok((await page.locator('.explorer-viewlet .title-label, .pane-header .title').allInnerTexts()).join(' ').match(/Explorer|EXPLORER|Outline|OUTLINE/));
    // …the page's card and boxes speak the page's French (the site's languageCode is fr-fr).
    const card = await preview.locator('.medguide-front-matter').innerText();
    assert.match(card, /Créé le .* Publié le .* Mis à jour le/s);
    assert.doesNotMatch(card, /Created|Published|Updated/);
    const labels = await preview.locator('.medguide-alert-label').allInnerTexts();
    assert.ok(labels.length > 0 && labels.every((l) => !/^(Warning|Tip|Note)$/.test(l)), labels.join(', '));
    // Icons are inline SVG, drawn in every font.
    assert.ok((await preview.locator('.medguide-alert-icon svg').count()) >= labels.length);
  });

  it('shows the alert boxes readable in the dark and high-contrast themes', async () => {
    const { page } = wb;
    const preview = previewFrame(page);
    const box = preview.locator('.medguide-alert').first();
    await box.scrollIntoViewIfNeeded();
    // The preview reloads its document when the theme changes (and when MedGuide's page index
    // refreshes it): an element read during a reload is gone, so the read is tried again.
    const colours = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await box.evaluate(
            (el) => {
              const s = getComputedStyle(el);
              return { fg: s.color, bg: s.backgroundColor, border: s.borderLeftColor, theme: document.body.className };
            },
            undefined,
            { timeout: 10_000 },
          );
        } catch (error) {
          if (attempt >= 5) throw error;
          await page.waitForTimeout(500);
        }
      }
    };
    const light = await colours();
    const seen: Record<string, { fg: string; bg: string; border: string; theme: string }> = { light };
    for (const [name, theme, bodyClass] of [
      ['dark', 'Dark Modern', 'vscode-dark'],
      ['high-contrast', 'Dark High Contrast', 'vscode-high-contrast'],
    ] as const) {
      // Switch the theme as a user would: the colour theme picker.
      await runCommand(page, 'Preferences: Color Theme');
      await page.locator('.quick-input-widget input').fill(theme);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await waitForPreview(page, (doc, cls) => doc.body.classList.contains(cls), bodyClass);
      await page.waitForTimeout(500);
      seen[name] = await colours();
      await screenshot(page, `preview-${name}`, { readme: name === 'dark' });
    }
    await runCommand(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill('Light Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The box follows the theme: its text colour changes with it and never equals its background.
    assert.notEqual(seen.dark.fg, light.fg, JSON.stringify(seen));
    for (const c of Object.values(seen)) assert.notEqual(c.fg, c.bg, JSON.stringify(c));
  });

  it('opens the target page of a relref link from the preview', async () => {
    const { page } = wb;
    const preview = previewFrame(page);
    const link = preview.locator('a.medguide-relref[href$="vaccination-adulte.md"]').first();
    await link.scrollIntoViewIfNeeded();
    await link.click();
    // VS Code opens the linked Markdown file (in the preview, by default): its title card appears.
    await waitForPreview(page, (doc, title) => (doc.querySelector('.medguide-front-matter')?.textContent ?? '').includes(title), "Vaccination de l'adulte");
  });
});
