import { langFromLocale, type Lang, localize, type Text } from '../core/l10n';

/**
 * What a CLI sub-command may touch, passed in so tests can run commands in-process
 * with a fake terminal and a temporary folder.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard input is a terminal (`medguide mssante` refuses to echo then). */
  readonly stdinIsTTY: boolean;
  readStdin(): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every sub-command. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** The language of messages from the environment's locale (POSIX precedence; an empty variable counts as unset). */
export function envLang(env: CliIo['env']): Lang {
  return langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/**
 * The start every sub-command shares: its options read in the environment's language, or the exit
 * code once a usage error (message and usage on stderr) or `--help` (usage on stdout) is answered.
 */
export function commandOptions<O extends { readonly help: boolean; readonly lang: Lang }>(
  args: readonly string[],
  io: CliIo,
  parse: (args: readonly string[], lang: Lang) => O | string,
  usage: Text,
): O | number {
  const defaultLang = envLang(io.env);
  const parsed = parse(args, defaultLang);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${localize(usage, defaultLang)}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout(localize(usage, parsed.lang));
    return EXIT_OK;
  }
  return parsed;
}
