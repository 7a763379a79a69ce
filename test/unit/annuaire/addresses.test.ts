import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ANNUAIRE_MESSAGES,
  checkProfessionalAddresses,
  DownloadError,
  downloadExtract,
  findProfessionalAddresses,
  MSSANTE_ADDRESS_UNKNOWN_CODE,
  nameNear,
  newestZip,
  readExtract,
  type AddressBook,
} from '../../../src/core/annuaire';
import { checkPage } from '../../../src/core/check';
import { localize } from '../../../src/core/l10n';
import { generateExtract, zipExtract } from '../../support/annuaireExtract';

const book = (known: string[], date?: string): AddressBook => {
  const set = new Set(known.map((a) => a.toLowerCase()));
  return { has: (a) => set.has(a.toLowerCase()), date };
};

describe('annuaire: professional addresses in pages', () => {
  it('finds every …@….mssante.fr address but patient ones, with exact offsets', () => {
    const text = [
      'Écrire au Dr Jean Martin : <jean.martin@medecin.mssante.fr>.', // autolink, final dot
      '[Urgences](mailto:urgences@chu-test.mssante.fr), ou (secretariat.cardio@ch-x.y.mssante.fr)',
      'patient : 185057505612388@patient.mssante.fr ; faux : a@mssante.fr, b@x.mssante.fr.example.org, c@x.mssante.free',
      "l'adresse.de-test@Medecin.MSSante.FR fin",
    ].join('\n');
    const found = findProfessionalAddresses(text);
    assert.deepEqual(
      found.map((f) => f.address),
      ['jean.martin@medecin.mssante.fr', 'urgences@chu-test.mssante.fr', 'secretariat.cardio@ch-x.y.mssante.fr', "l'adresse.de-test@Medecin.MSSante.FR"],
    );
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.address);
    assert.equal(found[0].start, text.indexOf('jean.martin@'));
  });

  it('warns on addresses the extract lacks, naming its date, with range, code and data', () => {
    const text = 'Intro\n\nDr Jean Martin, cardiologue : <jean.martin@medecin.mssante.fr>\nUrgences : urgences@chu-test.mssante.fr\n';
    const fr = checkProfessionalAddresses(text, book(['URGENCES@chu-test.mssante.fr'], '2026-11-28T04:00'), 'fr');
    assert.equal(fr.length, 1);
    assert.deepEqual(fr[0], {
      code: MSSANTE_ADDRESS_UNKNOWN_CODE,
      severity: 'warning',
      range: { start: { line: 2, character: 31 }, end: { line: 2, character: 61 } },
      message: 'L’adresse MSSanté jean.martin@medecin.mssante.fr n’est pas dans l’extraction de l’Annuaire Santé du 28/11/2026 : la boîte a peut-être fermé ou changé. Vérifiez-la dans l’Annuaire Santé.',
      data: { address: 'jean.martin@medecin.mssante.fr', name: 'Jean Martin', date: '2026-11-28T04:00' },
    });
    const en = checkProfessionalAddresses(text, book([], undefined), 'en');
    assert.equal(en.length, 2);
    assert.equal(en[1].message, localize(ANNUAIRE_MESSAGES.addressUnknownUndated, 'en', { address: 'urgences@chu-test.mssante.fr' }));
  });

  it('skips code (fenced blocks, inline code) and patient addresses', () => {
    const text = '```\nx@medecin.mssante.fr\n```\n`y@medecin.mssante.fr` and 185057505612388@patient.mssante.fr\n';
    assert.deepEqual(checkProfessionalAddresses(text, book([]), 'en'), []);
  });

  it('the name near an address: after a title, else the capitalised words before it, else the local part', () => {
    const t1 = 'Docteure Anne-Sophie Lefèvre (anne.lefevre@medecin.mssante.fr)';
    assert.equal(nameNear(t1, findProfessionalAddresses(t1)[0]), 'Anne-Sophie Lefèvre');
    const t2 = 'écrire à paul.durand2@medecin.mssante.fr';
    assert.equal(nameNear(t2, findProfessionalAddresses(t2)[0]), 'paul durand');
    const t3 = 'Adresse MSSanté : cardio.secretariat@ch-x.mssante.fr';
    assert.equal(nameNear(t3, findProfessionalAddresses(t3)[0]), 'cardio secretariat');
  });

  it('checkPage reports them when given the extract, and a page can silence the code', () => {
    const page = '+++\ntitle = "Orienter"\ndate = 2026-01-01\n+++\n\nÉcrire à <x.y@medecin.mssante.fr>.\n';
    const without = checkPage(page, { lang: 'en' }).filter((d) => d.code === MSSANTE_ADDRESS_UNKNOWN_CODE);
    assert.equal(without.length, 0);
    const withBook = checkPage(page, { lang: 'en', addressBook: book([], '2026-12-01') }).filter((d) => d.code === MSSANTE_ADDRESS_UNKNOWN_CODE);
    assert.equal(withBook.length, 1);
    assert.match(withBook[0].message, /extract of 2026-12-01/);
    const silenced = page.replace('date = 2026-01-01', 'date = 2026-01-01\nmedguide_ignore = ["mssante-address-unknown"]');
    assert.equal(checkPage(silenced, { lang: 'en', addressBook: book([]) }).filter((d) => d.code === MSSANTE_ADDRESS_UNKNOWN_CODE).length, 0);
  });

  it('never throws and stays linear on hostile text', () => {
    const t0 = Date.now();
    const hostile = 'a'.repeat(100_000) + '@' + 'b.'.repeat(50_000) + 'mssante.fr' + '@x.'.repeat(30_000);
    const found = findProfessionalAddresses(hostile);
    assert.ok(Array.isArray(found));
    assert.deepEqual(checkProfessionalAddresses('', book([]), 'fr'), []);
    assert.ok(Date.now() - t0 < 5000);
  });
});

describe('annuaire: downloading the extract (a local HTTP server, the host fetch)', () => {
  let server: Server;
  let base: string;
  const g = generateExtract({ count: 120, seed: 5 });
  const zip = zipExtract(g.text, '202612030400');
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/api/1/datasets/annuaire/') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            resources: [
              { url: `${base}/old.zip`, format: 'zip', title: 'Extraction_Correspondance_MSSante_202601010400.zip', last_modified: '2026-01-01T04:00:00' },
              { url: `${base}/r/latest`, format: 'zip', title: 'Extraction_Correspondance_MSSante_202612030400.zip', last_modified: '2026-12-03T04:00:00' },
              { url: `${base}/notice.pdf`, format: 'pdf', last_modified: '2026-12-04T04:00:00' },
            ],
          }),
        );
      } else if (req.url === '/r/latest') {
        res.writeHead(302, { location: '/files/Extraction_Correspondance_MSSante_202612030400.zip' });
        res.end();
      } else if (req.url === '/files/Extraction_Correspondance_MSSante_202612030400.zip') {
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(zip.length) });
        res.end(Buffer.from(zip));
      } else if (req.url === '/named') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': 'attachment; filename="Extraction_Correspondance_MSSante_202612020400.zip"' });
        res.end(Buffer.from(zip));
      } else {
        res.writeHead(404);
        res.end('no');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('follows the dataset record to its newest zip, through a redirect, with progress, then indexes it', async () => {
    const progress: number[] = [];
    const got = await downloadExtract(`${base}/api/1/datasets/annuaire/`, { onProgress: (r) => progress.push(r) });
    assert.equal(got.name, 'Extraction_Correspondance_MSSante_202612030400.zip');
    assert.equal(got.bytes.length, zip.length);
    assert.equal(progress.at(-1), zip.length);
    assert.ok(hits.includes('/r/latest') && !hits.includes('/old.zip'));
    const index = await readExtract(got.bytes, { name: got.name });
    assert.equal(index.size, 120);
    assert.equal(index.meta.date, '2026-12-03T04:00');
  });

  it('takes the name from Content-Disposition', async () => {
    const got = await downloadExtract(`${base}/named`);
    assert.equal(got.name, 'Extraction_Correspondance_MSSante_202612020400.zip');
  });

  it('reports a server error, a refused connection, a cancel', async () => {
    await assert.rejects(downloadExtract(`${base}/missing`), (e: unknown) => e instanceof DownloadError && e.kind === 'status' && e.detail.startsWith('404'));
    await assert.rejects(downloadExtract('http://127.0.0.1:1/x.zip'), (e: unknown) => e instanceof DownloadError && e.kind === 'network');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(downloadExtract(`${base}/named`, { signal: controller.signal }), (e: unknown) => e instanceof DownloadError && e.kind === 'cancelled');
  });

  it('picks the newest zip of a dataset record, or none', () => {
    assert.equal(newestZip({ resources: [{ url: 'a.zip', last_modified: '2026-01-01' }, { url: 'b.zip', last_modified: '2026-02-01' }] })?.url, 'b.zip');
    assert.equal(newestZip({ resources: [{ url: 'a.pdf', format: 'pdf' }] }), undefined);
    assert.equal(newestZip(null), undefined);
  });
});
