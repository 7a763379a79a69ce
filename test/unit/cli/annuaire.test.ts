import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annuaire } from '../../../src/cli/annuaire';
import { check } from '../../../src/cli/check';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../../../src/cli/io';
import { readExtract } from '../../../src/core/annuaire';
import { generateExtract, zipExtract } from '../../support/annuaireExtract';
import { runCli, type CliRun } from '../../support/runCli';

function run(command: (args: string[], io: CliIo) => Promise<number>, args: string[], cwd: string, lang = 'en_US.UTF-8'): Promise<CliRun> {
  return runCli(command, args, cwd, { LANG: lang });
}

describe('CLI: medguide annuaire search, medguide check --annuaire', () => {
  let dir: string;
  const g = generateExtract({ count: 400, seed: 9, duplicates: [0], broken: ['short'] });
  const known = g.people[10];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'medguide-annuaire-cli-'));
    writeFileSync(join(dir, 'Extraction_Correspondance_MSSante_202611280400.zip'), zipExtract(g.text, '202611280400'));
    writeFileSync(join(dir, 'extract.txt'), g.text);
    writeFileSync(join(dir, 'not-extract.txt'), 'a|b\n1|2\n');
    mkdirSync(join(dir, 'content'));
    writeFileSync(
      join(dir, 'content', 'orienter.md'),
      `+++\ntitle = "Orienter"\ndate = 2026-01-01\n+++\n\nÉcrire au Dr Anne Fermée : <anne.fermee@medecin.mssante.fr>.\nOu : ${known.address}\n`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('search prints the matches, one per line, address first, and a count on stderr', async () => {
    const word = known.nom.toLowerCase();
    const r = await run(annuaire, ['search', `${word} ${known.city.toLowerCase()}`, '--annuaire', 'Extraction_Correspondance_MSSante_202611280400.zip'], dir);
    assert.equal(r.code, EXIT_OK);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.some((l) => l.startsWith(`${known.address}\t`)), r.out);
    for (const l of lines) assert.match(l, /^\S+@\S+\.mssante\.fr\t/);
    assert.match(r.err, /^Extract of 2026-11-28: 400 address\(es\) \(402 line\(s\) read, 1 duplicate\(s\), 1 unreadable line\(s\)\)\.\nUnreadable lines: line 403: 12 column\(s\) instead of 31\n\d+ result\(s\) of \d+\.\n$/);
  });

  it('searches a saved index (the .mgindex file the extension keeps) as well as the extract', async () => {
    const index = await readExtract(new TextEncoder().encode(g.text), { name: 'Extraction_Correspondance_MSSante_202611280400.txt' });
    writeFileSync(join(dir, 'index.mgindex'), index.serialize());
    const person = g.people.find((p) => p.type === 'PER')!;
    const fromIndex = await run(annuaire, ['search', person.nom, person.prenom, '--annuaire', 'index.mgindex'], dir);
    const fromText = await run(annuaire, ['search', person.nom, person.prenom, '--annuaire', 'Extraction_Correspondance_MSSante_202611280400.zip'], dir);
    assert.ok(fromIndex.out.includes(`${person.address}\t`));
    assert.equal(fromIndex.code, EXIT_OK, fromIndex.err);
    assert.equal(fromIndex.out, fromText.out);
    assert.match(fromIndex.err, /^Extract of 2026-11-28: 400 address/);
  });

  it('--format json gives the date, the total and the fields', async () => {
    const r = await run(annuaire, ['search', known.address.split('@')[0].split('.')[0], known.nom, '--annuaire', 'extract.txt', '--format', 'json', '--limit', '3'], dir);
    assert.equal(r.code, EXIT_OK);
    const out = JSON.parse(r.out) as { date: string | null; total: number; results: { address: string; nom: string }[] };
    assert.equal(out.date, null, 'extract.txt has no date in its name');
    assert.ok(out.results.length >= 1 && out.results.length <= 3);
    assert.ok(out.total >= out.results.length);
    assert.ok(out.results.every((e) => typeof e.address === 'string' && typeof e.nom === 'string'));
  });

  it('exit 1 without a match, 2 for a file that is not the extract, a missing file, missing options; French messages', async () => {
    assert.equal((await run(annuaire, ['search', 'xylophone', '--annuaire', 'extract.txt'], dir)).code, EXIT_PROBLEMS);
    const notExtract = await run(annuaire, ['search', 'martin', '--annuaire', 'not-extract.txt'], dir, 'fr_FR.UTF-8');
    assert.equal(notExtract.code, EXIT_USAGE);
    assert.match(notExtract.err, /^Extraction illisible : not-extract\.txt \(Ce fichier n’est pas l’extraction des BAL MSSanté de l’Annuaire Santé : colonnes absentes de la première ligne : Type de BAL, Adresse BAL/);
    assert.equal((await run(annuaire, ['search', 'martin', '--annuaire', 'nowhere.zip'], dir)).code, EXIT_USAGE);
    const noFile = await run(annuaire, ['search', 'martin'], dir);
    assert.equal(noFile.code, EXIT_USAGE);
    assert.match(noFile.err, /^Give the extract with --annuaire FILE\./);
    assert.equal((await run(annuaire, ['find', 'x'], dir)).code, EXIT_USAGE);
    const help = await run(annuaire, ['--help'], dir);
    assert.equal(help.code, EXIT_OK);
    assert.match(help.out, /^Usage: medguide annuaire search/);
  });

  it('check --annuaire warns on the page address the extract lacks, not on the known one; exit code unchanged by warnings', async () => {
    const without = await run(check, ['content', '--format', 'json'], dir);
    const r = await run(check, ['content', '--annuaire', 'Extraction_Correspondance_MSSante_202611280400.zip', '--format', 'json'], dir);
    assert.equal(r.code, without.code, 'a warning does not change the exit code');
    assert.notEqual(r.code, EXIT_USAGE, r.err);
    const list = (JSON.parse(r.out) as { code: string; line: number; column: number; endColumn: number; message: string }[]).filter((d) => d.code === 'mssante-address-unknown');
    assert.equal(list.length, 1);
    assert.deepEqual([list[0].line, list[0].column, list[0].endColumn], [6, 29, 59]);
    assert.equal(list[0].message, 'The MSSanté address anne.fermee@medecin.mssante.fr is not in the Annuaire Santé extract of 2026-11-28: the mailbox may have closed or changed. Check it in the Annuaire Santé.');
    assert.equal((JSON.parse(without.out) as { code: string }[]).filter((d) => d.code === 'mssante-address-unknown').length, 0);
  });

  it('check --annuaire with a file that is not the extract is a usage error (2); --help lists the option', async () => {
    const r = await run(check, ['content', '--annuaire', 'not-extract.txt'], dir);
    assert.equal(r.code, EXIT_USAGE);
    assert.equal(r.out, '');
    assert.equal((await run(check, ['content', '--annuaire'], dir)).code, EXIT_USAGE);
    const help = await run(check, ['--help'], dir);
    assert.match(help.out, /--annuaire FILE/);
  });
});
