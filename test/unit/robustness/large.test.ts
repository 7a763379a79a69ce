// ~5 MB hostile inputs through every engine: each must finish, and a pathologically slow one
// (over 10 s for 5 MB, i.e. orders of magnitude over the measured figures) fails. Not a timing budget:
// `npm run bench` reports the real figures.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { checkPage } from '../../../src/core/check';
import { validatePage } from '../../../src/core/frontmatter';
import { medguidePlugin } from '../../../src/core/markdown';
import { checkMatriculeIns, checkPatientIdentifiers } from '../../../src/core/nir';
import { pairShortcodes } from '../../../src/core/shortcodes/pair';
import { scanShortcodes } from '../../../src/core/shortcodes/scan';
import { assertDiagnostics, assertScan, FIVE_MB, hugeInputs, withinLimit } from './support';

const LIMIT_MS = 10_000;

/** Renders are the slowest engine; these inputs stress it without rendering all 16 (the suite must stay quick). */
const RENDERED = [
  'plain prose',
  'NUL bytes',
  'unclosed quotes',
  'nested paired shortcodes',
  'huge front matter',
  'backticks',
  'marker-only blockquote alerts',
  'attribute alerts after nested lists',
];

describe('robustness/5 MB inputs', function () {
  this.timeout(120_000);
  const inputs = hugeInputs();

  for (const [name, text] of Object.entries(inputs)) {
    it(`front matter, shortcodes and NIR checks finish on ${name}`, () => {
      assert.ok(text.length >= FIVE_MB - 64 && text.length <= FIVE_MB + 64, `${name}: ${text.length}`);
      const page = text.replace(/^\uFEFF/, '');
      assertDiagnostics(withinLimit(() => validatePage(text, { lang: 'fr', today: '2026-06-01' }), LIMIT_MS, `validatePage, ${name}`), page, name);
      assertDiagnostics(withinLimit(() => checkPage(text, { lang: 'fr', today: '2026-06-01' }), LIMIT_MS, `checkPage, ${name}`), page, name);
      assertDiagnostics(withinLimit(() => checkPatientIdentifiers(text, 'en'), LIMIT_MS, `checkPatientIdentifiers, ${name}`), text, name);
      withinLimit(() => checkMatriculeIns(text), LIMIT_MS, `checkMatriculeIns, ${name}`);
      const scan = withinLimit(() => scanShortcodes(text), LIMIT_MS, `scanShortcodes, ${name}`);
      assertScan(text, scan);
      withinLimit(() => pairShortcodes(scan.tags), LIMIT_MS, `pairShortcodes, ${name}`);
    });
  }

  for (const name of RENDERED) {
    it(`the preview renders ${name}`, () => {
      const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
      medguidePlugin(md, { getOptions: () => ({}), getPageIndex: () => ['a.md'] });
      const html = withinLimit(() => md.render(inputs[name], {}), LIMIT_MS, `render, ${name}`);
      assert.equal(typeof html, 'string');
    });
  }
});
