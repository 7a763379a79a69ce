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
import { type Lang, localize } from '../core/l10n';
import { ANNUAIRE_CLI_MESSAGES } from './annuaireOption';
import { commandOptions, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';

export { ANNUAIRE_CLI_MESSAGES, takeAnnuaireOption } from './annuaireOption';

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

