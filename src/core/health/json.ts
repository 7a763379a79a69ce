import { HEALTH_GROUPS } from './messages';
import type { HealthReport } from './report';

/**
 * The report as plain data for `medguide health --format json`: lines and columns 1-based, as
 * editors and CI annotations count them; `file` as `fileName` writes it (relative to the run's folder).
 */
export function reportJson(report: HealthReport, fileName: (absolute: string) => string = (f) => f) {
  return {
    site: fileName(report.root) || '.',
    title: report.title ?? null,
    today: report.today,
    totals: report.totals,
    groups: HEALTH_GROUPS,
    sections: report.sections.map((s) => ({ section: s.key, title: s.title ?? null, pages: s.pages, counts: s.counts, freshness: s.freshness })),
    pages: report.pages.map((p) => ({
      file: fileName(p.file),
      path: p.path,
      lang: p.lang,
      role: p.role,
      section: p.section,
      title: p.title,
      sourcesYear: p.sourcesYear ?? null,
      sourcesAge: p.sourcesAge ?? null,
      lastmod: p.lastmod ?? null,
      updateAgeDays: p.updateAge ?? null,
      maxSourceAge: p.maxSourceAge,
      maxUpdateAge: p.maxUpdateAge,
      recommendation: p.recommendation,
      published: p.published,
      backlinks: p.backlinks,
      problems: p.problems.map((x) => ({ group: x.group, kind: x.kind, line: x.line + 1, column: x.column + 1, message: x.message })),
    })),
  };
}
