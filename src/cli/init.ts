/**
 * `medguide init [folder]`: writes the site's `.medguide.toml` from the rules MedGuide finds in
 * the site itself (Front Matter CMS's `frontmatter.json`, the conventions of its pages), commented
 * with where each rule came from, for the site to commit and edit. Never overwrites an existing
 * file without `--force`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeRulesToml } from '../core/conventions';
import { type Lang, localize, msg } from '../core/l10n';
import { SiteWorkspace } from '../core/site';
import { readArgs } from './args';
import { commandOptions, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { fromHostPath, NodeHost, toHostPath } from './nodeHost';

const M = {
  usage: msg(`Usage: medguide init [folder] [options]

Writes the site's .medguide.toml from its own rules: frontmatter.json (Front Matter CMS) and the
conventions of its pages (expected keys per section, types, vocabularies). Each rule is commented
with its source. Default: the site of the current folder.

Options:
  --force              replace an existing .medguide.toml
  --stdout             print the file instead of writing it
  --lang fr|en         language of the comments (default: the system's)
  --today YYYY-MM-DD   date written in the header
  -h, --help           this help

Exit code: 0, 2 for a usage problem or when the file exists (without --force).
`),
  unknownOption: msg('Unknown option: {option}'),
  missingValue: msg('Missing value after {option}'),
  badValue: msg('Invalid value for {option}: {value}'),
  noSite: msg('No Hugo site found around {path}.'),
  exists: msg('{file} already exists: not replaced (--force to replace it, --stdout to see the new one).'),
  wrote: msg('Wrote {file}: {keys} key rule(s), {sections} section(s), {types} content type(s).'),
  tooFew: msg('The site has only {pages} page(s): too few to infer conventions from ({min} needed); the file sets no rule and the built-in dialect applies.'),
} as const;

interface Options {
  force: boolean;
  stdout: boolean;
  lang: Lang;
  today?: string;
  folder?: string;
  help: boolean;
}

function parseArgs(args: readonly string[], lang: Lang): Options | string {
  const o: Options = { force: false, stdout: false, lang, help: false };
  for (const a of readArgs(args, { flags: ['--help', '--force', '--stdout'], values: ['--lang', '--today'] })) {
    // One folder; `-`, `--` and a second folder are not options of init.
    if (a.kind === 'dashes') return localize(M.unknownOption, lang, { option: '--' });
    if (a.kind === 'positional') {
      if (a.value === '-' || o.folder !== undefined) return localize(M.unknownOption, lang, { option: a.value });
      o.folder = a.value;
    } else if (a.kind === 'unknown') return localize(M.unknownOption, lang, { option: a.raw });
    else if (a.kind === 'missing') return localize(M.missingValue, lang, { option: a.name });
    else if (a.kind === 'flag') {
      if (a.name === '--help') o.help = true;
      else if (a.name === '--force') o.force = true;
      else o.stdout = true;
    } else if (a.name === '--lang') {
      if (a.value !== 'fr' && a.value !== 'en') return localize(M.badValue, lang, { option: a.name, value: a.value });
      o.lang = a.value;
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a.value)) return localize(M.badValue, lang, { option: a.name, value: a.value });
      o.today = a.value;
    }
  }
  return o;
}

export async function init(args: string[], io: CliIo): Promise<number> {
  const o = commandOptions(args, io, parseArgs, M.usage);
  if (typeof o === 'number') return o;
  const folder = path.resolve(io.cwd, o.folder ?? '.');
  const workspace = new SiteWorkspace(new NodeHost(), { lang: o.lang });
  const site = await workspace.siteFor(toHostPath(path.join(folder, '_')));
  if (!site) {
    io.stderr(`${localize(M.noSite, o.lang, { path: path.relative(io.cwd, folder) || '.' })}\n`);
    return EXIT_USAGE;
  }
  const target = path.join(fromHostPath(site.root), '.medguide.toml');
  const shown = path.relative(io.cwd, target) || '.medguide.toml';
  let exists = false;
  try {
    await fs.stat(target);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists && !o.force && !o.stdout) {
    io.stderr(`${localize(M.exists, o.lang, { file: shown })}\n`);
    return EXIT_USAGE;
  }
  const rules = await site.conventions();
  const sources = rules.sources ?? {};
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const text = writeRulesToml(rules.config, sources, o.lang, today);
  if (!sources.inferred && !sources.frontmatter) io.stderr(`${localize(M.tooFew, o.lang, { pages: sources.sitePages ?? 0, min: 20 })}\n`);
  if (o.stdout) {
    io.stdout(text);
    return EXIT_OK;
  }
  await fs.writeFile(target, text, 'utf8');
  const keys = (text.match(/^\[keys\./gm) ?? []).length;
  const sections = (text.match(/^\[\[sections\]\]/gm) ?? []).length;
  const types = new Set((text.match(/^\[types\.([^.\]]+)/gm) ?? []).map((t) => t)).size;
  io.stderr(`${localize(M.wrote, o.lang, { file: shown, keys, sections, types })}\n`);
  return EXIT_OK;
}
