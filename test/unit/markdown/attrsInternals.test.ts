// src/core/markdown/attrsRule.ts relies on markdown-it-attrs' internals: its pattern list
// (`markdown-it-attrs/patterns.js`, not a documented entry point), the name of its core rule
// (`curly_attributes`, replaced by ours), two pattern names (retried in place) and a copy of its
// unexported `test()` (compileTest). So package.json pins the exact version, and this test fails
// loudly when the installed package is not the one attrsRule.ts was written against: after an update,
// re-read attrsRule.ts against the new index.js and patterns.js, then update the pins below.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import patternsConfig from 'markdown-it-attrs/patterns.js';

const ROOT = resolve(__dirname, '../../..');
const PINNED = '4.5.0';
// sha256 of the files attrsRule.ts mirrors (index.js holds test(), patterns.js the patterns, utils.js their helpers).
const FILES: Record<string, string> = {
  'index.js': '9fb290fba1db88a61e0915bcdcc8392f051e3b8d901375020b1ae93076fe23c7',
  'patterns.js': 'd5c87634f01b2b900808133f2c9e8476360305bee133c3d4f138f23fb7d7506c',
  'utils.js': '51bfc58aafb0fad96313c4e9b807e3abe62124c9ab262b719c83162e3d9a98c4',
};
const PATTERN_NAMES = [
  'fenced code blocks',
  'inline nesting 0',
  'tables',
  'tables thead metadata',
  'tables tbody calculate',
  'inline attributes',
  'list softbreak',
  'list double softbreak',
  'list item end',
  '\n{.a} softbreak then curly in start',
  'horizontal rule',
  'end of block',
];
// The keys compileTest reads (shift/position place the token, the others are compared or tested).
const TEST_KEYS = new Set(['shift', 'position', 'block', 'info', 'type', 'children', 'content', 'hidden', 'nesting']);

interface Rule {
  [key: string]: unknown;
}

const packageDir = dirname(require.resolve('markdown-it-attrs/package.json'));
const explain = (what: string) =>
  `markdown-it-attrs changed ${what}: src/core/markdown/attrsRule.ts mirrors its internals; re-read it against the installed package, then update test/unit/markdown/attrsInternals.test.ts`;

describe('markdown-it-attrs: the internals attrsRule.ts relies on', () => {
  it('is pinned to one exact version in package.json, and that version is installed', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.equal(manifest.dependencies['markdown-it-attrs'], PINNED, 'package.json must pin markdown-it-attrs exactly (no ^ or ~)');
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, PINNED, explain(`version (${installed.version})`));
  });

  for (const [file, sha] of Object.entries(FILES)) {
    it(`${file} is byte for byte the one attrsRule.ts was written against`, () => {
      const actual = createHash('sha256').update(readFileSync(join(packageDir, file))).digest('hex');
      assert.equal(actual, sha, explain(file));
    });
  }

  it('patterns.js builds the pattern list attrsRule.ts expects: names, order, test keys, transforms', () => {
    const patterns = patternsConfig({ leftDelimiter: '{', rightDelimiter: '}', allowedAttributes: [] }) as { name: string; tests: Rule[]; transform: unknown }[];
    assert.deepEqual(
      patterns.map((p) => p.name),
      PATTERN_NAMES,
      explain('its pattern list'),
    );
    const keys = (t: Rule): string[] => Object.keys(t).flatMap((k) => (k === 'children' && Array.isArray(t.children) ? [k, ...(t.children as Rule[]).flatMap(keys)] : [k]));
    for (const p of patterns) {
      assert.equal(typeof p.transform, 'function', explain(`the transform of "${p.name}"`));
      assert.ok(Array.isArray(p.tests) && p.tests.length > 0, explain(`the tests of "${p.name}"`));
      for (const k of p.tests.flatMap(keys)) assert.ok(TEST_KEYS.has(k), explain(`a test key ("${k}" in "${p.name}")`));
    }
  });

  it('registers its core rule as curly_attributes, right after inline (the rule attrsRule.ts replaces)', () => {
    const md = new MarkdownIt();
    md.use(markdownItAttrs as unknown as (md: MarkdownIt) => void);
    const names = (md.core.ruler as unknown as { __rules__: { name: string }[] }).__rules__.map((r) => r.name);
    assert.equal(names[names.indexOf('inline') + 1], 'curly_attributes', explain(`its core rules (${names.join(', ')})`));
  });
});
