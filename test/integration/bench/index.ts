// Extension-host entry for `npm run bench` (scripts/bench.mjs), loaded with --extensionTestsPath.
// Not a test: the suite index only runs *.test.js files. It times the activation of VS Code's own
// Markdown extension (the baseline) and then MedGuide's, in a window where no Markdown document
// was opened (MedGuide activates onLanguage:markdown), and writes the figures as JSON to
// MEDGUIDE_BENCH_FILE. A figure is null when the extension was already active: then it is not measured.
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

export async function run(): Promise<void> {
  // Let the window finish starting so its own work does not land in the measurement.
  await new Promise((r) => setTimeout(r, 2000));
  const openMarkdown = vscode.workspace.textDocuments.filter((d) => d.languageId === 'markdown').map((d) => d.uri.toString());
  // The baseline first: MedGuide refreshes the preview once its page index is ready, which would
  // activate the Markdown extension through its command.
  const baseline = await timeActivation(MARKDOWN);
  const medguide = await timeActivation(MEDGUIDE);
  const result = {
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
  if (medguide.ms === null) throw new Error(`MedGuide was not measured: ${JSON.stringify(medguide)}`);
}
