/**
 * `medguide check [paths…]`: the front matter validator on the command line, with the same
 * `.medguide.toml` as the editor, for a site's CI.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic';
import { localize, type Bilingual, type Lang } from '../core/l10n';
import { range } from '../core/text';
import { checkPage } from '../core/check';
import { SiteFacts } from './siteFacts';
import {
  DEFAULT_SITE_CONFIG,
  findSiteRoot,
  parseSiteConfig,
  relativeTo,
  resolvePageRules,
  type ConfigFileAccess,
  type ParsedSiteConfig,
  type SiteConfig,
} from '../core/config';
import { envLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';

/** Pages above this size are not read: a guide page is a few kilobytes. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

const PAGE_EXTENSIONS = new Set(['.md', '.markdown']);

const T = (fr: string, en: string): Bilingual => ({ fr, en });

const M = {
  usage: T(
    `Utilisation : medguide check [chemins…] [options]

Vérifie le front matter des pages (par défaut : le dossier content/ du site courant).

Options :
  --format text|json   format de sortie (text par défaut)
  --lang fr|en         langue des messages (par défaut : celle du système)
  --config FICHIER     fichier .medguide.toml à utiliser
  --today AAAA-MM-JJ   date du jour pour les vérifications de dates futures
  -h, --help           cette aide

Code de sortie : 0 sans erreur, 1 avec des erreurs, 2 en cas de problème d’utilisation ou de configuration.
`,
    `Usage: medguide check [paths…] [options]

Checks the front matter of pages (default: the content/ folder of the current site).

Options:
  --format text|json   output format (text by default)
  --lang fr|en         message language (default: the system's)
  --config FILE        .medguide.toml file to use
  --today YYYY-MM-DD   today's date for the future-date checks
  -h, --help           this help

Exit code: 0 without errors, 1 with errors, 2 for a usage or configuration problem.
`,
  ),
  unknownOption: T('Option inconnue : {option}', 'Unknown option: {option}'),
  missingValue: T('Valeur manquante après {option}', 'Missing value after {option}'),
  badValue: T('Valeur invalide pour {option} : {value}', 'Invalid value for {option}: {value}'),
  noSite: T(
    'Aucun site Hugo trouvé autour de {cwd} (ni hugo.toml, config.toml… ni .medguide.toml) : indiquez les chemins à vérifier.',
    'No Hugo site found around {cwd} (no hugo.toml, config.toml… nor .medguide.toml): give the paths to check.',
  ),
  noContent: T('Dossier introuvable : {path}', 'Folder not found: {path}'),
  notFound: T('Chemin introuvable : {path}', 'Path not found: {path}'),
  configUnreadable: T('Configuration illisible : {path} ({reason})', 'Cannot read the configuration: {path} ({reason})'),
  unreadable: T('Fichier illisible : {reason}', 'Cannot read the file: {reason}'),
  tooLarge: T(
    'Fichier de {size} Mo, au-delà de la limite de {max} Mo : non vérifié.',
    'File of {size} MB, over the {max} MB limit: not checked.',
  ),
  summary: T(
    '{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s), {infos} information(s).',
    '{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} information(s).',
  ),
} as const;

interface Options {
  format: 'text' | 'json';
  lang: Lang;
  config?: string;
  today?: string;
  paths: string[];
  help: boolean;
}

function parseArgs(args: readonly string[], lang: Lang): Options | string {
  const o: Options = { format: 'text', lang, paths: [], help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      o.paths.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      o.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (!['--format', '--lang', '--config', '--today'].includes(name)) return localize(M.unknownOption, lang, { option: arg });
    const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) return localize(M.missingValue, lang, { option: name });
    if (name === '--format') {
      if (value !== 'text' && value !== 'json') return localize(M.badValue, lang, { option: name, value });
      o.format = value;
    } else if (name === '--lang') {
      if (value !== 'fr' && value !== 'en') return localize(M.badValue, lang, { option: name, value });
      o.lang = value;
    } else if (name === '--config') {
      o.config = value;
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return localize(M.badValue, lang, { option: name, value });
      o.today = value;
    }
  }
  return o;
}

const nodeAccess: ConfigFileAccess = {
  exists: async (p) => {
    try {
      await fs.access(p);
      return true;
    } catch {
      return false;
    }
  },
  read: (p) => fs.readFile(p, 'utf8'),
};

async function statOrUndefined(p: string) {
  try {
    return await fs.stat(p);
  } catch {
    return undefined;
  }
}

/** Markdown pages under a folder, sorted, skipping hidden folders and node_modules. */
async function collectPages(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') await collectPages(p, out);
    } else if (e.isFile() && PAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
      out.push(p);
    }
  }
}

interface SiteForPage {
  root: string;
  config: SiteConfig;
  facts: SiteFacts;
}

/** Finds and parses each site's configuration once, reporting its own problems once. */
class Sites {
  private readonly byDir = new Map<string, Promise<SiteForPage>>();
  private readonly byConfig = new Map<string, Promise<ParsedSiteConfig>>();
  readonly configReports: { file: string; diagnostics: readonly Diagnostic[] }[] = [];
  configError = false;

  constructor(private readonly lang: Lang) {}

  loadConfig(file: string): Promise<ParsedSiteConfig> {
    let p = this.byConfig.get(file);
    if (!p) {
      p = fs.readFile(file, 'utf8').then(
        (text) => parseSiteConfig(text, this.lang),
        (e: unknown) => {
          const reason = e instanceof Error ? e.message : String(e);
          const message = localize(M.configUnreadable, this.lang, { path: file, reason });
          return { config: DEFAULT_SITE_CONFIG, diagnostics: [{ code: 'config-unreadable', severity: 'error', range: range(0, 0, 0, 0), message }] };
        },
      );
      p.then((parsed) => {
        if (parsed.diagnostics.length > 0) this.configReports.push({ file, diagnostics: parsed.diagnostics });
        if (parsed.diagnostics.some((d) => d.severity === 'error')) this.configError = true;
      });
      this.byConfig.set(file, p);
    }
    return p;
  }

  private readonly facts = new Map<string, SiteFacts>();

  factsFor(root: string): SiteFacts {
    let f = this.facts.get(root);
    if (!f) this.facts.set(root, (f = new SiteFacts(root)));
    return f;
  }

  forDir(dir: string): Promise<SiteForPage> {
    let p = this.byDir.get(dir);
    if (!p) {
      p = findSiteRoot(dir, nodeAccess).then(async (site) => {
        if (!site) return { root: dir, config: DEFAULT_SITE_CONFIG, facts: this.factsFor(dir) };
        if (!site.configPath) return { root: site.root, config: DEFAULT_SITE_CONFIG, facts: this.factsFor(site.root) };
        return { root: site.root, config: (await this.loadConfig(site.configPath)).config, facts: this.factsFor(site.root) };
      });
      this.byDir.set(dir, p);
    }
    return p;
  }
}

/** The page's diagnostics, or `skipped` when `.medguide.toml` lists it in `skip`. */
async function checkFile(file: string, site: SiteForPage, o: Options): Promise<Diagnostic[] | 'skipped'> {
  const sitePath = relativeTo(site.root, file) ?? path.basename(file);
  const rules = resolvePageRules(site.config, sitePath);
  if (rules.skip) return 'skipped';
  const stat = await statOrUndefined(file);
  if (stat && stat.size > MAX_PAGE_BYTES) {
    const size = (stat.size / 1024 / 1024).toFixed(1);
    const message = localize(M.tooLarge, o.lang, { size, max: MAX_PAGE_BYTES / 1024 / 1024 });
    return [{ code: 'file-too-large', severity: 'information', range: range(0, 0, 0, 0), message }];
  }
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const message = localize(M.unreadable, o.lang, { reason: e instanceof Error ? e.message : String(e) });
    return [{ code: 'file-unreadable', severity: 'error', range: range(0, 0, 0, 0), message }];
  }
  const shortcodes = await site.facts.optionsFor(file, text);
  return checkPage(text, { lang: o.lang, config: site.config, sitePath, shortcodes, ...(o.today ? { today: o.today } : {}) });
}

interface Report {
  file: string;
  diagnostics: readonly Diagnostic[];
}

function print(reports: readonly Report[], o: Options, io: CliIo): void {
  if (o.format === 'json') {
    const out = reports.flatMap((r) =>
      r.diagnostics.map((d) => ({
        file: r.file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
      })),
    );
    io.stdout(JSON.stringify(out, null, 2) + '\n');
    return;
  }
  let text = '';
  for (const r of reports) {
    for (const d of r.diagnostics) {
      text += `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}\n`;
    }
  }
  if (text) io.stdout(text);
}

export async function check(args: string[], io: CliIo): Promise<number> {
  const defaultLang = envLang(io.env);
  const parsed = parseArgs(args, defaultLang);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed}\n\n${M.usage[defaultLang]}`);
    return EXIT_USAGE;
  }
  const o = parsed;
  if (o.help) {
    io.stdout(M.usage[o.lang]);
    return EXIT_OK;
  }
  const sites = new Sites(o.lang);
  let fixed: SiteForPage | undefined;
  if (o.config) {
    const file = path.resolve(io.cwd, o.config);
    fixed = { root: path.dirname(file), config: (await sites.loadConfig(file)).config, facts: sites.factsFor(path.dirname(file)) };
  }

  let targets = o.paths.map((p) => path.resolve(io.cwd, p));
  if (targets.length === 0) {
    const site = await findSiteRoot(io.cwd, nodeAccess);
    if (!site) {
      io.stderr(localize(M.noSite, o.lang, { cwd: io.cwd }) + '\n');
      return EXIT_USAGE;
    }
    targets = [path.join(site.root, 'content')];
  }
  const files: string[] = [];
  for (const t of targets) {
    const stat = await statOrUndefined(t);
    if (!stat) {
      const message = o.paths.length === 0 ? M.noContent : M.notFound;
      io.stderr(localize(message, o.lang, { path: path.relative(io.cwd, t) || '.' }) + '\n');
      return EXIT_USAGE;
    }
    if (stat.isDirectory()) await collectPages(t, files);
    else files.push(t);
  }

  const reports: Report[] = [];
  let checked = 0;
  for (const file of [...new Set(files)]) {
    const site = fixed ?? (await sites.forDir(path.dirname(file)));
    const diagnostics = await checkFile(file, site, o);
    if (diagnostics === 'skipped') continue;
    checked++;
    if (diagnostics.length > 0) reports.push({ file: path.relative(io.cwd, file), diagnostics: [...diagnostics].sort(compareDiagnostics) });
  }
  const configReports = sites.configReports.map((r) => ({ file: path.relative(io.cwd, r.file), diagnostics: [...r.diagnostics].sort(compareDiagnostics) }));
  const all = [...configReports, ...reports];
  print(all, o, io);

  const count = (s: Diagnostic['severity'][]) => all.reduce((n, r) => n + r.diagnostics.filter((d) => s.includes(d.severity)).length, 0);
  const errors = count(['error']);
  io.stderr(
    localize(M.summary, o.lang, { files: checked, errors, warnings: count(['warning']), infos: count(['information', 'hint']) }) + '\n',
  );
  if (sites.configError) return EXIT_USAGE;
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}
