import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExtract } from '../../src/core/annuaire';
import { generateExtract, zipExtract } from '../support/annuaireExtract';
import { openFile, openWorkbench, runCommand, screenshot, type Workbench } from './workbench';

// The Annuaire Santé extract as an author uses it: loaded through the command and VS Code's file
// dialog (a generated zip of invented people), searched as one types in the quick pick, an address
// inserted, and a page's unknown address flagged. Screenshots in test-results/annuaire-*.png.

const PAGE = 'content/cabinet/orienter-annuaire.md';

describe('UI: the Annuaire Santé extract (load, search as you type, insert, warning)', function () {
  this.timeout(240_000);
  let wb: Workbench;
  let dir: string;
  const g = generateExtract({ count: 3000, seed: 42 });
  const zipPath = () => join(dir, 'Extraction_Correspondance_MSSante_202611280400.zip');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'medguide-ui-annuaire-'));
    writeFileSync(zipPath(), zipExtract(g.text, '202611280400'));
    wb = await openWorkbench({
      settings: { 'medguide.mssante.insertFormat': 'plain', 'files.autoSave': 'off', 'files.simpleDialog.enable': true },
      setup: (site) =>
        writeFileSync(
          join(site, PAGE),
          '+++\ntitle = "Orienter"\ndescription = "Page de test : à qui écrire."\nauteurs = ["Test AUTEUR"]\ndate = 2026-01-01\n+++\n\nÉcrire au Dr Anne Fermée : <anne.fermee@medecin.mssante.fr>.\n\nCardiologue : \n',
        ),
    });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-annuaire-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 50)}`);
  });
  after(async () => {
    await wb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the zip through the command and the file dialog, and says what it read', async () => {
    const { page } = wb;
    await openFile(page, PAGE);
    await runCommand(page, 'MedGuide: Load the Annuaire Santé Extract…');
    // MedGuide's own quick pick (its title), not the palette it replaces.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Load the Annuaire Santé extract of MSSanté mailboxes' }).waitFor({ timeout: 10_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Download it' }).first().waitFor({ timeout: 10_000 });
    const labels = await rows.allInnerTexts();
    assert.ok(labels.some((l) => l.includes('From a file (zip or txt)…')) && labels.some((l) => l.includes('Download it')), labels.join(' | '));
    await screenshot(page, 'annuaire-load-choice');
    await rows.filter({ hasText: 'From a file' }).first().click();
    // VS Code's own file dialog (simple dialog): the path typed in its box, then Enter.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Load the Annuaire Santé extract' }).waitFor({ state: 'hidden', timeout: 10_000 });
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(1000);
    await input.fill(zipPath());
    await page.waitForTimeout(500);
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'Extract of 2026-11-28' });
    await toast.waitFor({ timeout: 60_000 });
    assert.match(await toast.innerText(), /Extract of 2026-11-28: 3000 address\(es\) \(3000 line\(s\) read, 0 duplicate\(s\), 0 unreadable line\(s\)\)/);
    await screenshot(page, 'annuaire-loaded');
  });

  it('flags the address the extract lacks, naming the extract date (Problems panel)', async () => {
    const { page } = wb;
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'anne.fermee@medecin.mssante.fr' }).first();
    await problem.waitFor({ timeout: 15_000 });
    assert.match(await problem.innerText(), /not in the Annuaire Santé extract of 2026-11-28/);
    await screenshot(page, 'annuaire-warning', { readme: true });
  });

  it('searches as one types, shows name, profession, specialty, place; inserts the chosen address', async () => {
    const { page } = wb;
    await openFile(page, PAGE);
    // The cursor at the end of "Cardiologue : ".
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await runCommand(page, 'MedGuide: Insert Professional MSSanté Address');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    // MedGuide's quick pick (its title names the extract's date), focused, before typing.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Annuaire Santé — extract of 2026-11-28' }).waitFor({ timeout: 10_000 });
    await page.waitForFunction(() => document.activeElement === document.querySelector('.quick-input-widget input'), undefined, { timeout: 10_000 });
    // The cardiologists of a town of the generated extract: "cardio", then the start of the town's name.
    const who = g.people.find((p) => p.savoirFaire.startsWith('Cardiologie'))!;
    const typed = `cardio ${who.city.toLowerCase().slice(0, 3)}`;
    await input.pressSequentially(typed, { delay: 60 });
    const index = await readExtract(new TextEncoder().encode(g.text));
    const expected = index.search(typed, 50).entries;
    assert.ok(expected.length > 0, typed);
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await page.waitForFunction((n) => document.querySelectorAll('.quick-input-list .monaco-list-row').length >= n, Math.min(expected.length, 5), { timeout: 10_000 });
    const first = await rows.first().innerText();
    assert.ok(first.includes(expected[0].nom || expected[0].organisation), first);
    assert.match(first, /Cardiologie/);
    assert.ok(first.includes(expected[0].address), first);
    // The list in the index's order (VS Code's own filter and sort are out of the way).
    const shown = await rows.allInnerTexts();
    assert.ok(shown.length >= Math.min(expected.length, 5), `${shown.length} rows`);
    shown.forEach((text, i) => assert.ok(text.includes(expected[i].address), `row ${i}: ${text}`));
    await screenshot(page, 'annuaire-search', { readme: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (address) => (document.querySelector('.monaco-editor .view-lines') as HTMLElement | null)?.innerText.replace(/\u00a0/g, ' ').includes(`Cardiologue : ${address}`),
      expected[0].address,
      { timeout: 10_000 },
    );
    await screenshot(page, 'annuaire-inserted');
    await runCommand(page, 'File: Revert File');
  });
});
