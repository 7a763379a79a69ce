import { listResolver, type RefResolver } from '../shortcodes/diagnostics';
import { refArgsOf } from '../shortcodes/relrefs';
import { parseShortcodes } from '../shortcodes/document';
import { relrefUses } from '../shortcodes/relrefs';
import { LineIndex, type Range } from '../text';

/** A `ref` / `relref` target that resolves to a page: Ctrl+click opens it. */
export interface RelrefLink {
  /** The target as written, without its quotes. */
  readonly range: Range;
  /** The page as Hugo names it (its content path). */
  readonly path: string;
  /** The page's file (absolute with the site model; the content path with a plain page list). */
  readonly file: string;
  readonly anchor: string | undefined;
}

function resolverOf(pages: readonly string[] | RefResolver, currentPage: string | undefined): RefResolver {
  return Array.isArray(pages) ? listResolver(pages as readonly string[], currentPage) : (pages as RefResolver);
}

/**
 * Links for the relrefs that resolve; broken ones are the diagnostics' business. `pages` is the
 * site model's resolver for the page, or a plain list of content paths (Hugo's rules on one language).
 */
export function relrefLinks(text: string, pages: readonly string[] | RefResolver, currentPage?: string): RelrefLink[] {
  const doc = parseShortcodes(text);
  const uses = relrefUses(text, doc.tags);
  if (uses.length === 0) return [];
  const resolver = resolverOf(pages, currentPage);
  const lines = new LineIndex(text);
  const out: RelrefLink[] = [];
  for (const use of uses) {
    if (use.ref === undefined || use.ref.trim() === '' || !use.arg) continue;
    const r = resolver.resolve(refArgsOf(doc.tags[use.tag], use.ref));
    if (r.kind !== 'found' || r.file === undefined) continue;
    out.push({ range: lines.rangeAt(use.refStart, use.refEnd), path: r.path, file: r.file, anchor: r.anchor === '' ? undefined : r.anchor });
  }
  return out;
}

/** The targets (with anchors) of a page's relrefs, so the editor can read those pages first. */
export function relrefTargets(text: string, pages: readonly string[] | RefResolver, currentPage?: string): { path: string; anchor: string }[] {
  const out: { path: string; anchor: string }[] = [];
  const doc = parseShortcodes(text);
  const resolver = resolverOf(pages, currentPage);
  for (const use of relrefUses(text, doc.tags)) {
    if (use.ref === undefined || !use.ref.includes('#')) continue;
    const r = resolver.resolve(refArgsOf(doc.tags[use.tag], use.ref));
    if (r.kind === 'found' && r.anchor) out.push({ path: r.path, anchor: r.anchor });
  }
  return out;
}
