import { strict as assert } from 'node:assert';
import { openFile, openWorkbench, previewFrame, runCommand, screenshot, type Workbench } from './workbench';

describe('UI: a guide page and its preview side by side (real VS Code in Chromium)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    // French labels in the preview, as the authors see them.
    wb = await openWorkbench({ settings: { 'medguide.language': 'fr' } });
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
    const file = await screenshot(page, 'preview-side-by-side');
    assert.ok(file.endsWith('.png'));
  });
});
