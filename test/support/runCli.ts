import type { CliIo } from '../../src/cli/io';

/** What a command printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one `medguide` command in this process, as a terminal would (`stdin` piped in), with what it prints kept. */
export async function runCli(
  command: (args: string[], io: CliIo) => Promise<number>,
  args: string[],
  cwd: string,
  env: CliIo['env'] = { LANG: 'en_US.UTF-8' },
  stdin = '',
): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, env, stdinIsTTY: false, readStdin: async () => stdin, stdout: (t) => (out += t), stderr: (t) => (err += t) };
  const code = await command(args, io);
  return { code, out, err };
}
