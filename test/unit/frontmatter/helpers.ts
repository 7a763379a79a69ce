import type { Diagnostic } from '../../../src/core/diagnostic';
import type { TextEdit } from '../../../src/core/edit';
import { LineIndex } from '../../../src/core/text';

/** `code severity line:char-line:char message`: one string pins all four parts of a diagnostic. */
export function brief(d: Diagnostic): string {
  const r = d.range;
  return `${d.code} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

export function applyEdit(text: string, edit: TextEdit): string {
  const idx = new LineIndex(text);
  return text.slice(0, idx.offsetAt(edit.range.start)) + edit.newText + text.slice(idx.offsetAt(edit.range.end));
}

export const BASE_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['title', '"Téléconsultation en médecine générale"'],
  ['description', '"Organiser une téléconsultation au cabinet : conditions, matériel et consentement."'],
  ['auteurs', '["Camille DURAND"]'],
  ['date', '"2023-03-14T09:30:00+01:00"'],
  ['publishdate', '"2023-03-20"'],
  ['lastmod', '"2024-11-05"'],
];

/**
 * A valid page (keys on lines 1–6) with some keys replaced (`null` removes one) and extra lines
 * after them (from line 7 when none is removed).
 */
export function page(overrides: Readonly<Record<string, string | null>> = {}, ...extra: string[]): string {
  const lines = ['+++'];
  for (const [k, v] of BASE_KEYS) {
    const o = overrides[k];
    if (o === null) continue;
    lines.push(`${k} = ${o ?? v}`);
  }
  lines.push(...extra, '+++', '', 'Corps de la page.', '');
  return lines.join('\n');
}
