import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import {
  completionContext,
  frontMatterRange,
  keyAtPosition,
  lastmodEdit,
  pageDateStyle,
  pageDateValues,
  validatePage,
} from '../../../src/core/frontmatter';
import { applyEdit, page } from './helpers';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const at = (line: number, character: number) => ({ line, character });

const TEXT = ['+++', 'title = "x"', 'tags = [', '  "a",', '  "b",', ']', '[menu.main]', 'weight = 2', '+++', 'body = 1', ''].join('\n');

describe('frontmatter/position', () => {
  it('gives the front matter block, delimiters included, in any format', () => {
    assert.deepEqual(frontMatterRange(TEXT), r(0, 0, 8, 3));
    assert.deepEqual(frontMatterRange('\uFEFF' + TEXT.replace(/\n/g, '\r\n')), r(0, 0, 8, 3));
    assert.deepEqual(frontMatterRange('\n---\na: 1\n---\nx'), r(1, 0, 3, 3));
    assert.deepEqual(frontMatterRange('+++\na = 1\n'), r(0, 0, 2, 0));
    assert.equal(frontMatterRange('# Titre'), undefined);
  });

  it('finds the key, element or table key under a position', () => {
    assert.deepEqual(keyAtPosition(TEXT, at(1, 2)), { path: ['title'], key: 'title', kind: 'pair', part: 'key', keyRange: r(1, 0, 1, 5), valueRange: r(1, 8, 1, 11) });
    assert.deepEqual(keyAtPosition(TEXT, at(1, 9)), { path: ['title'], key: 'title', kind: 'pair', part: 'value', keyRange: r(1, 0, 1, 5), valueRange: r(1, 8, 1, 11) });
    assert.deepEqual(keyAtPosition(TEXT, at(4, 3)), { path: ['tags', 1], key: 'tags', kind: 'element', part: 'value', keyRange: r(4, 2, 4, 5), valueRange: r(4, 2, 4, 5) });
    assert.deepEqual(keyAtPosition(TEXT, at(5, 0))?.path, ['tags']);
    // Between elements of a multi-line array: still the array's value.
    assert.deepEqual([keyAtPosition(TEXT, at(3, 0))?.path, keyAtPosition(TEXT, at(3, 0))?.part], [['tags'], 'value']);
    assert.deepEqual(keyAtPosition(TEXT, at(7, 1))?.path, ['menu', 'main', 'weight']);
    assert.equal(keyAtPosition(TEXT, at(7, 1))?.key, 'menu');
    assert.deepEqual(keyAtPosition(TEXT, at(6, 3))?.kind, 'table');
  });

  it('finds nothing outside the TOML front matter', () => {
    assert.equal(keyAtPosition(TEXT, at(0, 1)), undefined);
    assert.equal(keyAtPosition(TEXT, at(9, 1)), undefined);
    assert.equal(keyAtPosition('---\na: 1\n---\n', at(1, 0)), undefined);
  });

  it('tells completion whether a key or a value is being typed', () => {
    const text = ['+++', 'ti', 'title = "x"', 'tags = [', '', ']', '[menu.main]', 'we', '+++', ''].join('\n');
    assert.deepEqual(completionContext(text, at(1, 2)), { kind: 'key', prefix: 'ti', range: r(1, 0, 1, 2), table: [], existing: ['title', 'tags'] });
    assert.deepEqual(completionContext(text, at(7, 2)), { kind: 'key', prefix: 'we', range: r(7, 0, 7, 2), table: ['menu', 'main'], existing: ['title', 'tags'] });
    assert.deepEqual(completionContext(text, at(2, 9)), { kind: 'value', path: ['title'], key: 'title', existing: ['title', 'tags'] });
    assert.deepEqual(completionContext(text, at(4, 0)), { kind: 'value', path: ['tags'], key: 'tags', existing: ['title', 'tags'] });
    assert.equal(completionContext(text, at(0, 1)), undefined);
    assert.equal(completionContext(text, at(8, 0)), undefined);
    assert.equal(completionContext(text, at(2, 6)), undefined, 'between key and value');
  });
});

describe('frontmatter/lastmod', () => {
  it('replaces an existing lastmod in its own form', () => {
    assert.deepEqual(lastmodEdit(page(), '2025-01-10'), { range: r(6, 10, 6, 22), newText: '"2025-01-10"' });
    assert.deepEqual(lastmodEdit(page({ lastmod: '2024-11-05' }), { year: 2025, month: 1, day: 10 }), { range: r(6, 10, 6, 20), newText: '2025-01-10' });
    assert.equal(lastmodEdit(page(), '2024-11-05'), undefined, 'already that day');
  });

  it('rewrites a broken lastmod in the page’s usual form', () => {
    assert.deepEqual(lastmodEdit(page({ lastmod: '"05/11/2024"' }), '2025-01-10'), { range: r(6, 10, 6, 22), newText: '"2025-01-10"' });
    assert.deepEqual(lastmodEdit(page(), '2025-01-10', { style: { quoted: false, form: 'date' } }), { range: r(6, 10, 6, 22), newText: '2025-01-10' });
  });

  it('inserts lastmod after publishdate, else after date, else before the first table', () => {
    const text = page({ lastmod: null });
    const edit = lastmodEdit(text, '2025-01-10')!;
    assert.deepEqual(edit, { range: r(5, 26, 5, 26), newText: '\nlastmod = "2025-01-10"' });
    assert.deepEqual(validatePage(applyEdit(text, edit), { today: '2025-01-10' }), []);
    assert.deepEqual(lastmodEdit(page({ lastmod: null, publishdate: null }), '2025-01-10'), {
      range: r(4, 34, 4, 34),
      newText: '\nlastmod = "2025-01-10T00:00:00+01:00"',
    });
    assert.deepEqual(lastmodEdit('+++\ntitle = "x"\n[menu.main]\nweight = 1\n+++\n', '2025-01-10'), { range: r(2, 0, 2, 0), newText: 'lastmod = "2025-01-10"\n' });
    assert.deepEqual(lastmodEdit('+++\r\ntitle = "x"\r\n+++\r\n', '2025-01-10'), { range: r(2, 0, 2, 0), newText: 'lastmod = "2025-01-10"\r\n' });
    assert.deepEqual(lastmodEdit(page({ lastmod: null }).replace(/\n/g, '\r\n'), '2025-01-10')?.newText, '\r\nlastmod = "2025-01-10"');
  });

  it('does nothing without a closed TOML front matter', () => {
    assert.equal(lastmodEdit('body', '2025-01-10'), undefined);
    assert.equal(lastmodEdit('---\na: 1\n---\n', '2025-01-10'), undefined);
    assert.equal(lastmodEdit('+++\na = 1\n', '2025-01-10'), undefined);
  });

  it('detects the page’s date values and usual day form', () => {
    const example = readFileSync(join(__dirname, '../../fixtures/pages/teleconsultation.md'), 'utf8');
    assert.deepEqual(pageDateValues(example), [
      { key: 'date', text: '"2023-03-14T09:30:00+01:00"' },
      { key: 'publishdate', text: '"2023-03-20"' },
      { key: 'lastmod', text: '"2024-11-05"' },
    ]);
    assert.deepEqual(pageDateStyle(example), { quoted: true, form: 'date' });
    assert.deepEqual(pageDateStyle(page({ publishdate: '2023-03-20', lastmod: '2024-11-05' })), { quoted: false, form: 'date' });
  });
});
