// Extension-host entry for `npm run bench` (scripts/bench.mjs), loaded with --extensionTestsPath.
// Not a test: the suite index only runs *.test.js files. It times the activation of VS Code's own
// Markdown extension (the baseline) and then MedGuide's, in a window where no Markdown document
// was opened (MedGuide activates onLanguage:markdown), and writes the figures as JSON to
// MEDGUIDE_BENCH_FILE. A figure is null when the extension was already active: then it is not measured.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

const MEDGUIDE = 'medguide.medguide';
const MARKDOWN = 'vscode.markdown-language-features';

interface Activation {
  readonly id: string;
  readonly found: boolean;
  readonly activeBefore: boolean;
  readonly ms: number | null;
}

async function timeActivation(id: string): Promise<Activation> {
  const ext = vscode.extensions.getExtension(id);
  if (!ext) return { id, found: false, activeBefore: false, ms: null };
  if (ext.isActive) return { id, found: true, activeBefore: true, ms: null };
  const started = performance.now();
  await ext.activate();
  return { id, found: true, activeBefore: false, ms: performance.now() - started };
}

/** Wall-clock ms per render, and the extension host's CPU ms per render (user + system, all its threads: garbage collection included). */
type RenderTiming = { ms: number; cpuMs: number; medguideClasses: boolean };

/**
 * Median ms of `markdown.api.render(text)` over `batches` batches of `perBatch` renders, after `warmup` renders.
 * Several texts are rendered in turn (one text: the same page over and over).
 */
async function timeRenderOf(texts: string | readonly string[], warmup: number, batches: number, perBatch: number): Promise<RenderTiming> {
  const list = typeof texts === 'string' ? [texts] : texts;
  let next = 0;
  const render = () => vscode.commands.executeCommand<string>('markdown.api.render', list[next++ % list.length]);
  let html = '';
  for (let i = 0; i < warmup; i++) html = await render(); // plugins loaded, code optimised
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let i = 0; i < perBatch; i++) await render();
    const used = process.cpuUsage(cpuStarted);
    samples.push((performance.now() - started) / perBatch);
    cpu.push((used.user + used.system) / 1000 / perBatch);
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { ms: median(samples), cpuMs: median(cpu), medguideClasses: html.includes('medguide-') };
}

/**
 * The preview's own cost as users meet it: `markdown.api.render` in this VS Code, with whatever
 * markdown-it plugins are installed (MedGuide's, or none in the baseline run), of the example page
 * and of the bench's 1 MB page.
 */
async function timeRender(): Promise<{ example?: RenderTiming; exampleEdited?: RenderTiming; big?: RenderTiming } | null> {
  const page = process.env.MEDGUIDE_BENCH_PAGE;
  if (!page) return null;
  const [uri] = await vscode.workspace.findFiles(page, undefined, 1);
  if (!uri) return null;
  const doc = await vscode.workspace.openTextDocument(uri);
  // The text, not the document: VS Code caches a document's tokens per version, which would leave
  // only the HTML output to measure. (Without the document, relrefs are shown unchecked.)
  // Enough renders in this one extension host for a stable median: 21 batches each (the 1 MB
  // page: 42 renders of ~150–250 ms after 6 warm-up ones; a garbage collection moves one batch).
  const example = await timeRenderOf(doc.getText(), 40, 21, 40);
  // The same page while its front matter is being typed: every render has another title, so nothing
  // MedGuide keeps from one render to the next (the parsed front matter and its card) is reused.
  const edited = Array.from({ length: 64 }, (_, i) => doc.getText().replace(/^title = "/m, `title = "${i} `));
  const exampleEdited = await timeRenderOf(edited, 40, 21, 40);
  const bigFile = process.env.MEDGUIDE_BENCH_BIG_FILE;
  const big = bigFile ? await timeRenderOf(fs.readFileSync(bigFile, 'utf8'), 6, 21, 2) : undefined;
  return { example, exampleEdited, big };
}

/**
 * A 5,000-page site appears in the workspace at once (as a branch switch would make it), written by
 * a separate process so that the writing itself does not block this one. Meanwhile a 5 ms timer
 * measures how long the extension host goes without running it: the longest stall is how long the
 * editor's extensions (completion, hovers, diagnostics) could not answer.
 */
async function timeLargeSite(): Promise<{ pages: number; longestStallMs: number; windowMs: number; indexed: number } | null> {
  const pages = Number(process.env.MEDGUIDE_BENCH_SITE_PAGES ?? 0);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!pages || !folder) return null;
  const site = path.join(folder, 'bench-site');
  const writer = `
    const fs = require('fs'), path = require('path');
    const [site, n] = [process.argv[1], Number(process.argv[2])];
    fs.writeFileSync(path.join(site, 'hugo.toml'), 'title = "Bench"\\n');
    for (let i = 0; i < n; i++) {
      const dir = path.join(site, 'content', 'section-' + (i % 50));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'page-' + i + '.md'), '+++\\ntitle = "Page ' + i + '"\\n+++\\n\\nTexte {{< relref "section-0/page-0.md" >}}.\\n');
    }`;
  fs.mkdirSync(site, { recursive: true });
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', writer, site, String(pages)], { stdio: 'ignore', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  // Then long enough for the file events to arrive and be taken in.
  await new Promise((r) => setTimeout(r, 8000));
  clearInterval(timer);
  const windowMs = performance.now() - started;
  // With MedGuide: how many of the pages its index offers as relref targets by then.
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(site, 'content', 'section-0', 'page-0.md')));
  const line = doc.lineAt(4).text;
  const at = new vscode.Position(4, line.indexOf('"') + 1);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at, '"');
  const indexed = (list?.items ?? []).filter((i) => /^section-\d+\/page-\d+\.md$/.test(typeof i.label === 'string' ? i.label : i.label.label)).length;
  return { pages, longestStallMs: longest, windowMs, indexed };
}

export async function run(): Promise<void> {
  // Let the window finish starting so its own work does not land in the measurement.
  await new Promise((r) => setTimeout(r, 2000));
  const openMarkdown = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => d.uri.toString());
  // The baseline first: MedGuide refreshes the preview once its page index is ready, which would
  // activate the Markdown extension through its command.
  const baseline = await timeActivation(MARKDOWN);
  const medguide = await timeActivation(MEDGUIDE);
  const render = await timeRender();
  let largeSite: Awaited<ReturnType<typeof timeLargeSite>> = null;
  let largeSiteError: string | undefined;
  try {
    largeSite = await timeLargeSite();
  } catch (e) {
    largeSiteError = e instanceof Error ? e.message : String(e);
  }
  const result = {
    render,
    largeSite,
    largeSiteError,
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    node: process.version,
    openMarkdownBefore: openMarkdown,
    medguide,
    baseline,
  };
  const file = process.env.MEDGUIDE_BENCH_FILE;
  if (!file) throw new Error('MEDGUIDE_BENCH_FILE is not set');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  // MedGuide already active (the Markdown extension may load its plugin while activating): its
  // activation is not measured in this run, the bench says so, and the other figures still count.
}
