import { shortcodeKey } from './scan';

/**
 * Which shortcode names a site defines. Hugo looks a shortcode up in `layouts/shortcodes/` or
 * `layouts/_shortcodes/` (the site's, then its themes'), in Hugo 0.146+ also in the `_shortcodes/`
 * folders below a path of the layouts, then in its own embedded templates.
 * Sub-folders give names with `/` (`layouts/shortcodes/boxes/info.html` → `boxes/info`), and
 * names match case-insensitively.
 */

/** Hugo's embedded shortcodes, old and new spellings (`tweet` became `twitter`, then `x`). */
export const BUILTIN_SHORTCODES: readonly string[] = [
  'comment',
  'details',
  'figure',
  'gist',
  'highlight',
  'instagram',
  'instagram_simple',
  'param',
  'qr',
  'ref',
  'relref',
  'speakerdeck',
  'tweet',
  'twitter',
  'twitter_simple',
  'vimeo',
  'vimeo_simple',
  'x',
  'x_simple',
  'youtube',
];

const BUILTIN_KEYS: ReadonlySet<string> = new Set(BUILTIN_SHORTCODES);

/**
 * Hugo's embedded shortcodes that read `.Inner` (tpl/tplimpl/embedded/templates: `highlight` in
 * 0.111, `comment`, `details` and `qr` since): the others take no body, and Hugo stops on a closing
 * tag or a self-closing `/>}}` for them ("does not evaluate .Inner or .InnerDeindent, yet a closing
 * tag was provided", hugolib/shortcode.go, every version since 0.111).
 */
const BUILTIN_WITH_BODY: ReadonlySet<string> = new Set(['comment', 'details', 'highlight', 'qr']);

/** Hugo's embedded shortcodes that take no body (see {@link BUILTIN_WITH_BODY}). */
export const BUILTIN_STANDALONE: readonly string[] = BUILTIN_SHORTCODES.filter((n) => !BUILTIN_WITH_BODY.has(n));

export function isBuiltinShortcode(name: string): boolean {
  return BUILTIN_KEYS.has(shortcodeKey(name));
}

/**
 * `layouts/shortcodes/` (Hugo 0.111), `layouts/_shortcodes/` (0.146+) and, since 0.146, a
 * `_shortcodes/` folder below a path of the layouts (`layouts/docs/_shortcodes/`): Hugo looks there
 * for the pages under that path or of that `type` (its template store walks the page's path, the
 * first segment replaced by the page's type). Such a path has no segment starting with `_`
 * (`_partials`, `_markup` are other kinds of templates).
 */
const SHORTCODE_FOLDER = /(?:^|\/)layouts\/(?:shortcodes|(?:[^/_][^/]*\/)*?_shortcodes)\/(.+)$/i;

/**
 * The shortcode name a template file defines, or undefined when the path is not a shortcode
 * template. Works on site-relative, workspace-relative or absolute paths, `/` or `\`.
 * Hugo reads the file name up to its first dot: `note.en.html`, `note.amp.html` and `note.html`
 * are variants (language, output format) of the same shortcode `note`.
 */
export function templateName(path: string): string | undefined {
  const spelling = templateSpelling(path);
  return spelling === undefined ? undefined : shortcodeKey(spelling);
}

/**
 * The shortcode name a template file defines as its file name writes it (`boxes/myNote` for
 * `layouts/shortcodes/boxes/myNote.html`). Hugo 0.111 to 0.145 find a template only under that
 * spelling (`{{< mynote >}}` stops the build: "template for shortcode "mynote" not found"); Hugo
 * 0.146 and later look names up in lower case (tpl/tplimpl TemplateQuery.init), so any case works.
 */
export function templateSpelling(path: string): string | undefined {
  const m = SHORTCODE_FOLDER.exec(path.replace(/\\/g, '/'));
  if (!m) return undefined;
  const segments = m[1].split('/').filter((s) => s !== '');
  const file = segments.pop();
  if (!file) return undefined;
  const dot = file.indexOf('.');
  // Dot files (`.gitkeep`) and extension-less files are no templates.
  if (dot <= 0) return undefined;
  return [...segments, file.slice(0, dot)].join('/');
}

/**
 * Whether Hugo 0.111 to 0.145 find the template of `name` as it is written: a built-in under its
 * (lower-case) name, a template under its file's spelling. `spellings`: each template key's
 * spellings (see {@link templateSpelling}).
 */
export function exactShortcodeSpelling(name: string, spellings: ReadonlyMap<string, readonly string[]>): boolean {
  const key = shortcodeKey(name);
  return (name === key && BUILTIN_KEYS.has(key)) || (spellings.get(key)?.includes(name) ?? false);
}

/** The spelling to write `name` in for every Hugo version: the built-in's, else the first of the template's spellings. */
export function portableSpelling(name: string, spellings: ReadonlyMap<string, readonly string[]>): string | undefined {
  const key = shortcodeKey(name);
  if (BUILTIN_KEYS.has(key)) return key;
  return spellings.get(key)?.[0];
}

/** The set of shortcode names (lower case) that the template files among `paths` define; built-ins not included. */
export function templateNamesFromPaths(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    if (typeof p !== 'string') continue;
    const name = templateName(p);
    if (name !== undefined) out.add(name);
  }
  return out;
}

/** Whether Hugo finds a template for `name`: the site's and themes' templates, then the built-ins. */
export function isKnownShortcode(name: string, templates: ReadonlySet<string>): boolean {
  return knownShortcodeKeys(templates).has(shortcodeKey(name));
}

const knownKeySets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * The keys {@link isKnownShortcode} accepts with these template keys (theirs and the built-ins'),
 * as one set kept per set of templates: a page's check looks up each of its tags once.
 */
export function knownShortcodeKeys(templates: ReadonlySet<string>): ReadonlySet<string> {
  let keys = knownKeySets.get(templates);
  if (!keys) knownKeySets.set(templates, (keys = new Set([...templates, ...BUILTIN_KEYS])));
  return keys;
}
