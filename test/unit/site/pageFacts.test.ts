import { strict as assert } from 'node:assert';
import { readFrontMatter } from '../../../src/core/site/pageFacts';

describe('site: a page\'s front matter facts', () => {
  it('reads each date string as new Date does, a Date of its own per page even for a date read before', () => {
    const page = (date: string) => `+++\ntitle = "T"\ndate = "${date}"\nlastmod = "${date}"\n+++\n`;
    for (const [text, iso] of [
      ['2024-10-07', '2024-10-07T00:00:00Z'],
      ['2024-10-07T18:30:00+02:00', '2024-10-07T18:30:00+02:00'],
      ['2024-10-07 18:30', '2024-10-07T18:30:00Z'],
      ['2024-10-07T18:30:00.123+0200', '2024-10-07T18:30:00+02:00'],
      [' 2024-02-30 ', '2024-02-30T00:00:00Z'],
    ]) {
      const a = readFrontMatter(page(text));
      const b = readFrontMatter(page(text));
      assert.equal(a.publishDate?.getTime(), new Date(iso).getTime(), text);
      assert.equal(b.publishDate?.getTime(), new Date(iso).getTime(), `${text}, read again`);
      assert.notEqual(a.publishDate, b.publishDate, 'not one Date shared by two pages');
      assert.notEqual(a.publishDate, a.lastmod, 'nor by two keys');
      a.publishDate!.setTime(0);
      assert.equal(readFrontMatter(page(text)).publishDate?.getTime(), new Date(iso).getTime(), 'a changed Date changes no later reading');
    }
    for (const text of ['2024-13-45', 'hier', '2024-10-07T25:00:00Z']) {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
      const expected = Number.isNaN(new Date(iso).getTime()) ? undefined : new Date(iso).getTime();
      assert.equal(readFrontMatter(page(text)).publishDate?.getTime(), expected, text);
      assert.equal(readFrontMatter(page(text)).publishDate?.getTime(), expected, `${text}, read again`);
    }
  });

  it('keeps every key lower-cased in data, and the first spelling of a key not written in lower case', () => {
    const fm = readFrontMatter('+++\nniveauPreuve = "A"\ntitle = "T"\nTitle = "U"\nTAGS = ["x"]\ntags = ["y"]\n+++\n');
    assert.deepEqual(fm.data, { niveaupreuve: 'A', title: 'U', tags: ['y'] });
    assert.deepEqual({ ...fm.names }, { niveaupreuve: 'niveauPreuve', tags: 'TAGS' });
    assert.equal(fm.names?.title ?? 'title', 'title', 'written in lower case first');
  });
});
