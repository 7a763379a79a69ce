/**
 * `medguide init [folder]`: writes the site's `.medguide.toml` from the rules MedGuide finds in
 * the site itself (Front Matter CMS's `frontmatter.json`, the conventions of its pages), commented
 * with where each rule came from, for the site to commit and edit. Never overwrites an existing
 * file without `--force`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { writeRulesToml } from '../core/conventions';
import { localize, type Bilingual, type Lang } from '../core/l10n';
import { SiteWorkspace } from '../core/site';
import { commandOptions, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { fromHostPath, NodeHost, toHostPath } from './nodeHost';

const T = (fr: string, en: string): Bilingual => ({ fr, en });

const M = {
  usage: T(
    `Utilisation : medguide init [dossier] [options]

Écrit le fichier .medguide.toml du site à partir de ses propres règles : frontmatter.json
(Front Matter CMS) et les conventions de ses pages (clés attendues par section, types,
vocabulaires). Chaque règle est commentée avec sa source. Par défaut : le site du dossier courant.

Options :
  --force              remplacer un .medguide.toml existant
  --stdout             afficher le fichier au lieu de l'écrire
  --lang fr|en         langue des commentaires (par défaut : celle du système)
  --today AAAA-MM-JJ   date inscrite dans l'en-tête
  -h, --help           cette aide

Code de sortie : 0, 2 en cas de problème d’utilisation ou si le fichier existe déjà (sans --force).
`,
    `Usage: medguide init [folder] [options]

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
`,
  ),
  unknownOption: T('Option inconnue : {option}', 'Unknown option: {option}'),
  missingValue: T('Valeur manquante après {option}', 'Missing value after {option}'),
  badValue: T('Valeur invalide pour {option} : {value}', 'Invalid value for {option}: {value}'),
  noSite: T('Aucun site Hugo trouvé autour de {path}.', 'No Hugo site found around {path}.'),
  exists: T(
    '{file} existe déjà : il n’est pas remplacé (--force pour le remplacer, --stdout pour voir le nouveau).',
    '{file} already exists: not replaced (--force to replace it, --stdout to see the new one).',
  ),
  wrote: T('{file} écrit : {keys} règle(s) de clés, {sections} section(s), {types} type(s) de contenu.', 'Wrote {file}: {keys} key rule(s), {sections} section(s), {types} content type(s).'),
  tooFew: T(
    'Le site n’a que {pages} page(s) : trop peu pour en déduire des conventions (il en faut {min}) ; le fichier ne fixe aucune règle et le dialecte intégré s’applique.',
    'The site has only {pages} page(s): too few to infer conventions from ({min} needed); the file sets no rule and the built-in dialect applies.',
  ),
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
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') o.help = true;
    else if (arg === '--force') o.force = true;
    else if (arg === '--stdout') o.stdout = true;
    else if (!arg.startsWith('-')) {
      if (o.folder !== undefined) return localize(M.unknownOption, lang, { option: arg });
      o.folder = arg;
    } else {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      if (name !== '--lang' && name !== '--today') return localize(M.unknownOption, lang, { option: arg });
      const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined) return localize(M.missingValue, lang, { option: name });
      if (name === '--lang') {
        if (value !== 'fr' && value !== 'en') return localize(M.badValue, lang, { option: name, value });
        o.lang = value;
      } else {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return localize(M.badValue, lang, { option: name, value });
        o.today = value;
      }
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
