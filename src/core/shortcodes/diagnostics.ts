import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { closest } from '../frontmatter/suggest';
import { anchorize } from '../markdown/anchorize';
import { localize, type Text, type Lang } from '../l10n';
import { pageAnchors, type PageAnchorOptions } from '../navigation/anchors';
import { collapseTitle, isCollapse } from '../navigation/sections';
import { buildPageIndex, listResolver, logicalPath, type PageIndex } from '../relref/resolve';
import { lineIndexOf, type LineIndex, type Range } from '../text';
import { parseShortcodes, type ShortcodeDocument } from './document';
import { NOT_BUILT_WHY, REF_CONSEQUENCE, SHORTCODE_MESSAGES as M, SHORTCODE_SEVERITY, type ShortcodeCode } from './messages';
import type { RefArgs, RefVerdict } from '../site/site';
import { refArgsOf, relrefUses, type RelrefUse } from './relrefs';
export { refArgsOf } from './relrefs';
export { listResolver } from '../relref/resolve';
import { shortcodeKey, type ShortcodeTag } from './scan';
import { BUILTIN_SHORTCODES, exactShortcodeSpelling, isBuiltinShortcode, knownShortcodeKeys, portableSpelling } from './templates';

export interface CheckShortcodesOptions {
  readonly lang: Lang;
  /** Template names the site defines (see `templateNamesFromPaths`); when absent, names are not checked. */
  readonly templates?: ReadonlySet<string>;
  /**
   * Each of `templates`' names to the spellings of its template files; when given, a name written
   * in another case than Hugo 0.111 to 0.145 find is reported (`shortcode-hugo-version`).
   */
  readonly templateSpellings?: ReadonlyMap<string, readonly string[]>;
  /**
   * Names (lower case) the site's own templates define without reading `.Inner`: Hugo takes no
   * body for them, and stops on a closing tag ("does not evaluate .Inner, yet a closing tag was provided").
   */
  readonly standalone?: ReadonlySet<string>;
  /** Content-relative paths of the site's pages; when absent, relrefs are not checked. */
  readonly pageIndex?: readonly string[];
  /** This page's content-relative path, for relrefs relative to it and `#anchor` alone. */
  readonly currentPage?: string;
  /** The ids a target page offers; undefined = unknown, the anchor is not checked. */
  readonly anchorsOf?: (contentRelativePath: string) => ReadonlySet<string> | undefined;
  /** Names that always take a body, in addition to the defaults (collapse, alerts, tabs…). */
  readonly paired?: readonly string[];
  /** The site's ref lookup (the site model's, as Hugo resolves refs); replaces `pageIndex` when given. */
  readonly resolver?: RefResolver;
  /** This page's file as the resolver names files (absolute), to read its own anchors from its text. */
  readonly currentFile?: string;
  /** This page's language, for messages. */
  readonly pageLang?: string;
  /** How this page's own anchors are read (the site's: raw HTML ids when Goldmark writes raw HTML). */
  readonly anchorOptions?: PageAnchorOptions;
  /** Whether the site enables inline shortcodes (`name.inline`); undefined: not known, not checked. */
  readonly inlineShortcodes?: boolean;
}

/** How the checks resolve refs: the site model answers, with Hugo's rules. */
export interface RefResolver {
  resolve(args: RefArgs): RefVerdict;
  /** Every page a ref may name (paths as Hugo names them), for "did you mean". */
  readonly targets: readonly string[];
  /** The site's refLinksErrorLevel: error (Hugo stops) or warning (Hugo warns). */
  readonly severity: 'error' | 'warning';
}

/** How a tag closes: `{{% /name %}}` or `{{< /name >}}`. */
function closeTag(tag: ShortcodeTag): string {
  return tag.delimiter === '%' ? `{{% /${tag.name} %}}` : `{{< /${tag.name} >}}`;
}

/** The tag as written, shortened for a message. */
function tagText(text: string, tag: ShortcodeTag): string {
  const raw = text.slice(tag.start, tag.end).replace(/\s+/g, ' ');
  return raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
}

class Collector {
  readonly out: Diagnostic[] = [];
  private lines: LineIndex | undefined;
  constructor(
    private readonly text: string,
    readonly lang: Lang,
  ) {}
  lineOf(offset: number): number {
    this.lines ??= lineIndexOf(this.text);
    return this.lines.positionAt(offset).line;
  }
  range(start: number, end: number): Range {
    this.lines ??= lineIndexOf(this.text);
    return this.lines.rangeAt(start, end);
  }
  add(
    code: ShortcodeCode,
    start: number,
    end: number,
    message: Text,
    args: Record<string, string | number>,
    data?: Record<string, unknown>,
    severity: 'error' | 'warning' | 'information' = SHORTCODE_SEVERITY[code],
  ): void {
    this.lines ??= lineIndexOf(this.text);
    this.out.push({
      code,
      severity,
      range: this.lines.rangeAt(start, end),
      message: localize(message, this.lang, args),
      ...(data ? { data } : {}),
    });
  }
}

function structure(doc: ShortcodeDocument, c: Collector): void {
  const { text, tags } = doc;
  // An opening tag that never ends leaves its closing tag orphaned: one error is enough for one slip.
  const brokenOpeners = new Map<string, { starts: number[]; next: number }>();
  for (const e of doc.errors) {
    const d = text[e.start + 2] === '%' ? '%}}' : '>}}';
    c.add('shortcode-unterminated', e.start, e.end, M.unterminated, { tag: text.slice(e.start, e.end), end: d });
    const name = text.slice(e.start + 3, e.end).trim();
    if (name === '' || name.startsWith('/')) continue;
    const list = brokenOpeners.get(shortcodeKey(name));
    if (list) list.starts.push(e.start);
    else brokenOpeners.set(shortcodeKey(name), { starts: [e.start], next: 0 });
  }
  for (const e of doc.pairErrors) {
    const tag = tags[e.tag];
    if (e.code === 'shortcode/unexpected-close') {
      const broken = brokenOpeners.get(shortcodeKey(tag.name));
      if (broken && broken.next < broken.starts.length && broken.starts[broken.next] < tag.start) {
        broken.next++;
        continue;
      }
    }
    if (e.code === 'shortcode/unclosed') {
      c.add('shortcode-unclosed', tag.start, tag.end, M.unclosed, { name: tag.name, close: closeTag(tag) }, { name: tag.name, close: closeTag(tag) });
    } else if (e.code === 'shortcode/unexpected-close' && e.other !== undefined) {
      // Open under the same name in another case: Hugo closes only the very same spelling.
      const open = tags[e.other];
      const edits = [{ range: c.range(tag.nameStart, tag.nameEnd), newText: open.name }];
      c.add(
        'shortcode-unexpected-close',
        tag.start,
        tag.end,
        M.unexpectedCloseCase,
        { tag: tagText(text, tag), name: tag.name, open: open.name, line: c.lineOf(open.start) + 1 },
        { name: tag.name, open: open.name, edits },
      );
    } else if (e.code === 'shortcode/unexpected-close') {
      c.add('shortcode-unexpected-close', tag.start, tag.end, M.unexpectedClose, { tag: tagText(text, tag), name: tag.name });
    } else if (e.other !== undefined) {
      // The close that arrived while `tag` was still open: that is where the author sees the mix-up.
      const close = tags[e.other];
      c.add(
        'shortcode-mismatch',
        close.start,
        close.end,
        M.mismatch,
        { tag: tagText(text, close), name: close.name, inner: tag.name, line: c.lineOf(tag.start) + 1, innerClose: closeTag(tag) },
        { open: tag.name, openLine: c.lineOf(tag.start) },
      );
    }
  }
}

function args(doc: ShortcodeDocument, c: Collector): void {
  for (const tag of doc.tags) {
    if (tag.kind === 'comment') continue;
    for (const e of tag.errors) {
      if (e.code === 'shortcode/mixed-arguments') c.add('shortcode-args', e.start, e.end, M.mixedArgs, {}, { reason: 'mixed-arguments' });
      else if (e.code === 'shortcode/unterminated-string') {
        c.add('shortcode-args', e.start, e.end, M.unterminatedString, { quote: doc.text[e.start] ?? '"' }, { reason: 'unterminated-string' });
      }
    }
    if (isCollapse(tag) && collapseTitle(tag).title.trim() === '') {
      c.add('shortcode-args', tag.nameStart, tag.nameEnd, M.collapseTitle, {}, { reason: 'missing-title' });
    }
  }
}

/** The site's template names as keys, and the names a typo may be close to: once per set of templates, not per page. */
interface KnownNames {
  /** The keys Hugo finds a template for, the site's and the built-ins ({@link knownShortcodeKeys}). */
  readonly known: ReadonlySet<string>;
  readonly candidates: readonly string[];
}

const knownNamesCache = new WeakMap<ReadonlySet<string>, KnownNames>();

function knownNames(templates: ReadonlySet<string>): KnownNames {
  let names = knownNamesCache.get(templates);
  if (!names) {
    const keys = new Set<string>();
    for (const t of templates) keys.add(shortcodeKey(t));
    knownNamesCache.set(templates, (names = { known: knownShortcodeKeys(keys), candidates: [...keys, ...BUILTIN_SHORTCODES] }));
  }
  return names;
}

/**
 * The names of the page's shortcodes: with every template known (`templates`), a name none defines
 * (`shortcode-unknown`); with the templates' spellings, a known name written in another case than
 * Hugo 0.111 to 0.145 find (`shortcode-hugo-version`). When a theme is not on disk (no
 * `templates`), only the names known all the same (the built-ins and the templates seen) are looked at.
 */
function names(doc: ShortcodeDocument, templates: ReadonlySet<string> | undefined, spellings: ReadonlyMap<string, readonly string[]> | undefined, c: Collector): void {
  const all = templates ? knownNames(templates) : undefined;
  const suggestions = new Map<string, string | undefined>();
  for (let i = 0; i < doc.tags.length; i++) {
    const tag = doc.tags[i];
    if (tag.kind !== 'open' && tag.kind !== 'self-closing') continue;
    const key = shortcodeKey(tag.name);
    if (all ? all.known.has(key) : isBuiltinShortcode(tag.name) || spellings?.has(key)) {
      if (spellings && !exactShortcodeSpelling(tag.name, spellings)) newerHugoName(doc, i, spellings, c);
      continue;
    }
    if (!all || isInline(tag.name)) continue;
    const { candidates } = all;
    // One suggestion per name: a page repeating a typo thousands of times stays linear.
    let suggestion = suggestions.get(key);
    if (!suggestions.has(key)) suggestions.set(key, (suggestion = closest(tag.name, candidates)));
    c.add(
      'shortcode-unknown',
      tag.nameStart,
      tag.nameEnd,
      suggestion ? M.unknownSuggest : M.unknown,
      { name: tag.name, suggestion: suggestion ?? '' },
      suggestion ? { name: tag.name, suggestion } : { name: tag.name },
    );
  }
}

/**
 * A closing tag, or a self-closing `/>}}`, for a shortcode whose template reads no `.Inner`: Hugo
 * stops on both (hugolib/shortcode.go, 0.111 and later: "… yet a closing tag was provided").
 */
function closedStandalone(doc: ShortcodeDocument, standalone: ReadonlySet<string>, c: Collector): void {
  for (let i = 0; i < doc.tags.length; i++) {
    const tag = doc.tags[i];
    if (!standalone.has(shortcodeKey(tag.name))) continue;
    if (tag.kind === 'close' && doc.partner[i] >= 0) {
      c.add('shortcode-unexpected-close', tag.start, tag.end, M.closeWithoutInner, { tag: tagText(doc.text, tag), name: tag.name }, { name: tag.name, reason: 'no-inner' });
    } else if (tag.kind === 'self-closing') {
      // The `/` before `>}}` or `%}}` (spaces may follow it): removing it is the fix.
      const slash = doc.text.lastIndexOf('/', tag.end - 3);
      const data = { name: tag.name, reason: 'no-inner', ...(slash > tag.nameEnd ? { edits: [{ range: c.range(slash, slash + 1), newText: '' }] } : {}) };
      c.add('shortcode-unexpected-close', tag.start, tag.end, M.selfCloseWithoutInner, { tag: tagText(doc.text, tag), name: tag.name }, data);
    }
  }
}

/**
 * A name Hugo 0.146+ finds in any case but Hugo 0.111 to 0.145 only as its template's file spells
 * it (hugolib/shortcode.go: "template for shortcode %q not found"): information, with the edits
 * that write the opening tag's name and its closing tag's in that spelling.
 */
function newerHugoName(doc: ShortcodeDocument, index: number, spellings: ReadonlyMap<string, readonly string[]>, c: Collector): void {
  const tag = doc.tags[index];
  const spelling = portableSpelling(tag.name, spellings);
  if (spelling === undefined) return;
  const edits = [{ range: c.range(tag.nameStart, tag.nameEnd), newText: spelling }];
  const partner = doc.partner[index];
  if (partner >= 0) {
    const close = doc.tags[partner];
    if (close.name !== spelling) edits.push({ range: c.range(close.nameStart, close.nameEnd), newText: spelling });
  }
  c.add('shortcode-hugo-version', tag.nameStart, tag.nameEnd, M.nameNewerHugo, { name: tag.name, spelling }, { name: tag.name, spelling, edits }, 'information');
}

/** An inline shortcode (`{{< name.inline >}}…`): its template is the page's own text (hugolib/shortcode.go). */
function isInline(name: string): boolean {
  return name.endsWith('.inline');
}

/**
 * Inline shortcodes as Hugo 0.111 renders them (checked with its build): turned off (the default),
 * each renders as nothing, without a word from Hugo; turned on, a self-closing one reuses the
 * definition written above it on the page, and with none Hugo stops ("no earlier definition").
 */
function inlines(doc: ShortcodeDocument, enabled: boolean, c: Collector): void {
  const defined = new Set<string>();
  for (const tag of doc.tags) {
    if ((tag.kind !== 'open' && tag.kind !== 'self-closing') || !isInline(tag.name)) continue;
    if (!enabled) c.add('shortcode-inline-off', tag.nameStart, tag.nameEnd, M.inlineOff, { name: tag.name }, { name: tag.name });
    else if (tag.kind === 'open') defined.add(tag.name);
    else if (!defined.has(tag.name)) c.add('shortcode-inline-undefined', tag.nameStart, tag.nameEnd, M.inlineUndefined, { name: tag.name }, { name: tag.name });
  }
}

/** The range of the `#anchor` part of a relref target, or the whole target when escapes shift it. */
function anchorRange(use: RelrefUse): { start: number; end: number } {
  const hash = use.ref?.indexOf('#') ?? -1;
  return use.exact && hash >= 0 ? { start: use.refStart + hash + 1, end: use.refEnd } : { start: use.refStart, end: use.refEnd };
}

/** A page whose path (or, for a bare name, file name) is one typo away from the target; cached per target. */
const uniqueNamesCache = new WeakMap<PageIndex, Map<string, string>>();

/**
 * File names that are unique in the site, once per page index (not once per page checked):
 * suggesting an ambiguous one would trade one error for another.
 */
function uniqueFileNames(index: PageIndex): Map<string, string> {
  let byName = uniqueNamesCache.get(index);
  if (byName) return byName;
  const seen = new Map<string, string | undefined>();
  for (const p of index.paths) {
    const name = p.split('/').pop() ?? p;
    seen.set(name, seen.has(name) ? undefined : p);
  }
  byName = new Map();
  for (const [name, p] of seen) if (p !== undefined) byName.set(name, p);
  uniqueNamesCache.set(index, byName);
  return byName;
}

const suggestionsByIndex = new WeakMap<PageIndex, Map<string, string | undefined>>();

/** The unique file names as one list per index (closest() keeps what it prepares per list). */
function uniqueNameList(byName: Map<string, string>): readonly string[] {
  let list = uniqueNameLists.get(byName);
  if (!list) uniqueNameLists.set(byName, (list = [...byName.keys()]));
  return list;
}

const uniqueNameLists = new WeakMap<Map<string, string>, readonly string[]>();

function suggestionCache(index: PageIndex): Map<string, string | undefined> {
  let cache = suggestionsByIndex.get(index);
  if (!cache) suggestionsByIndex.set(index, (cache = new Map()));
  return cache;
}

function suggestPage(index: PageIndex, ref: string, cache: Map<string, string | undefined>): string | undefined {
  const hash = ref.indexOf('#');
  const path = (hash >= 0 ? ref.slice(0, hash) : ref).trim().replace(/^\/+/, '');
  if (cache.has(path) || cache.size > 2000) return cache.get(path);
  let found: string | undefined;
  if (path.includes('/')) found = closest(path, index.paths);
  else {
    const byName = uniqueFileNames(index);
    const name = closest(path, uniqueNameList(byName));
    found = name !== undefined ? byName.get(name) : undefined;
  }
  cache.set(path, found);
  return found;
}

/** An id one typo away, or the id of an anchor written as the heading's text (`#Confirmer le diagnostic`); cached per target. */
function suggestAnchor(anchors: ReadonlySet<string>, page: string, anchor: string, cache: Map<string, string | undefined>): string | undefined {
  const key = `${page}#${anchor}`;
  if (cache.has(key) || cache.size > 200) return cache.get(key);
  const id = anchorize(anchor);
  const found = anchors.has(id) ? id : closest(anchor, anchors);
  cache.set(key, found);
  return found;
}

function relrefs(doc: ShortcodeDocument, options: CheckShortcodesOptions, c: Collector): void {
  const uses = relrefUses(doc.text, doc.tags);
  if (uses.length === 0) return;
  const resolver = options.resolver ?? (options.pageIndex ? listResolver(options.pageIndex, options.currentPage) : undefined);
  const index: PageIndex | undefined = resolver ? buildPageIndex(resolver.targets) : undefined;
  let ownAnchors: ReadonlySet<string> | undefined;
  // Suggestions depend only on the site's pages: shared by every page checked against that index.
  const suggestions = index ? suggestionCache(index) : new Map<string, string | undefined>();
  const anchorSuggestions = new Map<string, string | undefined>();
  const ownFile = options.currentFile ?? options.currentPage;
  const severity = resolver?.severity ?? 'error';
  const consequence = localize(REF_CONSEQUENCE[severity], c.lang);
  for (const use of uses) {
    const tag = doc.tags[use.tag];
    if (use.ref === undefined || use.ref.trim() === '') {
      c.add('shortcode-args', use.refStart, use.refEnd, M.relrefNoPath, { name: tag.name }, { reason: 'missing-path' });
      continue;
    }
    if (!resolver || !index) continue;
    const ref = use.ref;
    // Read once: the lookup and a not-found message both need the tag's `lang`.
    const refArgs = refArgsOf(tag, ref);
    const r = resolver.resolve(refArgs);
    if (r.kind === 'not-found') {
      const args = { ref, consequence, page: r.detail ?? '', lang: refArgs.lang ?? options.lang, others: r.detail ?? '' };
      if (r.reason === 'draft' || r.reason === 'future' || r.reason === 'expired') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefNotBuilt, { ...args, why: localize(NOT_BUILT_WHY[r.reason], c.lang) }, { ref, reason: r.reason }, severity);
      } else if (r.reason === 'other-language') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefOtherLanguage, { ...args, lang: options.pageLang ?? '' }, { ref, reason: r.reason, languages: r.detail }, severity);
      } else if (r.reason === 'no-language') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefNoLanguage, { ...args, lang: r.detail ?? '' }, { ref, reason: r.reason }, severity);
      } else if (r.reason === 'newer-hugo') {
        // The spelling both read, with the ref's `#anchor` kept.
        const hash = ref.indexOf('#');
        const spelling = `${r.detail ?? ''}${hash >= 0 ? ref.slice(hash) : ''}`;
        c.add('relref-hugo-version', use.refStart, use.refEnd, M.relrefNewerHugo, { ref, page: spelling }, { ref, reason: r.reason, suggestion: spelling }, 'information');
      } else if (r.reason === 'resource') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefResource, args, { ref, reason: r.reason, bundle: r.detail }, severity);
      } else if (r.reason === 'output-format') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefOutputFormat, { ...args, format: r.detail ?? '' }, { ref, reason: r.reason }, severity);
      } else if (r.reason === 'bad-url') {
        c.add('relref-not-found', use.refStart, use.refEnd, M.relrefBadUrl, args, { ref, reason: r.reason }, severity);
      } else {
        const suggestion = suggestPage(index, ref, suggestions);
        c.add(
          'relref-not-found',
          use.refStart,
          use.refEnd,
          suggestion ? M.relrefNotFoundSuggest : M.relrefNotFound,
          { ref, suggestion: suggestion ?? '', consequence },
          suggestion ? { ref, suggestion } : { ref },
          severity,
        );
      }
    } else if (r.kind === 'ambiguous') {
      c.add('relref-ambiguous', use.refStart, use.refEnd, M.relrefAmbiguous, { ref, candidates: r.candidates.join(', ') }, { ref, candidates: r.candidates }, severity);
    } else {
      if (r.unrendered) c.add('relref-unpublished', use.refStart, use.refEnd, M.relrefUnpublished, { ref, page: r.path }, { ref, page: r.path });
      if (r.anchor === undefined || r.anchor === '') continue;
      // The page being edited: its own text (unsaved changes included) says which ids it has.
      const key = r.file ?? r.path;
      const own = ownFile !== undefined && (key === ownFile || (options.resolver === undefined && options.currentPage !== undefined && logicalPath(r.path) === logicalPath(options.currentPage)));
      const anchors = own ? (ownAnchors ??= pageAnchors(doc.text, options.anchorOptions)) : options.anchorsOf?.(key);
      if (!anchors || anchors.has(r.anchor)) continue;
      const { start, end } = anchorRange(use);
      const suggestion = suggestAnchor(anchors, r.path, r.anchor, anchorSuggestions);
      c.add(
        'relref-anchor',
        start,
        end,
        suggestion ? M.relrefAnchorSuggest : M.relrefAnchor,
        { page: r.path, anchor: r.anchor, suggestion: suggestion ?? '' },
        suggestion ? { page: r.path, anchor: r.anchor, suggestion } : { page: r.path, anchor: r.anchor },
      );
    }
  }
}

/**
 * Checks a page's shortcodes as Hugo will read them: structure (pairs, unterminated tags),
 * arguments, names the site's templates define, and `ref` / `relref` targets and anchors.
 * Never throws; linear in the size of the page.
 */
export function checkShortcodes(text: string, options: CheckShortcodesOptions): Diagnostic[] {
  const c = new Collector(text, options.lang);
  try {
    const doc = parseShortcodes(text, options.paired ?? [], options.standalone);
    structure(doc, c);
    if (options.standalone && options.standalone.size > 0) closedStandalone(doc, options.standalone, c);
    args(doc, c);
    if (options.templates || options.templateSpellings) names(doc, options.templates, options.templateSpellings, c);
    if (options.inlineShortcodes !== undefined) inlines(doc, options.inlineShortcodes, c);
    relrefs(doc, options, c);
  } catch {
    // A bug here must not take the other checks down: report what was found so far.
  }
  return c.out.sort(compareDiagnostics);
}
