#!/usr/bin/env node
// Rasterises docs/icon.svg into media/icon.png (256×256, the Marketplace icon) with the headless
// Chromium of the UI tests (playwright-core + Debian's chromium, installed by scripts/tools.mjs).
// Run after editing the SVG: node scripts/icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'docs/icon.svg'), 'utf8');
const chromiumPath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim(); // `npm run tools` installs it
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(root, 'media/icon.png'), png);
  process.stdout.write(`media/icon.png: ${png.length} bytes\n`);
} finally {
  await browser.close();
}
