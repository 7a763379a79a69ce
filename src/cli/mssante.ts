import { type Lang, localize, type Message, msg } from '../core/l10n';
import { ADDRESS_FORMATS, addressFor, checkMatriculeIns, formatPatientAddress, isKnownExampleMatricule, MATRICULE_FORMAT_HINT, type AddressFormat } from '../core/nir';
import { readArgs } from './args';
import { envLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';

/*
 * `medguide mssante`: reads one matricule INS from standard input and prints the patient's
 * MSSanté address. Never from the arguments (they stay in the shell history), never echoes
 * the entry or any part of it in a message, writes nothing anywhere else.
 */


const TEXT = {
  usage: msg('Usage: medguide mssante [--lang fr|en] [--format plain|autolink|mailto]\n\n' +
      'Reads ONE matricule INS (15 characters) from standard input and prints the patient’s MSSanté address.\n' +
      'The number is never passed as an argument: it would stay in the shell history.\n\n' +
      '  --format plain     the address alone (default)\n' +
      '  --format autolink  <address>, a Markdown autolink\n' +
      '  --format mailto    [address](mailto:address)\n'),
  numberInArguments: msg('Refused: an argument contains digits. Never pass the matricule INS as an argument, it would stay ' +
      'in the shell history; remove it from the history, then type it at the prompt or send it on ' +
      'standard input.'),
  unknownOption: msg('Unknown option: {option}'),
  badValue: msg('Invalid value for {option}: {value}'),
  missingValue: msg('Missing value for {option}'),
  severalEntries: msg('Refused: one entry at a time (several non-empty lines received). Nothing was processed.'),
  prompt: msg('Matricule INS (15 characters): '),
  invalid: msg('Not a valid matricule INS:'),
  warning: msg('Warning:'),
  reminder: msg('Reminder: this is a real patient identifier, for an MSSanté exchange; do not publish it in a guide ' +
      'page. A valid key does not prove it is the right person.'),
  exampleReminder: msg('This is the example number the ANS publishes in its documentation (a fictitious matricule INS), not a ' +
      'real patient’s: fine for examples and tests.'),
} satisfies Record<string, Message>;

interface Options {
  lang: Lang;
  format: AddressFormat;
  help: boolean;
}

type Parsed = { ok: true; options: Options } | { ok: false; message: string };

function parseArgs(args: readonly string[], defaultLang: Lang): Parsed {
  const options: Options = { lang: defaultLang, format: 'plain', help: false };
  // Checked first, before anything could quote an argument back.
  if (args.some((a) => /[0-9]/.test(a))) return { ok: false, message: localize(TEXT.numberInArguments, defaultLang) };
  for (const a of readArgs(args, { flags: ['--help'], values: ['--lang', '--format'] })) {
    // No operands: the number comes from standard input only.
    if (a.kind === 'dashes' || a.kind === 'positional' || a.kind === 'unknown') {
      const option = a.kind === 'dashes' ? '--' : a.kind === 'positional' ? a.value : a.raw;
      return { ok: false, message: localize(TEXT.unknownOption, options.lang, { option }) };
    }
    if (a.kind === 'missing') return { ok: false, message: localize(TEXT.missingValue, options.lang, { option: a.name }) };
    if (a.kind === 'flag') {
      options.help = true;
      continue;
    }
    const { name: option, value } = a;
    if (option === '--lang' && (value === 'fr' || value === 'en')) options.lang = value;
    else if (option === '--format' && (ADDRESS_FORMATS as readonly string[]).includes(value)) options.format = value as AddressFormat;
    else return { ok: false, message: localize(TEXT.badValue, options.lang, { option, value }) };
  }
  return { ok: true, options };
}

export async function mssante(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, envLang(io.env));
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return EXIT_USAGE;
  }
  const { lang, format, help } = parsed.options;
  if (help) {
    io.stdout(localize(TEXT.usage, lang));
    return EXIT_OK;
  }

  if (io.stdinIsTTY) io.stderr(`${localize(MATRICULE_FORMAT_HINT, lang)}\n${localize(TEXT.prompt, lang)}`);
  const lines = (await io.readStdin()).split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (lines.length > 1) {
    io.stderr(`${localize(TEXT.severalEntries, lang)}\n`);
    return EXIT_USAGE;
  }

  const check = checkMatriculeIns(lines[0] ?? '');
  if (!check.valid) {
    io.stderr(`${localize(TEXT.invalid, lang)}\n${check.errors.map((e) => `  - ${localize(e.message, lang)}\n`).join('')}`);
    return EXIT_PROBLEMS;
  }
  for (const w of check.warnings) io.stderr(`${localize(TEXT.warning, lang)} ${localize(w.message, lang)}\n`);
  io.stdout(`${formatPatientAddress(addressFor(check.normalized!), format)}\n`);
  io.stderr(`${localize(isKnownExampleMatricule(check.normalized!) ? TEXT.exampleReminder : TEXT.reminder, lang)}\n`);
  return EXIT_OK;
}
