/**
 * Shared shapes of the differential test (MedGuide's `ref` / `relref` resolution vs Hugo 0.111.3).
 * Paths are site-relative with `/` (`content/fr/docs/intro.md`), never absolute: a site can be
 * rebuilt anywhere from its JSON.
 */

/** One `{{< ref >}}` / `{{< relref >}}` call written in a page of a generated site. */
export interface GeneratedRef {
  /** Unique in its site; the call is wrapped in `<span data-ref="id">…</span>` on its own line. */
  readonly id: number;
  /** The page holding the call, site-relative (`content/docs/intro.md`). */
  readonly page: string;
  /** 1-based line of the call in that file (Hugo's REF_NOT_FOUND warnings give it). */
  readonly line: number;
  readonly shortcode: 'ref' | 'relref';
  /** The `path` argument as written, anchor included (`../docs/Intro.md#part`). */
  readonly path: string;
  /** The `lang` argument (only with named arguments). */
  readonly lang?: string;
  /** The `outputFormat` argument. */
  readonly outputFormat?: string;
  /**
   * The language the generator means the page to be in (file name suffix when it is a configured
   * language, else the language of its content folder, else `defaultContentLanguage`). The test
   * checks it against the language Hugo gives the page; the old resolver, which knows no
   * languages, borrows it.
   */
  readonly pageLang: string;
  /** How the generator built the path (`abs`, `bare`, `rel`, `above-root`, …) and other facts, for the mismatch summary. */
  readonly tags: readonly string[];
}

/**
 * What a ref resolves to.
 * - `found.file`: the target's source file, site-relative (`content/fr/docs/intro.md`); for a node
 *   Hugo builds without a file (the home or a root section with no `_index.md`), its section key
 *   (`/` or `/docs/`), which always starts with `/`.
 * - `found.lang`: the language of the target page (the site Hugo looked it up in).
 * A path with no page part (`""`, `#part`) links to the page itself: `found` with the page's own file.
 */
export type Verdict =
  | { readonly kind: 'found'; readonly file: string; readonly lang: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'ambiguous' };

/** A generated Hugo site: its files (site-relative path → text) and the refs written in them. */
export interface GeneratedSite {
  readonly files: Readonly<Record<string, string>>;
  readonly refs: readonly GeneratedRef[];
  /** Configured language codes, the default one first. */
  readonly languages: readonly string[];
  /**
   * Headless bundle headers (`headless = true` in index.md) and pages with `_build.render =
   * "never"`, with the language the generator means them to be in. Hugo builds them without a URL
   * (a ref to one gives ""), so the test tells which one a ref found by its language; a site has at
   * most one such page (its translations included).
   */
  readonly headless: readonly { readonly file: string; readonly lang: string }[];
  /** One line describing the site's shape (config form, languages, content folders). */
  readonly summary: string;
  /** false for a site the reference model (reference.ts) does not model (content mounts, `ignoreFiles`, taxonomies, a disabled language, `_build.render`). */
  readonly modelled?: boolean;
}

/** A recorded disagreement: enough to rebuild the site and replay MedGuide without Hugo. */
export interface DifferentialFixture {
  readonly hugoVersion: string;
  /** Where the site comes from: site `index` of the random run `seed`, or a hand-written example (examples.ts). */
  readonly seed?: number;
  readonly index?: number;
  readonly example?: string;
  /** The command that reproduces it with Hugo. */
  readonly replay: string;
  readonly site: GeneratedSite;
  /** Refs Hugo rendered, by id, with its verdict. */
  readonly hugo: Readonly<Record<string, Verdict>>;
  /** The MedGuide side that disagreed (medguide.ts: `old` resolver or site `model`). */
  readonly resolver?: string;
  /** MedGuide's verdicts when the fixture was recorded (informative; the replay recomputes them). */
  readonly medguide: Readonly<Record<string, Verdict>>;
}

export function sameVerdict(a: Verdict, b: Verdict): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'found' && b.kind === 'found') return a.file === b.file && a.lang === b.lang;
  return true;
}

export function showVerdict(v: Verdict | undefined): string {
  if (!v) return '(none)';
  return v.kind === 'found' ? `found ${v.file} [${v.lang}]` : v.kind;
}
