// Entry point that VS Code's extension host loads with --extensionTestsPath: runs every
// *.test.js bundled next to it with mocha and reports the counts to a JSON file the outer
// runner reads (the extension host's console is not the terminal).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // MEDGUIDE_TEST_GREP (passed on by scripts/test.mjs): only the tests whose title has that text.
  const grep = process.env.MEDGUIDE_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const dir = path.resolve(__dirname, '..');
  const files = walk(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(f);
  const resultsFile = process.env.MEDGUIDE_RESULTS_FILE || path.resolve(dir, '../../../test-results/integration.json');
  // The extension host's console goes to the browser, not the terminal: keep mocha's report in a
  // file next to the counts; the outer runner prints it.
  const logFile = resultsFile.replace(/\.json$/, '.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  fs.writeFileSync(logFile, '');
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(logFile, `${format(...args)}\n`);
    originalLog(...args);
  };
  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        base.consoleLog = originalLog;
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        try {
          fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
          fs.writeFileSync(resultsFile, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending }));
        } catch {
          /* the exit code still tells the outcome */
        }
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
