// Drives a real VS Code (code-server) in Debian's Chromium for UI checks and screenshots.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');

interface Server {
  url: string;
  base: string;
  userDataDir: string;
  extensionsDir: string;
  stop(): void;
  tools: { chromium: string };
  host: string;
  port: number;
}

export interface Workbench {
  page: Page;
  context: BrowserContext;
  server: Server;
  workspace: string;
  /** Chromium's profile folder for this run (the browser side of VS Code's storage). */
  profileDir: string;
  /** Every console line the workbench and the extension host printed. */
  consoleLines: string[];
  close(): Promise<void>;
}

/** Starts code-server on a fresh copy of the example site with MedGuide as the development extension. */
export async function openWorkbench(options: { settings?: Record<string, unknown>; locale?: string } = {}): Promise<Workbench> {
  const cs = await import(join(ROOT, 'scripts/code-server.mjs'));
  const { makeWorkspace } = await import(join(ROOT, 'scripts/workspace.mjs'));
  const workspace: string = makeWorkspace();
  const server: Server = await cs.startCodeServer({ settings: { ...cs.TEST_SETTINGS, ...options.settings }, locale: options.locale });
  let context: BrowserContext | undefined;
  const profileDir = mkdtempSync(join(tmpdir(), 'medguide-ui-profile-'));
  const consoleLines: string[] = [];
  try {
    context = (await cs.launchBrowser(server.tools, { profileDir })) as BrowserContext;
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => consoleLines.push(msg.text()));
    await page.goto(cs.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }), { timeout: 60_000 });
    // Ready when the explorer lists the workspace.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const ctx = context;
    return {
      page,
      context: ctx,
      server,
      workspace,
      profileDir,
      consoleLines,
      close: async () => {
        await ctx.close().catch(() => {});
        server.stop();
        for (const dir of [profileDir, workspace]) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (e) {
    await context?.close().catch(() => {});
    server.stop();
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

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
