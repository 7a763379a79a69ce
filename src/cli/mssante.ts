import { localize, type Bilingual, type Lang } from '../core/l10n';
import { ADDRESS_FORMATS, addressFor, checkMatriculeIns, formatPatientAddress, isKnownExampleMatricule, MATRICULE_FORMAT_HINT, type AddressFormat } from '../core/nir';
import { envLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';

/*
 * `medguide mssante`: reads one matricule INS from standard input and prints the patient's
 * MSSanté address. Never from the arguments (they stay in the shell history), never echoes
 * the entry or any part of it in a message, writes nothing anywhere else.
 */


const TEXT = {
  usage: {
    fr:
      'Utilisation : medguide mssante [--lang fr|en] [--format plain|autolink|mailto]\n\n' +
      'Lit UN matricule INS (15 caractères) sur l’entrée standard et affiche l’adresse MSSanté du patient.\n' +
      'Le numéro n’est jamais passé en argument : il resterait dans l’historique du shell.\n\n' +
      '  --format plain     adresse seule (par défaut)\n' +
      '  --format autolink  <adresse>, lien automatique Markdown\n' +
      '  --format mailto    [adresse](mailto:adresse)\n',
    en:
      'Usage: medguide mssante [--lang fr|en] [--format plain|autolink|mailto]\n\n' +
      'Reads ONE matricule INS (15 characters) from standard input and prints the patient’s MSSanté address.\n' +
      'The number is never passed as an argument: it would stay in the shell history.\n\n' +
      '  --format plain     the address alone (default)\n' +
      '  --format autolink  <address>, a Markdown autolink\n' +
      '  --format mailto    [address](mailto:address)\n',
  },
  numberInArguments: {
    fr:
      'Refusé : un argument contient des chiffres. Ne passez jamais le matricule INS en argument, il ' +
      'resterait dans l’historique du shell ; effacez-le de l’historique, puis saisissez-le à l’invite ' +
      'ou envoyez-le sur l’entrée standard.',
    en:
      'Refused: an argument contains digits. Never pass the matricule INS as an argument, it would stay ' +
      'in the shell history; remove it from the history, then type it at the prompt or send it on ' +
      'standard input.',
  },
  unknownOption: { fr: 'Option inconnue : {option}', en: 'Unknown option: {option}' },
  badValue: { fr: 'Valeur invalide pour {option} : {value}', en: 'Invalid value for {option}: {value}' },
  missingValue: { fr: 'Valeur manquante pour {option}', en: 'Missing value for {option}' },
  severalEntries: {
    fr: 'Refusé : une seule saisie à la fois (plusieurs lignes non vides reçues). Rien n’a été traité.',
    en: 'Refused: one entry at a time (several non-empty lines received). Nothing was processed.',
  },
  prompt: { fr: 'Matricule INS (15 caractères) : ', en: 'Matricule INS (15 characters): ' },
  invalid: { fr: 'Ce n’est pas un matricule INS valide :', en: 'Not a valid matricule INS:' },
  warning: { fr: 'Attention :', en: 'Warning:' },
  reminder: {
    fr:
      'Rappel : c’est l’identifiant réel d’un patient, pour un échange MSSanté ; ne le publiez pas dans ' +
      'une page du guide. Une clé valide ne prouve pas que c’est la bonne personne.',
    en:
      'Reminder: this is a real patient identifier, for an MSSanté exchange; do not publish it in a guide ' +
      'page. A valid key does not prove it is the right person.',
  },
  exampleReminder: {
    fr:
      'C’est le numéro d’exemple que l’ANS publie dans sa documentation (matricule INS fictif), pas celui ' +
      'd’un patient réel : il convient aux exemples et aux tests.',
    en:
      'This is the example number the ANS publishes in its documentation (a fictitious matricule INS), not a ' +
      'real patient’s: fine for examples and tests.',
  },
} satisfies Record<string, Bilingual>;

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
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const m = /^(--lang|--format)(?:=(.*))?$/.exec(arg);
    if (!m) return { ok: false, message: localize(TEXT.unknownOption, options.lang, { option: arg }) };
    const option = m[1];
    let value = m[2];
    if (value === undefined) {
      if (i + 1 >= args.length) return { ok: false, message: localize(TEXT.missingValue, options.lang, { option }) };
      value = args[++i];
    }
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
