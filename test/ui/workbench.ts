// Drives a real VS Code (code-server) in Debian's Chromium for UI checks and screenshots.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');

interface Server {
  url: string;
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
  close(): Promise<void>;
}

/** Starts code-server on a fresh copy of the example site with MedGuide as the development extension. */
export async function openWorkbench(options: { settings?: Record<string, unknown>; locale?: string } = {}): Promise<Workbench> {
  const cs = await import(join(ROOT, 'scripts/code-server.mjs'));
  const { makeWorkspace } = await import(join(ROOT, 'scripts/workspace.mjs'));
  const workspace: string = makeWorkspace();
  const server: Server = await cs.startCodeServer({ settings: { ...cs.TEST_SETTINGS, ...options.settings }, locale: options.locale });
  let context: BrowserContext | undefined;
  try {
    context = (await cs.launchBrowser(server.tools)) as BrowserContext;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(cs.workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }), { timeout: 60_000 });
    // Ready when the explorer lists the workspace.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    const ctx = context;
    return {
      page,
      context: ctx,
      server,
      workspace,
      close: async () => {
        await ctx.close().catch(() => {});
        server.stop();
      },
    };
  } catch (e) {
    await context?.close().catch(() => {});
    server.stop();
    throw e;
  }
}

/** Runs a command from the palette by its label (as shown, e.g. "Markdown: Open Preview to the Side"). */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
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

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
