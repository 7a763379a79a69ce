import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import { type Lang, localize, type Message, msg } from '../core/l10n';
import { stripBom } from '../core/text';
import { labelLangOf, medguidePlugin, pageLabelLang, pageLanguageTag, type CollapseMode, type FrontMatterMode } from '../core/markdown';
import { FRONT_MATTER_TOKEN, type FrontMatterMeta } from '../core/markdown/frontMatter';
import { safeText } from '../core/markdown/escape';
import { SiteWorkspace } from '../core/site';
import { languageFromName } from '../core/site/contentFiles';
import { envLang, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from './io';
import { readArgs } from './args';
import { fromHostPath, NodeHost, toHostPath } from './nodeHost';
import { publishedUrls } from './pageUrl';

/**
 * `medguide render page.md`: the HTML the editor preview shows, on stdout, so a page can be checked
 * or shared without VS Code. relrefs resolve against the site's `content/` folder and link to the
 * `.md` files, relative to the page.
 */

export const RENDER_USAGE: Message = msg(`Usage: medguide render [options] <page.md | ->

Prints the preview HTML of a page (to standard output).

Options:
  --standalone                 complete HTML page, styles included
  --lang fr|en                 language of labels (default: LC_ALL, LC_MESSAGES, LANG)
  --front-matter card|table|hide   how the front matter is shown (default: card)
  --collapse open|closed|authored  sections open or folded (default: open)
  -h, --help                   this help
`);

const MESSAGES = {
  unknownOption: msg('Unknown option: {option}'),
  badValue: msg('Invalid value for {option}: “{value}” (expected: {allowed})'),
  missingValue: msg('Missing value for {option}'),
  missingFile: msg('Give the page to render.'),
  tooManyFiles: msg('One page at a time.'),
  unreadable: msg('Cannot read {file}: {reason}'),
  noCss: msg('Styles not found (media/preview.css): page without styles.'),
} satisfies Record<string, Message>;

interface RenderArgs {
  file?: string;
  standalone: boolean;
  lang: Lang;
  frontMatter: FrontMatterMode;
  collapse: CollapseMode;
  help: boolean;
}

type Parsed = { ok: true; args: RenderArgs } | { ok: false; message: string };

function parseArgs(argv: readonly string[], defaultLang: Lang): Parsed {
  const out: RenderArgs = { standalone: false, lang: defaultLang, frontMatter: 'card', collapse: 'open', help: false };
  const lang = (): Lang => out.lang;
  const files: string[] = [];
  const choices: Record<string, readonly string[]> = {
    '--lang': ['fr', 'en'],
    '--front-matter': ['card', 'table', 'hide'],
    '--collapse': ['open', 'closed', 'authored'],
  };
  for (const a of readArgs(argv, { flags: ['--help', '--standalone'], values: Object.keys(choices) })) {
    if (a.kind === 'dashes') continue;
    if (a.kind === 'positional') files.push(a.value);
    else if (a.kind === 'unknown') return { ok: false, message: localize(MESSAGES.unknownOption, lang(), { option: a.raw }) };
    else if (a.kind === 'missing') return { ok: false, message: localize(MESSAGES.missingValue, lang(), { option: a.name }) };
    else if (a.kind === 'flag') {
      if (a.name === '--help') out.help = true;
      else out.standalone = true;
    } else {
      const { name: option, value } = a;
      if (!choices[option].includes(value)) {
        return { ok: false, message: localize(MESSAGES.badValue, lang(), { option, value, allowed: choices[option].join(', ') }) };
      }
      if (option === '--lang') out.lang = value as Lang;
      else if (option === '--front-matter') out.frontMatter = value as FrontMatterMode;
      else out.collapse = value as CollapseMode;
    }
  }
  if (out.help) return { ok: true, args: out };
  if (files.length === 0) return { ok: false, message: localize(MESSAGES.missingFile, lang()) };
  if (files.length > 1) return { ok: false, message: localize(MESSAGES.tooManyFiles, lang()) };
  out.file = files[0];
  return { ok: true, args: out };
}

function toSlash(p: string): string {
  return p.split(sep).join('/');
}

/** media/preview.css, next to the built CLI (dist/) or the sources (src/cli/). */
function findCss(): string | undefined {
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.argv[1] ? dirname(process.argv[1]) : undefined];
  for (const start of starts) {
    if (!start) continue;
    let dir = start;
    for (let i = 0; i < 5; i++) {
      const css = join(dir, 'media', 'preview.css');
      if (existsSync(css)) return readFileSync(css, 'utf8');
      dir = dirname(dir);
    }
  }
  return undefined;
}

/**
 * Enough page styling for a browser without VS Code's own preview stylesheet, with the spacing of
 * VS Code's (markdown.css): blocks have no top margin and a bottom one, so a box never touches the
 * table above it and a box's text starts right under its title.
 */
const BASE_CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.6;max-width:50em;margin:2em auto;padding:0 1em;color:#1f2328;background:#fff}
h1,h2,h3,h4,h5,h6,p,ol,ul,dl,pre{margin-top:0}
h1,h2,h3,h4,h5,h6{font-weight:600;margin-top:24px;margin-bottom:16px;line-height:1.25}
p{margin-bottom:16px}ul,ol,dl{margin-bottom:.7em}li p{margin-bottom:.7em}
table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid rgba(128,128,128,.35);padding:.25em .5em}
blockquote{margin:0 0 1em;padding:0 1em;border-left:4px solid rgba(128,128,128,.35)}
code{font-family:ui-monospace,monospace}`;

export async function render(args: string[], io: CliIo): Promise<number> {
  const defaultLang = envLang(io.env);
  const parsed = parseArgs(args, defaultLang);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n\n${localize(RENDER_USAGE, defaultLang)}`);
    return EXIT_USAGE;
  }
  const opts = parsed.args;
  if (opts.help) {
    io.stdout(localize(RENDER_USAGE, opts.lang));
    return EXIT_OK;
  }

  const fromStdin = opts.file === '-';
  const pagePath = fromStdin ? join(io.cwd, 'stdin.md') : isAbsolute(opts.file!) ? opts.file! : resolve(io.cwd, opts.file!);
  let text: string;
  try {
    text = stripBom(fromStdin ? await io.readStdin() : readFileSync(pagePath, 'utf8'));
  } catch (e) {
    const reason = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
    io.stderr(`${localize(MESSAGES.unreadable, opts.lang, { file: opts.file!, reason })}\n`);
    return EXIT_PROBLEMS;
  }

  // The page's site, read as the editor and `medguide check` read it (one site model).
  const hostPage = toHostPath(pagePath);
  const site = await new SiteWorkspace(new NodeHost(), { lang: opts.lang }).siteFor(hostPage);
  const resolver = site ? await site.resolver(hostPage) : undefined;
  const shortcodes = site ? await site.shortcodes() : undefined;
  // Labels in the page's language (its translation, its site's languages); --lang when they do not say.
  const fileLang = site ? ((await site.page(hostPage))?.file.lang ?? languageFromName(basename(pagePath), new Set(site.languages)).lang) : undefined;
  const labels = pageLabelLang(site?.config, fileLang, opts.lang);
  // A standalone page links to the published site's pages: `.md` files are dead links in a file sent by mail.
  const urls = opts.standalone && site ? await publishedUrls(site) : undefined;

  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  medguidePlugin(md, {
    getOptions: () => ({ lang: labels, frontMatter: opts.frontMatter, collapse: opts.collapse, ...(shortcodes ? { alertShortcodes: shortcodes.alerts, pairedShortcodes: shortcodes.paired, standaloneShortcodes: [...(shortcodes.standalone ?? [])] } : {}) }),
    getRefResolver: () => resolver,
    getCurrentPage: () => hostPage,
    resolveHref: (file, anchor) => {
      const hash = anchor ? `#${anchor}` : '';
      if (file === hostPage && hash) return hash;
      if (urls) {
        const url = urls.get(file) ?? (file.startsWith('/') ? undefined : `/${file.replace(/^\/+/, '')}`);
        if (url !== undefined) return url + hash;
      }
      return toSlash(relative(dirname(pagePath), fromHostPath(file))) + hash;
    },
  });
  const env = {};
  const tokens = md.parse(text, env);
  const body = md.renderer.render(tokens, md.options, env);
  if (!opts.standalone) {
    io.stdout(body);
    return EXIT_OK;
  }
  const css = findCss();
  if (css === undefined) io.stderr(`${localize(MESSAGES.noCss, opts.lang)}\n`);
  const fm = tokens.find((t) => t.type === FRONT_MATTER_TOKEN)?.meta as FrontMatterMeta | undefined;
  const title = typeof fm?.data?.title === 'string' ? fm.data.title : basename(pagePath);
  // <html lang>: the page's own language tag (`fr-fr`, `en`…), else the labels' language.
  const htmlLang = pageLanguageTag(site?.config, fileLang, fm?.data?.lang) ?? labelLangOf(fm?.data?.lang) ?? labels;
  io.stdout(
    `<!DOCTYPE html>\n<html lang="${safeText(htmlLang)}">\n<head>\n<meta charset="utf-8">\n` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${safeText(title)}</title>\n` +
      `<style>\n${BASE_CSS}\n${(css ?? '').replace(/<\/style/gi, '<\\/style')}\n</style>\n</head>\n` +
      `<body class="vscode-body vscode-light medguide-standalone">\n${body}</body>\n</html>\n`,
  );
  return EXIT_OK;
}
