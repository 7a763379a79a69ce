#!/usr/bin/env node
// Grammar tests: runs vscode-tmgrammar-test on the fixtures test/grammar/*.md and *.toml with
// VS Code's own Markdown grammar (taken from the cached code-server install, see scripts/tools.mjs)
// and MedGuide's grammars in syntaxes/, then prints `N passed, M failed` (fixture files).
// Usage: node scripts/test-grammar.mjs [fixture…]        exit code 0 only when every fixture passes.
//
// The injection grammars only apply through `injectTo`, which vscode-tmgrammar-test reads from a
// package.json-like configuration, not from -g: the script writes one to a temporary folder.
// If package.json already contributes grammars from ./syntaxes/, they must match GRAMMARS below
// (a mismatch counts as a failure), so the tests check what the extension really ships.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, CODE_SERVER_VERSION } from './tools.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** MedGuide's grammars, exactly as `contributes.grammars` in package.json should list them. */
export const GRAMMARS = [
  {
    scopeName: 'source.toml.medguide',
    path: './syntaxes/toml.tmLanguage.json',
  },
  {
    scopeName: 'text.html.markdown.hugo.frontmatter',
    path: './syntaxes/hugo-frontmatter.injection.tmLanguage.json',
    injectTo: ['text.html.markdown'],
    embeddedLanguages: { 'meta.embedded.block.frontmatter.toml': 'medguide-toml' },
  },
  {
    scopeName: 'text.html.markdown.hugo.shortcodes',
    path: './syntaxes/hugo-shortcodes.injection.tmLanguage.json',
    injectTo: ['text.html.markdown'],
  },
  {
    scopeName: 'text.html.markdown.hugo.attributes',
    path: './syntaxes/goldmark-attributes.injection.tmLanguage.json',
    injectTo: ['text.html.markdown'],
  },
  {
    scopeName: 'text.html.markdown.hugo.heading-attributes',
    path: './syntaxes/goldmark-heading-attributes.injection.tmLanguage.json',
    injectTo: ['text.html.markdown'],
  },
];

const extensionsDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions');
const markdownGrammar = join(extensionsDir, 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
// Grammars the Markdown grammar includes (HTML in paragraphs, fenced code); used when present so the
// fixtures see what VS Code sees, and so the runner does not warn about missing scopes.
const includedGrammars = [
  'html/syntaxes/html.tmLanguage.json',
  'html/syntaxes/html-derivative.tmLanguage.json',
  'css/syntaxes/css.tmLanguage.json',
  'javascript/syntaxes/JavaScript.tmLanguage.json',
  // source.yaml includes the versioned YAML grammars beside it; without them YAML front matter is not recognised.
  'yaml/syntaxes/yaml.tmLanguage.json',
  'yaml/syntaxes/yaml-1.0.tmLanguage.json',
  'yaml/syntaxes/yaml-1.1.tmLanguage.json',
  'yaml/syntaxes/yaml-1.2.tmLanguage.json',
  'yaml/syntaxes/yaml-1.3.tmLanguage.json',
  'yaml/syntaxes/yaml-embedded.tmLanguage.json',
].map((p) => join(extensionsDir, p));

function sameEntry(a, b) {
  const norm = (e) => JSON.stringify({
    scopeName: e.scopeName,
    path: e.path.replace(/^\.\//, ''),
    injectTo: e.injectTo ?? [],
    embeddedLanguages: e.embeddedLanguages ?? {},
  });
  return norm(a) === norm(b);
}

/** Problems between package.json's grammar contributions and GRAMMARS (none while package.json lists none of ours). */
function checkManifest() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const contributed = (manifest.contributes?.grammars ?? []).filter((g) => /^(\.\/)?syntaxes\//.test(g.path ?? ''));
  if (contributed.length === 0) return { problems: [], note: 'package.json contributes none of these grammars yet; testing syntaxes/ directly.' };
  const problems = [];
  for (const g of GRAMMARS) {
    const c = contributed.find((x) => x.scopeName === g.scopeName);
    if (!c) problems.push(`package.json: contributes.grammars lacks ${g.scopeName} (${g.path})`);
    else if (!sameEntry(c, g)) problems.push(`package.json: contributes.grammars entry for ${g.scopeName} differs from scripts/test-grammar.mjs: ${JSON.stringify(c)}`);
  }
  for (const c of contributed) {
    if (!GRAMMARS.some((g) => g.scopeName === c.scopeName)) problems.push(`package.json: ${c.scopeName} (${c.path}) is not tested by scripts/test-grammar.mjs`);
  }
  // Good citizenship: VS Code's global `toml` language and the `source.toml` scope belong to the
  // TOML extensions (Even Better TOML…); MedGuide's grammar has its own language id and scope.
  for (const c of manifest.contributes?.grammars ?? []) {
    if (c.scopeName === 'source.toml' || c.language === 'toml') problems.push(`package.json: a grammar claims the global TOML language or scope: ${JSON.stringify(c)}`);
    for (const lang of Object.values(c.embeddedLanguages ?? {})) if (lang === 'toml') problems.push(`package.json: ${c.scopeName} embeds the global \`toml\` language`);
  }
  for (const l of manifest.contributes?.languages ?? []) {
    if (l.id === 'toml') problems.push('package.json: contributes.languages claims the global `toml` language');
  }
  return { problems, note: '' };
}

function main(argv) {
  if (!existsSync(markdownGrammar)) {
    process.stderr.write(
      `test-grammar: VS Code's Markdown grammar is missing:\n  ${markdownGrammar}\n` +
      `It comes with code-server ${CODE_SERVER_VERSION}, installed into the tools cache (${cacheDir}) by \`npm run tools\` ` +
      `(node scripts/tools.mjs). The cache folder follows MEDGUIDE_TOOLS_DIR, else XDG_CACHE_HOME/medguide-tools, else ~/.cache/medguide-tools.\n`,
    );
    return 2;
  }
  for (const g of GRAMMARS) {
    if (!existsSync(join(root, g.path))) {
      process.stderr.write(`test-grammar: ${g.path} is missing\n`);
      return 2;
    }
  }
  const fixtureDir = join(root, 'test', 'grammar');
  const fixtures = argv.length > 0
    ? argv.map((f) => resolve(f))
    : readdirSync(fixtureDir).filter((f) => /\.(md|toml)$/.test(f)).sort().map((f) => join(fixtureDir, f));
  if (fixtures.length === 0) {
    process.stderr.write(`test-grammar: no fixture in ${relative(root, fixtureDir)}\n`);
    return 2;
  }

  const { problems, note } = checkManifest();
  // vscode-tmgrammar-test accepts one '-' (everything after it is excluded); a second one makes its
  // assertion regex backtrack for minutes instead of failing, so catch it here.
  for (const f of fixtures) {
    const lines = readFileSync(f, 'utf8').split(/\r?\n/);
    const comment = /^(\S+)\s+SYNTAX\s+TEST\b/.exec(lines[0] ?? '')?.[1];
    if (!comment) continue;
    lines.forEach((line, i) => {
      const rest = line.startsWith(comment) ? line.slice(comment.length) : '';
      if (!/^\s*(\^|<~*-+)/.test(rest)) return;
      const dashes = rest.replace(/^\s*(?:\^[\^\s]*|<~*-+)/, '').split(/\s+/).filter((t) => t === '-').length;
      if (dashes > 1) problems.push(`${relative(root, f)}:${i + 1}: more than one ' - ' in an assertion; list every excluded scope after a single '-'`);
    });
  }
  if (problems.length > 0) {
    for (const p of problems) process.stdout.write(`✗ ${p}\n`);
    process.stdout.write(`0 passed, ${fixtures.length} failed\n`);
    return 1;
  }
  if (note) process.stdout.write(`${note}\n`);

  const work = mkdtempSync(join(tmpdir(), 'medguide-grammar-'));
  try {
    const config = join(work, 'package.json');
    writeFileSync(config, JSON.stringify({
      contributes: { grammars: GRAMMARS.map((g) => ({ ...g, path: relative(work, join(root, g.path)) })) },
    }, null, 2));
    const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js');
    const args = [cli, '--compact', '--config', config];
    for (const g of [markdownGrammar, ...includedGrammars.filter((p) => existsSync(p))]) args.push('-g', g);
    // The CLI expands globs itself; a fixture path with glob characters is escaped.
    args.push(...fixtures.map((f) => relative(root, f).replace(/[*?[\]{}()!]/g, '\\$&')));
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 180_000, env: { ...process.env, FORCE_COLOR: '0' } });
    if (r.error) process.stdout.write(`test-grammar: vscode-tmgrammar-test did not finish: ${r.error.message}\n`);
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    // The Markdown grammar names ~60 fenced-code languages; VS Code ships their grammars in other
    // extensions. Their absence only leaves such code blocks plain, so one line says it.
    const missing = output.split('\n').filter((l) => /^grammar not found for "/.test(l));
    const shown = output.split('\n').filter((l) => !/^grammar not found for "/.test(l)).join('\n').trim();
    if (missing.length > 0) process.stdout.write(`(${missing.length} grammars of fenced-code languages are not loaded; those blocks stay plain)\n`);
    if (shown) process.stdout.write(`${shown}\n`);

    // Compact reporter: "✓ <file> run successfuly." per passing file, "ERROR <file>:line:… " per failed assertion.
    const passed = new Set();
    for (const line of output.split('\n')) {
      const ok = /^\S+\s+(.+?) run successfuly\.$/.exec(line.trim());
      if (ok) passed.add(resolve(root, ok[1]));
    }
    const failedAssertions = output.split('\n').filter((l) => /^ERROR \S+:\d+:\d+:\d+ /.test(l)).length;
    const { parseGrammarTestCase } = require('vscode-tmgrammar-test/dist/unit/index.js');
    let assertions = 0;
    for (const f of fixtures) {
      try {
        for (const line of parseGrammarTestCase(readFileSync(f, 'utf8')).assertions) assertions += line.scopeAssertions.length;
      } catch {
        // reported by the CLI as a parse error
      }
    }
    const nPassed = fixtures.filter((f) => passed.has(f)).length;
    const nFailed = fixtures.length - nPassed;
    process.stdout.write(`${assertions} assertions in ${fixtures.length} fixture files, ${failedAssertions} failing\n`);
    process.stdout.write(`${nPassed} passed, ${nFailed} failed\n`);
    return nFailed === 0 && r.status === 0 ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}` || fileURLToPath(import.meta.url) === resolve(process.argv[1] ?? '')) {
  process.exitCode = main(process.argv.slice(2));
}
