import { resolveRef, buildPageIndex } from '../relref/resolve';
import { parseShortcodes } from '../shortcodes/document';
import { relrefUses } from '../shortcodes/relrefs';
import { LineIndex, type Range } from '../text';

/** A `ref` / `relref` target that resolves to a page: Ctrl+click opens it. */
export interface RelrefLink {
  /** The target as written, without its quotes. */
  readonly range: Range;
  /** Content-relative path of the page. */
  readonly path: string;
  readonly anchor: string | undefined;
}

/** Links for the relrefs that resolve; broken ones are the diagnostics' business. */
export function relrefLinks(text: string, pageIndex: readonly string[], currentPage: string | undefined): RelrefLink[] {
  const doc = parseShortcodes(text);
  const uses = relrefUses(text, doc.tags);
  if (uses.length === 0) return [];
  const index = buildPageIndex(pageIndex);
  const lines = new LineIndex(text);
  const out: RelrefLink[] = [];
  for (const use of uses) {
    if (use.ref === undefined || use.ref.trim() === '' || !use.arg) continue;
    const r = resolveRef(index, currentPage, use.ref);
    if (r.kind !== 'found') continue;
    out.push({ range: lines.rangeAt(use.refStart, use.refEnd), path: r.path, anchor: r.anchor === '' ? undefined : r.anchor });
  }
  return out;
}

/** The content-relative targets (with anchors) of a page's relrefs, so the editor can read those pages first. */
export function relrefTargets(text: string, pageIndex: readonly string[], currentPage: string | undefined): { path: string; anchor: string }[] {
  const out: { path: string; anchor: string }[] = [];
  const doc = parseShortcodes(text);
  const index = buildPageIndex(pageIndex);
  for (const use of relrefUses(text, doc.tags)) {
    if (use.ref === undefined || !use.ref.includes('#')) continue;
    const r = resolveRef(index, currentPage, use.ref);
    if (r.kind === 'found' && r.anchor) out.push({ path: r.path, anchor: r.anchor });
  }
  return out;
}
