import { strict as assert } from 'node:assert';
import {
  dateStyleOf,
  dayText,
  detectDateStyle,
  formatDate,
  parseHugoDate,
  readLooseDate,
  toDay,
} from '../../../src/core/frontmatter';

describe('frontmatter/dates', () => {
  it('reads the forms Hugo accepts, by their day as written', () => {
    const ok: Record<string, string> = {
      '2022-04-29': '2022-04-29',
      '2022-04-29T19:00:00+02:00': '2022-04-29',
      '2022-04-29T23:30:00-05:00': '2022-04-29',
      '2022-04-29T19:00:00Z': '2022-04-29',
      '2022-04-29t19:00:00z': '2022-04-29',
      '2022-04-29T19:00:00.123+02:00': '2022-04-29',
      '2022-04-29T19:00:00': '2022-04-29',
      '2022-04-29T19:00': '2022-04-29',
      '2022-04-29 19:00': '2022-04-29',
      '2022-04-29 19:00:59': '2022-04-29',
      '2024-02-29': '2024-02-29',
    };
    for (const [text, day] of Object.entries(ok)) assert.equal(dayText(parseHugoDate(text)!), day, text);
  });

  it('refuses everything else, impossible days and times included', () => {
    for (const text of ['29/04/2022', '2022/04/29', '2022-4-29', '2022-04-29T', '2022-04-29 19h00', '2023-02-29', '2022-04-31', '2022-13-01', '2022-00-10', '2022-04-29T24:00:00', '2022-04-29T10:60', '2022-04-29T10:00:00+25:00', ' 2022-04-29', 'hier', '']) {
      assert.equal(parseHugoDate(text), undefined, text);
    }
  });

  it('reads what a person means in French forms, for the quick fix', () => {
    assert.deepEqual(readLooseDate('29/04/2022'), { day: { year: 2022, month: 4, day: 29 } });
    assert.deepEqual(readLooseDate('9.4.2022'), { day: { year: 2022, month: 4, day: 9 } });
    assert.deepEqual(readLooseDate('2022/4/9'), { day: { year: 2022, month: 4, day: 9 } });
    assert.deepEqual(readLooseDate('29-04-2022 19h05'), { day: { year: 2022, month: 4, day: 29 }, time: '19:05:00' });
    assert.deepEqual(readLooseDate('1er août 2023'), { day: { year: 2023, month: 8, day: 1 } });
    assert.deepEqual(readLooseDate('3 fevr. 2024'), { day: { year: 2024, month: 2, day: 3 } });
    for (const text of ['31/02/2022', '04/29', 'bientôt', '12 brumaire 2022', '29/04/2022 25h00']) assert.equal(readLooseDate(text), undefined, text);
  });

  it('writes a day in a style', () => {
    const d = { year: 2024, month: 1, day: 5 };
    assert.equal(formatDate(d), '"2024-01-05"');
    assert.equal(formatDate(d, { quoted: false, form: 'date' }), '2024-01-05');
    assert.equal(formatDate(d, { quoted: true, form: 'datetime', offset: '+01:00' }), '"2024-01-05T00:00:00+01:00"');
    assert.equal(formatDate(d, { quoted: false, form: 'datetime-space' }, '10:30:00'), '2024-01-05 10:30:00');
    assert.equal(formatDate(d, { quoted: true, form: 'date' }, '10:30:00'), '"2024-01-05T10:30:00"');
  });

  it('detects the usual style: the most frequent, the first on a tie, quoted days by default', () => {
    assert.deepEqual(dateStyleOf('"2024-01-05"'), { quoted: true, form: 'date' });
    assert.deepEqual(dateStyleOf('2024-01-05T10:00:00z'), { quoted: false, form: 'datetime', offset: 'Z' });
    assert.deepEqual(dateStyleOf("'2024-01-05 10:00'"), { quoted: true, form: 'datetime-space' });
    assert.equal(dateStyleOf('"29/04/2022"'), undefined);
    assert.deepEqual(detectDateStyle(['2024-01-05', '"2024-01-06"', '2024-01-07', '"bad"']), { quoted: false, form: 'date' });
    assert.deepEqual(detectDateStyle(['"2024-01-05T10:00:00+01:00"', '2024-01-05']), { quoted: true, form: 'datetime', offset: '+01:00' });
    assert.deepEqual(detectDateStyle([]), { quoted: true, form: 'date' });
  });

  it('takes today from a string, a Date or a Day, and the clock otherwise', () => {
    assert.deepEqual(toDay('2025-03-04'), { year: 2025, month: 3, day: 4 });
    assert.deepEqual(toDay(new Date(2025, 2, 4, 23, 59)), { year: 2025, month: 3, day: 4 });
    assert.deepEqual(toDay({ year: 2020, month: 1, day: 1 }), { year: 2020, month: 1, day: 1 });
    const now = new Date();
    assert.equal(toDay(undefined).year, now.getFullYear());
    assert.equal(toDay('pas une date').year, now.getFullYear());
  });

  it("follows the clock across local midnight (today is kept only until then)", () => {
    const realNow = Date.now;
    try {
      const beforeMidnight = new Date(2031, 11, 31, 23, 59, 59, 999).getTime();
      Date.now = () => beforeMidnight;
      assert.deepEqual(toDay(undefined), { year: 2031, month: 12, day: 31 });
      Date.now = () => beforeMidnight + 1;
      assert.deepEqual(toDay(undefined), { year: 2032, month: 1, day: 1 });
      // And back (a clock set back): the day before again.
      Date.now = () => beforeMidnight - 3_600_000;
      assert.deepEqual(toDay(undefined), { year: 2031, month: 12, day: 31 });
    } finally {
      Date.now = realNow;
    }
    const now = new Date();
    assert.deepEqual(toDay(undefined), { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
  });
});
