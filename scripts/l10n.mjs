#!/usr/bin/env node
// The message catalogues. Every message of MedGuide (core, extension glue, CLI) is an English template
// written `msg('…')` in src/core and src/cli, or `t('…')` in src/extension; that English text is its key in
//   l10n/bundle.l10n.json      English (key → itself), written by this script
//   l10n/bundle.l10n.fr.json   French (key → French), written by hand
// `node scripts/l10n.mjs` rewrites the English bundle from the sources; `--check` only says whether it
// is up to date (exit 1 if not). The unit test test/unit/l10n/catalogue.test.ts uses usedKeys().
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The string a literal, a `+` of literals or a parenthesized one evaluates to; undefined for anything else. */
function literal(node) {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literal(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literal(node.left);
    const b = literal(node.right);
    return a !== undefined && b !== undefined ? a + b : undefined;
  }
  return undefined;
}

/** The functions whose first argument is a catalogue key. */
const KEY_FUNCTIONS = new Set(['msg', 't']);

/**
 * Every catalogue key the sources use (first argument of `msg`, `t`, `l10n.t`), with where it is first
 * used; and the `msg()` calls whose key is not a literal (a key built at run time cannot be checked).
 */
export function usedKeys(root = ROOT) {
  const keys = new Map();
  const dynamic = [];
  for (const file of ['src/core', 'src/cli', 'src/extension'].flatMap((d) => tsFiles(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    if (!/\b(?:msg|t)\(/.test(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && callee.expression.getText(source).endsWith('l10n') ? callee.name.text : undefined;
        if (name && KEY_FUNCTIONS.has(name)) {
          const where = `${relative(root, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
          const key = literal(node.arguments[0]);
          // `t(M.x)` passes a Message (typed: it comes from a msg() call); msg() itself takes only literals.
          if (key === undefined) {
            if (name === 'msg') dynamic.push(`${where}: ${node.getText(source).slice(0, 80)}`);
          } else if (!keys.has(key)) keys.set(key, where);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { keys, dynamic };
}

/** The English bundle for these keys: each key is its own text. */
export function englishBundle(keys) {
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify(Object.fromEntries(sorted.map((k) => [k, k])), null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { keys, dynamic } = usedKeys();
  if (dynamic.length > 0) {
    process.stderr.write(`[l10n] keys that are not literals:\n  ${dynamic.join('\n  ')}\n`);
    process.exit(1);
  }
  const file = join(ROOT, 'l10n/bundle.l10n.json');
  const wanted = englishBundle(keys.keys());
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (process.argv.includes('--check')) {
    if (current !== wanted) {
      process.stderr.write('[l10n] l10n/bundle.l10n.json is out of date: run node scripts/l10n.mjs\n');
      process.exit(1);
    }
    process.stdout.write(`[l10n] ${keys.size} messages, l10n/bundle.l10n.json up to date\n`);
  } else {
    writeFileSync(file, wanted);
    process.stdout.write(`[l10n] ${keys.size} messages written to l10n/bundle.l10n.json\n`);
  }
}
