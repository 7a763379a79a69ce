#!/usr/bin/env node
// `node scripts/real-sites.mjs [options] [name=]<site-dir>...`: MedGuide's false alarms measured
// against Hugo itself on real, public Hugo sites. A report, never a pass/fail gate.
//
// For each site folder (the folder holding its hugo.toml / config.toml / config/_default/):
//   1. Hugo is the judge. The site is copied under the work folder (the folder given is only
//      read); its layouts, themes, static and assets are left out. Stub layouts replace them:
//      single/list/home templates printing each page's `.Content` (then the content of its Markdown
//      bundle resources), one stub per shortcode name the content uses (printing `.Inner` when the
//      name is ever closed, so refs nested in shortcodes still run), and `ref` / `relref` templates
//      making exactly the call of Hugo's embedded ones (`{{ ref . .Params }}`) and printing, after
//      the link, a marker with the page, the position and the result. The home page of each
//      language also asks `site.GetPage` for every content file and renders the pages Hugo knows
//      but does not render itself (headless bundles, `_build.render = never`): "forced".
//      A config file added in the copy (config/production/zzz-realsites/hugo.toml, read after the
//      site's own, config/_default/ included) sets `theme = []`, `module.imports = []`,
//      `enableGitInfo = false`, `refLinksErrorLevel = "WARNING"`: the build runs offline and reports
//      every broken ref (`REF_NOT_FOUND`) instead of stopping. Settings this Hugo refuses outright
//      (newer permalink tokens, output formats of the removed theme, goldmark tables that were
//      booleans) get a stand-in there, listed as "config adapted". A second build with Hugo's
//      embedded `ref` / `relref` (no markers) checks that the markers changed no REF_NOT_FOUND report.
//   2. MedGuide: `node <cli> check --format json --lang en` run in the site folder. When it cannot
//      run there (exit 2: no site found, no content/ folder), it runs again on the content folders
//      Hugo reads, given as paths ("fallback"), or with --root-marker in a shadow folder holding an
//      empty .medguide.toml.
//   3. Each relref-not-found / relref-ambiguous finding is matched with Hugo's verdict on the same
//      page and ref: false (Hugo resolved it), confirmed (Hugo reported it), unjudged (Hugo never
//      ran it: page not built…) or artefact. Hugo's broken refs MedGuide did not report are
//      "missed". Artefacts, left out of both: refs Hugo 0.111 cannot resolve but newer Hugo does
//      (`.Page.GetPage` finds the page once a trailing slash, `//`, `.md`, `_index.md` or a
//      language suffix is dropped), refs in files Hugo does not render itself (their real context
//      is wherever a theme includes them), targets under a content mount whose source is absent.
//      Each false finding gets a cause (a heuristic from Hugo's view of the page and its target;
//      with dist/core.js of the CLI's repository, MedGuide's resolver is also run on Hugo's page list to
//      tell "page model" from "resolution rule"). relref-anchor findings are false when the HTML
//      Hugo wrote for the target page has that id or an `<a name>` of it, which browsers follow too
//      (otherwise unjudged: the theme may add it).
//      `frontmatter-missing` findings are classified by what Hugo does with the file (page,
//      page not rendered, bundle resource, not built and why, not content at all).
// Prints a table per site and totals; writes everything, with examples, to
// test-results/real-sites.json.
//
// Prerequisites: Hugo (measured with Debian's hugo 0.111.3 extended, /usr/bin/hugo) and the CLI:
// `node scripts/build.mjs --only=cli,core`.
//
// Getting the sites (their content never goes into this repository; each licence checked in its
// LICENSE file). Figures of 2026-12 were taken on these commits; other checkouts work too:
//   dapr/docs                   CC-BY-4.0     0748da594aae  site: docs/daprdocs. Its content mounts
//       need the submodules sdkdocs/{dotnet,go,java,js,php,python,rust}, sdkdocs/pluggable-components/
//       {dotnet,go} (dapr/*-sdk, dapr-sandbox/components-*-sdk, Apache-2.0) and translations/docs-zh
//       (dapr/docs-zh, CC-BY-4.0), at the commits the docs repository pins (git submodule update --init)
//   nginx/documentation         BSD-2-Clause  76d2906026e5  site: documentation (config/_default/ only)
//   apache/flink-web            Apache-2.0    aa5b0b18dc0a  site: flink-web/docs
//   matcornic/hugo-theme-learn  MIT           3202533a746f  site: hugo-theme-learn/exampleSite
//   google/docsy-example        Apache-2.0    0280eba1fb7b  site: docsy-example
//   alex-shpak/hugo-book        MIT           162c806e991b  site: hugo-book/exampleSite
//   gohugoio/hugoDocs           Apache-2.0    1c613349f422  site: hugoDocs
//   jpanther/congo              MIT           7fe9db858dfb  site: a copy of congo/exampleSite with the theme
//       (the repository without exampleSite/) in its themes/congo/, as a user installs it
//   razonyang/hugo-theme-bootstrap MIT        6424069c0b7f  site: hugo-theme-bootstrap/exampleSite (TOML front
//       matter, config/_default/ with config.<lang>.toml files, translations by file name)
//   google/docsy                Apache-2.0    83c5cc14ee6a  site: docsy/docsy.dev (content/en and content/fr
//       mounted, files of the repository mounted one by one; the one outside content/ that has no finding
//       is counted "not checked": the judge knows MedGuide's files only by its folders and findings)
//   imfing/hextra               MIT           a3dc81e01959  site: hextra/docs (YAML front matter, languages
//       en, fa, ja, zh-cn by file name). It needs Hugo 0.146+: for Hugo 0.111 to judge it, write `relref`
//       for its `relRef` in a copy first (what MedGuide's `shortcode-hugo-version` says of them)
// e.g. clone dapr/docs, then `git -C docs submodule update --init sdkdocs translations`. From a bare
// snapshot: `git --git-dir=<it> archive <commit> | tar -x -C <dest>`. Themes are not needed.
//
// Example (the 2026-12 "before" run):
//   node scripts/real-sites.mjs --work /tmp/realsites/work --keep dapr=/tmp/realsites/dapr-docs/daprdocs \
//     nginx=/tmp/realsites/nginx-docs flink-web=/tmp/realsites/flink-web/docs \
//     hugo-theme-learn=/tmp/realsites/hugo-theme-learn/exampleSite docsy-example=/tmp/realsites/docsy-example \
//     hugo-book=/tmp/realsites/hugo-book/exampleSite hugoDocs=/tmp/realsites/hugoDocs
// Options:
//   --hugo PATH      Hugo binary (default: hugo)
//   --cli PATH       MedGuide CLI (default: packages/cli/dist/cli.js of this repository; core.js is
//                    taken from the repository's dist/). To measure a commit without touching the working tree:
//                    git archive <commit> | tar -x -C /tmp/mg && ln -s $PWD/node_modules /tmp/mg/
//                    && (cd /tmp/mg && node scripts/build.mjs --only=cli,core), then --cli /tmp/mg/packages/cli/dist/cli.js
//   --out FILE       JSON report (default: test-results/real-sites.json)
//   --work DIR       where copies, layouts (<name>-layouts/), Hugo output and logs go
//                    (default: a fresh folder under os.tmpdir(), removed at the end)
//   --keep           keep the Hugo output in the work folder
//   --label TEXT     recorded in the JSON (e.g. "before: 074e112")
//   --no-verify      skip the second Hugo build with the embedded ref/relref templates
//   --root-marker    when MedGuide finds no site (config/_default/ only), run it in a shadow folder
//                    with an empty .medguide.toml instead of passing the content folders as paths
//   --examples N     examples kept per category in the JSON (default 25)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const o = {
    hugo: 'hugo',
    cli: path.join(repoRoot, 'packages', 'cli', 'dist', 'cli.js'),
    out: path.join(repoRoot, 'test-results', 'real-sites.json'),
    work: undefined,
    keep: false,
    verify: true,
    rootMarker: false,
    label: undefined,
    examples: 25,
    sites: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value after ${a}`);
      return v;
    };
    if (a === '--hugo') o.hugo = value();
    else if (a === '--cli') o.cli = path.resolve(value());
    else if (a === '--out') o.out = path.resolve(value());
    else if (a === '--work') o.work = path.resolve(value());
    else if (a === '--keep') o.keep = true;
    else if (a === '--no-verify') o.verify = false;
    else if (a === '--root-marker') o.rootMarker = true;
    else if (a === '--label') o.label = value();
    else if (a === '--examples') o.examples = Number(value());
    else if (a === '-h' || a === '--help') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0].replace(/^#!.*\n/, '').replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else {
      const eq = a.indexOf('=');
      const dir = path.resolve(eq > 0 ? a.slice(eq + 1) : a);
      o.sites.push({ name: eq > 0 ? a.slice(0, eq) : defaultName(dir), dir });
    }
  }
  return o;
}

function defaultName(dir) {
  const base = path.basename(dir);
  return ['exampleSite', 'docs', 'site', 'website', 'www'].includes(base) ? `${path.basename(path.dirname(dir))}-${base}` : base;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const posix = (p) => p.split(path.sep).join('/');
const CONTENT_EXT = /\.(md|markdown|html|htm)$/i;
const MEDGUIDE_EXT = /\.(md|markdown)$/i;

function walkFiles(dir, keep = () => true, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '.git' && e.name !== 'node_modules') walkFiles(p, keep, out);
    } else if (e.isFile() && keep(p)) out.push(p);
  }
  return out;
}

function run(cmd, args, options = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 30 * 60 * 1000, ...options });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error, ms: Date.now() - started };
}

function isUnder(file, dir) {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function countBy(items, key) {
  const out = {};
  for (const it of items) {
    const k = typeof key === 'function' ? key(it) : it[key];
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** The first lines of a file that hold its front matter (any format), for feature counts. */
function frontMatterOf(text) {
  const t = text.replace(/^\uFEFF/, '');
  const m = /^(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(\r?\n|$)/.exec(t);
  if (m) return { format: m[1] === '---' ? 'yaml' : 'toml', body: m[2] };
  if (/^\s*\{/.test(t)) return { format: 'json', body: t.slice(0, 4000) };
  return { format: 'none', body: '' };
}

// ---------------------------------------------------------------------------------------------
// Hugo's configuration as Hugo 0.111 prints it (`hugo config`: `key = value`, Go map syntax)

/** Top-level keys of a Go `map[k:v k2:map[…]]` value. */
function goMapKeys(value) {
  const keys = [];
  if (!value.startsWith('map[')) return keys;
  let depth = 0;
  let token = '';
  for (let i = 4; i < value.length - 1; i++) {
    const c = value[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    if (depth === 0 && c === ':' && /^[^\s:]+$/.test(token)) {
      keys.push(token);
      token = '';
      continue;
    }
    if (depth === 0 && c === ' ') token = '';
    else if (depth === 0) token += c;
  }
  return keys;
}

/** The `map[…]` value following `key:` at the top level of a Go map. */
function goMapEntry(value, key) {
  const at = value.indexOf(`${key}:map[`);
  if (at < 0) return undefined;
  let depth = 0;
  const start = at + key.length + 1;
  for (let i = start; i < value.length; i++) {
    if (value[i] === '[') depth++;
    else if (value[i] === ']' && --depth === 0) return value.slice(start, i + 1);
  }
  return undefined;
}

function parseHugoConfig(text) {
  const lines = new Map();
  for (const line of text.split('\n')) {
    const m = /^([a-z0-9_.]+)(?: = |: )(.*)$/.exec(line);
    if (m) lines.set(m[1], m[2]);
  }
  const str = (k) => {
    const v = lines.get(k);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  };
  const languagesValue = lines.get('languages') ?? '';
  const languages = goMapKeys(languagesValue).map((code) => {
    const body = goMapEntry(languagesValue, code) ?? '';
    const cd = /(?:^|[\s[])contentdir:(\S+?)(?=[\s\]])/.exec(body);
    const disabled = /(?:^|[\s[])disabled:true/.test(body);
    return { code, contentDir: cd ? cd[1] : undefined, disabled };
  });
  const moduleValue = lines.get('module') ?? '';
  const mounts = [];
  const mountsAt = moduleValue.indexOf('mounts:[');
  if (mountsAt >= 0) {
    for (const m of moduleValue.slice(mountsAt).matchAll(/map\[([^[\]]*)\]/g)) {
      const get = (k) => new RegExp(`(?:^|\\s)${k}:(\\S+)`).exec(m[1])?.[1];
      if (get('source') && get('target')) mounts.push({ source: get('source'), target: get('target'), lang: get('lang') });
    }
  }
  let ignoreFiles = [];
  const ig = lines.get('ignorefiles');
  if (ig) {
    try {
      ignoreFiles = JSON.parse(ig);
    } catch {
      ignoreFiles = [...ig.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`));
    }
  }
  let disableLanguages = [];
  const dl = lines.get('disablelanguages');
  if (dl) disableLanguages = [...dl.matchAll(/[\w-]+/g)].map((m) => m[0]);
  return {
    baseURL: str('baseurl'),
    contentDir: str('contentdir'),
    defaultContentLanguage: str('defaultcontentlanguage'),
    defaultContentLanguageInSubdir: str('defaultcontentlanguageinsubdir') === true || lines.get('defaultcontentlanguageinsubdir') === 'true',
    languages,
    disableLanguages,
    ignoreFiles,
    configuredMounts: mounts,
    refLinksErrorLevel: str('reflinkserrorlevel'),
    refLinksNotFoundURL: str('reflinksnotfoundurl'),
  };
}

/** `hugo config mounts`: one JSON object per module, one after the other. */
function parseMounts(text) {
  const out = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The replacement layouts

const NOT_FOUND_URL = '/realsites-ref-not-found';

const PAGE_PARTIAL = `{{- $p := .p -}}
{{- $res := slice -}}
{{- range $p.Resources.ByType "page" -}}{{- with .File -}}{{- $res = $res | append .Filename -}}{{- end -}}{{- end -}}
{{- $f := "" -}}{{- with $p.File -}}{{- $f = .Filename -}}{{- end -}}
RSPAGE:{{ dict "f" $f "k" $p.Kind "l" $p.Lang "u" $p.RelPermalink "h" .how "r" $res | jsonify | base64Encode }}:RSEND
`;

const PAGE_TEMPLATE = `{{ partial "realsites-page.html" (dict "p" . "how" "rendered") }}
{{ .Content }}
RSCONTENTEND
{{ range .Resources.ByType "page" }}{{ .Content }}{{ end }}
`;

const HOME_TEMPLATE = `${PAGE_TEMPLATE}
{{- $candidates := os.ReadFile "realsites-candidates.json" | transform.Unmarshal -}}
{{- range $candidates -}}
  {{- $f := .f -}}
  {{- with site.GetPage .p -}}
    {{- $same := false -}}{{- with .File -}}{{- $same = eq .Filename $f -}}{{- end -}}
    {{- if $same }}
{{ partial "realsites-page.html" (dict "p" . "how" "forced") }}
{{ .Content }}
{{ range .Resources.ByType "page" }}{{ .Content }}{{ end }}
    {{- end -}}
  {{- end -}}
{{- end -}}
`;

// Hugo 0.111's embedded templates are `{{ ref . .Params }}` and `{{ relref . .Params }}`: the same
// call, then a marker after the link it returns. When Hugo finds no page, the marker also says
// whether `.Page.GetPage` (no log, no effect on the verdict) finds one for the path written without
// a trailing slash or without `.md` / `_index.md` / `index.md` / a language suffix: spellings that
// newer Hugo versions resolve and 0.111 does not.
const refTemplate = (fn) => `{{- $u := ${fn} . .Params -}}
{{- $alt := "" -}}
{{- if in $u "${NOT_FOUND_URL}" -}}
  {{- $p := "" -}}
  {{- if .IsNamedParams }}{{ $p = .Get "path" }}{{ else }}{{ $p = .Get 0 }}{{ end -}}
  {{- $p = replaceRE "[#?].*$" "" (printf "%v" $p) -}}
  {{- $tries := slice (strings.TrimSuffix "/" $p) (replaceRE "//+" "/" $p) (replaceRE "(/_?index)?([.][a-zA-Z-]+)?[.](md|markdown)$" "" $p) (replaceRE "([.][a-zA-Z-]+)?[.](md|markdown)$" "" $p) -}}
  {{- range $tries -}}
    {{- if and (ne . "") (ne . $p) (eq $alt "") -}}
      {{- with $.Page.GetPage . -}}{{- $alt = "(page without file)" -}}{{- with .File -}}{{- $alt = .Filename -}}{{- end -}}{{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- $u }}RSREF:{{ $f := "" }}{{ with .Page.File }}{{ $f = .Filename }}{{ end }}{{ dict "f" $f "p" .Position.String "a" .Params "u" $u "fn" "${fn}" "alt" $alt | jsonify | base64Encode }}:RSEND`;

const STUB_PAIRED = '{{- with .Inner -}}{{ . }}{{- end -}}\n';
const STUB_SINGLE = '{{- /* stub */ -}}\n';

// Shortcode names a text uses (opening and closing tags; not the escaped `{{</* name */>}}` ones).
// `closed` gets the names that have a closing tag somewhere: only their stubs may mention `.Inner`
// (Hugo 0.111 wants a shortcode whose template uses `.Inner` to be closed or self-closed).
function shortcodeNames(text, out, closed) {
  for (const m of text.matchAll(/\{\{([<%])-?\s*(\/\*)?\s*(\/?)\s*([A-Za-z0-9_][A-Za-z0-9_.\/-]*)/g)) {
    if (m[2]) continue;
    const name = m[4].replace(/\/+$/, '');
    if (name === '' || name.includes('..') || name.length > 120 || name.endsWith('.inline')) continue;
    out.add(name);
    if (m[3]) closed.add(name);
  }
  // Self-closed (`{{< name … />}}`): Hugo 0.111 wants `.Inner` in those templates too.
  for (const m of text.matchAll(/\{\{[<%]-?\s*([A-Za-z0-9_][A-Za-z0-9_.\/-]*)(?:\s[^{}]*?)?\/\s*-?[>%]\}\}/g)) closed.add(m[1].replace(/\/+$/, ''));
  return out;
}

function writeLayouts(dir, names, closed, { instrumented }) {
  rmSync(dir, { recursive: true, force: true });
  const put = (rel, text) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  put('partials/realsites-page.html', PAGE_PARTIAL);
  put('_default/single.html', PAGE_TEMPLATE);
  put('_default/list.html', PAGE_TEMPLATE);
  put('index.html', HOME_TEMPLATE);
  for (const name of names) {
    const key = name.toLowerCase();
    if (key === 'ref' || key === 'relref') continue;
    const stub = closed.has(name) ? STUB_PAIRED : STUB_SINGLE;
    put(`shortcodes/${name}.html`, stub);
    if (key !== name) put(`shortcodes/${key}.html`, stub);
  }
  if (instrumented) {
    put('shortcodes/ref.html', refTemplate('ref'));
    put('shortcodes/relref.html', refTemplate('relref'));
  }
}

/** The config file added in the copy; `extra` holds tables added to get past Hugo 0.111's refusals. */
function overrideConfig(extra) {
  const q = (k) => JSON.stringify(k);
  let text = `# Added by scripts/real-sites.mjs in a throw-away copy of the site: read after the site's own config.
theme = []
enableGitInfo = false
refLinksErrorLevel = "WARNING"
refLinksNotFoundURL = "${NOT_FOUND_URL}"
timeout = "600s"
[module]
  imports = []
  workspace = "off"
[minify]
  minifyOutput = false
`;
  for (const [table, entries] of Object.entries(extra.tables)) {
    text += `[${table}]\n`;
    for (const [k, v] of Object.entries(entries)) text += `  ${q(k)} = ${JSON.stringify(v)}\n`;
  }
  return text;
}

/** Permalink tokens Hugo 0.111 knows (resources/page/permalinks.go). */
const PERMALINK_TOKENS = new Set(['year', 'month', 'monthname', 'day', 'weekday', 'weekdayname', 'yearday', 'section', 'sections', 'title', 'slug', 'slugorfilename', 'filename']);

/** The site's config files: the root one(s) and those under config/. */
function siteConfigFiles(siteDir) {
  const root = readdirSync(siteDir).filter((n) => /^(hugo|config)\.(toml|ya?ml|json)$/i.test(n)).map((n) => path.join(siteDir, n));
  return [...root, ...walkFiles(path.join(siteDir, 'config'), (p) => /\.(toml|ya?ml|json)$/i.test(p))];
}

/** The key a permalink pattern is written under, read from the config files' text. */
function permalinkKey(siteDir, pattern) {
  const lit = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*(["']?)([^"'=:\\s]+)\\1\\s*[=:]\\s*["']?${lit}["']?\\s*(#.*)?$`, 'm');
  for (const f of siteConfigFiles(siteDir)) {
    const m = re.exec(readFileSync(f, 'utf8'));
    if (m) return m[2];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Hugo's side

/** Copies the site into work/tree/<absolute path of the site>, without what the stubs replace. */
function copySite(siteDir, tree) {
  const dest = path.join(tree, siteDir);
  const skipTop = new Set(['.git', 'node_modules', 'public', 'resources', 'themes', 'layouts', '_vendor', 'static', 'assets', '.hugo_build.lock']);
  cpSync(siteDir, dest, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(siteDir, src);
      if (rel === '') return true;
      const parts = rel.split(path.sep);
      if (parts.length === 1 && skipTop.has(parts[0])) return false;
      return !parts.includes('.git') && !parts.includes('node_modules');
    },
  });
  return dest;
}

/**
 * Hugo's view of the copy's config. Hugo 0.111 refuses some newer settings outright (permalink
 * tokens such as `:contentbasename`, output formats a removed theme defined): each refusal is
 * answered in the override file (same key, a token 0.111 knows; a plain HTML output format) and
 * Hugo asked again. What was changed is returned and reported.
 */
function hugoConfig(o, site, copy, overrideFile) {
  const extra = { tables: {} };
  const set = (table, key, value) => ((extra.tables[table] ??= {})[key] = value);
  const has = (table, key) => extra.tables[table] && key in extra.tables[table];
  const adaptations = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    writeFileSync(overrideFile, overrideConfig(extra));
    const c = run(o.hugo, ['config', '--source', copy, '--environment', 'production'], { cwd: copy });
    const err = `${c.stderr}\n${c.stdout}`;
    if (c.status === 0) {
      const m = run(o.hugo, ['config', 'mounts', '--source', copy, '--environment', 'production'], { cwd: copy });
      if (m.status !== 0) throw new Error(`hugo config mounts failed: ${(m.stderr || m.stdout).slice(0, 2000)}`);
      return { config: parseHugoConfig(c.stdout), modules: parseMounts(m.stdout), adaptations };
    }
    let m = /error expanding "([^"]*)": permalink ill-formed/.exec(err);
    if (m) {
      const key = permalinkKey(site.dir, m[1]);
      if (key && !has('permalinks', key)) {
        const fixed = m[1].replace(/:(\w+)(\[[^\]]*\])?/g, (all, name) => (PERMALINK_TOKENS.has(name) ? all : name.startsWith('slug') ? ':slugorfilename' : ':filename'));
        set('permalinks', key, fixed);
        adaptations.push(`permalinks.${key}: ${m[1]} → ${fixed} (token unknown to this Hugo)`);
        continue;
      }
    }
    m = /failed to resolve output format "([^"]+)"/.exec(err);
    if (m && !has(`outputFormats.${JSON.stringify(m[1])}`, 'mediaType')) {
      const t = `outputFormats.${JSON.stringify(m[1])}`;
      set(t, 'mediaType', 'text/html');
      set(t, 'baseName', 'index');
      set(t, 'path', `realsites-${m[1]}`);
      set(t, 'isHTML', true);
      adaptations.push(`outputFormats.${m[1]} defined as plain HTML (the theme defining it is not loaded)`);
      continue;
    }
    // A markup setting whose shape changed since (e.g. goldmark.extensions.typographer, a table in
    // newer Hugo, a boolean in 0.111): back to this Hugo's default.
    m = /'((?:Goldmark|Highlight|TableOfContents|AsciidocExt)(?:\.\w+)*)\.(\w+)' expected type 'bool', got unconvertible type/.exec(err);
    if (m) {
      const table = `markup.${m[1].toLowerCase()}`;
      const key = m[2].toLowerCase();
      if (!has(table, key)) {
        set(table, key, true);
        adaptations.push(`${table}.${key} = true (a table in the site's config, a boolean in this Hugo)`);
        continue;
      }
    }
    throw new Error(`hugo config failed: ${err.trim().slice(0, 2000)}`);
  }
  throw new Error('hugo config: too many adaptations');
}

function parseMarkers(publicDir) {
  const pages = [];
  const refs = [];
  for (const file of walkFiles(publicDir, (p) => /\.(html|htm|xml|json|txt|md)$/i.test(p))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('RSEND')) continue;
    for (const m of text.matchAll(/RS(PAGE|REF):([A-Za-z0-9+/=]+):RSEND/g)) {
      let data;
      try {
        data = JSON.parse(Buffer.from(m[2], 'base64').toString('utf8'));
      } catch {
        continue;
      }
      if (m[1] === 'PAGE') data.out = file;
      (m[1] === 'PAGE' ? pages : refs).push(data);
    }
  }
  return { pages, refs };
}

function parseRefWarnings(log) {
  const out = [];
  for (const line of log.split('\n')) {
    const i = line.indexOf('REF_NOT_FOUND: ');
    if (i < 0) continue;
    const rest = line.slice(i + 'REF_NOT_FOUND: '.length);
    let m = /^Ref "((?:[^"\\]|\\.)*)": "(.*):(\d+):(\d+)": (.*)$/.exec(rest);
    if (m) {
      out.push({ ref: JSON.parse(`"${m[1]}"`), file: m[2], line: Number(m[3]), col: Number(m[4]), what: m[5], text: rest });
      continue;
    }
    m = /^Ref "((?:[^"\\]|\\.)*)"(?: from page "(.*)")?: (.*)$/.exec(rest);
    if (m) out.push({ ref: JSON.parse(`"${m[1]}"`), page: m[2], what: m[3], text: rest });
    else out.push({ text: rest });
  }
  return out;
}

function parseHugoPageTable(log) {
  // `  Pages            | 12 | 5` under `| EN | FR`.
  const m = /^\s*Pages\s*\|([^\n]*)$/m.exec(log);
  return m ? m[1].split('|').map((s) => Number(s.trim())).filter((n) => Number.isFinite(n)).reduce((a, b) => a + b, 0) : undefined;
}

function buildWithHugo(o, copy, work, label) {
  const dest = path.join(work, `public-${label}`);
  rmSync(dest, { recursive: true, force: true });
  const args = ['--source', copy, '--destination', dest, '--cacheDir', path.join(work, 'cache'), '--environment', 'production', '--noBuildLock'];
  const r = run(o.hugo, args, { cwd: copy });
  const log = `${r.stdout}\n${r.stderr}`;
  writeFileSync(path.join(work, `hugo-${label}.log`), `$ ${o.hugo} ${args.join(' ')}\n${log}`);
  return { status: r.status, ms: r.ms, log, dest };
}

// ---------------------------------------------------------------------------------------------
// MedGuide's side

function runMedGuide(o, siteDir, fallbackPaths, shadowDir) {
  const base = ['check', '--format', 'json', '--lang', 'en'];
  let r = run(process.execPath, [o.cli, ...base], { cwd: siteDir });
  let mode = 'site root';
  let firstError;
  let cwd = siteDir;
  if (r.status === 2 && o.rootMarker && /No Hugo site found/.test(r.stderr)) {
    // --root-marker: what MedGuide says once it knows where the site is (an empty .medguide.toml
    // in a shadow folder whose entries are symbolic links to the site's).
    firstError = r.stderr.trim();
    rmSync(shadowDir, { recursive: true, force: true });
    mkdirSync(shadowDir, { recursive: true });
    for (const e of readdirSync(siteDir)) symlinkSync(path.join(siteDir, e), path.join(shadowDir, e));
    writeFileSync(path.join(shadowDir, '.medguide.toml'), '');
    mode = 'site root (marked by an added .medguide.toml, --root-marker)';
    cwd = shadowDir;
    r = run(process.execPath, [o.cli, ...base], { cwd });
  } else if (r.status === 2 && fallbackPaths.length > 0) {
    firstError = r.stderr.trim();
    mode = `fallback: ${fallbackPaths.join(' ')}`;
    r = run(process.execPath, [o.cli, ...base, ...fallbackPaths], { cwd: siteDir });
  }
  let findings = [];
  try {
    findings = r.stdout.trim() ? JSON.parse(r.stdout) : [];
  } catch (e) {
    throw new Error(`medguide check output is not JSON (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  const summary = /(\d+) file\(s\) checked/.exec(r.stderr);
  const scope = mode.startsWith('fallback: ') ? fallbackPaths.map((p) => path.resolve(siteDir, p)) : [path.join(siteDir, 'content')];
  return { status: r.status, mode, firstError, findings, filesChecked: summary ? Number(summary[1]) : undefined, stderr: r.stderr.trim(), ms: r.ms, scope };
}

// ---------------------------------------------------------------------------------------------
// One site

function refPathOf(args) {
  if (Array.isArray(args)) return typeof args[0] === 'string' ? args[0] : undefined;
  if (args && typeof args === 'object') return typeof args.path === 'string' ? args.path : undefined;
  return undefined;
}

function parsePosition(s) {
  const m = /^"?(.*):(\d+):(\d+)"?$/.exec(s ?? '');
  return m ? { file: m[1], line: Number(m[2]), col: Number(m[3]) } : undefined;
}

const stripFragment = (ref) => ref.replace(/[#?].*$/, '');

/** dist/core.js of the CLI's repository (packages/cli/dist/cli.js → dist/core.js, built by the same `node scripts/build.mjs --only=cli,core`), if there. */
function corePath(cli) {
  return path.join(path.dirname(cli), '..', '..', '..', 'dist', 'core.js');
}

function loadCore(cli) {
  try {
    return require(corePath(cli));
  } catch {
    return undefined;
  }
}

async function measureSite(o, site, workRoot, core) {
  const t0 = Date.now();
  const work = path.join(workRoot, site.name);
  const layoutsDir = path.join(workRoot, `${site.name}-layouts`);
  for (const mine of [work, layoutsDir]) {
    if (mine === site.dir || isUnder(site.dir, mine) || isUnder(mine, site.dir)) throw new Error(`the work folder ${mine} overlaps the site folder: choose another --work or site name`);
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const tree = path.join(work, 'tree');
  const result = { name: site.name, dir: site.dir };
  const gitHead = run('git', ['-C', site.dir, 'rev-parse', 'HEAD']);
  if (gitHead.status === 0) result.commit = gitHead.stdout.trim();

  // --- The copy, its config override, Hugo's view of the config.
  const copy = copySite(site.dir, tree);
  const toOriginal = (p) => (p && isUnder(p, tree) ? path.join('/', path.relative(tree, p)) : p);
  const toCopy = (p) => path.join(tree, p);
  const overrideDir = path.join(copy, 'config', 'production', 'zzz-realsites');
  mkdirSync(overrideDir, { recursive: true });
  const overrideFile = path.join(overrideDir, 'hugo.toml');
  let { config, modules, adaptations } = hugoConfig(o, site, copy, overrideFile);
  // Content mounts reaching outside the copied folder (`../sdkdocs/…`) or into a folder left out
  // of the copy (static/…): copied from the original when it has them.
  const contentMountsConfigured = config.configuredMounts.filter((m) => m.target === 'content' || m.target.startsWith('content/'));
  let copiedMore = false;
  for (const m of contentMountsConfigured) {
    const orig = path.resolve(site.dir, m.source);
    const inCopy = toCopy(orig);
    if (existsSync(orig) && !existsSync(inCopy)) {
      cpSync(orig, inCopy, { recursive: true, filter: (src) => !src.split(path.sep).includes('.git') });
      copiedMore = true;
    }
  }
  if (copiedMore) ({ config, modules, adaptations } = hugoConfig(o, site, copy, overrideFile));
  const project = modules.find((m) => m.path === 'project') ?? modules[0];
  const contentMounts = (project?.mounts ?? [])
    .filter((m) => m.target === 'content' || m.target.startsWith('content/'))
    .map((m) => ({ ...m, abs: path.resolve(project.dir, m.source), prefix: m.target.replace(/^content\/?/, '').replace(/\/+$/, '') }));
  const absentMounts = contentMountsConfigured
    .filter((m) => !existsSync(path.resolve(site.dir, m.source)))
    .map((m) => ({ source: m.source, target: m.target, lang: m.lang, prefix: m.target.replace(/^content\/?/, '').replace(/\/+$/, '') }));
  const langCodes = config.languages.map((l) => l.code);
  const langSuffix = new RegExp(`\\.(${langCodes.map((c) => c.replace(/[-]/g, '\\-')).join('|') || '$^'})\\.(md|markdown|html|htm)$`, 'i');

  // --- Content files Hugo may read: candidates for GetPage, shortcode names, features.
  const candidates = [];
  const hugoLogical = new Map(); // original file → { lang, path (content-relative, Hugo's tree) }
  const names = new Set();
  const closedNames = new Set();
  const features = {
    frontMatter: {},
    headless: 0,
    buildOptions: 0,
    cascade: 0,
    draft: 0,
    translatedByFileName: 0,
    leafBundles: 0,
    branchBundles: 0,
    refShortcodes: 0,
    refPages: 0,
  };
  for (const m of contentMounts) {
    for (const f of walkFiles(m.abs, (p) => CONTENT_EXT.test(p))) {
      const rel = posix(path.relative(m.abs, f));
      const p = '/' + (m.prefix ? `${m.prefix}/${rel}` : rel);
      candidates.push({ f, p, l: m.lang ?? '' });
      const orig = toOriginal(f);
      hugoLogical.set(orig, { lang: m.lang ?? config.defaultContentLanguage, path: p.slice(1), mount: m.source });
      const text = readFileSync(f, 'utf8');
      shortcodeNames(text, names, closedNames);
      if (!MEDGUIDE_EXT.test(f)) continue;
      const fm = frontMatterOf(text);
      features.frontMatter[fm.format] = (features.frontMatter[fm.format] ?? 0) + 1;
      if (/^\s*headless\s*[:=]\s*true/m.test(fm.body)) features.headless++;
      if (/^\s*_?build\s*[:=]|^\s*\[_?build\]/m.test(fm.body)) features.buildOptions++;
      if (/^\s*cascade\s*[:=]|^\s*\[+cascade/m.test(fm.body)) features.cascade++;
      if (/^\s*draft\s*[:=]\s*true/m.test(fm.body)) features.draft++;
      if (langSuffix.test(f)) features.translatedByFileName++;
      if (/^index(\.[\w-]+)?\.(md|markdown|html)$/i.test(path.basename(f))) features.leafBundles++;
      if (/^_index(\.[\w-]+)?\.(md|markdown|html)$/i.test(path.basename(f))) features.branchBundles++;
      const refs = (text.match(/\{\{[<%]-?\s*(rel)?ref[\s"]/g) ?? []).length;
      features.refShortcodes += refs;
      if (refs) features.refPages++;
    }
  }
  writeFileSync(path.join(copy, 'realsites-candidates.json'), JSON.stringify(candidates.map(({ f, p }) => ({ f, p }))));
  const siteOverrides = ['ref', 'relref'].filter((n) =>
    [path.join(site.dir, 'layouts', 'shortcodes'), path.join(site.dir, 'themes')].some((d) =>
      walkFiles(d, (p) => new RegExp(`[/\\\\]shortcodes[/\\\\]${n}\\.html$`).test(p)).length > 0,
    ),
  );

  // --- Hugo, instrumented.
  writeLayouts(layoutsDir, names, closedNames, { instrumented: true });
  const copyLayouts = path.join(copy, 'layouts');
  rmSync(copyLayouts, { recursive: true, force: true });
  cpSync(layoutsDir, copyLayouts, { recursive: true });
  const build = buildWithHugo(o, copy, work, 'instrumented');
  const warnings = parseRefWarnings(build.log);
  const hugoErrors = build.log.split('\n').filter((l) => /^(ERROR|Error:)/.test(l));
  const markers = parseMarkers(build.dest);

  // --- Hugo with its embedded ref/relref: same REF_NOT_FOUND reports?
  let verification;
  if (o.verify) {
    rmSync(path.join(copyLayouts, 'shortcodes', 'ref.html'), { force: true });
    rmSync(path.join(copyLayouts, 'shortcodes', 'relref.html'), { force: true });
    const plain = buildWithHugo(o, copy, work, 'embedded-ref');
    const a = new Set(warnings.map((w) => w.text));
    const b = new Set(parseRefWarnings(plain.log).map((w) => w.text));
    verification = {
      status: plain.status,
      embeddedWarnings: b.size,
      instrumentedWarnings: a.size,
      identical: a.size === b.size && [...a].every((x) => b.has(x)),
      onlyInstrumented: [...a].filter((x) => !b.has(x)).slice(0, 10),
      onlyEmbedded: [...b].filter((x) => !a.has(x)).slice(0, 10),
    };
    rmSync(plain.dest, { recursive: true, force: true });
  }

  // --- Hugo's view of each content file.
  const fileClass = new Map(); // original path → 'rendered' | 'not-rendered' | 'resource'
  const urlToFile = new Map();
  const pagesByLang = new Map(); // lang → Set(original path)
  const rank = { rendered: 3, 'not-rendered': 2, resource: 1 };
  const setClass = (f, c) => {
    if (!f) return;
    const prev = fileClass.get(f);
    if (!prev || rank[c] > rank[prev]) fileClass.set(f, c);
  };
  const pageOutput = new Map(); // original path → the HTML file Hugo wrote for it
  for (const p of markers.pages) {
    const f = toOriginal(p.f);
    if (f && p.h === 'rendered' && !pageOutput.has(f)) pageOutput.set(f, p.out);
    if (f) {
      setClass(f, p.h === 'rendered' ? 'rendered' : p.u ? 'rendered' : 'not-rendered');
      if (!pagesByLang.has(p.l)) pagesByLang.set(p.l, new Set());
      pagesByLang.get(p.l).add(f);
    }
    if (p.u) urlToFile.set(p.u, f || null);
    for (const r of p.r ?? []) setClass(toOriginal(r), 'resource');
  }
  // Pages seen only through the home page's GetPage loop but with a URL were rendered too (the
  // normal templates print their marker as well); only URL-less ones are "not rendered".
  const renderedPages = [...fileClass.values()].filter((c) => c === 'rendered').length;
  const notRenderedPages = [...fileClass.values()].filter((c) => c === 'not-rendered').length;
  const resourceFiles = [...fileClass.entries()].filter(([f, c]) => c === 'resource' && MEDGUIDE_EXT.test(f)).length;

  // --- Hugo's verdict per (page, line, ref).
  const notFoundOf = (u) => typeof u === 'string' && u.includes(NOT_FOUND_URL);
  const warnByPos = new Map();
  for (const w of warnings) if (w.file) warnByPos.set(`${w.file}:${w.line}:${w.col}\t${w.ref}`, w.what);
  const execs = new Map(); // key file\tline\tcol\tref → exec
  for (const r of markers.refs) {
    const ref = refPathOf(r.a);
    const pos = parsePosition(r.p);
    const file = toOriginal(r.f || pos?.file);
    if (ref === undefined || !file) continue;
    const key = `${file}\t${pos?.line ?? 0}\t${pos?.col ?? 0}\t${ref}\t${JSON.stringify(r.a)}`;
    let e = execs.get(key);
    if (!e) {
      e = { file, line: pos?.line ?? 0, col: pos?.col ?? 0, ref, args: r.a, fn: r.fn, urls: new Set(), broken: false, what: undefined, alt: undefined };
      execs.set(key, e);
    }
    e.urls.add(r.u);
    if (r.alt) e.alt = r.alt === '(page without file)' ? r.alt : toOriginal(r.alt);
    if (notFoundOf(r.u)) {
      e.broken = true;
      e.what = warnByPos.get(`${r.f || pos?.file}:${pos?.line}:${pos?.col}\t${stripFragment(ref)}`) ?? warnByPos.get(`${pos?.file}:${pos?.line}:${pos?.col}\t${stripFragment(ref)}`) ?? e.what ?? 'page not found';
    }
  }
  const hugoRefs = [...execs.values()].map((e) => {
    const cls = fileClass.get(e.file);
    const how = cls === 'rendered' ? 'rendered page' : cls === 'resource' ? 'bundle resource (forced)' : 'page not rendered (forced)';
    let target;
    if (!e.broken) {
      for (const u of e.urls) {
        const rel = u.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/#.*$/, '');
        if (urlToFile.has(rel)) target = urlToFile.get(rel) ?? '(page without file)';
      }
    }
    return {
      file: e.file,
      line: e.line,
      col: e.col,
      ref: e.ref,
      args: e.args,
      verdict: e.broken ? (/ambiguous/.test(e.what ?? '') ? 'ambiguous' : 'not-found') : 'resolved',
      what: e.what,
      how,
      target,
      url: [...e.urls][0],
      alt: e.alt,
    };
  });
  // Measurement artefacts: broken refs that only this setup breaks. (1) Spellings Hugo 0.111 does
  // not resolve and newer Hugo does (GetPage finds the page once the trailing slash, `.md`,
  // `_index.md` or the language suffix is dropped). (2) Targets under a configured content mount
  // whose source folder is absent (uninitialised submodule). (3) Any other reason Hugo gives.
  const artefactOf = (h) => {
    if (h.verdict === 'resolved') return undefined;
    const ref = stripFragment(h.ref);
    if (h.alt) {
      const how = /\/$/.test(ref)
        ? 'trailing slash'
        : /\/\//.test(ref)
          ? 'double slash'
        : /(^|\/)_?index(\.[\w-]+)?\.(md|markdown)$/i.test(ref)
          ? 'explicit _index.md / index.md'
          : /\.(md|markdown)$/i.test(ref)
            ? '.md file name of a section or translated page'
            : 'other spelling';
      return `Hugo 0.111 spelling limit (${how}); newer Hugo resolves it`;
    }
    if (h.what && !/page not found|ambiguous/.test(h.what)) return `Hugo: ${h.what}`;
    if (h.how !== 'rendered page') return 'ref in a file Hugo does not render itself (bundle resource / headless page): in the site it runs only where the theme includes the file, perhaps with another page as context';
    const low = ref.toLowerCase().replace(/^\/+/, '');
    for (const m of absentMounts) {
      if (m.prefix && (low === m.prefix.toLowerCase() || low.startsWith(m.prefix.toLowerCase() + '/'))) return `target under absent content mount ${m.source} → ${m.target}`;
    }
    return undefined;
  };
  for (const h of hugoRefs) {
    const a = artefactOf(h);
    if (a) h.artefact = a;
  }

  // --- MedGuide.
  const fallbackPaths = contentMounts.map((m) => toOriginal(m.abs)).filter((p) => isUnder(p, site.dir) || p === site.dir).map((p) => path.relative(site.dir, p) || '.');
  const mg = runMedGuide(o, site.dir, [...new Set(fallbackPaths)], path.join(work, 'medguide-shadow'));
  const lineCache = new Map();
  const linesOf = (f) => {
    if (!lineCache.has(f)) {
      try {
        lineCache.set(f, readFileSync(f, 'utf8').split('\n'));
      } catch {
        lineCache.set(f, []);
      }
    }
    return lineCache.get(f);
  };
  const findings = mg.findings.map((d) => {
    const file = path.resolve(site.dir, d.file);
    const out = { ...d, abs: file };
    if (d.code.startsWith('relref-') && d.line === d.endLine) out.text = (linesOf(file)[d.line - 1] ?? '').slice(d.column - 1, d.endColumn - 1);
    return out;
  });
  const codeTotals = countBy(findings, 'code');

  // MedGuide's own page list (what its index holds), for the causes.
  const mgContentRoot = path.join(site.dir, 'content');
  const mgIndex = walkFiles(mgContentRoot, (p) => MEDGUIDE_EXT.test(p)).map((f) => posix(path.relative(mgContentRoot, f)));

  // Hugo's page list per language, as MedGuide's resolver would need it (language suffix dropped).
  const hugoIndexByLang = new Map();
  for (const [f, info] of hugoLogical) {
    const cls = fileClass.get(f);
    if (cls !== 'rendered' && cls !== 'not-rendered') continue;
    if (!MEDGUIDE_EXT.test(f)) continue;
    const lang = info.lang ?? '';
    if (!hugoIndexByLang.has(lang)) hugoIndexByLang.set(lang, []);
    hugoIndexByLang.get(lang).push(info.path.replace(langSuffix, '.$2'));
  }
  const hugoViewOf = (f) => {
    const info = hugoLogical.get(f);
    return info ? { lang: info.lang ?? '', path: info.path.replace(langSuffix, '.$2') } : undefined;
  };
  const resolvesWithHugoIndex = (page, ref) => {
    if (!core?.relref?.resolveRef) return undefined;
    const view = hugoViewOf(page);
    if (!view) return undefined;
    const list = hugoIndexByLang.get(view.lang) ?? [];
    try {
      return core.relref.resolveRef(list, view.path, ref).kind;
    } catch {
      return undefined;
    }
  };
  const medguideTargetOf = (page, ref) => {
    if (!core?.relref?.resolveRef) return undefined;
    const current = isUnder(page, mgContentRoot) ? posix(path.relative(mgContentRoot, page)) : undefined;
    try {
      const r = core.relref.resolveRef(mgIndex, current, ref);
      return r.kind === 'found' ? path.join(mgContentRoot, r.path) : r.kind;
    } catch {
      return undefined;
    }
  };

  /** Why MedGuide missed a page Hugo found: a heuristic, from Hugo's view of the pages and targets. */
  const causeOfFalse = (finding, h) => {
    if (!mg.mode.startsWith('site root')) return 'MedGuide found no site root / content folder (run on paths)';
    if (!isUnder(finding.abs, site.dir)) return 'page reached through a mount from outside the site folder';
    if (h.target === '(page without file)' || (h.target === undefined && h.verdict === 'resolved')) return 'target is a page without a content file (auto section, taxonomy, term)';
    const withHugoIndex = resolvesWithHugoIndex(finding.abs, finding.text ?? h.ref);
    if (withHugoIndex === 'not-found' || withHugoIndex === 'ambiguous') {
      if (/^\/[^/]+$/.test(stripFragment(finding.text ?? h.ref))) return 'resolution rule: Hugo 0.111 looks "/name" up by file name anywhere (newer Hugo does not)';
      return 'resolution rule differs from Hugo';
    }
    const target = h.target;
    if (target && !isUnder(target, mgContentRoot)) return 'target outside content/ (language contentDir or mount)';
    const tInfo = target && hugoLogical.get(target);
    const pInfo = hugoLogical.get(finding.abs);
    if ((tInfo && tInfo.path !== posix(path.relative(mgContentRoot, target))) || (pInfo && isUnder(finding.abs, mgContentRoot) && pInfo.path !== posix(path.relative(mgContentRoot, finding.abs))))
      return 'content tree differs from Hugo (language folder under content/, mount target)';
    if (target && langSuffix.test(target)) return 'translation by file name (page.<lang>.md)';
    if (finding.code === 'relref-ambiguous') return 'languages mixed in one page index';
    return 'other';
  };

  // Why a file in a content mount is not among Hugo's pages and resources (a guess from its front
  // matter and the site's ignoreFiles; Hugo does not say).
  const now = Date.now();
  const whyNotBuilt = (file) => {
    const name = posix(path.relative(site.dir, file));
    const ignored = config.ignoreFiles.some((re) => {
      try {
        return new RegExp(re).test(file) || new RegExp(re).test(name);
      } catch {
        return false;
      }
    });
    if (ignored) return 'ignoreFiles';
    let fm = { body: '' };
    try {
      fm = frontMatterOf(readFileSync(file, 'utf8'));
    } catch {
      // unreadable: no guess
    }
    const date = (key) => {
      const m = new RegExp(`^\\s*${key}\\s*[:=]\\s*["']?(\\d{4}-\\d{2}-\\d{2}[^"'\\s#]*)`, 'mi').exec(fm.body);
      const t = m ? Date.parse(m[1]) : NaN;
      return Number.isFinite(t) ? t : undefined;
    };
    if (/^\s*draft\s*[:=]\s*true/m.test(fm.body)) return 'draft';
    const exp = date('expiry_?date');
    if (exp !== undefined && exp < now) return 'expired';
    const pub = date('publish_?date') ?? date('date');
    if (pub !== undefined && pub > now) return 'future';
    const lang = hugoLogical.get(file)?.lang;
    if (lang && config.disableLanguages.includes(lang)) return 'disabled language';
    return 'other: duplicate path, excluded by a mount…';
  };
  // Match MedGuide's relref findings with Hugo's verdicts.
  const byFileRef = new Map();
  for (const h of hugoRefs) {
    const k = `${h.file}\t${h.ref}`;
    if (!byFileRef.has(k)) byFileRef.set(k, []);
    byFileRef.get(k).push(h);
  }
  const verdictFor = (file, line, ref) => {
    const all = byFileRef.get(`${file}\t${ref}`) ?? [];
    if (all.length === 0) return undefined;
    const same = all.filter((h) => h.line === line);
    const pool = same.length > 0 ? same : all;
    const broken = pool.find((h) => h.verdict !== 'resolved');
    return broken ?? pool[0];
  };
  const judged = [];
  const matchedHugo = new Set();
  for (const f of findings) {
    if (f.code !== 'relref-not-found' && f.code !== 'relref-ambiguous') continue;
    const ref = f.text ?? '';
    const h = verdictFor(f.abs, f.line, ref);
    const entry = { code: f.code, file: path.relative(site.dir, f.abs), line: f.line, ref, message: f.message };
    if (!h) {
      const cls = fileClass.get(f.abs);
      entry.judgement = 'unjudged';
      entry.why = !hugoLogical.has(f.abs) ? 'file is not in Hugo\'s content' : !cls ? `page not built by Hugo (${whyNotBuilt(f.abs)})` : 'ref not run by Hugo';
    } else {
      for (const x of byFileRef.get(`${f.abs}\t${ref}`) ?? []) if (x.line === h.line) matchedHugo.add(x);
      entry.hugo = { verdict: h.verdict, what: h.what, how: h.how, target: h.target ? path.relative(site.dir, h.target) : undefined };
      if (h.verdict === 'resolved') {
        entry.judgement = 'false';
        entry.cause = causeOfFalse(f, h);
      } else if (h.artefact) {
        entry.judgement = 'artefact';
        entry.why = h.artefact;
      } else entry.judgement = 'confirmed';
    }
    judged.push(entry);
  }
  const missed = hugoRefs
    .filter((h) => h.verdict !== 'resolved' && !matchedHugo.has(h))
    .map((h) => {
      const inScope = findings.some((f) => f.abs === h.file) || (isUnder(h.file, mgContentRoot) && MEDGUIDE_EXT.test(h.file));
      const mgTarget = medguideTargetOf(h.file, h.ref);
      let why;
      if (!inScope && !(mg.filesChecked && isUnder(h.file, site.dir))) why = 'page not checked by MedGuide';
      else if (!isUnder(h.file, mgContentRoot) && mg.mode.startsWith('site root')) why = 'page outside content/ (not checked by MedGuide)';
      else if (typeof mgTarget === 'string' && path.isAbsolute(mgTarget)) {
        const c = fileClass.get(mgTarget);
        const hv = hugoLogical.get(mgTarget);
        const pv = hugoLogical.get(h.file);
        if (!c) why = 'MedGuide found a file Hugo does not build (draft, ignored, not mounted…)';
        else if (hv && pv && hv.lang !== pv.lang) why = 'MedGuide found the page in another language';
        else if (h.verdict === 'ambiguous') why = 'Hugo: ambiguous; MedGuide picked one page';
        else why = 'MedGuide found another page';
      } else why = 'not matched (other)';
      return { file: path.relative(site.dir, h.file), line: h.line, ref: h.ref, verdict: h.verdict, what: h.what, how: h.how, artefact: h.artefact, why };
    });

  // relref-anchor: Hugo does not check anchors. One-sided judgement: when the HTML Hugo wrote for
  // the target page (stub layouts: the page's own content) has that id, the warning is false;
  // otherwise the id may still come from the theme, so it stays unjudged.
  const htmlCache = new Map();
  const anchorJudged = findings
    .filter((f) => f.code === 'relref-anchor')
    .map((f) => {
      const anchor = f.text ?? '';
      const sameFile = hugoRefs.filter((h) => h.file === f.abs && h.ref.endsWith(`#${anchor}`));
      const onLine = sameFile.filter((h) => h.line === f.line);
      const pool = onLine.length > 0 ? onLine : sameFile;
      const h = pool.every((x) => x.verdict === 'resolved') ? pool[0] : undefined;
      const entry = { file: path.relative(site.dir, f.abs), line: f.line, anchor, message: f.message };
      const out = h?.target && pageOutput.get(h.target);
      if (!out) return { ...entry, judgement: 'unjudged' };
      // Only the page's own content: the text before the first RSCONTENTEND (what follows is its
      // resources' content and, on home pages, the other pages rendered by the GetPage loop).
      if (!htmlCache.has(out)) htmlCache.set(out, readFileSync(out, 'utf8').split('RSCONTENTEND')[0]);
      const html = htmlCache.get(out);
      // An element's id, or an `<a name>` (browsers follow both to a fragment).
      const quoted = anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const has =
        [`id="${anchor}"`, `id='${anchor}'`, `id=${anchor}>`, `id=${anchor} `].some((x) => html.includes(x)) ||
        new RegExp(`<a\\s[^>]*\\bname=(["']?)${quoted}\\1[\\s/>]`, 'i').test(html);
      return { ...entry, target: path.relative(site.dir, h.target), judgement: has ? 'false' : 'unjudged (id not in the stub-rendered HTML)' };
    });
  // "No front matter" findings, by what Hugo does with the file.
  const fmMissing = findings
    .filter((f) => f.code === 'frontmatter-missing')
    .map((f) => {
      const cls = fileClass.get(f.abs);
      let hugo;
      if (cls === 'rendered') hugo = 'page (rendered)';
      else if (cls === 'not-rendered') hugo = 'page (not rendered: headless / render=never)';
      else if (cls === 'resource') hugo = 'bundle resource';
      else if (hugoLogical.has(f.abs)) hugo = `not built (${whyNotBuilt(f.abs)})`;
      else hugo = 'not Hugo content (outside every content mount)';
      return { file: path.relative(site.dir, f.abs), hugo };
    });

  // Coverage: Markdown files Hugo uses that MedGuide did not check, and the reverse.
  // MedGuide does not list the files it checked: those under the folders it was pointed at (its
  // content/ by default) plus every file it reported on stand for them.
  const withFindings = new Set(findings.map((f) => f.abs));
  const inScope = (f) => withFindings.has(f) || mg.scope.some((d) => f === d || isUnder(f, d));
  const hugoMarkdown = [...fileClass.entries()].filter(([f]) => MEDGUIDE_EXT.test(f));
  const notChecked = hugoMarkdown.filter(([f]) => !inScope(f));
  const checkedFiles = [
    ...new Set([...mg.scope.flatMap((d) => (existsSync(d) && statSync(d).isDirectory() ? walkFiles(d, (p) => MEDGUIDE_EXT.test(p)) : [d])), ...[...withFindings].filter((f) => MEDGUIDE_EXT.test(f))]),
  ];
  const checkedNotHugo = checkedFiles.filter((f) => !fileClass.has(f));
  const count = (list, pred) => list.filter(pred).length;
  const ex = (list) => list.slice(0, o.examples);
  const falseList = judged.filter((j) => j.judgement === 'false');
  const hugoBroken = hugoRefs.filter((h) => h.verdict !== 'resolved');
  result.ms = Date.now() - t0;
  result.config = {
    languages: config.languages,
    defaultContentLanguage: config.defaultContentLanguage,
    defaultContentLanguageInSubdir: config.defaultContentLanguageInSubdir,
    disableLanguages: config.disableLanguages,
    ignoreFiles: config.ignoreFiles,
    contentMounts: contentMounts.map(({ source, target, lang }) => ({ source, target, lang })),
    absentContentMounts: absentMounts,
    // The site's own setting (ERROR: its real build stops on any broken ref, so every ref resolves
    // with the Hugo it is built with).
    siteRefLinksErrorLevel: siteConfigFiles(site.dir)
      .map((f) => /^\s*["']?reflinkserrorlevel["']?\s*[=:]\s*["']?(\w+)/im.exec(readFileSync(f, 'utf8'))?.[1])
      .find(Boolean),
    siteOverridesRefShortcode: siteOverrides,
    adaptations,
  };
  result.features = { ...features, shortcodeNames: names.size };
  result.hugo = {
    status: build.status,
    ms: build.ms,
    errors: hugoErrors.slice(0, 20),
    pagesTable: parseHugoPageTable(build.log),
    pagesRendered: renderedPages,
    pagesNotRendered: notRenderedPages,
    markdownResources: resourceFiles,
    refsRun: hugoRefs.length,
    refsRunForced: count(hugoRefs, (h) => h.how !== 'rendered page'),
    refsResolved: count(hugoRefs, (h) => h.verdict === 'resolved'),
    refsBroken: hugoBroken.length,
    refsArtefacts: count(hugoBroken, (h) => h.artefact),
    refsBrokenByWhat: countBy(hugoBroken, (h) => (h.artefact ? `artefact: ${h.artefact}` : h.verdict)),
    refNotFoundWarnings: warnings.length,
    verification,
  };
  result.medguide = {
    status: mg.status,
    mode: mg.mode,
    firstError: mg.firstError,
    filesChecked: mg.filesChecked,
    ms: mg.ms,
    codes: codeTotals,
    required: codeTotals.required ?? 0,
    type: codeTotals.type ?? 0,
    unknownKey: codeTotals['unknown-key'] ?? 0,
  };
  const relrefCounts = (code) => {
    const l = judged.filter((j) => j.code === code);
    return {
      total: l.length,
      false: count(l, (j) => j.judgement === 'false'),
      confirmed: count(l, (j) => j.judgement === 'confirmed'),
      artefact: count(l, (j) => j.judgement === 'artefact'),
      unjudged: count(l, (j) => j.judgement === 'unjudged'),
    };
  };
  result.relref = {
    notFound: relrefCounts('relref-not-found'),
    ambiguous: relrefCounts('relref-ambiguous'),
    anchor: codeTotals['relref-anchor'] ?? 0,
    anchorFalse: count(anchorJudged, (a) => a.judgement === 'false'),
    falseByCause: countBy(falseList, 'cause'),
    unjudgedByWhy: countBy(judged.filter((j) => j.judgement === 'unjudged'), 'why'),
    missed: count(missed, (m) => !m.artefact),
    missedByWhy: countBy(missed.filter((m) => !m.artefact), 'why'),
    missedArtefacts: count(missed, (m) => m.artefact),
  };
  result.frontmatterMissing = {
    total: fmMissing.length,
    onHugoFiles: count(fmMissing, (f) => /^(page|bundle resource)/.test(f.hugo)),
    byHugo: countBy(fmMissing, 'hugo'),
  };
  result.coverage = {
    hugoMarkdownFiles: hugoMarkdown.length,
    notCheckedByMedGuide: notChecked.length,
    notCheckedByClass: countBy(notChecked, ([, c]) => c),
    checkedByMedGuide: checkedFiles.length,
    checkedButNotUsedByHugo: checkedNotHugo.length,
    checkedButNotUsedByHugoByWhy: countBy(checkedNotHugo, (f) => (hugoLogical.has(f) ? `not built (${whyNotBuilt(f)})` : 'outside every content mount')),
  };
  const examplesByCause = {};
  for (const j of falseList) (examplesByCause[j.cause] ??= []).length < o.examples && examplesByCause[j.cause].push(j);
  const fmByHugo = {};
  for (const f of fmMissing) (fmByHugo[f.hugo] ??= []).length < o.examples && fmByHugo[f.hugo].push(f.file);
  result.examples = {
    falseRelrefByCause: examplesByCause,
    confirmed: ex(judged.filter((j) => j.judgement === 'confirmed')),
    anchorFalse: ex(anchorJudged.filter((a) => a.judgement === 'false')),
    anchorUnjudged: ex(anchorJudged.filter((a) => a.judgement !== 'false')),
    unjudged: ex(judged.filter((j) => j.judgement === 'unjudged')),
    artefacts: ex(judged.filter((j) => j.judgement === 'artefact')),
    missed: ex(missed.filter((m) => !m.artefact)),
    missedArtefacts: ex(missed.filter((m) => m.artefact)),
    frontmatterMissingByHugo: fmByHugo,
    notCheckedByMedGuide: ex(notChecked.map(([f, c]) => `${path.relative(site.dir, f)} (${c})`)),
    checkedButNotUsedByHugo: ex(checkedNotHugo.map((f) => path.relative(site.dir, f))),
    hugoBrokenRefs: ex(hugoBroken.map((h) => ({ file: path.relative(site.dir, h.file), line: h.line, ref: h.ref, what: h.what, how: h.how, artefact: h.artefact }))),
  };
  if (!o.keep) rmSync(build.dest, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const REF_HEADERS = [
  'site',
  'pages built',
  'not rendered',
  'md resources',
  'not checked by MG',
  'refs run',
  'resolved',
  'broken',
  'artefacts',
  'MG not-found',
  'false',
  'confirmed',
  'artefact',
  'unjudged',
  'MG ambiguous',
  'false',
  'missed',
  'MG anchor',
  'false',
];

function refRow(r) {
  return [
    r.name,
    r.hugo.pagesRendered,
    r.hugo.pagesNotRendered,
    r.hugo.markdownResources,
    r.coverage.notCheckedByMedGuide,
    r.hugo.refsRun,
    r.hugo.refsResolved,
    r.hugo.refsBroken,
    r.hugo.refsArtefacts,
    r.relref.notFound.total,
    r.relref.notFound.false,
    r.relref.notFound.confirmed,
    r.relref.notFound.artefact,
    r.relref.notFound.unjudged,
    r.relref.ambiguous.total,
    r.relref.ambiguous.false,
    r.relref.missed,
    r.relref.anchor,
    r.relref.anchorFalse,
  ];
}

const FM_HEADERS = ['site', 'MG files', 'no-FM', 'on pages', 'on resources', 'not built', 'not content', 'not-toml', 'required', 'type', 'unknown-key'];

function fmRow(r) {
  const by = r.frontmatterMissing.byHugo;
  const sum = (re) => Object.entries(by).reduce((n, [k, v]) => n + (re.test(k) ? v : 0), 0);
  return [
    r.name,
    r.medguide.filesChecked ?? '?',
    r.frontmatterMissing.total,
    sum(/^page/),
    sum(/^bundle resource/),
    sum(/^not built/),
    sum(/^not Hugo content/),
    r.medguide.codes['frontmatter-not-toml'] ?? 0,
    r.medguide.required,
    r.medguide.type,
    r.medguide.unknownKey,
  ];
}

function totalRow(rows) {
  return ['TOTAL', ...rows[0].slice(1).map((_, i) => rows.reduce((s, r) => s + (Number(r[i + 1]) || 0), 0))];
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.sites.length === 0) {
    process.stderr.write('Usage: node scripts/real-sites.mjs [options] [name=]<site-dir>...   (--help for more)\n');
    process.exit(2);
  }
  if (!existsSync(o.cli)) {
    process.stderr.write(`No MedGuide CLI at ${o.cli}: run \`node scripts/build.mjs --only=cli,core\` first.\n`);
    process.exit(2);
  }
  const version = run(o.hugo, ['version']);
  if (version.status !== 0) {
    process.stderr.write(`Cannot run Hugo (${o.hugo}): ${version.error?.message ?? version.stderr}\n`);
    process.exit(2);
  }
  const core = loadCore(o.cli);
  const workRoot = o.work ?? mkdtempSync(path.join(os.tmpdir(), 'medguide-real-sites-'));
  mkdirSync(workRoot, { recursive: true });
  const results = [];
  for (const site of o.sites) {
    if (!existsSync(site.dir) || !statSync(site.dir).isDirectory()) {
      process.stderr.write(`${site.name}: no folder ${site.dir}\n`);
      results.push({ name: site.name, dir: site.dir, error: 'no such folder' });
      continue;
    }
    process.stderr.write(`${site.name}: measuring ${site.dir}…\n`);
    try {
      const r = await measureSite(o, site, workRoot, core);
      results.push(r);
      process.stderr.write(`${site.name}: done in ${(r.ms / 1000).toFixed(1)} s (Hugo exit ${r.hugo.status}, MedGuide exit ${r.medguide.status}, ${r.medguide.mode})\n`);
    } catch (e) {
      process.stderr.write(`${site.name}: failed: ${e instanceof Error ? e.stack : e}\n`);
      results.push({ name: site.name, dir: site.dir, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const ok = results.filter((r) => !r.error);
  let out = '';
  for (const r of ok) {
    out += `\n## ${r.name}  (${r.dir})\n`;
    out += `Hugo exit ${r.hugo.status}${r.hugo.errors.length ? ` (${r.hugo.errors.length} error line(s))` : ''}; ${r.hugo.pagesTable ?? '?'} pages in Hugo's table; `;
    out += `MedGuide exit ${r.medguide.status}, ${r.medguide.filesChecked ?? '?'} file(s), ${r.medguide.mode}${r.medguide.firstError ? ` [${r.medguide.firstError.split('\n')[0]}]` : ''}\n`;
    if (r.hugo.verification) out += `ref markers vs embedded ref/relref: ${r.hugo.verification.identical ? 'same' : 'DIFFERENT'} REF_NOT_FOUND reports (${r.hugo.verification.embeddedWarnings})\n`;
    if (r.config.adaptations.length) out += `config adapted for this Hugo: ${r.config.adaptations.join('; ')}\n`;
    if (r.config.absentContentMounts.length) out += `absent content mount sources: ${r.config.absentContentMounts.map((m) => m.source).join(', ')}\n`;
    out += table([refRow(r)], REF_HEADERS) + '\n';
    out += table([fmRow(r)], FM_HEADERS) + '\n';
    const list = (label, obj) => {
      const e = Object.entries(obj);
      if (e.length) out += `${label}: ${e.map(([k, v]) => `${v} ${k}`).join('; ')}\n`;
    };
    list('false relref findings by cause', r.relref.falseByCause);
    list('unjudged relref findings', r.relref.unjudgedByWhy);
    list('missed by MedGuide', r.relref.missedByWhy);
    list('Hugo broken refs', r.hugo.refsBrokenByWhat);
    list('frontmatter-missing by what Hugo does with the file', r.frontmatterMissing.byHugo);
    list('Hugo Markdown files MedGuide did not check', r.coverage.notCheckedByClass);
    list('files MedGuide checked that Hugo does not use', r.coverage.checkedButNotUsedByHugoByWhy);
  }
  for (const r of results.filter((x) => x.error)) out += `\n## ${r.name}: not measured (${r.error})\n`;
  const refRows = ok.map(refRow);
  const fmRows = ok.map(fmRow);
  if (ok.length) {
    out += `\n## Total: refs (Hugo ${version.stdout.trim().split(' ')[1] ?? ''})\n${table([...refRows, totalRow(refRows)], REF_HEADERS)}\n`;
    out += `\n## Total: front matter\n${table([...fmRows, totalRow(fmRows)], FM_HEADERS)}\n`;
  }
  process.stdout.write(out);
  const report = {
    generated: new Date().toISOString(),
    hugo: version.stdout.trim(),
    medguide: {
      cli: o.cli,
      cliSha256: createHash('sha256').update(readFileSync(o.cli)).digest('hex'),
      cliModified: statSync(o.cli).mtime.toISOString(),
      core: core ? corePath(o.cli) : null,
      // The repository's commit and uncommitted files, when the CLI is this repository's packages/cli/dist/cli.js.
      ...(isUnder(o.cli, repoRoot)
        ? {
            commit: run('git', ['-C', repoRoot, 'rev-parse', 'HEAD']).stdout.trim(),
            dirtyFiles: run('git', ['--no-optional-locks', '-C', repoRoot, 'status', '--porcelain']).stdout.split('\n').filter(Boolean).length,
          }
        : {}),
      label: o.label,
    },
    totals: ok.length
      ? {
          refs: Object.fromEntries(REF_HEADERS.slice(1).map((h, i) => [h, totalRow(ok.map(refRow))[i + 1]])),
          frontMatter: Object.fromEntries(FM_HEADERS.slice(1).map((h, i) => [h, totalRow(ok.map(fmRow))[i + 1]])),
        }
      : undefined,
    sites: results,
  };
  mkdirSync(path.dirname(o.out), { recursive: true });
  writeFileSync(o.out, JSON.stringify(report, null, 2) + '\n');
  process.stderr.write(`\nWrote ${path.relative(process.cwd(), o.out) || o.out}${o.keep || o.work ? `; work folder ${workRoot}` : ''}\n`);
  if (!o.keep && !o.work) rmSync(workRoot, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : e}\n`);
  process.exit(1);
});
