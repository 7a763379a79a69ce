import { readFileSync } from 'node:fs';
import { type Lang, localize, msg, type Text } from '../core/l10n';
import { ANNUAIRE_CLI_MESSAGES } from './annuaireOption';
import { useCliL10n } from './l10n';
import { envLang, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { ownValue } from '../core/own';

declare const MEDGUIDE_VERSION: string | undefined;

type Command = (args: string[], io: CliIo) => Promise<number>;

/**
 * Sub-commands; each module is small and testable in-process with a fake CliIo. Each is required when
 * run (require(), not import(): tests run the sources through tsx's CommonJS hook, where import() is
 * Node's own and finds no .ts file): in the bundle (packages/cli/dist/cli.js), only the command that
 * runs evaluates its modules, and the libraries only some commands use (markdown-it for `render`,
 * fflate for `annuaire`) are files of their own beside it (scripts/build.mjs, CLI_LIBRARIES).
 */
const COMMANDS: Record<string, { run: Command; summary: Text }> = {
  check: {
    run: (args, io) => (require('./check') as typeof import('./check')).check(args, io),
    summary: msg("check the site's front matter and pages (for CI)"),
  },
  health: {
    run: (args, io) => (require('./health') as typeof import('./health')).health(args, io),
    summary: msg('guide health: pages out of date, unfinished, not published, broken links (text, json, html)'),
  },
  init: {
    run: (args, io) => (require('./init') as typeof import('./init')).init(args, io),
    summary: msg("write the site's .medguide.toml from its conventions and frontmatter.json"),
  },
  render: {
    run: (args, io) => (require('./render') as typeof import('./render')).render(args, io),
    summary: msg("a page's preview HTML (--standalone: a full page with the CSS)"),
  },
  mssante: {
    run: (args, io) => (require('./mssante') as typeof import('./mssante')).mssante(args, io),
    summary: msg("a patient's MSSanté address from their matricule INS (read from standard input)"),
  },
  annuaire: {
    run: (args, io) => (require('./annuaire') as typeof import('./annuaire')).annuaire(args, io),
    summary: ANNUAIRE_CLI_MESSAGES.summary,
  },
};

function usage(lang: Lang): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${localize(c.summary, lang)}`);
  return localize(msg('Usage: medguide <command> [options]\n\nCommands:\n{commands}\n\n  medguide <command> --help   help for a command\n  medguide --version\n'), lang, { commands: lines.join('\n') });
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  useCliL10n();
  const [name, ...rest] = argv;
  const lang = envLang(io.env);
  if (name === '--version' || name === '-v') {
    io.stdout(`${typeof MEDGUIDE_VERSION === 'string' ? MEDGUIDE_VERSION : 'dev'}\n`);
    return EXIT_OK;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(usage(lang));
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = ownValue(COMMANDS, name);
  if (!command) {
    // Never echo an argument with digits: it may be a patient number typed in the wrong place.
    const shown = /\d/.test(name) ? '' : `: ${name}`;
    io.stderr(`${localize(msg('Unknown command'), lang)}${shown}\n\n${usage(lang)}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}

/** The real terminal. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    readStdin: () =>
      new Promise((resolve, reject) => {
        if (process.stdin.isTTY) {
          // One line from a terminal: stop at the first newline.
          let data = '';
          process.stdin.setEncoding('utf8');
          const onData = (chunk: string) => {
            data += chunk;
            const nl = data.indexOf('\n');
            if (nl >= 0) {
              process.stdin.off('data', onData);
              process.stdin.pause();
              resolve(data.slice(0, nl));
            }
          };
          process.stdin.on('data', onData);
          process.stdin.on('end', () => resolve(data));
          process.stdin.on('error', reject);
          return;
        }
        try {
          resolve(readFileSync(0, 'utf8'));
        } catch (e) {
          reject(e);
        }
      }),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
}

/** Runs the command line in this process (`node cli.js …`, or the npm package's bin launcher). */
export function start(): void {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`medguide: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) start();
