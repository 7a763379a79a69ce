// Entry point that the web worker extension host of VS Code for the browser loads (through
// @vscode/test-web's extensionTestsPath): mocha's browser build, ui bdd, runs the suite below and
// reports its counts on the console, where scripts/test-web.mjs reads them (a worker has no file
// system to write to). Bundled for the browser by scripts/build.mjs into out/test/web/index.js.

/** The line scripts/test-web.mjs looks for in the extension host's console output. */
export const RESULTS_MARKER = '[medguide-web-results]';

type BrowserMocha = Mocha & {
  setup(options: Mocha.MochaOptions): BrowserMocha;
  run(fn?: (failures: number) => void): Mocha.Runner;
};

export function run(): Promise<void> {
  // The browser build of mocha: it sets the globals `mocha` and `Mocha` (no Node APIs needed).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha.js');
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  // Required after setup: `describe` and `it` exist from then on.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./web.test');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./annuaire.test');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
        console.log(`${RESULTS_MARKER} ${JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending })}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (e) {
      console.error(e);
      reject(e);
    }
  });
}
