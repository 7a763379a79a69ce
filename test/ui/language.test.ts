// One language for every message: with `medguide.language` set to `fr`, then to `en` (VS Code itself
// stays in English, so `fr` is the case where MedGuide must read its catalogue itself), every
// MedGuide command of package.json is run from the palette and what its UI shows is read (input
// box and quick pick: title, placeholder, items, validation message; dialogs; notifications; the
// Guide Health report's webview), then the Problems panel of a faulty page and of the whole site,
// and the Guide Health view. No text may hold a message of the other language: checked against the
// other catalogue (l10n/bundle.l10n.json keys, l10n/bundle.l10n.fr.json values) and, in English,
// against French words of the French catalogue. VS Code's own chrome (the palette's command titles,
// from package.nls*.json, follows VS Code's display language) is not read.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, openWorkbench, plantPageMistakes, ROOT, runCommand, screenshot, type Workbench } from './workbench';

type Lang = 'fr' | 'en';

const FR = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[] };
};
const nls = (locale: string) => JSON.parse(readFileSync(join(ROOT, locale === 'fr' ? 'package.nls.fr.json' : 'package.nls.json'), 'utf8')) as Record<string, string>;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The fixed parts of a catalogue's messages (between placeholders), long enough to be telling. */
function fragments(messages: readonly string[]): string[] {
  return [...new Set(messages.flatMap((m) => m.split(/\{\w+\}/)).map(squash))].filter((f) => f.length >= 12);
}

/** Every message of a language, as the catalogues hold them. */
function messagesOf(lang: Lang): string[] {
  return lang === 'fr' ? Object.values(FR) : Object.keys(FR);
}

/** Fragments of `other`'s messages that no message of `lang` contains: seeing one means a message of `other`. */
function foreignFragments(lang: Lang): string[] {
  const own = messagesOf(lang).map(squash).join('\n');
  return fragments(messagesOf(lang === 'fr' ? 'en' : 'fr')).filter((f) => !own.includes(f));
}

const words = (s: string) => s.toLowerCase().match(/\p{L}[\p{L}’'-]*\p{L}/gu) ?? [];

/** Words with a French letter that the French catalogue uses and the English one never does. */
function frenchWords(): Set<string> {
  const english = new Set(Object.keys(FR).flatMap(words));
  return new Set(Object.values(FR).flatMap(words).filter((w) => /[àâçéèêëîïôûùüÿœ]/.test(w) && w.length >= 4 && !english.has(w)));
}

/** Every word of the site's own files (page text may be quoted in a message: it is not MedGuide's language). */
function siteWords(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.size < 2_000_000) for (const w of words(`${name} ${readFileSync(p, 'utf8')}`)) out.add(w);
    }
  };
  walk(dir);
  return out;
}

/**
 * What MedGuide shows right now: quick input, dialogs, notifications. (A string: functions defined
 * inside a page function would be named by the TypeScript loader with a helper the page lacks.)
 */
const VISIBLE_TEXTS = `(() => {
  const out = [];
  const shown = (e) => !!e && e.offsetParent !== null;
  const widget = document.querySelector('.quick-input-widget');
  if (shown(widget)) {
    for (const sel of ['.quick-input-title', '.quick-input-message', '.quick-input-list .monaco-list-row']) {
      for (const e of Array.from(widget.querySelectorAll(sel))) if (e.innerText && e.innerText.trim()) out.push(e.innerText);
    }
    const input = widget.querySelector('input');
    if (input && input.placeholder) out.push(input.placeholder);
    if (input && input.getAttribute('aria-label')) out.push(input.getAttribute('aria-label'));
  }
  for (const e of Array.from(document.querySelectorAll('.monaco-dialog-box'))) if (shown(e)) out.push(e.innerText);
  for (const e of Array.from(document.querySelectorAll('.notifications-toasts .notification-toast'))) if (shown(e)) out.push(e.innerText);
  return out;
})()`;

async function visibleTexts(wb: Workbench): Promise<string[]> {
  return (await wb.page.evaluate(VISIBLE_TEXTS)) as string[];
}

/** The text of the webview shown (the Guide Health report). */
async function webviewText(wb: Workbench): Promise<string> {
  try {
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    await frame.locator('body').waitFor({ timeout: 15_000 });
    return await frame.locator('body').innerText({ timeout: 15_000 });
  } catch {
    return '';
  }
}

async function problems(wb: Workbench, atLeast: number): Promise<string[]> {
  await runCommand(wb.page, 'Problems: Focus on Problems View');
  await wb.page.waitForFunction((n) => document.querySelectorAll('.markers-panel .monaco-list-row').length >= n, atLeast, { timeout: 30_000 });
  await wb.page.waitForTimeout(1_000);
  return wb.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
}

async function dismiss(wb: Workbench): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForTimeout(150);
  }
  await runCommand(wb.page, 'Notifications: Clear All Notifications').catch(() => undefined);
  await wb.page.keyboard.press('Escape');
}

// VS Code in French (`en` against a French VS Code) is not run: code-server started with `--locale fr`
// stays in English without Microsoft's French language pack (not on npm), extensions included.
const SCENARIOS: readonly { lang: Lang; locale: 'en' | 'fr' }[] = [
  { lang: 'fr', locale: 'en' },
  { lang: 'en', locale: 'en' },
];

for (const { lang, locale } of SCENARIOS) {
  // The palette shows the manifest's titles in VS Code's display language.
  const NLS = nls(locale);
  describe(`UI: one language for every message (medguide.language = ${lang}, VS Code started with --locale ${locale})`, function () {
    this.timeout(300_000);
    let wb: Workbench;
    const seen: { where: string; text: string }[] = [];
    /** The words of the site as it was opened (before MedGuide writes anything into it). */
    let page = new Set<string>();

    before(async () => {
      wb = await openWorkbench({
        ...(locale === 'fr' ? { locale: 'fr' } : {}),
        settings: { 'medguide.language': lang, 'files.autoSave': 'off' },
        setup: plantPageMistakes,
      });
      page = siteWords(wb.workspace);
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && wb) await screenshot(wb.page, `failed-language-${lang}-${locale}-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
    });
    after(async () => {
      await wb?.close();
    });

    it('reads the Problems panel of a faulty page', async () => {
      await openFile(wb.page, 'content/cabinet/e-cps.md');
      for (const text of await problems(wb, 4)) seen.push({ where: 'Problems (page)', text });
      await runCommand(wb.page, 'View: Hide Panel');
    });

    const commands = MANIFEST.contributes.commands.filter((c) => c.command.startsWith('medguide.'));
    for (const c of commands) {
      const title = c.title.replace(/^%(.+)%$/, (_, key: string) => NLS[key] ?? key);
      const label = `${c.category ?? 'MedGuide'}: ${title}`;
      it(`reads the UI of "${label}"`, async () => {
        await dismiss(wb);
        await openFile(wb.page, 'content/cabinet/e-cps.md');
        await runCommand(wb.page, label);
        await wb.page.waitForTimeout(2_500);
        for (const text of await visibleTexts(wb)) seen.push({ where: label, text });
        // The published-site warning before the patient address box: go on, to read the box too.
        const insertAnyway = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: lang === 'fr' ? FR['Insert anyway'] : 'Insert anyway' });
        if (await insertAnyway.isVisible()) {
          await insertAnyway.click();
          await wb.page.waitForTimeout(1_500);
          for (const text of await visibleTexts(wb)) seen.push({ where: `${label} (box)`, text });
        }
        // An input box: type a wrong entry (13 digits of a fictitious number, its key missing) to see its validation message.
        const box = wb.page.locator('.quick-input-widget input[type="password"]');
        if (await box.isVisible()) {
          await box.pressSequentially('2 91 12 13 014 562', { delay: 20 });
          await wb.page.waitForTimeout(800);
          for (const text of await visibleTexts(wb)) seen.push({ where: `${label} (entry)`, text });
        }
        // The site's rules, written with their comments in MedGuide's language.
        const rules = join(wb.workspace, '.medguide.toml');
        if (c.command === 'medguide.writeRules' && existsSync(rules)) {
          const comments = readFileSync(rules, 'utf8').split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
          assert.ok(comments.length > 0, 'the written .medguide.toml has comments');
          for (const text of comments) seen.push({ where: `${label} (.medguide.toml)`, text });
        }
        if (c.command === 'medguide.health.openReport') {
          const report = await webviewText(wb);
          if (report) seen.push({ where: `${label} (report)`, text: report });
        }
        await dismiss(wb);
        if (c.command === 'medguide.health.openReport') await runCommand(wb.page, 'View: Close All Editors').catch(() => undefined);
      });
    }

    it('reads the Problems panel of the whole site and the Guide Health view', async () => {
      await openFile(wb.page, 'content/cabinet/e-cps.md');
      for (const text of await problems(wb, 4)) seen.push({ where: 'Problems (site)', text });
      await runCommand(wb.page, `Explorer: Focus on ${NLS['view.health']} View`);
      const rows = `Array.from(document.querySelectorAll('.pane'))
        .filter((p) => /health|santé/i.test((p.querySelector('.pane-header') || {}).textContent || ''))
        .flatMap((p) => Array.from(p.querySelectorAll('.monaco-list-row')).map((r) => r.innerText))`;
      await wb.page.waitForFunction(`${rows}.length > 0`, undefined, { timeout: 30_000 }).catch(() => undefined);
      const health = (await wb.page.evaluate(rows)) as string[];
      assert.ok(health.length > 0, 'the Guide Health view lists something');
      for (const text of health) seen.push({ where: 'Guide Health view', text });
    });

    it(`finds only ${lang === 'fr' ? 'French' : 'English'} messages`, () => {
      writeFileSync(join(ROOT, 'test-results', `language-${lang}-vscode-${locale}.txt`), seen.map((s) => `[${s.where}] ${squash(s.text)}`).join('\n') + '\n');
      // The manifest's texts (the extension's name in a notification's source line…) follow VS Code's
      // display language, by VS Code's design: they are taken out before looking.
      const manifest = Object.values(NLS).map(squash).filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
      const clean = (text: string) => manifest.reduce((t, v) => t.split(v).join(' '), squash(text));
      for (const s of seen) s.text = clean(s.text);
      const all = seen.map((s) => squash(s.text));
      // It read MedGuide's UI, in the expected language: many fixed parts of this language's messages.
      const own = fragments(messagesOf(lang)).filter((f) => !fragments(messagesOf(lang === 'fr' ? 'en' : 'fr')).includes(f));
      const found = own.filter((f) => all.some((t) => t.includes(f)));
      assert.ok(found.length >= 8, `messages of ${lang} seen: ${found.join(' | ')}\n${all.join('\n')}`);
      const foreign = foreignFragments(lang);
      const mixed = seen.flatMap((s) => foreign.filter((f) => squash(s.text).includes(f)).map((f) => `[${s.where}] "${f}" in: ${squash(s.text).slice(0, 300)}`));
      assert.deepEqual(mixed, []);
      if (lang === 'en') {
        const french = frenchWords();
        const frenchSeen = seen.flatMap((s) => words(s.text).filter((w) => french.has(w) && !page.has(w)).map((w) => `[${s.where}] ${w}: ${squash(s.text).slice(0, 200)}`));
        assert.deepEqual(frenchSeen, []);
      }
    });
  });
}
