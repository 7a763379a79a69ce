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

describe('UI: insert a patient MSSanté address from a matricule INS', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let closed = false;
  let inserted = false;

  before(async () => {
    wb = await openWorkbench({ settings: { 'medguide.mssante.insertFormat': 'plain' } });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb && !closed) await screenshot(wb.page, `failed-mssante-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });
  after(async () => {
    if (!closed) await wb?.close();
  });

  it('warns before inserting into a page of the published site; the default button inserts nothing', async () => {
    const { page } = wb;
    await openFile(page, 'content/cabinet/e-cps.md');
    await runCommand(page, 'MedGuide: Insert Patient MSSanté Address');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10_000 });
    assert.match(await dialog.innerText(), /published site/);
    // The safe choice is the default: once the dialog has focused its default button, Enter inserts nothing.
    const focused = page.locator('.monaco-dialog-box .monaco-button:focus');
    await focused.waitFor({ timeout: 10_000 });
    assert.match(await focused.innerText(), /Don't insert|Ne pas insérer/);
    await screenshot(page, 'mssante-published-warning');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.locator('.quick-input-widget input[type="password"]').count(), 0, 'no input box after Cancel');
    assert.equal(await page.locator('.tab.dirty').count(), 0, 'nothing inserted: no editor has unsaved changes');
  });

  it('types the number in a password box, sees it checked, and gets the address inserted', async () => {
    const { page } = wb;
    await openFile(page, 'notes/brouillon.md');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await runCommand(page, 'MedGuide: Insert Patient MSSanté Address');
    // The entry is masked: the quick input turns into a password field.
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await input.inputValue(), '', 'the box is never pre-filled');
    // A wrong key is refused with a reason that does not repeat the digits.
    await input.pressSequentially('185057505612389');
    const message = page.locator('.quick-input-message');
    await page.waitForFunction(() => /clé|key/i.test(document.querySelector('.quick-input-message')?.textContent ?? ''), undefined, { timeout: 10_000 });
    assert.ok(!/\d{3}/.test(await message.innerText()), 'the validation message quotes no digits');
    await input.fill('');
    await input.pressSequentially(TYPED);
    await page.waitForFunction(() => /Enter|Entrée/.test(document.querySelector('.quick-input-message')?.textContent ?? ''), undefined, { timeout: 10_000 });
    await screenshot(page, 'mssante-input-box');
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

  it('leaves no trace of the number in the user data, extensions, browser profile or logs of that run', async () => {
    assert.ok(inserted, 'the address was inserted first, so there was something to leak');
    const { server, profileDir, consoleLines } = wb;
    await wb.close();
    closed = true;
    for (const line of consoleLines) {
      assert.ok(!line.includes(BODY), 'no console line of the workbench or extension host contains the number');
    }
    for (const dir of [server.userDataDir, server.extensionsDir, profileDir, server.base]) {
      assert.deepEqual(filesContaining(dir, BODY), [], `no file under ${dir} contains the number`);
    }
  });
});
