import { strict as assert } from 'node:assert';
import { readArgs } from '../../../src/cli/args';

// The command parsers read node:util parseArgs' tokens through readArgs: the same answers as the
// hand-written loops they replaced, argument for argument.
const SPEC = { flags: ['--help', '--explain'], values: ['--format', '--lang'] };

describe('cli args (node:util parseArgs)', () => {
  it('reads flags, values inline or next (even a dash-led next argument), and -h as --help', () => {
    assert.deepEqual(readArgs(['-h', '--explain', '--format', 'json', '--lang=fr', '--format', '--lang'], SPEC), [
      { kind: 'flag', name: '--help' },
      { kind: 'flag', name: '--explain' },
      { kind: 'value', name: '--format', value: 'json' },
      { kind: 'value', name: '--lang', value: 'fr' },
      { kind: 'value', name: '--format', value: '--lang' },
    ]);
    assert.deepEqual(readArgs(['--format='], SPEC), [{ kind: 'value', name: '--format', value: '' }]);
  });

  it('reports a value option at the end as missing', () => {
    assert.deepEqual(readArgs(['a', '--lang'], SPEC), [
      { kind: 'positional', value: 'a', afterDashes: false },
      { kind: 'missing', name: '--lang' },
    ]);
  });

  it('reports unknown options as typed: long, short, grouped, a flag given a value', () => {
    assert.deepEqual(
      readArgs(['--foo=bar', '-x', '-hx', '--explain=1', '-5', '---x'], SPEC).map((a) => (a.kind === 'unknown' ? [a.raw, a.name] : a.kind)),
      [
        ['--foo=bar', '--foo'],
        ['-x', '-x'],
        ['-hx', '-hx'],
        ['--explain=1', '--explain'],
        ['-5', '-5'],
        ['---x', '---x'],
      ],
    );
  });

  it('keeps `-` as an operand and everything after `--` as operands', () => {
    assert.deepEqual(readArgs(['-', '--', '--help', '-'], SPEC), [
      { kind: 'positional', value: '-', afterDashes: false },
      { kind: 'dashes' },
      { kind: 'positional', value: '--help', afterDashes: true },
      { kind: 'positional', value: '-', afterDashes: true },
    ]);
  });
});
