// Drives a real VS Code (code-server) in Debian's Chromium for UI checks and screenshots, the way
// `npm start` runs it: MedGuide packaged and installed from a .vsix, a fresh copy of the example
// site named `guide-site` (what the README's screenshots show, title bar included).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
/** Where the README's screenshots live: the UI tests retake them at every run. */
export const README_IMAGES = join(ROOT, 'docs', 'images');

interface Server {
  url: string;
  base: string;
  userDataDir: string;
  extensionsDir: string;
  stop(options?: { keepFolders?: boolean }): void;
  tools: { chromium: string };
  host: string;
  port: number;
}

export interface Workbench {
  page: Page;
  context: BrowserContext;
  server: Server;
  /** The copy of the example site that is open (a folder named `guide-site`). */
  workspace: string;
  /** This run's own folder: the site's copy, code-server's user data, extensions and state. */
  state: string;
  /** Chromium's profile folder for this run (the browser side of VS Code's storage). */
  profileDir: string;
  /** Every console line the workbench and the extension host printed. */
  consoleLines: string[];
  /** Closes the browser and stops code-server; removes this run's folders unless `keepFolders` (then call `removeFolders`). */
  close(options?: { keepFolders?: boolean }): Promise<void>;
  removeFolders(): Promise<void>;
}

type StartModule = {
  packageExtension(o: { out: string; build?: boolean }): string;
  installExtension(o: { tools: unknown; vsix: string; userDataDir: string; extensionsDir: string; stateDir: string }): string[];
  copyExampleSite(parent: string): string;
};

export async function scripts(): Promise<{ start: StartModule; cs: Record<string, any>; tools: { ensureTools(): any } }> {
  return {
    start: (await import(join(ROOT, 'scripts/start.mjs'))) as StartModule,
    cs: await import(join(ROOT, 'scripts/code-server.mjs')),
    tools: await import(join(ROOT, 'scripts/tools.mjs')),
  };
}

let packaged: Promise<string> | undefined;
/** MedGuide as a .vsix, packaged once per test run from dist/ as the test run built it. */
export function extensionPackage(): Promise<string> {
  packaged ??= (async () => {
    const { start } = await scripts();
    return start.packageExtension({ out: join(mkdtempSync(join(tmpdir(), 'medguide-ui-vsix-')), 'medguide.vsix'), build: false });
  })();
  return packaged;
}

/**
 * The mistakes a person makes while trying the demo, planted in the example site's e-cps.md: a date
 * as written in France, a misspelt key (`lastmode`), an author twice. For `openWorkbench`'s `setup`.
 */
export function plantPageMistakes(site: string): void {
  const file = join(site, 'content/cabinet/e-cps.md');
  const text = readFileSync(file, 'utf8')
    .replace('date = "2024-03-04T12:00:00+01:00"', 'date = "04/03/2024"')
    .replace('lastmod = ', 'lastmode = ')
    .replace('auteurs = ["Thomas PETIT"]', 'auteurs = ["Thomas PETIT", "Thomas PETIT"]');
  for (const mistake of ['date = "04/03/2024"', 'lastmode = ', '"Thomas PETIT", "Thomas PETIT"']) assert.ok(text.includes(mistake), mistake);
  writeFileSync(file, text);
}

/**
 * Starts code-server on a fresh copy of the example site with MedGuide installed from its .vsix.
 * `setup` may change the copy before VS Code opens it.
 */
export async function openWorkbench(options: { settings?: Record<string, unknown>; locale?: string; setup?: (site: string) => void } = {}): Promise<Workbench> {
  const { start, cs, tools } = await scripts();
  const vsix = await extensionPackage();
  const state: string = mkdtempSync(join(tmpdir(), 'medguide-ui-'));
  const workspace = start.copyExampleSite(state);
  options.setup?.(workspace);
  const userDataDir = join(state, 'user-data');
  const extensionsDir = join(state, 'extensions');
  start.installExtension({ tools: tools.ensureTools(), vsix, userDataDir, extensionsDir, stateDir: state });
  let server: Server;
  try {
    server = await cs.startCodeServer({ userDataDir, extensionsDir, settings: { ...cs.TEST_SETTINGS, ...options.settings }, locale: options.locale, smokeTestDriver: false });
  } catch (e) {
    cs.removeDir(state, 'UI test folder');
    throw e;
  }
  let context: BrowserContext | undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'medguide-ui-profile-'));
  const consoleLines: string[] = [];
  const removeFolders = async () => {
    // Cleanup never fails a test: a folder still being written to is retried, at worst left and logged.
    await cs.removeBrowserProfile(profileDir);
    cs.removeDir(state, 'UI test folder');
    cs.removeDir(server.base, 'code-server folder');
  };
  const cleanUp = async ({ keepFolders = false }: { keepFolders?: boolean } = {}) => {
    await context?.close().catch(() => {});
    server.stop({ keepFolders: true });
    if (!keepFolders) await removeFolders();
  };
  try {
    context = (await cs.launchBrowser(server.tools, { profileDir })) as BrowserContext;
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => consoleLines.push(msg.text()));
    await page.goto(cs.workbenchUrl(server, { folder: workspace }), { timeout: 60_000 });
    // Ready when the explorer lists the workspace.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const ctx = context;
    return { page, context: ctx, server, workspace, state, profileDir, consoleLines, close: cleanUp, removeFolders };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}

/**
 * Runs a command from the palette by its label (as shown, e.g. "Markdown: Open Preview to the Side").
 * Retries while the extensions that contribute it are still starting (the palette lists only what
 * is registered when it opens).
 */
export async function runCommand(page: Page, label: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ timeout: 4_000 });
    } catch (e) {
      await page.keyboard.press('Escape');
      if (attempt >= attempts) throw e;
      await page.waitForTimeout(1_000);
      continue;
    }
    await row.click();
    return;
  }
}

/** Opens a workspace file through Quick Open (Ctrl+P). */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(relativePath);
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${name}"], .tab .label-name:text("${name}")`).first().waitFor({ timeout: 15_000 });
}

/** The Markdown preview's document (webview iframe → active frame). */
export function previewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/**
 * Waits until `predicate(previewDocument, arg)` is true in the Markdown preview's document
 * (webview iframe → active frame), re-evaluated as the preview updates.
 */
export async function waitForPreview<A>(page: Page, predicate: (doc: Document, arg: A) => boolean, arg: A, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    ({ source, arg: a }) => {
      const outer = document.querySelector('iframe.webview.ready') as HTMLIFrameElement | null;
      const inner = outer?.contentDocument?.querySelector('iframe#active-frame') as HTMLIFrameElement | null;
      const doc = inner?.contentDocument;
      // eslint-disable-next-line no-new-func
      return doc ? Boolean(new Function('doc', 'arg', `return (${source})(doc, arg);`)(doc, a)) : false;
    },
    { source: predicate.toString(), arg },
    { timeout },
  );
}

/**
 * Saves a screenshot in test-results/. With `readme`, it is one of the README's pictures: with
 * MEDGUIDE_README_IMAGES=1 it also replaces its copy in docs/images/ (not at every run: the
 * repository would change at every test run).
 */
export async function screenshot(page: Page, name: string, { readme = false } = {}): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (readme && process.env.MEDGUIDE_README_IMAGES === '1') {
    mkdirSync(README_IMAGES, { recursive: true });
    await page.screenshot({ path: join(README_IMAGES, `${name}.png`) });
  }
  return file;
}
