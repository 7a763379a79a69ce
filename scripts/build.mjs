#!/usr/bin/env node
// Bundles with esbuild:
//   dist/extension.js      the extension for desktop VS Code (Node extension host)
//   dist/web/extension.js  the same glue for vscode.dev / github.dev (web worker extension host)
//   packages/cli/dist/cli.js  the `medguide` command line, the npm package medguide-cli (no runtime dependencies:
//                          everything bundled); the libraries `medguide check` seldom or never needs are
//                          beside it, in yaml.js, markdown-it.js, fflate.js (see CLI_LIBRARIES)
//   dist/core.js           the core's public API for scripts (CommonJS library)
//   out/test/integration/  the extension-host test suite (mocha stays external: the host loads it from node_modules)
//   out/test/web/index.js  the web suite for the web worker extension host (mocha's browser build bundled in; --only=webTests)
// Flags: --production (minify, no source maps), --watch, --only=extension|web|cli|core|tests,
//   --prepublish (`vscode:prepublish`, run by `vsce package`, with --only=extension,web: what the .vsix
//   holds; skipped when MEDGUIDE_PREBUILT=1, i.e. when
//   scripts/start.mjs packages dist/ as a test run built it)
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
if (args.includes('--prepublish') && process.env.MEDGUIDE_PREBUILT === '1') {
  process.stderr.write('[build] vscode:prepublish: dist/ already built (MEDGUIDE_PREBUILT=1), not rebuilt\n');
  process.exit(0);
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'linked',
};

function listTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTests(p));
    else if (entry.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/**
 * The command line's libraries that `medguide check` does not need, or only for some sites: each set in
 * a file of its own beside cli.js (packages/cli/dist/<file>), required the first time a module that
 * imports it is evaluated, so that starting `medguide check` neither compiles nor evaluates them. The
 * sub-commands are imported when run (src/cli/main.ts), so `render`'s markdown-it and `annuaire`'s
 * fflate load with them; `yaml` is reached through src/cli/lazyYaml.ts, which loads it on first use.
 */
const CLI_LIBRARIES = {
  'yaml.js': ['yaml'],
  'markdown-it.js': ['markdown-it', 'markdown-it-attrs', 'markdown-it-attrs/patterns.js', 'markdown-it-attrs/utils.js', 'markdown-it-deflist', 'markdown-it-mark', 'markdown-it-sub', 'markdown-it-sup'],
  'fflate.js': ['fflate'],
};

/**
 * In cli.js, each import of one of CLI_LIBRARIES is a module `module.exports = require('./<file>').modules[i]`,
 * the library's exports as its importer would have seen them bundled (same files: the library's file is
 * built from `import * as`, as the sources import it). The core's `yaml` goes to src/cli/lazyYaml.ts.
 */
const cliLibraries = {
  name: 'cli-libraries',
  setup(build) {
    const where = new Map(Object.entries(CLI_LIBRARIES).flatMap(([file, specifiers]) => specifiers.map((s, i) => [s, { file, i }])));
    const lazyYaml = join(process.cwd(), 'src', 'cli', 'lazyYaml.ts');
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (!where.has(args.path)) return undefined;
      if (args.path === 'yaml' && args.importer !== lazyYaml) return { path: lazyYaml };
      return { path: args.path, namespace: 'cli-library' };
    });
    build.onResolve({ filter: /^\.\//, namespace: 'cli-library' }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'cli-library' }, (args) => {
      const { file, i } = where.get(args.path);
      return { contents: `module.exports = require(${JSON.stringify(`./${file}`)}).modules[${i}];`, loader: 'js' };
    });
  },
};

const cliLibraryBuilds = Object.entries(CLI_LIBRARIES).map(([file, specifiers]) => ({
  ...common,
  stdin: {
    contents: [
      ...specifiers.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`),
      "const asCommonJs = (ns) => Object.defineProperty({ ...ns }, '__esModule', { value: true });",
      `export const modules = [${specifiers.map((_, i) => `asCommonJs(m${i})`).join(', ')}];`,
    ].join('\n'),
    resolveDir: process.cwd(),
    sourcefile: `cli-library-${file}`,
    loader: 'js',
  },
  outfile: `packages/cli/dist/${file}`,
  platform: 'node',
  format: 'cjs',
}));

const builds = {
  extension: {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  web: {
    ...common,
    entryPoints: ['src/extension/main.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  },
  cli: [
    {
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'packages/cli/dist/cli.js',
      platform: 'node',
      format: 'cjs',
      banner: { js: '#!/usr/bin/env node' },
      define: { MEDGUIDE_VERSION: JSON.stringify(JSON.parse(readFileSync('packages/cli/package.json', 'utf8')).version) },
      plugins: [cliLibraries],
    },
    ...cliLibraryBuilds,
  ],
  core: {
    ...common,
    entryPoints: ['src/core/index.ts'],
    outfile: 'dist/core.js',
    platform: 'neutral',
    format: 'cjs',
    mainFields: ['module', 'main'],
  },
  tests: {
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: listTests('test/integration'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
  },
  webTests: {
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['test/web/index.ts'],
    outfile: 'out/test/web/index.js',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
  },
};

const selected = Object.entries(builds).filter(([name]) => !only || only.includes(name));
const selectedOptions = selected.flatMap(([, options]) => (Array.isArray(options) ? options : [options]));
if (!only) rmSync('out', { recursive: true, force: true });
if (watch) {
  for (const options of selectedOptions) (await esbuild.context(options)).watch();
  process.stderr.write('[build] watching…\n');
} else {
  const started = Date.now();
  await Promise.all(selectedOptions.map((options) => esbuild.build(options)));
  process.stderr.write(`[build] ${selected.map(([n]) => n).join(', ')} built in ${Date.now() - started} ms${production ? ' (production)' : ''}\n`);
}
