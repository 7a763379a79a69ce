import { strict as assert } from 'node:assert';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../../../src/cli/io';
import { mssante } from '../../../src/cli/mssante';
import { formatPatientAddress as formatAddress } from '../../../src/core/nir';
import { MATRICULE_FORMAT_HINT, MATRICULE_MESSAGES } from '../../../src/core/nir';
import { bilingual } from '../../../src/core/l10n';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Order of events: 'prompt' (stderr before reading), 'read', 'out'. */
  events: string[];
  reads: number;
}

async function run(
  args: string[],
  stdin: string,
  { tty = false, env = {} as Record<string, string | undefined> } = {},
): Promise<Run> {
  const result: Run = { code: -1, stdout: '', stderr: '', events: [], reads: 0 };
  const io: CliIo = {
    cwd: '/nowhere',
    env,
    stdinIsTTY: tty,
    readStdin: async () => {
      result.reads++;
      result.events.push('read');
      return stdin;
    },
    stdout: (t) => {
      result.stdout += t;
      result.events.push('out');
    },
    stderr: (t) => {
      result.stderr += t;
      result.events.push('err');
    },
  };
  result.code = await mssante(args, io);
  return result;
}

/** True when `text` contains any 3 consecutive digits of `entry`. */
function leaks(text: string, entry: string): boolean {
  const digits = entry.replace(/[^0-9]/g, '');
  for (let i = 0; i + 3 <= digits.length; i++) if (text.includes(digits.slice(i, i + 3))) return true;
  return false;
}

describe('cli mssante', () => {
  it('prints the address of a valid entry read from standard input', async () => {
    const r = await run([], '1 85 05 75 056 123 88\n');
    assert.equal(r.code, EXIT_OK);
    assert.equal(r.stdout, '185057505612388@patient.mssante.fr\n');
    assert.equal(r.reads, 1);
    assert.ok(!leaks(r.stderr, '185057505612388'));
    assert.match(r.stderr, /patient/); // the reminder not to publish it
  });

  it('says the ANS example number is a known example, not a real patient identifier', async () => {
    const fr = await run(['--lang', 'fr'], '279035121518989\n');
    assert.equal(fr.code, EXIT_OK);
    assert.equal(fr.stdout, '279035121518989@patient.mssante.fr\n');
    assert.equal(
      fr.stderr,
      'C’est le numéro d’exemple que l’ANS publie dans sa documentation (matricule INS fictif), pas celui d’un patient réel : il convient aux exemples et aux tests.\n',
    );
    const en = await run(['--lang', 'en'], '146 026 322 000 196\n');
    assert.equal(en.stdout, '146026322000196@patient.mssante.fr\n');
    assert.equal(en.stderr, 'This is the example number the ANS publishes in its documentation (a fictitious matricule INS), not a real patient’s: fine for examples and tests.\n');
    // Any other valid number gets the real-patient reminder.
    const real = await run(['--lang', 'en'], '185057505612388\n');
    assert.match(real.stderr, /^Reminder: this is a real patient identifier/);
  });

  it('keeps Corsica letters upper case', async () => {
    const r = await run(['--format', 'autolink'], '178042a00401209\r\n');
    assert.equal(r.code, EXIT_OK);
    assert.equal(r.stdout, '<178042A00401209@patient.mssante.fr>\n');
  });

  it('formats plain, autolink and mailto', async () => {
    assert.equal((await run(['--format=plain'], '265122B03310183')).stdout, '265122B03310183@patient.mssante.fr\n');
    assert.equal((await run(['--format=mailto'], '265122B03310183')).stdout, '[265122B03310183@patient.mssante.fr](mailto:265122B03310183@patient.mssante.fr)\n');
    assert.equal(formatAddress('a@b', 'autolink'), '<a@b>');
  });

  it('refuses an invalid entry with the reason, exit 1, digits never echoed', async () => {
    const r = await run(['--lang', 'en'], '185057505612389\n');
    assert.equal(r.code, EXIT_PROBLEMS);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(bilingual(MATRICULE_MESSAGES.key).en));
    assert.ok(!leaks(r.stderr, '185057505612389'));
  });

  it('refuses 13 characters: the key is missing and is not computed', async () => {
    const r = await run(['--lang', 'fr'], '1850575056123\n');
    assert.equal(r.code, EXIT_PROBLEMS);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.includes(bilingual(MATRICULE_MESSAGES['length-13']).fr));
    assert.ok(!r.stderr.includes('88') && !leaks(r.stderr, '1850575056123'));
  });

  it('refuses an empty entry', async () => {
    const r = await run(['--lang=en'], '\n  \n');
    assert.equal(r.code, EXIT_PROBLEMS);
    assert.ok(r.stderr.includes(bilingual(MATRICULE_MESSAGES.empty).en));
  });

  it('reads one entry only', async () => {
    const r = await run([], '185057505612388\n178042A00401209\n');
    assert.equal(r.code, EXIT_USAGE);
    assert.equal(r.stdout, '');
    assert.ok(!leaks(r.stderr, '185057505612388178042A00401209'));
  });

  it('refuses a number in the arguments, before reading anything, without echoing it', async () => {
    for (const args of [['185057505612388'], ['--lang', 'en', '1 85 05'], ['--format=185057505612388']]) {
      const r = await run(args, '185057505612388\n', { env: { LANG: 'en_US.UTF-8' } });
      assert.equal(r.code, EXIT_USAGE, args.join(' '));
      assert.equal(r.reads, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /history/);
      assert.ok(!leaks(r.stderr, args.join('')));
    }
  });

  it('reports usage errors with exit 2', async () => {
    for (const args of [['--nope'], ['--format', 'html'], ['--lang', 'de'], ['--format']]) {
      const r = await run(args, '185057505612388');
      assert.equal(r.code, EXIT_USAGE, args.join(' '));
      assert.equal(r.reads, 0);
      assert.equal(r.stdout, '');
    }
  });

  it('prints help on --help', async () => {
    const r = await run(['--help', '--lang', 'en'], '');
    assert.equal(r.code, EXIT_OK);
    assert.match(r.stdout, /^Usage: medguide mssante/);
    assert.equal(r.reads, 0);
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG; --lang wins', async () => {
    const fr = bilingual(MATRICULE_MESSAGES.key).fr;
    const en = bilingual(MATRICULE_MESSAGES.key).en;
    const bad = '185057505612389';
    assert.ok((await run([], bad, { env: { LANG: 'fr_FR.UTF-8' } })).stderr.includes(fr));
    assert.ok((await run([], bad, { env: { LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' } })).stderr.includes(en));
    assert.ok((await run([], bad, { env: { LC_ALL: '', LC_MESSAGES: 'fr_FR', LANG: 'en_US' } })).stderr.includes(fr));
    assert.ok((await run([], bad, { env: {} })).stderr.includes(en));
    assert.ok((await run(['--lang', 'en'], bad, { env: { LANG: 'fr_FR.UTF-8' } })).stderr.includes(en));
  });

  it('prompts on standard error only when standard input is a terminal', async () => {
    const tty = await run(['--lang', 'fr'], '185057505612388\n', { tty: true });
    assert.equal(tty.code, EXIT_OK);
    assert.deepEqual(tty.events.slice(0, 2), ['err', 'read']);
    assert.ok(tty.stderr.startsWith(bilingual(MATRICULE_FORMAT_HINT).fr));
    assert.equal(tty.stdout, '185057505612388@patient.mssante.fr\n');
    const pipe = await run(['--lang', 'fr'], '185057505612388\n');
    assert.equal(pipe.events[0], 'read');
  });

  it('prints warnings on standard error and still the address', async () => {
    const r = await run(['--lang', 'en'], '158032000401273');
    assert.equal(r.code, EXIT_OK);
    assert.equal(r.stdout, '158032000401273@patient.mssante.fr\n');
    assert.ok(r.stderr.includes(bilingual(MATRICULE_MESSAGES['department-20']).en));
    assert.ok(!leaks(r.stderr, '158032000401273'));
  });
});
