import { strict as assert } from 'node:assert';
import {
  AnnuaireIndex,
  buildIndexFromChunks,
  CancelledError,
  EXTRACT_COLUMNS,
  extractDateFromName,
  ExtractDecoder,
  ExtractParser,
  extractAgeInDays,
  IndexFormatError,
  isStaleExtract,
  NotAnExtractError,
  readExtract,
  readHeader,
  ZipError,
  type ExtractRecord,
} from '../../../src/core/annuaire';
import { zipSync } from 'fflate';
import { generateExtract, HEADER, line, people, zipExtract } from '../../support/annuaireExtract';

const enc = new TextEncoder();

/** The text cut into chunks of `size` characters' bytes, as a stream would give them. */
function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function parseAll(text: string, chunk = 7): { records: ExtractRecord[]; parser: ExtractParser } {
  const records: ExtractRecord[] = [];
  const parser = new ExtractParser((r) => records.push(r));
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  parser.end();
  return { records, parser };
}

describe('annuaire: reading the extract', () => {
  it('knows the 31 published columns', () => {
    assert.equal(EXTRACT_COLUMNS.length, 31);
    assert.equal(HEADER.split('|').length, 31);
  });

  for (const variant of [
    { name: 'as published (LF)', o: {} },
    { name: 'CRLF line ends', o: { crlf: true } },
    { name: 'a byte order mark', o: { bom: true } },
    { name: 'a trailing separator on every line', o: { trailingSeparator: true } },
    { name: 'the header in upper case without accents', o: { headerVariant: 'upper-no-accents' as const } },
    { name: 'all of them at once', o: { crlf: true, bom: true, trailingSeparator: true, headerVariant: 'upper-no-accents' as const } },
  ]) {
    it(`reads an extract with ${variant.name}, in chunks of any size`, () => {
      const g = generateExtract({ count: 60, seed: 7, ...variant.o });
      for (const size of [1, 7, 4096]) {
        const { records, parser } = parseAll(g.text, size);
        assert.equal(records.length, 60, `chunks of ${size}`);
        assert.deepEqual(parser.report, { lines: 60, records: 60, blank: 0, broken: 0, brokenSamples: [] });
        assert.equal(records[0].address, g.people[0].address);
        assert.equal(records[59].nom, g.people[59].nom);
        assert.equal(records[59].city, g.people[59].city, 'the town without its postal code');
        assert.ok(!records.some((r) => r.address.endsWith('\r') || r.departement.endsWith('\r')));
      }
    });
  }

  it('counts broken lines (too few fields, too many, no address) with their line numbers, and blank lines, without failing', () => {
    const g = generateExtract({ count: 10, broken: ['short', 'long', 'no-address'], blankLines: 2 });
    const { records, parser } = parseAll(g.text);
    assert.equal(records.length, 10);
    assert.deepEqual(g.brokenAt, [12, 13, 14]);
    assert.deepEqual(parser.report, {
      lines: 13,
      records: 10,
      blank: 2,
      broken: 3,
      brokenSamples: [
        { line: 12, reason: 'columns', fields: 12 },
        { line: 13, reason: 'columns', fields: 33 },
        { line: 14, reason: 'address', fields: 31 },
      ],
    });
  });

  it('refuses a file that is not the extract, naming the missing columns', () => {
    assert.throws(() => parseAll('nom;prenom;adresse\nMARTIN;Jean;x@y.fr\n'), (e: unknown) => e instanceof NotAnExtractError && e.problem.kind === 'not-extract' && e.problem.missing.length === 31);
    const oneMissing = HEADER.replace('|Code postal', '');
    assert.throws(
      () => parseAll(`${oneMissing}\n`),
      (e: unknown) => e instanceof NotAnExtractError && e.problem.kind === 'not-extract' && e.problem.missing.join() === 'Code postal',
    );
    assert.throws(() => parseAll(''), (e: unknown) => e instanceof NotAnExtractError && e.problem.kind === 'empty');
    assert.throws(() => parseAll('\n\n'), (e: unknown) => e instanceof NotAnExtractError);
  });

  it('finds the columns by name, whatever their order', () => {
    const header = readHeader([...EXTRACT_COLUMNS].reverse().join('|'));
    assert.ok(!('kind' in header));
    assert.equal(header.columns.address, 29);
  });

  it('reads the date from the file name', () => {
    assert.equal(extractDateFromName('Extraction_Correspondance_MSSante_202612010412.zip'), '2026-12-01T04:12');
    assert.equal(extractDateFromName('/tmp/x/Extraction_Correspondance_MSSante_20261201.txt'), '2026-12-01');
    assert.equal(extractDateFromName('extract.txt'), undefined);
    assert.equal(extractDateFromName('Extraction_20261399.txt'), undefined);
  });

  it('says when the extract is more than 30 days old (a refresh is suggested)', () => {
    const now = Date.UTC(2026, 11, 31, 12, 0);
    assert.equal(extractAgeInDays('2026-12-01T04:00', now), 30);
    assert.equal(isStaleExtract('2026-12-01T04:00', now), false);
    assert.equal(isStaleExtract('2026-11-30', now), true);
    assert.equal(extractAgeInDays(undefined, now), undefined);
    assert.equal(isStaleExtract(undefined, now), false, 'an undated extract: nothing to say');
    assert.equal(extractAgeInDays('someday', now), undefined);
  });

  it('decodes UTF-8, and Windows-1252 from the first chunk that is not UTF-8', () => {
    const d = new ExtractDecoder();
    const e = enc.encode('é');
    assert.equal(d.decode(e.subarray(0, 1)) + d.decode(e.subarray(1)), 'é', 'a character split between chunks');
    assert.equal(d.decode(Uint8Array.from([0x43, 0x72, 0xe9, 0x74, 0x65, 0x69, 0x6c])), 'Créteil');
    assert.equal(d.encoding, 'windows-1252');
  });
});

describe('annuaire: building, saving and loading the index', () => {
  it('deduplicates by address (any case) and reports the duplicates', async () => {
    const g = generateExtract({ count: 50, duplicates: [3, 4, 4] });
    const index = await buildIndexFromChunks(chunked(enc.encode(g.text), 1000));
    assert.equal(index.size, 50);
    assert.equal(index.meta.duplicates, 3);
    assert.equal(index.meta.report.records, 53);
    assert.ok(index.has(g.people[4].address.toUpperCase()));
    assert.ok(!index.has('nobody@medecin.mssante.fr'));
  });

  it('reads a zip as published (date from the inner file name) and a .txt (date from its name)', async () => {
    const g = generateExtract({ count: 30 });
    const fromZip = await readExtract(zipExtract(g.text, '202611280412'), { name: 'download.zip' });
    assert.equal(fromZip.size, 30);
    assert.equal(fromZip.meta.date, '2026-11-28T04:12');
    const fromTxt = await readExtract(enc.encode(g.text), { name: 'Extraction_Correspondance_MSSante_202612010400.txt' });
    assert.equal(fromTxt.meta.date, '2026-12-01T04:00');
    assert.equal(fromTxt.size, 30);
    const undated = await readExtract(enc.encode(g.text), { name: 'extract.txt' });
    assert.equal(undated.meta.date, undefined);
  });

  it('says what is wrong with a zip without text, a broken zip, a zip of something else', async () => {
    await assert.rejects(readExtract(zipSync({ 'notes.md': enc.encode('x') })), (e: unknown) => e instanceof ZipError && e.kind === 'no-text');
    const zip = zipExtract(generateExtract({ count: 200 }).text);
    const broken = zip.slice();
    broken.fill(0x55, 80, 400);
    await assert.rejects(readExtract(broken), (e: unknown) => e instanceof ZipError || e instanceof NotAnExtractError);
    await assert.rejects(readExtract(zipSync({ 'a.txt': enc.encode('a|b|c\n1|2|3\n') })), (e: unknown) => e instanceof NotAnExtractError);
  });

  it('stops when the progress callback says so (cancel)', async () => {
    const g = generateExtract({ count: 300 });
    let calls = 0;
    await assert.rejects(
      buildIndexFromChunks(chunked(enc.encode(g.text), 1000), { onProgress: () => ++calls < 3 }),
      (e: unknown) => e instanceof CancelledError,
    );
    assert.equal(calls, 3);
  });

  it('serialises to bytes and loads back the same index (searches, entries, meta)', async () => {
    const g = generateExtract({ count: 500, seed: 3, duplicates: [1], broken: ['short'] });
    const index = await readExtract(zipExtract(g.text));
    const bytes = index.serialize();
    const back = AnnuaireIndex.load(bytes);
    assert.equal(back.size, index.size);
    assert.deepEqual(back.meta, index.meta);
    for (const q of ['martin', 'ch test nantes', 'pediatrie 69', 'z', 'saint-etienne', '2a']) {
      assert.deepEqual(back.search(q, 20), index.search(q, 20), q);
    }
    for (let id = 0; id < index.size; id += 37) assert.deepEqual(back.entry(id), index.entry(id));
    // Loaded from an unaligned copy (a Node Buffer slice) too.
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes, 1);
    assert.equal(AnnuaireIndex.load(unaligned.subarray(1)).size, index.size);
  });

  it('refuses bytes that are not an index, or a truncated one, with IndexFormatError', async () => {
    assert.throws(() => AnnuaireIndex.load(enc.encode('hello')), IndexFormatError);
    const bytes = (await readExtract(enc.encode(generateExtract({ count: 40 }).text))).serialize();
    assert.throws(() => AnnuaireIndex.load(bytes.subarray(0, bytes.length - 100)), IndexFormatError);
    assert.throws(() => AnnuaireIndex.load(bytes.subarray(0, 20)), IndexFormatError);
  });

  it('keeps only what search and display need (not the RPPS numbers, not the street)', async () => {
    const index = await readExtract(enc.encode(generateExtract({ count: 5 }).text));
    const e = index.entry(0);
    assert.deepEqual(Object.keys(e).sort(), ['address', 'city', 'civilite', 'departement', 'enseigne', 'id', 'kind', 'nom', 'organisation', 'postalCode', 'prenom', 'profession', 'savoirFaire', 'service']);
    const text = new TextDecoder().decode(index.serialize());
    assert.ok(!text.includes('80000000000'), 'no national identifier in the index');
    assert.ok(!text.includes('DE L EXEMPLE'), 'no street in the index');
  });

  it('never throws on random bytes', async () => {
    for (let seed = 1; seed < 30; seed++) {
      const bytes = new Uint8Array(500).map((_, i) => (i * seed * 7919) % 256);
      const text = HEADER + '\n' + new TextDecoder('latin1').decode(bytes);
      const index = await readExtract(enc.encode(text));
      assert.ok(index.meta.report.broken + index.meta.report.records + index.meta.report.blank >= 0);
    }
    // A line of people() always has 31 fields.
    assert.equal(line(people(1)[0]).split('|').length, 31);
  });
});
