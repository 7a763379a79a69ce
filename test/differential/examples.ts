/**
 * Hand-written minimal sites, one per Hugo rule of `ref` / `relref` lookup (0.111.3). They run
 * through Hugo like the random sites (sites.test.ts) and, when MedGuide disagrees, are recorded
 * as fixtures (`example-<name>.json`), so each rule stays a readable regression test.
 * The comments say what Hugo answers; the test checks it against Hugo on every run.
 */
import { LAYOUTS, NOT_FOUND_URL } from './generate';
import type { GeneratedRef, GeneratedSite } from './types';

type RefArgs = { readonly lang?: string; readonly outputFormat?: string };

export interface Example {
  readonly name: string;
  /** The Hugo rule the example pins. */
  readonly rule: string;
  /** Configured languages, the default first (default: `en` alone, not declared). */
  readonly languages?: readonly string[];
  /** One content folder per language (`contentDir = "content/<lang>"`). */
  readonly contentDirs?: boolean;
  /** Content files ("" for a page with no front matter). */
  readonly files: Readonly<Record<string, string>>;
  /** [page, path, arguments]: one `relref` call each, in that page. */
  readonly refs: readonly (readonly [string, string, RefArgs?])[];
}

const fm = (...lines: string[]) => `+++\ntitle = "x"\n${lines.join('\n')}\n+++\nBody.\n`;

export const EXAMPLES: readonly Example[] = [
  {
    name: 'lang-by-filename',
    rule: 'a configured language suffix names the page without it (post.fr.md is the fr page "post"); other languages are not searched; the lang argument picks the site; an unknown lang is not found',
    languages: ['en', 'fr'],
    files: { 'content/post.fr.md': '', 'content/about.fr.md': '', 'content/intro.md': '', 'content/intro.fr.md': '' },
    refs: [
      ['content/about.fr.md', 'post'], // found post.fr.md [fr]
      ['content/about.fr.md', 'intro'], // found intro.fr.md [fr], not intro.md
      ['content/about.fr.md', 'post.fr.md'], // found: ".fr" is trimmed in the fr site
      ['content/intro.md', 'post.fr.md'], // not found: ".fr" is not trimmed in the en site
      ['content/intro.md', 'post', { lang: 'fr' }], // found post.fr.md [fr]
      ['content/intro.md', 'intro', { lang: 'de' }], // not found: no site "de"
      ['content/intro.md', '', { lang: 'de' }], // not found (the language is checked before the empty path)
    ],
  },
  {
    name: 'unconfigured-suffix',
    rule: 'a suffix that is not a language stays in the name (notes.de.md is "notes.de"); the last ".ext" of any ref is dropped, whatever it is',
    files: { 'content/notes.de.md': '', 'content/a.md': '' },
    refs: [
      ['content/a.md', 'notes.de'], // not found: ".de" is dropped as an extension, "notes" does not exist
      ['content/a.md', 'notes.de.md'], // found notes.de.md
      ['content/a.md', 'notes'], // not found
      ['content/a.md', 'a.txt'], // found a.md: ".txt" dropped
    ],
  },
  {
    name: 'suffixed-referrer',
    rule: 'relative refs from _index.fr.md / index.fr.md: the base is the file\'s folder (its parent for a leaf bundle)',
    languages: ['en', 'fr'],
    files: { 'content/docs/_index.fr.md': '', 'content/docs/setup.fr.md': '', 'content/docs/b/index.fr.md': '' },
    refs: [
      ['content/docs/_index.fr.md', 'setup'], // found docs/setup.fr.md
      ['content/docs/b/index.fr.md', 'setup'], // found docs/setup.fr.md
    ],
  },
  {
    name: 'content-dirs',
    rule: 'with contentDir per language, paths are relative to the language\'s folder; other folders are other languages; "/content/<lang>/<file>" matches the mount key',
    languages: ['en', 'fr'],
    contentDirs: true,
    files: { 'content/en/docs/x.md': '', 'content/fr/docs/x.md': '', 'content/fr/a.md': '', 'content/fr/only.md': '', 'content/en/b.md': '' },
    refs: [
      ['content/fr/a.md', '/docs/x'], // found content/fr/docs/x.md [fr]
      ['content/en/b.md', 'only'], // not found (only.md is fr)
      ['content/en/b.md', '/content/en/docs/x.md'], // found (reverse index "project/content/en/docs/x.md")
      ['content/en/b.md', '/content/fr/docs/x.md'], // not found in en
      ['content/en/b.md', '/content/fr/docs/x.md', { lang: 'fr' }], // found [fr]
    ],
  },
  {
    name: 'build-state',
    rule: 'drafts, future and expired pages are not found, nor anything in such a section; a headless bundle is found (no URL) but has no output format; bundle resources are not pages',
    files: {
      'content/a.md': '',
      'content/d.md': fm('draft = true'),
      'content/f.md': fm('publishDate = 2999-01-01T00:00:00Z'),
      'content/e.md': fm('expiryDate = 2000-01-01T00:00:00Z'),
      'content/sec/_index.md': fm('draft = true'),
      'content/sec/x.md': '',
      'content/hb/index.md': fm('headless = true'),
      'content/hb/res.md': 'Resource.\n',
    },
    refs: [
      ['content/a.md', 'd'], // not found
      ['content/a.md', 'f'], // not found
      ['content/a.md', 'e'], // not found
      ['content/a.md', '/sec/x'], // not found: the draft section took its pages with it
      ['content/a.md', '/sec'], // not found
      ['content/a.md', 'hb'], // found hb/index.md (Hugo writes "")
      ['content/a.md', 'hb', { outputFormat: 'html' }], // not found: no output formats
      ['content/a.md', '/hb/res.md'], // not found: a resource
    ],
  },
  {
    name: 'leaf-bundle-base',
    rule: 'from a leaf bundle\'s index.md the base is the bundle\'s parent folder, except for refs starting with ".." (then the bundle folder)',
    files: { 'content/docs/b/index.md': '', 'content/docs/b/other.md': '', 'content/docs/other.md': '', 'content/docs/x.md': '' },
    refs: [
      ['content/docs/b/index.md', 'other'], // found docs/other.md, not the resource docs/b/other.md
      ['content/docs/b/index.md', './x'], // found docs/x.md
      ['content/docs/b/index.md', '../x'], // found docs/x.md (base docs/b, then "..")
      ['content/docs/b/index.md', '/docs/b/other'], // not found: a resource
    ],
  },
  {
    name: 'sections',
    rule: 'the home and root sections exist without _index.md (found, no file); deeper folders without _index.md are not sections; a section path with "/" at the end is fine, a page path is not; "…/_index.<ext>" must be the exact file name',
    files: { 'content/docs/x.md': '', 'content/docs/guides/y.md': '', 'content/blog/_index.markdown': '', 'content/blog/p.md': '', 'content/a.md': '' },
    refs: [
      ['content/a.md', '/'], // found the home "/"
      ['content/a.md', '/docs/'], // found the section "/docs/" (no file)
      ['content/a.md', 'docs'], // found "/docs/"
      ['content/a.md', '/docs/guides'], // not found: not a section
      ['content/a.md', '/docs/guides/y'], // found docs/guides/y.md (keyed below /docs/)
      ['content/a.md', '/blog.md'], // found blog/_index.markdown (simple name "blog")
      ['content/a.md', '/blog/_index.md'], // not found: the file is _index.markdown
      ['content/a.md', '/blog/_index.markdown'], // found
      ['content/a.md', '/docs/x/'], // not found: "/" after a page
      ['content/a.md', 'x/'], // not found: not a simple name with the "/"
    ],
  },
  {
    name: 'clamp',
    rule: 'a relative ref is joined to the page\'s folder with path.Join("/", …): ".." above the content root stays at the root',
    files: { 'content/docs/a.md': '', 'content/intro.md': '' },
    refs: [
      ['content/docs/a.md', '../../../intro'], // found intro.md
      ['content/docs/a.md', './../../docs/a'], // found docs/a.md
    ],
  },
  {
    name: 'simple-names',
    rule: 'a ref with no "/" or only a leading one, not starting with ".", falls back to the last path segment among pages and sections of the language ("is ambiguous" when several)',
    files: {
      'content/docs/guides/deep/intro.md': '',
      'content/docs/guides/_index.md': '',
      'content/blog/guides.md': '',
      'content/blog/post/index.md': '',
      'content/a.md': '',
      'content/blog/x.md': '',
    },
    refs: [
      ['content/a.md', '/intro'], // found docs/guides/deep/intro.md
      ['content/a.md', 'intro.md'], // found docs/guides/deep/intro.md
      ['content/a.md', 'guides'], // ambiguous: section docs/guides and page blog/guides
      ['content/a.md', 'post'], // found blog/post/index.md
      ['content/a.md', 'deep/intro'], // not found: one "/" not leading, no simple lookup
      ['content/blog/x.md', 'docs/guides/deep/intro'], // found: relative fails, then "/" + ref
      ['content/a.md', './intro'], // not found: starts with "."
      ['content/a.md', 'index.md'], // not found: bundles are known by their folder name
    ],
  },
  {
    name: 'ambiguity-scope',
    rule: 'names are counted among built pages of the ref\'s language only',
    languages: ['en', 'fr'],
    files: { 'content/docs/intro.md': '', 'content/blog/intro.md': fm('draft = true'), 'content/x/intro.fr.md': '', 'content/a.md': '' },
    refs: [['content/a.md', 'intro']], // found docs/intro.md
  },
  {
    name: 'ambiguity-by-suffix',
    rule: 'pages named by a language suffix count for their language (intro.en.md is "intro")',
    languages: ['en', 'fr'],
    files: { 'content/docs/intro.en.md': '', 'content/blog/intro/index.md': '', 'content/a.md': '' },
    refs: [['content/a.md', 'intro']], // ambiguous
  },
  {
    name: 'name-from-joined-path',
    rule: 'the simple name is taken from the ref joined to the page\'s folder, "/_index" trimmed: "_index.md" from docs/guides/a.md looks up "guides"',
    files: { 'content/docs/_index.md': '', 'content/docs/guides/a.md': '', 'content/blog/guides.md': '' },
    refs: [['content/docs/guides/a.md', '_index.md']], // found blog/guides.md
  },
  {
    name: 'second-index',
    rule: 'a leaf bundle has one index per language, the first by name; another index.* of that language (a suffix that is not a configured language, or one in other letter case) is a content resource of the bundle',
    languages: ['en', 'fr'],
    files: {
      'content/a/index.md': '',
      'content/a/index.de.md': '', // "index.de.md" sorts first: the en bundle's index, index.md a resource
      'content/b/index.md': '',
      'content/b/index.zz.md': '', // a resource of b
      'content/c/index.FR.md': '', // "FR" is not "fr" for Hugo 0.111: en, and c's en index
      'content/c/index.fr.md': '',
      'content/p.md': '',
      'content/p.fr.md': '',
      'content/s/_index.md': '',
      'content/s/_index.de.md': '', // sorts first: the en section's index, _index.md a resource of it
      'content/s/x.md': '',
      'content/t/_index.md': '',
      'content/t/_index.zz.md': '', // a resource of the section t
    },
    refs: [
      ['content/p.md', 's'], // found s/_index.de.md
      ['content/p.md', '/s/_index.md'], // ?
      ['content/p.md', 's/x'], // found s/x.md
      ['content/p.md', 't'], // found t/_index.md
      ['content/p.md', 't/_index.zz.md'], // not found: a resource
      ['content/s/x.md', '_index.de.md'], // ?
      ['content/p.md', 'a'], // found a/index.de.md
      ['content/p.md', 'b'], // found b/index.md
      ['content/p.md', 'c'], // found c/index.FR.md [en]
      ['content/p.md', '/a/index.md'], // found the bundle a
      ['content/p.md', '/b/index.zz.md'], // not found: a resource
      ['content/p.md', 'index.zz.md'], // not found
      ['content/p.fr.md', 'c'], // found c/index.fr.md [fr]
      ['content/p.fr.md', 'b'], // not found: b has no fr index
    ],
  },
  {
    name: 'language-letter-case',
    rule: 'a configured language is lower-cased (zh-Hans is zh-hans); Hugo 0.111 matches a file name suffix to it case-sensitively (y.zh-Hans.md is the en page "y.zh-hans")',
    languages: ['en', 'zh-Hans'],
    files: {
      'content/x/index.md': '',
      'content/x/index.zh-Hans.md': '', // en: a resource of x
      'content/y.zh-Hans.md': '', // the en page y.zh-hans
      'content/y.zh-hans.md': '', // the zh-hans page y
      'content/q.md': '',
      'content/q.zh-hans.md': '',
    },
    refs: [
      ['content/q.md', 'x'], // found x/index.md
      ['content/q.md', 'y.zh-Hans.md'], // found y.zh-Hans.md [en]
      ['content/q.md', 'y'], // not found in en
      ['content/q.zh-hans.md', 'y'], // found y.zh-hans.md [zh-hans]
      ['content/q.zh-hans.md', 'x'], // not found: x has no zh-hans index
    ],
  },
  {
    name: 'output-format',
    rule: 'an outputFormat the page lacks is not found; a path with no page part is the page itself, with no lookup',
    files: { 'content/a.md': '' },
    refs: [
      ['content/a.md', 'a', { outputFormat: 'json' }], // not found
      ['content/a.md', 'a', { outputFormat: 'html' }], // found a.md
      ['content/a.md', '#x', { outputFormat: 'json' }], // the page itself
      ['content/a.md', ''], // the page itself (Hugo writes "")
    ],
  },
];

/** The language Hugo gives a content file of an example (suffix, else folder, else default). */
function languageOf(ex: Example, file: string): string {
  // Hugo lower-cases the configured codes, and matches a suffix to them as it is written.
  const languages = (ex.languages ?? ['en']).map((l) => l.toLowerCase());
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/, '');
  const suffix = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (languages.includes(suffix)) return suffix;
  return ex.contentDirs ? file.split('/')[1] : languages[0];
}

export function exampleSite(ex: Example): GeneratedSite {
  const languages = ex.languages ?? ['en'];
  const config = [
    'baseURL = "http://example.org/"',
    'refLinksErrorLevel = "WARNING"',
    `refLinksNotFoundURL = "${NOT_FOUND_URL}"`,
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]',
    `defaultContentLanguage = "${languages[0]}"`,
    '',
    '[markup.goldmark.renderer]',
    'unsafe = true',
    ...(languages.length > 1 || ex.contentDirs
      ? languages.flatMap((l, i) => ['', `[languages.${l}]`, `weight = ${i + 1}`, ...(ex.contentDirs ? [`contentDir = "content/${l}"`] : [])])
      : []),
  ].join('\n');
  const files: Record<string, string> = { 'hugo.toml': `${config}\n`, ...LAYOUTS };
  for (const [path, text] of Object.entries(ex.files)) files[path] = text || `Page ${path}.\n`;
  const refs: GeneratedRef[] = ex.refs.map(([page, path, args], i) => {
    const id = i + 1;
    const named = args?.lang !== undefined || args?.outputFormat !== undefined;
    const call = named
      ? `{{< relref path="${path}"${args?.lang ? ` lang="${args.lang}"` : ''}${args?.outputFormat ? ` outputFormat="${args.outputFormat}"` : ''} >}}`
      : `{{< relref "${path}" >}}`;
    files[page] = `${files[page] ?? `Page ${page}.\n`}\n<span data-ref="${id}">${call}</span>\n`;
    const line = files[page].split('\n').findIndex((l) => l.includes(`data-ref="${id}"`)) + 1;
    return {
      id,
      page,
      line,
      shortcode: 'relref',
      path,
      ...(args?.lang ? { lang: args.lang } : {}),
      ...(args?.outputFormat ? { outputFormat: args.outputFormat } : {}),
      pageLang: languageOf(ex, page),
      tags: ['example', ex.name],
    };
  });
  const headless = Object.entries(ex.files)
    .filter(([, text]) => /^headless = true$/m.test(text))
    .map(([file]) => ({ file, lang: languageOf(ex, file) }));
  return { files, refs, languages: languages.map((l) => l.toLowerCase()), headless, summary: `example ${ex.name}: ${ex.rule}` };
}
