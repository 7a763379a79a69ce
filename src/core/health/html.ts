/**
 * The guide health report as HTML: the freshness chart (pages by years since their sources, per
 * section, as inline SVG) and the tables behind it. One renderer for the CLI's standalone file
 * (its own light and dark colours, `prefers-color-scheme`, no script at all) and VS Code's webview
 * (the theme's colours through VS Code's CSS variables, a nonce for its style and its one script).
 * Every text from the site goes through `safeText`; nothing is fetched.
 */
import { type Lang, localize, type Message } from '../l10n';
import { safeText } from '../markdown/escape';
import { FRESHNESS_BUCKETS, FRESHNESS_UNKNOWN, GROUP_HINTS, GROUP_LABELS, HEALTH_GROUPS, KIND_LABELS, REPORT_LABELS as L, type HealthGroup } from './messages';
import { formatAge, groupsOf, type HealthReport, type PageHealth, type SectionHealth } from './report';

export interface HealthHtmlOptions {
  readonly lang: Lang;
  /** `standalone`: a file to open in any browser; `webview`: VS Code's theme, pages open in the editor. */
  readonly mode: 'standalone' | 'webview';
  /** The webview's nonce, for its `<style>` and `<script>` (required in `webview` mode). */
  readonly nonce?: string;
}

const t = (m: Message, lang: Lang, args?: Record<string, string | number>) => localize(m, lang, args);

function sectionName(key: string, lang: Lang): string {
  return key === '' ? t(L.root, lang) : key;
}

/** Escaped text with its `code` spans shown as code. */
function prose(s: string): string {
  return safeText(s).replace(/`([^`<>]+)`/g, '<code>$1</code>');
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A link that opens the page at a line in the webview; plain text in the standalone file. */
function pageLink(p: PageHealth, line: number, column: number, html: string, o: HealthHtmlOptions): string {
  if (o.mode !== 'webview') return html;
  return `<a href="#" class="mg-open" data-file="${safeText(p.file)}" data-line="${line}" data-column="${column}">${html}</a>`;
}

function chart(sections: readonly SectionHealth[], lang: Lang): string {
  const rows = sections.filter((s) => s.pages > 0);
  if (rows.length === 0) return `<p class="mg-muted">${safeText(t(L.noPages, lang))}</p>`;
  const labelWidth = 190;
  const barWidth = 400;
  const rowHeight = 28;
  const width = labelWidth + barWidth + 60;
  const height = rows.length * rowHeight + 8;
  const most = Math.max(...rows.map((s) => s.pages));
  const buckets = [...FRESHNESS_BUCKETS.map((b) => b.label), FRESHNESS_UNKNOWN];
  const parts: string[] = [];
  rows.forEach((s, i) => {
    const y = 4 + i * rowHeight;
    const name = sectionName(s.key, lang);
    parts.push(`<text class="mg-chart-label" x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${safeText(shorten(name, 26))}<title>${safeText(name)}</title></text>`);
    let x = labelWidth;
    s.freshness.forEach((n, b) => {
      if (n === 0) return;
      const w = Math.max(2, Math.round((n / most) * barWidth));
      const label = `${name} : ${t(L.pageCount, lang, { n })}, ${t(buckets[b], lang)}`.replace(/`/g, '');
      parts.push(`<rect class="mg-b${b}" x="${x}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" rx="2"><title>${safeText(label)}</title></rect>`);
      x += w;
    });
    parts.push(`<text class="mg-chart-count" x="${x + 6}" y="${y + 17}">${s.pages}</text>`);
  });
  const legend = buckets.map((b, i) => `<li><span class="mg-sw mg-b${i}"></span>${safeText(t(b, lang).replace(/`/g, ''))}</li>`).join('');
  const summary = rows.map((s) => `${sectionName(s.key, lang)}: ${s.pages}`).join(', ');
  return (
    `<svg class="mg-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${safeText(`${t(L.chartTitle, lang)} — ${summary}`)}">${parts.join('')}</svg>` +
    `<ul class="mg-legend">${legend}</ul>`
  );
}

function sectionsTable(report: HealthReport, lang: Lang): string {
  const head = [t(L.section, lang), t(L.pages, lang), ...HEALTH_GROUPS.map((g) => t(GROUP_LABELS[g], lang))];
  const body = report.sections
    .map((s) => {
      const title = s.title && s.title !== s.key ? ` <span class="mg-muted">${safeText(s.title)}</span>` : '';
      const counts = HEALTH_GROUPS.map((g) => `<td class="mg-n${s.counts[g] > 0 ? ' mg-has' : ''}">${s.counts[g]}</td>`).join('');
      return `<tr><td>${safeText(sectionName(s.key, lang))}${title}</td><td class="mg-n">${s.pages}</td>${counts}</tr>`;
    })
    .join('');
  return `<table class="mg-table"><thead><tr>${head.map((h, i) => `<th${i > 0 ? ' class="mg-n"' : ''}>${safeText(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table>`;
}

function pageCell(p: PageHealth, o: HealthHtmlOptions, showLang: boolean): string {
  const first = p.problems[0];
  const title = pageLink(p, first?.line ?? 0, first?.column ?? 0, safeText(p.title), o);
  const lang = showLang ? ` <span class="mg-muted">[${safeText(p.lang)}]</span>` : '';
  return `${title}${lang}<br><code class="mg-path">${safeText(p.path)}</code>`;
}

function sourcesCell(p: PageHealth): string {
  return p.sourcesYear !== undefined ? String(p.sourcesYear) : '<span class="mg-muted">—</span>';
}

function lastmodCell(p: PageHealth, lang: Lang): string {
  if (p.lastmod === undefined) return '<span class="mg-muted">—</span>';
  return `<span class="mg-date">${safeText(p.lastmod)}</span><br><span class="mg-muted">${safeText(formatAge(p.updateAge ?? 0, lang))}</span>`;
}

function groupTable(report: HealthReport, group: HealthGroup, o: HealthHtmlOptions): string {
  const lang = o.lang;
  const pages = report.pages.filter((p) => groupsOf(p).has(group));
  const head = [t(L.page, lang), t(L.section, lang), t(L.sources, lang), t(L.lastmod, lang), t(L.problems, lang)];
  const rows = pages
    .map((p) => {
      const problems = p.problems
        .filter((x) => x.group === group)
        .map(
          (x) =>
            `<li><span class="mg-kind mg-k-${group}">${safeText(t(KIND_LABELS[x.kind], lang))}</span> ${prose(x.message)} ` +
            `<span class="mg-muted">${pageLink(p, x.line, x.column, safeText(t(L.line, lang, { line: x.line + 1 })), o)}</span></li>`,
        )
        .join('');
      return `<tr><td>${pageCell(p, o, multilingual(report))}</td><td>${safeText(sectionName(p.section, lang))}</td><td class="mg-n">${sourcesCell(p)}</td><td>${lastmodCell(p, lang)}</td><td><ul class="mg-problems">${problems}</ul></td></tr>`;
    })
    .join('');
  return (
    `<section class="mg-group" id="mg-${group}"><h2>${safeText(t(GROUP_LABELS[group], lang))} <span class="mg-count">${pages.length}</span></h2>` +
    `<p class="mg-muted">${prose(t(GROUP_HINTS[group], lang))}</p>` +
    (pages.length === 0
      ? `<p>${safeText(t(L.none, lang))}</p>`
      : `<table class="mg-table"><thead><tr>${head.map((h) => `<th>${safeText(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`) +
    `</section>`
  );
}

function allPagesTable(report: HealthReport, o: HealthHtmlOptions): string {
  const lang = o.lang;
  const head = [t(L.page, lang), t(L.section, lang), t(L.sources, lang), t(L.lastmod, lang), t(L.backlinks, lang), t(L.problems, lang)];
  const rows = report.pages
    .map((p) => {
      const groups = [...groupsOf(p)].map((g) => `<span class="mg-kind mg-k-${g}">${safeText(t(GROUP_LABELS[g], lang))}</span>`).join(' ');
      return `<tr><td>${pageCell(p, o, multilingual(report))}</td><td>${safeText(sectionName(p.section, lang))}</td><td class="mg-n">${sourcesCell(p)}</td><td>${lastmodCell(p, lang)}</td><td class="mg-n">${p.backlinks.length}</td><td>${groups}</td></tr>`;
    })
    .join('');
  return (
    `<section class="mg-group" id="mg-all"><h2>${safeText(t(L.allPages, lang))} <span class="mg-count">${report.pages.length}</span></h2>` +
    `<table class="mg-table"><thead><tr>${head.map((h) => `<th>${safeText(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function multilingual(report: HealthReport): boolean {
  return new Set(report.pages.map((p) => p.lang)).size > 1;
}

function siteName(report: HealthReport): string {
  return report.title ?? report.root.replace(/\/+$/, '').split('/').pop() ?? report.root;
}

/** One site's report: header with the totals, the chart, the section table, a table per problem kind, every page. */
function renderSite(report: HealthReport, o: HealthHtmlOptions): string {
  const lang = o.lang;
  const totals = HEALTH_GROUPS.map(
    (g) => `<li class="mg-total${report.totals[g] > 0 ? ' mg-has' : ''}"><a href="#mg-${g}"><span class="mg-num">${report.totals[g]}</span>${safeText(t(GROUP_LABELS[g], lang))}</a></li>`,
  ).join('');
  const thresholds = new Set(report.pages.filter((p) => p.role === 'page').map((p) => `${p.maxSourceAge}/${p.maxUpdateAge}`));
  const [sources, update] = (thresholds.size === 1 ? [...thresholds][0] : '').split('/');
  return (
    `<article class="mg-site">` +
    `<header><h1>${safeText(t(L.title, lang))} — ${safeText(siteName(report))}</h1>` +
    `<p class="mg-muted">${safeText(t(L.generated, lang, { date: report.today }))} · ${safeText(t(L.pageCount, lang, { n: report.totals.pages }))}` +
    (sources !== undefined && update !== undefined && thresholds.size === 1 ? ` · ${safeText(t(L.thresholds, lang, { sources, update }))}` : '') +
    `</p><ul class="mg-totals">${totals}</ul></header>` +
    `<section class="mg-group" id="mg-chart"><h2>${safeText(t(L.chartTitle, lang))}</h2><p class="mg-muted">${prose(t(L.chartHint, lang))}</p>${chart(report.sections, lang)}</section>` +
    `<section class="mg-group" id="mg-sections"><h2>${safeText(t(L.sectionsTitle, lang))}</h2>${sectionsTable(report, lang)}</section>` +
    HEALTH_GROUPS.map((g) => groupTable(report, g, o)).join('') +
    allPagesTable(report, o) +
    `</article>`
  );
}

/** The report's body (one article per site). */
export function renderHealthHtml(reports: readonly HealthReport[], o: HealthHtmlOptions): string {
  if (reports.length === 0) return `<main class="mg-health"><p>${safeText(t(L.noPages, o.lang))}</p></main>`;
  return `<main class="mg-health">${reports.map((r) => renderSite(r, o)).join('')}</main>`;
}

const LAYOUT = `
body { margin: 0; background: var(--mg-bg); color: var(--mg-fg); }
.mg-health { font-family: var(--mg-font); font-size: var(--mg-size, 14px); line-height: 1.45; max-width: 1200px; margin: 0 auto; padding: 12px 24px 40px; }
.mg-health h1 { font-size: 1.5em; font-weight: 600; margin: 0.6em 0 0.2em; }
.mg-health h2 { font-size: 1.15em; font-weight: 600; margin: 1.6em 0 0.3em; border-bottom: 1px solid var(--mg-border); padding-bottom: 4px; }
.mg-muted { color: var(--mg-muted); }
.mg-count { color: var(--mg-muted); font-weight: 400; }
.mg-totals { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 12px 0; }
.mg-total a { display: block; min-width: 120px; padding: 6px 12px; border: 1px solid var(--mg-border); border-radius: 6px; color: var(--mg-fg); text-decoration: none; }
.mg-total.mg-has a { border-color: var(--mg-accent); }
.mg-num { display: block; font-size: 1.5em; font-weight: 600; }
.mg-total.mg-has .mg-num { color: var(--mg-accent); }
.mg-chart { display: block; max-width: 100%; height: auto; }
.mg-chart-label, .mg-chart-count { fill: var(--mg-fg); font-size: 13px; font-family: var(--mg-font); }
.mg-b0 { fill: var(--mg-c0); background: var(--mg-c0); }
.mg-b1 { fill: var(--mg-c1); background: var(--mg-c1); }
.mg-b2 { fill: var(--mg-c2); background: var(--mg-c2); }
.mg-b3 { fill: var(--mg-c3); background: var(--mg-c3); }
.mg-b4 { fill: var(--mg-c4); background: var(--mg-c4); }
.mg-legend { display: flex; flex-wrap: wrap; gap: 14px; list-style: none; padding: 0; margin: 6px 0 0; }
.mg-sw { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.mg-table { border-collapse: collapse; width: 100%; margin: 6px 0; }
.mg-table th, .mg-table td { border-bottom: 1px solid var(--mg-border); padding: 5px 8px; text-align: left; vertical-align: top; }
.mg-table th { background: var(--mg-head); font-weight: 600; }
.mg-table .mg-n { text-align: right; font-variant-numeric: tabular-nums; }
.mg-table td.mg-has { color: var(--mg-accent); font-weight: 600; }
.mg-date, .mg-kind { white-space: nowrap; }
.mg-health code { font-family: var(--mg-mono); font-size: 0.92em; }
.mg-path { font-family: var(--mg-mono); font-size: 0.9em; color: var(--mg-muted); }
.mg-problems { margin: 0; padding-left: 1.1em; }
.mg-kind { display: inline-block; padding: 0 6px; border-radius: 3px; border: 1px solid var(--mg-border); font-size: 0.85em; white-space: nowrap; }
.mg-health a { color: var(--mg-link); }
`;

const STANDALONE_COLOURS = `
:root { color-scheme: light dark;
  --mg-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --mg-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  --mg-fg: #1f2328; --mg-bg: #ffffff; --mg-muted: #59636e; --mg-border: #d1d9e0; --mg-head: #f6f8fa; --mg-link: #0969da; --mg-accent: #bc4c00;
  --mg-c0: #2e8540; --mg-c1: #3b7dc4; --mg-c2: #d9822b; --mg-c3: #cf222e; --mg-c4: #a0a8b1; }
@media (prefers-color-scheme: dark) { :root {
  --mg-fg: #e6edf3; --mg-bg: #0d1117; --mg-muted: #9198a1; --mg-border: #3d444d; --mg-head: #161b22; --mg-link: #4493f8; --mg-accent: #f0883e;
  --mg-c0: #3fb950; --mg-c1: #58a6ff; --mg-c2: #f0883e; --mg-c3: #f85149; --mg-c4: #6e7681; } }
@media print { .mg-total a { border-color: #888; } }
`;

/** VS Code's theme colours (light, dark and high contrast alike); high contrast adds borders. */
const WEBVIEW_COLOURS = `
:root {
  --mg-font: var(--vscode-font-family); --mg-size: var(--vscode-font-size); --mg-mono: var(--vscode-editor-font-family);
  --mg-fg: var(--vscode-foreground); --mg-bg: var(--vscode-editor-background); --mg-muted: var(--vscode-descriptionForeground);
  --mg-border: var(--vscode-panel-border, var(--vscode-widget-border, rgba(128, 128, 128, 0.35))); --mg-head: var(--vscode-editorWidget-background);
  --mg-link: var(--vscode-textLink-foreground); --mg-accent: var(--vscode-editorWarning-foreground);
  --mg-c0: var(--vscode-charts-green); --mg-c1: var(--vscode-charts-blue); --mg-c2: var(--vscode-charts-yellow); --mg-c3: var(--vscode-charts-red); --mg-c4: var(--vscode-disabledForeground); }
body.vscode-high-contrast .mg-chart rect, body.vscode-high-contrast-light .mg-chart rect, body.vscode-high-contrast .mg-sw, body.vscode-high-contrast-light .mg-sw { stroke: var(--vscode-contrastBorder); stroke-width: 1px; outline: 1px solid var(--vscode-contrastBorder); }
body.vscode-high-contrast .mg-table th, body.vscode-high-contrast .mg-table td, body.vscode-high-contrast-light .mg-table th, body.vscode-high-contrast-light .mg-table td { border-color: var(--vscode-contrastBorder); }
.mg-health a:focus { outline: 1px solid var(--vscode-focusBorder); }
`;

/** Sends a click on a page link to the extension, which opens the page at the line. */
const WEBVIEW_SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.mg-open') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', file: link.getAttribute('data-file'), line: Number(link.getAttribute('data-line')), column: Number(link.getAttribute('data-column')) });
});
`;

/**
 * The whole document. Standalone: `default-src 'none'` (no request, no script), its styles inline.
 * Webview: the style and the script carry the nonce; nothing else may load.
 */
export function healthDocument(reports: readonly HealthReport[], o: HealthHtmlOptions): string {
  const title = reports.length === 1 ? `${t(L.title, o.lang)} — ${siteName(reports[0])}` : t(L.title, o.lang);
  const nonce = o.nonce ? safeText(o.nonce) : '';
  const csp =
    o.mode === 'webview'
      ? `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:;`
      : `default-src 'none'; style-src 'unsafe-inline'; img-src data:;`;
  const style = o.mode === 'webview' ? `<style nonce="${nonce}">${WEBVIEW_COLOURS}${LAYOUT}</style>` : `<style>${STANDALONE_COLOURS}${LAYOUT}</style>`;
  const script = o.mode === 'webview' ? `<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>` : '';
  return (
    `<!DOCTYPE html>\n<html lang="${o.lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${safeText(title)}</title>\n${style}\n</head>\n<body>\n${renderHealthHtml(reports, o)}\n${script}\n</body>\n</html>\n`
  );
}
