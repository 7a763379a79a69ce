/**
 * `medguide health [folder]`: the guide health report of the site around a folder, for CI and for
 * reviewers: which pages are out of date, unfinished, not published, badly linked, without sources
 * or with patient data. Text, JSON, or one standalone HTML file; `--fail-on` sets the exit code.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostic';
import {
  FRESHNESS_BUCKETS,
  FRESHNESS_UNKNOWN,
  GROUP_LABELS,
  HEALTH_GROUPS,
  REPORT_LABELS,
  groupsOf,
  healthDocument,
  reportJson,
  siteHealth,
  type HealthGroup,
  type HealthReport,
} from '../core/health';
import { type Lang, localize, type Message, msg } from '../core/l10n';
import { SiteWorkspace } from '../core/site';
import { readArgs } from './args';
import { commandOptions, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';
import { fromHostPath, NodeHost, toHostPath } from './nodeHost';
import { ownValue } from '../core/own';

/** What each `--fail-on` value stands for. */
const FAIL_ON: Readonly<Record<string, (report: HealthReport) => number>> = {
  stale: (r) => r.totals.outdated,
  todo: (r) => r.totals.unfinished,
  broken: (r) => r.pages.filter((p) => p.problems.some((x) => x.kind === 'broken-ref' || x.kind === 'broken-anchor')).length,
  patient: (r) => r.totals.patient,
};

const M = {
  usage: msg(`Usage: medguide health [folder] [options]

Guide health: the pages that are out of date (sources and last update, against each section's
thresholds in .medguide.toml), unfinished, not published, with broken links, without sources or
with patient data. Default: the site around the current folder.

Options:
  --format text|json|html   output format (text by default; html: one standalone file)
  --fail-on stale|todo|broken|patient
                            exit code 1 when pages are out of date (stale), unfinished (todo), have
                            broken links (broken) or patient data (patient); several values
                            separated by commas, or the option repeated
  --today YYYY-MM-DD        today's date (default: the system's)
  --lang fr|en              report language (default: the system's)
  -h, --help                this help

Exit code: 0, 1 when a --fail-on condition holds, 2 for a usage or configuration problem.
`),
  unknownOption: msg('Unknown option: {option}'),
  missingValue: msg('Missing value after {option}'),
  badValue: msg('Invalid value for {option}: {value}'),
  tooManyPaths: msg('One folder at a time.'),
  notFound: msg('Path not found: {path}'),
  noSite: msg('No Hugo site found around {path} (no hugo.toml, config.toml… nor .medguide.toml).'),
  configProblem: msg('{file}:{line}:{column} {severity} {code} {message}'),
  failed: msg('medguide health: {what} ({count} page(s)).'),
  freshness: msg('Freshness of the sources per section (pages by years since annees)'),
} as const;

const FAIL_WHAT: Readonly<Record<string, Message>> = {
  stale: msg('pages out of date'),
  todo: msg('unfinished pages'),
  broken: msg('broken links'),
  patient: msg('patient data'),
};

interface Options {
  format: 'text' | 'json' | 'html';
  lang: Lang;
  today?: string;
  failOn: string[];
  paths: string[];
  help: boolean;
}

function parseArgs(args: readonly string[], lang: Lang): Options | string {
  const o: Options = { format: 'text', lang, failOn: [], paths: [], help: false };
  for (const a of readArgs(args, { flags: ['--help'], values: ['--format', '--lang', '--today', '--fail-on'] })) {
    if (a.kind === 'dashes') continue;
    if (a.kind === 'positional') o.paths.push(a.value);
    // An unknown option with digits is named without its value (it may be a patient number).
    else if (a.kind === 'unknown') return localize(M.unknownOption, lang, { option: /\d/.test(a.raw) ? a.name : a.raw });
    else if (a.kind === 'missing') return localize(M.missingValue, lang, { option: a.name });
    else if (a.kind === 'flag') o.help = true;
    else {
      const { name, value } = a;
      if (name === '--format') {
        if (value !== 'text' && value !== 'json' && value !== 'html') return localize(M.badValue, lang, { option: name, value });
        o.format = value;
      } else if (name === '--lang') {
        if (value !== 'fr' && value !== 'en') return localize(M.badValue, lang, { option: name, value });
        o.lang = value;
      } else if (name === '--today') {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        const valid = m && new Date(`${value}T12:00:00Z`).toISOString().slice(0, 10) === value;
        if (!valid) return localize(M.badValue, lang, { option: name, value });
        o.today = value;
      } else {
        for (const v of value.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
          if (!ownValue(FAIL_ON, v)) return localize(M.badValue, lang, { option: name, value: v });
          if (!o.failOn.includes(v)) o.failOn.push(v);
        }
      }
    }
  }
  return o;
}

/** Today's date on this machine, `YYYY-MM-DD`. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padStart(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/** The report as text: totals, then each kind of problem by section (`file:line:column kind message`), then the freshness table. */
export function healthText(report: HealthReport, lang: Lang, fileName: (absolute: string) => string): string {
  const t = (m: Message, args?: Record<string, string | number>) => localize(m, lang, args);
  const out: string[] = [];
  const name = report.title ?? path.basename(report.root);
  out.push(`${t(REPORT_LABELS.title)} — ${name} · ${t(REPORT_LABELS.generated, { date: report.today })}`);
  out.push(t(REPORT_LABELS.summary, { ...report.totals }));
  for (const g of HEALTH_GROUPS) {
    const pages = report.pages.filter((p) => groupsOf(p).has(g as HealthGroup));
    if (pages.length === 0) continue;
    out.push('', t(msg('{group}: {count}'), { group: t(GROUP_LABELS[g]), count: t(REPORT_LABELS.pageCount, { n: pages.length }) }));
    let section: string | undefined;
    for (const p of pages) {
      if (p.section !== section) {
        section = p.section;
        out.push(`  ${section === '' ? t(REPORT_LABELS.root) : section}`);
      }
      for (const x of p.problems.filter((y) => y.group === g)) out.push(`    ${fileName(p.file)}:${x.line + 1}:${x.column + 1} ${x.kind} ${x.message}`);
    }
  }
  const rows = report.sections.filter((s) => s.pages > 0);
  if (rows.length > 0) {
    const heads = [...FRESHNESS_BUCKETS.map((b) => t(b.label)), t(FRESHNESS_UNKNOWN).replace(/`/g, '')];
    const first = Math.max(8, ...rows.map((s) => (s.key === '' ? t(REPORT_LABELS.root) : s.key).length));
    out.push('', t(M.freshness));
    out.push(`  ${pad(t(REPORT_LABELS.section), first)}  ${heads.map((h) => padStart(h, Math.max(h.length, 4))).join('  ')}`);
    for (const s of rows) {
      const cells = s.freshness.map((n, i) => padStart(String(n), Math.max(heads[i].length, 4)));
      out.push(`  ${pad(s.key === '' ? t(REPORT_LABELS.root) : s.key, first)}  ${cells.join('  ')}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export async function health(args: string[], io: CliIo): Promise<number> {
  const o = commandOptions(args, io, parseArgs, M.usage);
  if (typeof o === 'number') return o;
  if (o.paths.length > 1) {
    io.stderr(`${localize(M.tooManyPaths, o.lang)}\n`);
    return EXIT_USAGE;
  }
  const target = path.resolve(io.cwd, o.paths[0] ?? '.');
  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) {
    io.stderr(`${localize(M.notFound, o.lang, { path: path.relative(io.cwd, target) || '.' })}\n`);
    return EXIT_USAGE;
  }
  const folder = stat.isDirectory() ? target : path.dirname(target);
  const todayDay = o.today ?? localToday();
  const today = new Date(`${todayDay}T12:00:00Z`);
  const workspace = new SiteWorkspace(new NodeHost(), { lang: o.lang, now: () => today });
  const site = await workspace.siteFor(toHostPath(path.join(folder, '_')));
  if (!site) {
    io.stderr(`${localize(M.noSite, o.lang, { path: path.relative(io.cwd, folder) || '.' })}\n`);
    return EXIT_USAGE;
  }
  const fileName = (absolute: string) => path.relative(io.cwd, fromHostPath(absolute)) || '.';

  // The configuration's own problems first (as `medguide check` reports them); an error stops the run.
  const problems: { file: string; d: Diagnostic }[] = site.config.problems.map((p) => ({ file: p.file, d: p.diagnostic }));
  const rules = await site.rules();
  if (rules.path) for (const d of rules.diagnostics) problems.push({ file: rules.path, d });
  for (const { file, d } of problems) {
    io.stderr(
      `${localize(M.configProblem, o.lang, { file: fileName(file), line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, code: d.code, message: d.message })}\n`,
    );
  }
  if (problems.some((p) => p.d.severity === 'error')) return EXIT_USAGE;

  const report = await siteHealth(site, { lang: o.lang, today });
  if (o.format === 'json') io.stdout(`${JSON.stringify(reportJson(report, fileName), null, 2)}\n`);
  else if (o.format === 'html') io.stdout(healthDocument([report], { lang: o.lang, mode: 'standalone' }));
  else io.stdout(healthText(report, o.lang, fileName));

  let failed = false;
  for (const what of o.failOn) {
    const count = FAIL_ON[what](report);
    if (count === 0) continue;
    failed = true;
    io.stderr(`${localize(M.failed, o.lang, { what: localize(FAIL_WHAT[what], o.lang), count })}\n`);
  }
  return failed ? EXIT_PROBLEMS : EXIT_OK;
}
