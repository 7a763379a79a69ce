import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, openWorkbench, runCommand, screenshot, type Workbench } from './workbench';

// A fictitious matricule INS from the reference vectors (valid key), typed with spaces as people do.
const TYPED = '1 85 05 75 056 123 88';
const MATRICULE = '185057505612388';
const BODY = MATRICULE.slice(0, 13);

/** Every file under `dir` whose bytes contain `needle` (as UTF-8 or UTF-16LE, the encodings browsers store). */
function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const utf8 = Buffer.from(needle, 'utf8');
  const utf16 = Buffer.from(needle, 'utf16le');
  const walk = (d: string) => {
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size < 64 * 1024 * 1024) {
        const bytes = readFileSync(p);
        if (bytes.includes(utf8) || bytes.includes(utf16)) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

/** Every file under `dir` named `name`. */
function filesNamed(dir: string, name: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesNamed(join(dir, e.name), name) : e.name === name ? [join(dir, e.name)] : []));
}

describe('UI: insert a patient MSSanté address from a matricule INS', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let closed = false;
  let inserted = false;

  before(async () => {
    // Auto-save off: the inserted address stays an unsaved change, reverted at the end, so no file of the run may hold the number.
    wb = await openWorkbench({ settings: { 'medguide.mssante.insertFormat': 'plain', 'files.autoSave': 'off' } });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb && !closed) await screenshot(wb.page, `failed-mssante-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });
  after(async () => {
    if (!closed) await wb?.close();
  });

  const dialog = () => wb.page.locator('.monaco-dialog-box');
  const passwordBox = () => wb.page.locator('.quick-input-widget input[type="password"]');
  /** What the input box shows: its decoration (error, warning, info or none), its message, whether it is masked, its value. */
  const boxState = () =>
    wb.page.evaluate(() => {
      const widget = document.querySelector('.quick-input-widget') as HTMLElement | null;
      const box = widget?.querySelector('.monaco-inputbox');
      const input = widget?.querySelector('input') as HTMLInputElement | null;
      const decoration = ['error', 'warning', 'info'].find((c) => box?.classList.contains(c)) ?? 'none';
      return { decoration, message: widget?.querySelector('.quick-input-message')?.textContent ?? '', type: input?.type ?? '', value: input?.value ?? '' };
    });
  const waitForDecoration = (decoration: string) =>
    wb.page.waitForFunction(
      (d) => {
        const box = document.querySelector('.quick-input-widget .monaco-inputbox');
        return d === 'none' ? !['error', 'warning', 'info'].some((c) => box?.classList.contains(c)) : Boolean(box?.classList.contains(d));
      },
      decoration,
      { timeout: 10_000 },
    );

  it('warns before inserting into a page of the published site, with one way out: Don\'t insert (no second Cancel)', async () => {
    const { page } = wb;
    await openFile(page, 'content/cabinet/e-cps.md');
    await runCommand(page, 'MedGuide: Insert Patient MSSanté Address');
    await dialog().waitFor({ timeout: 10_000 });
    assert.match(await dialog().innerText(), /published site/);
    // Two buttons: the way out ("Don't insert", the dialog's close affordance) and "Insert anyway".
    const buttons = (await dialog().locator('.monaco-button').allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
    assert.deepEqual([...buttons].sort(), ["Don't insert", 'Insert anyway'], `buttons: ${buttons.join(' | ')}`);
    await page.waitForTimeout(300);
    await screenshot(page, 'mssante-published-warning', { readme: true });
    await dialog().locator('.monaco-button', { hasText: "Don't insert" }).click();
    await dialog().waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await passwordBox().count(), 0, 'no input box after Don\'t insert');
    // Escape (and the dialog's ×) give the same answer.
    await runCommand(page, 'MedGuide: Insert Patient MSSanté Address');
    await dialog().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(300);
    assert.equal(await passwordBox().count(), 0, 'no input box after Escape');
    assert.equal(await page.locator('.tab.dirty').count(), 0, 'nothing inserted: no editor has unsaved changes');
  });

  it('keeps the box neutral while the number is typed, red only for a complete wrong entry, and shows it on demand', async () => {
    const { page } = wb;
    await runCommand(page, 'MedGuide: Insert Patient MSSanté Address');
    await dialog().waitFor({ timeout: 10_000 });
    await dialog().locator('.monaco-button', { hasText: 'Insert anyway' }).click();
    const input = passwordBox();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await input.inputValue(), '', 'the box is never pre-filled');
    // Seven digits typed: still typing, so no judgement, no red.
    await input.pressSequentially('1850575');
    await page.waitForTimeout(400);
    let state = await boxState();
    assert.equal(state.decoration, 'none', JSON.stringify(state));
    assert.match(state.message, /^Matricule INS: 15 characters/);
    await screenshot(page, 'mssante-input-typing');
    // The 15th character makes it complete: a wrong key is refused, in red, without repeating digits.
    await input.pressSequentially('05612389');
    await waitForDecoration('error');
    state = await boxState();
    assert.match(state.message, /key/i);
    assert.ok(!/\d{3}/.test(state.message), 'the validation message quotes no digits');
    await screenshot(page, 'mssante-input-wrong-key');
    // "Show" writes the entry on screen, grouped as on the card, to find the wrong digit; the box
    // stays a password field (a browser keeps a text field's value in its session, never a
    // password field's); "Hide" takes it off the screen again.
    const widget = page.locator('.quick-input-widget');
    await widget.getByRole('button', { name: 'Show the number (on this screen only)' }).click();
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-message')?.textContent?.includes('1 85 05 75 056 123 89'), undefined, { timeout: 10_000 });
    state = await boxState();
    assert.equal(state.type, 'password', 'the box stays masked while the number is shown');
    assert.equal(state.decoration, 'error', 'the verdict stays');
    assert.match(state.message, /^Entry: 1 85 05 75 056 123 89 · .*key/i);
    await screenshot(page, 'mssante-input-shown');
    // Long enough for the browser to sync the page's form state and write its session (a few
    // seconds), so that the privacy test below would see a shown number that a browser kept.
    await page.waitForTimeout(4000);
    // Typing while shown keeps the shown entry up to date.
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-message')?.textContent?.startsWith('Entry: 1 85 05 75 056 123 8 ·'), undefined, { timeout: 10_000 });
    await widget.getByRole('button', { name: 'Hide the number' }).click();
    await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-message')?.textContent?.includes('1 85'), undefined, { timeout: 10_000 });
    assert.equal(await input.count(), 1);
    // Thirteen characters stay neutral while typed; Enter judges them: the key is missing.
    await input.fill('');
    await input.pressSequentially('1850575056123');
    await page.waitForTimeout(400);
    assert.equal((await boxState()).decoration, 'none');
    await page.keyboard.press('Enter');
    await waitForDecoration('error');
    assert.match((await boxState()).message, /key is missing/);
    assert.equal(await input.count(), 1, 'Enter on a wrong entry keeps the box open');
    // The right number, typed with spaces as people do: checked, and Enter inserts the address.
    await input.fill('');
    await input.pressSequentially(TYPED);
    await waitForDecoration('info');
    assert.match((await boxState()).message, /press Enter/);
    await screenshot(page, 'mssante-input-box', { readme: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (expected) => (document.querySelector('.monaco-editor .view-lines') as HTMLElement | null)?.innerText.replace(/\u00a0/g, ' ').includes(expected),
      `${MATRICULE}@patient.mssante.fr`,
      { timeout: 10_000 },
    );
    await screenshot(page, 'mssante-inserted');
    // Leave no trace: revert the unsaved change before closing.
    await runCommand(page, 'File: Revert File');
    inserted = true;
  });

  it('leaves no trace of the number in the user data, extensions, site copy, browser profile or logs of that run', async () => {
    assert.ok(inserted, 'the address was inserted first, so there was something to leak');
    const { server, profileDir, consoleLines, state } = wb;
    // The browser and VS Code write their state out as they close: search the run's folders after, then remove them.
    await wb.close({ keepFolders: true });
    closed = true;
    const hits = [state, profileDir, server.base].flatMap((dir) => filesContaining(dir, BODY));
    // MedGuide's own log (its LogOutputChannel, in the run's logs folder) is among the files searched.
    const logs = [state, server.base].flatMap((dir) => filesNamed(dir, 'MedGuide.log'));
    const logText = logs.map((f) => readFileSync(f, 'utf8')).join('\n');
    await wb.removeFolders();
    assert.ok(logs.length > 0, 'the MedGuide log file exists in the logs of the run');
    assert.match(logText, /MedGuide .* started/, 'the log was written to');
    assert.ok(!logText.includes(BODY), 'the MedGuide log does not contain the number');
    for (const line of consoleLines) {
      assert.ok(!line.includes(BODY), 'no console line of the workbench or extension host contains the number');
    }
    assert.deepEqual(hits, [], 'no file of the run contains the number');
  });
});
