/**
 * `medguide annuaire search "<words>" --annuaire <extract.zip|.txt>`: the Annuaire Santé's MSSanté
 * mailboxes searched from the command line; and the `--annuaire` option of `medguide check`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  ANNUAIRE_MESSAGES,
  AnnuaireIndex,
  extractDateLabel,
  NotAnExtractError,
  readExtract,
  ZipError,
  entryDescription,
  entryDetail,
  entryLabel,
  type BrokenLine,
} from '../core/annuaire';
import { type Lang, localize, type Message, msg } from '../core/l10n';
import { commandOptions, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';


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

/** The extract (zip or text) or a saved index, as an index; a message on stderr and undefined when it cannot be read. */
export async function loadAnnuaire(file: string, lang: Lang, io: CliIo): Promise<AnnuaireIndex | undefined> {
  const shown = path.relative(io.cwd, file) || file;
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    io.stderr(`${localize(M.unreadable, lang, { path: shown, reason: e instanceof Error ? e.message : String(e) })}\n`);
    return undefined;
  }
  try {
    const index = bytes[0] === 0x4d && bytes[1] === 0x47 && bytes[2] === 0x41 ? AnnuaireIndex.load(bytes) : await readExtract(bytes, { name: path.basename(file) });
    const { report } = index.meta;
    io.stderr(
      `${localize(ANNUAIRE_MESSAGES.summary, lang, {
        date: extractDateLabel(index.meta.date, lang),
        entries: index.size,
        lines: report.lines,
        duplicates: index.meta.duplicates,
        broken: report.broken,
      })}\n`,
    );
    if (report.broken > 0) io.stderr(`${localize(M.brokenLines, lang, { list: report.brokenSamples.map((b) => brokenLabel(b, lang)).join('; ') })}\n`);
    return index;
  } catch (e) {
    io.stderr(`${localize(M.unreadable, lang, { path: shown, reason: problemText(e, lang) })}\n`);
    return undefined;
  }
}

/** A broken line as the user reads it: "line 12: 12 column(s) instead of 31". */
export function brokenLabel(b: BrokenLine, lang: Lang): string {
  const reason = b.reason === 'columns' ? localize(ANNUAIRE_MESSAGES.brokenColumns, lang, { fields: b.fields, expected: 31 }) : localize(ANNUAIRE_MESSAGES.brokenAddress, lang);
  return localize(ANNUAIRE_MESSAGES.brokenLine, lang, { line: b.line, reason });
}

/** Why an extract could not be read, in the user's language. */
export function problemText(e: unknown, lang: Lang): string {
  if (e instanceof NotAnExtractError) {
    return e.problem.kind === 'empty' ? localize(ANNUAIRE_MESSAGES.emptyFile, lang) : localize(ANNUAIRE_MESSAGES.notExtract, lang, { missing: e.problem.missing.slice(0, 5).join(', ') + (e.problem.missing.length > 5 ? '…' : '') });
  }
  if (e instanceof ZipError) return e.kind === 'no-text' ? localize(ANNUAIRE_MESSAGES.zipWithoutText, lang) : localize(ANNUAIRE_MESSAGES.zipBroken, lang, { reason: e.message });
  return e instanceof Error ? e.message : String(e);
}

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

interface Options {
  help: boolean;
  lang: Lang;
  format: 'text' | 'json';
  limit: number;
  annuaire?: string;
  words: string[];
}

function parseArgs(args: readonly string[], lang: Lang): Options | string {
  const o: Options = { help: false, lang, format: 'text', limit: 20, words: [] };
  const [sub, ...rest] = args;
  if (sub === '-h' || sub === '--help' || sub === undefined) return { ...o, help: true };
  if (sub !== 'search') return localize(M.unknownSubcommand, lang, { name: sub });
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') {
      o.help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      o.words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!['--annuaire', '--limit', '--format', '--lang'].includes(name)) return localize(M.unknownOption, lang, { option: arg });
    const value = eq >= 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) return localize(M.missingValue, lang, { option: name });
    if (name === '--annuaire') o.annuaire = value;
    else if (name === '--limit') {
      if (!/^[1-9]\d{0,3}$/.test(value)) return localize(M.badValue, lang, { option: name, value });
      o.limit = Number(value);
    } else if (name === '--format') {
      if (value !== 'text' && value !== 'json') return localize(M.badValue, lang, { option: name, value });
      o.format = value;
    } else {
      if (value !== 'fr' && value !== 'en') return localize(M.badValue, lang, { option: name, value });
      o.lang = value;
    }
  }
  if (o.help) return o;
  if (!o.annuaire) return localize(M.missingAnnuaire, o.lang);
  if (o.words.join(' ').trim() === '') return localize(M.missingWords, o.lang);
  return o;
}

export async function annuaire(args: string[], io: CliIo): Promise<number> {
  const o = commandOptions(args, io, parseArgs, M.usage);
  if (typeof o === 'number') return o;
  const index = await loadAnnuaire(path.resolve(io.cwd, o.annuaire!), o.lang, io);
  if (!index) return EXIT_USAGE;
  const result = index.search(o.words.join(' '), o.limit);
  if (o.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        {
          date: index.meta.date ?? null,
          total: result.total,
          results: result.entries.map((e) => ({ address: e.address, kind: e.kind, civilite: e.civilite, nom: e.nom, prenom: e.prenom, profession: e.profession, savoirFaire: e.savoirFaire, service: e.service, organisation: e.organisation, enseigne: e.enseigne, postalCode: e.postalCode, city: e.city, departement: e.departement })),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    let text = '';
    for (const e of result.entries) {
      const desc = entryDescription(e);
      const detail = entryDetail(e);
      text += `${e.address}\t${entryLabel(e)}${desc ? ` — ${desc}` : ''}${detail ? ` — ${detail}` : ''}\n`;
    }
    io.stdout(text);
    io.stderr(`${localize(M.results, o.lang, { shown: result.entries.length, total: result.total })}\n`);
  }
  return result.total > 0 ? EXIT_OK : EXIT_PROBLEMS;
}

