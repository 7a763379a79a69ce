/**
 * `medguide check [paths…]`: the front matter validator on the command line, with the same
 * `.medguide.toml` as the editor, for a site's CI.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic';
import { type Lang, localize, msg } from '../core/l10n';
import { range } from '../core/text';
import { checkPage } from '../core/check';
import { stripBom } from '../core/text';
import { DEFAULT_SITE_CONFIG, parseSiteConfig, resolvePageRules, type ParsedSiteConfig, type SiteConfig } from '../core/config';
import { SiteWorkspace, type HugoSite } from '../core/site';
import { explainRules } from '../core/conventions';
import { fromHostPath, NodeHost, toHostPath } from './nodeHost';
import type { AddressBook } from '../core/annuaire/searchIndex';
import { ANNUAIRE_CLI_MESSAGES, takeAnnuaireOption } from './annuaireOption';
import { readArgs } from './args';
import { commandOptions, envLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';

/** Pages above this size are not read: a guide page is a few kilobytes. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

const PAGE_EXTENSIONS = new Set(['.md', '.markdown']);

const M = {
  usage: msg(`Usage: medguide check [paths…] [options]

Checks the front matter of pages (default: the content/ folder of the current site).

Options:
  --format text|json   output format (text by default)
  --lang fr|en         message language (default: the system's)
  --config FILE        .medguide.toml file to use
  --today YYYY-MM-DD   today's date for the future-date checks
  --explain            print the site's rules and where each comes from (.medguide.toml,
                       frontmatter.json, inferred from the pages, built-in dialect), without checking
  -h, --help           this help

Exit code: 0 without errors, 1 with errors, 2 for a usage or configuration problem.
`),
  unknownOption: msg('Unknown option: {option}'),
  missingValue: msg('Missing value after {option}'),
  badValue: msg('Invalid value for {option}: {value}'),
  noSite: msg('No Hugo site found around {cwd} (no hugo.toml, config.toml… nor .medguide.toml): give the paths to check.'),
  noContent: msg('Folder not found: {path}'),
  notFound: msg('Path not found: {path}'),
  configUnreadable: msg('Cannot read the configuration: {path} ({reason})'),
  unreadable: msg('Cannot read the file: {reason}'),
  tooLarge: msg('File of {size} MB, over the {max} MB limit: not checked.'),
  summary: msg('{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} information(s).'),
} as const;

interface Options {
  format: 'text' | 'json';
  lang: Lang;
  config?: string;
  today?: string;
  paths: string[];
  help: boolean;
  explain?: boolean;
  /** `--annuaire FILE`: the Annuaire Santé extract the professional MSSanté addresses are checked against. */
  addressBook?: AddressBook;
}

function parseArgs(args: readonly string[], lang: Lang): Options | string {
  const o: Options = { format: 'text', lang, paths: [], help: false };
  for (const a of readArgs(args, { flags: ['--help', '--explain'], values: ['--format', '--lang', '--config', '--today'] })) {
    if (a.kind === 'dashes') continue;
    if (a.kind === 'positional') o.paths.push(a.value);
    else if (a.kind === 'unknown') return localize(M.unknownOption, lang, { option: a.raw });
    else if (a.kind === 'missing') return localize(M.missingValue, lang, { option: a.name });
    else if (a.kind === 'flag') {
      if (a.name === '--help') o.help = true;
      else o.explain = true;
    } else {
      const { name, value } = a;
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
  }
  return o;
}

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

/** The sites of the run (one model per root, as in the editor), each configuration reported once. */
class Sites {
  readonly workspace: SiteWorkspace;
  private readonly reported = new Set<string>();
  private readonly byConfig = new Map<string, Promise<ParsedSiteConfig>>();
  readonly configReports: { file: string; diagnostics: readonly Diagnostic[] }[] = [];
  configError = false;

  constructor(
    private readonly lang: Lang,
    readonly host: NodeHost,
    today: string | undefined,
  ) {
    const now = today ? () => new Date(`${today}T12:00:00Z`) : undefined;
    this.workspace = new SiteWorkspace(host, { lang, ...(now ? { now } : {}) });
  }

  /** `--config FILE`: a `.medguide.toml` given on the command line, for every page. */
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
      void p.then((parsed) => this.report(file, parsed.diagnostics));
      this.byConfig.set(file, p);
    }
    return p;
  }

  private report(file: string, diagnostics: readonly Diagnostic[]): void {
    if (this.reported.has(file)) return;
    this.reported.add(file);
    if (diagnostics.length > 0) this.configReports.push({ file, diagnostics });
    if (diagnostics.some((d) => d.severity === 'error')) this.configError = true;
  }

  /** The site of a file, its Hugo configuration's and `.medguide.toml`'s problems reported once. */
  async siteFor(file: string): Promise<HugoSite | undefined> {
    const site = await this.workspace.siteFor(toHostPath(file));
    if (!site) return undefined;
    const byFile = new Map<string, Diagnostic[]>();
    for (const p of site.config.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.diagnostic]);
    for (const [f, list] of byFile) if (!this.reported.has(f)) this.report(f, list);
    const rules = await site.rules();
    if (rules.path && !this.reported.has(rules.path)) this.report(rules.path, rules.diagnostics);
    // frontmatter.json (Front Matter CMS): its problems, in it.
    for (const p of rules.problems ?? []) if (!this.reported.has(p.file)) this.report(p.file, p.diagnostics);
    return site;
  }
}

/** The page's diagnostics, or `skipped` when `.medguide.toml` lists it in `skip`. */
async function checkFile(file: string, sites: Sites, fixed: SiteConfig | undefined, o: Options, listedBy?: HugoSite): Promise<Diagnostic[] | 'skipped'> {
  // A file mounted into the site from elsewhere (module mounts) belongs to the site that lists it.
  const site = listedBy ?? (await sites.siteFor(file));
  const hostFile = toHostPath(file);
  // A page the site model has read is measured by its text; any other is measured before reading.
  const known = sites.host.peek(hostFile);
  const bytes = known !== undefined ? known.length : (await sites.host.stat(hostFile))?.size;
  if (bytes !== undefined && bytes > MAX_PAGE_BYTES) {
    const size = (bytes / 1024 / 1024).toFixed(1);
    const message = localize(M.tooLarge, o.lang, { size, max: MAX_PAGE_BYTES / 1024 / 1024 });
    return [{ code: 'file-too-large', severity: 'information', range: range(0, 0, 0, 0), message }];
  }
  let text: string;
  try {
    text = stripBom(await sites.host.readFile(hostFile));
  } catch (e) {
    const message = localize(M.unreadable, o.lang, { reason: e instanceof Error ? e.message : String(e) });
    return [{ code: 'file-unreadable', severity: 'error', range: range(0, 0, 0, 0), message }];
  }
  const today = o.today ? { today: o.today } : {};
  if (!site) {
    const config = fixed ?? DEFAULT_SITE_CONFIG;
    if (resolvePageRules(config, path.basename(file)).skip) return 'skipped';
    return checkPage(text, { lang: o.lang, config, sitePath: path.basename(file), addressBook: o.addressBook, ...today });
  }
  const ctx = await site.checkContext(hostFile, text);
  const config = fixed ?? ctx.config;
  const sitePath = ctx.sitePath ?? path.basename(file);
  if (resolvePageRules(config, sitePath).skip) return 'skipped';
  return checkPage(text, { lang: o.lang, config, sitePath, shortcodes: ctx.shortcodes, role: ctx.role, addressBook: o.addressBook, ...today });
}

/** The Markdown files a site's run checks: its pages and the Markdown resources of its bundles, sorted. */
async function siteMarkdown(site: HugoSite): Promise<string[]> {
  const files = await site.files();
  return files
    .filter((f) => PAGE_EXTENSIONS.has(path.extname(f.file).toLowerCase()))
    .map((f) => fromHostPath(f.file))
    .sort();
}

/**
 * `path.relative(from, …)` for every file of a run: a file listed under `from` (absolute and normal,
 * as every page of a run is) is cut after it, any other path goes through `path.relative`.
 */
function relativeFrom(from: string): (to: string) => string {
  const prefix = from.endsWith(path.sep) ? from : from + path.sep;
  const plain = path.isAbsolute(from) && path.normalize(from) === from;
  return (to) =>
    plain && to.startsWith(prefix) && !to.includes(`${path.sep}.`) && !to.includes(path.sep + path.sep) ? to.slice(prefix.length) : path.relative(from, to);
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

/** `--explain`: each site's rules (the site around the working folder, or of each path) and where each one comes from. */
async function explain(o: Options, io: CliIo, sites: Sites): Promise<number> {
  const starts = o.paths.length > 0 ? o.paths.map((p) => path.resolve(io.cwd, p)) : [path.join(io.cwd, '_')];
  const seen = new Set<string>();
  for (const start of starts) {
    const site = await sites.siteFor((await statOrUndefined(start))?.isDirectory() ? path.join(start, '_') : start);
    if (!site) {
      io.stderr(localize(M.noSite, o.lang, { cwd: path.relative(io.cwd, start) || '.' }) + '\n');
      return EXIT_USAGE;
    }
    if (seen.has(site.root)) continue;
    seen.add(site.root);
    const rules = await site.rules();
    if (seen.size > 1) io.stdout('\n');
    io.stdout(`${path.relative(io.cwd, fromHostPath(site.root)) || '.'}\n${explainRules(rules.config, rules.sources ?? {}, o.lang)}`);
  }
  return EXIT_OK;
}

export async function check(args: string[], io: CliIo): Promise<number> {
  // `--annuaire FILE` (the Annuaire Santé extract) is read apart, with its own help lines.
  const annuaireOption = takeAnnuaireOption(args, envLang(io.env));
  if (typeof annuaireOption === 'string') {
    io.stderr(`${annuaireOption}\n`);
    return EXIT_USAGE;
  }
  const o = commandOptions(annuaireOption.rest, io, parseArgs, M.usage);
  if (typeof o === 'number') {
    const parsed = parseArgs(annuaireOption.rest, envLang(io.env));
    if (o === EXIT_OK && typeof parsed !== 'string' && parsed.help) io.stdout(`\n${localize(ANNUAIRE_CLI_MESSAGES.checkOption, parsed.lang)}`);
    return o;
  }
  if (annuaireOption.file !== undefined) {
    // The extract's reader (and fflate) is loaded only for this option (require(): see src/cli/main.ts).
    const { loadAnnuaire } = require('./annuaire') as typeof import('./annuaire');
    const book = await loadAnnuaire(path.resolve(io.cwd, annuaireOption.file), o.lang, io);
    if (!book) return EXIT_USAGE;
    o.addressBook = book;
  }
  const sites = new Sites(o.lang, new NodeHost(), o.today);
  if (o.explain) return explain(o, io, sites);
  let fixed: SiteConfig | undefined;
  if (o.config) fixed = (await sites.loadConfig(path.resolve(io.cwd, o.config))).config;

  const targets = o.paths.map((p) => path.resolve(io.cwd, p));
  const files: string[] = [];
  let listedBy: HugoSite | undefined;
  if (targets.length === 0) {
    // The site around the current folder, read as Hugo reads it: every content folder of every language.
    const site = await sites.siteFor(path.join(io.cwd, '_'));
    if (!site) {
      io.stderr(localize(M.noSite, o.lang, { cwd: io.cwd }) + '\n');
      return EXIT_USAGE;
    }
    const roots = site.contentRoots().map(fromHostPath);
    if (!(await Promise.all(roots.map(statOrUndefined))).some((s) => s?.isDirectory())) {
      io.stderr(localize(M.noContent, o.lang, { path: path.relative(io.cwd, roots[0] ?? path.join(site.root, 'content')) || '.' }) + '\n');
      return EXIT_USAGE;
    }
    files.push(...(await siteMarkdown(site)));
    listedBy = site;
  }
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
  const relative = relativeFrom(io.cwd);
  let checked = 0;
  for (const file of [...new Set(files)]) {
    const diagnostics = await checkFile(file, sites, fixed, o, listedBy);
    if (diagnostics === 'skipped') continue;
    checked++;
    if (diagnostics.length > 0) reports.push({ file: relative(file), diagnostics: [...diagnostics].sort(compareDiagnostics) });
  }
  const configReports = sites.configReports.map((r) => ({ file: path.relative(io.cwd, fromHostPath(r.file)), diagnostics: [...r.diagnostics].sort(compareDiagnostics) }));
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
