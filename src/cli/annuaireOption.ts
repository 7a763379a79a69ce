/**
 * What `medguide check --annuaire FILE` and the command list need of `medguide annuaire` without
 * loading the Annuaire Santé reader (src/cli/annuaire.ts, fflate): its messages and the option's parsing.
 */
import { type Lang, localize, type Message, msg } from '../core/l10n';

export const ANNUAIRE_CLI_MESSAGES = {
  usage: msg(`Usage: medguide annuaire search "<words>" --annuaire <extract.zip|.txt> [options]

Searches the Annuaire Santé's extract of MSSanté mailboxes (the downloaded zip or its .txt):
name, first name, profession, specialty, organisation, service, town, postal code, département.
Each word is the start of a word of the entry: "martin cardio 69", "chu nantes urgences".

Options:
  --annuaire FILE      the extract (zip or .txt), or a saved index (.mgindex)
  --limit N            at most this many results (20 by default)
  --format text|json   output format (text by default)
  --lang fr|en         message language (default: the system's)
  -h, --help           this help

Exit code: 0 with results, 1 without, 2 for a usage or file problem.
`),
  checkOption: msg(`Annuaire Santé:
  --annuaire FILE      the MSSanté mailbox extract (zip or .txt): every …@….mssante.fr address of
                       the pages that the extract lacks is reported (mssante-address-unknown)
`),
  summary: msg("search the Annuaire Santé extract for a professional's or a service's MSSanté address"),
  unknownOption: msg('Unknown option: {option}'),
  missingValue: msg('Missing value after {option}'),
  badValue: msg('Invalid value for {option}: {value}'),
  missingAnnuaire: msg('Give the extract with --annuaire FILE.'),
  missingWords: msg('Give the words to search for.'),
  unknownSubcommand: msg('Unknown sub-command: {name} (only "search" exists).'),
  unreadable: msg('Cannot read the extract: {path} ({reason})'),
  results: msg('{shown} result(s) of {total}.'),
  brokenLines: msg('Unreadable lines: {list}'),
} satisfies Record<string, Message>;

const M = ANNUAIRE_CLI_MESSAGES;

/**
 * Takes `--annuaire FILE` out of `medguide check`'s arguments: the file (resolved), the other
 * arguments, or a usage error's message.
 */
export function takeAnnuaireOption(args: readonly string[], lang: Lang): { file?: string; rest: string[] } | string {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--annuaire' || a.startsWith('--annuaire=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined || v === '') return localize(M.missingValue, lang, { option: '--annuaire' });
      file = v;
      continue;
    }
    rest.push(a);
  }
  return { file, rest };
}
