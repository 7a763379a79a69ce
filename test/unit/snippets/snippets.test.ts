import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseToml } from 'smol-toml';
import { validatePage } from '../../../src/core/frontmatter';
import { medguidePlugin } from '../../../src/core/markdown';
import { checkPatientIdentifiers } from '../../../src/core/nir';
import { expandSnippet, snippetBodyText, type SnippetContext } from '../../support/expandSnippet';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const root = join(__dirname, '..', '..', '..');
const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'medguide.code-snippets'), 'utf8')) as Record<string, Snippet>;
const readme = readFileSync(join(root, 'snippets', 'README.md'), 'utf8');
const examplePage = `+++
title = "Téléconsultation en médecine générale"
description = "Organiser une téléconsultation au cabinet : conditions de prise en charge, matériel et consentement."
auteurs = ["Camille DURAND"]
date = "2023-03-14T09:30:00+01:00"
publishdate = "2023-03-20"
lastmod = "2024-11-05"
+++

Introduction.
{.lead}

{{%collapse "Matériel" %}}

BODY

{{% /collapse %}}
`;

// 7 March 2025, 08:05 UTC = 09:05 in Paris (UTC+1 in winter).
const CONTEXT: SnippetContext = { now: new Date(Date.UTC(2025, 2, 7, 8, 5, 42)), timezoneOffsetMinutes: 60, filenameBase: 'teleconsultation' };
const TODAY = '2025-03-07';

const prefixes = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const expand = (s: Snippet, context: SnippetContext = CONTEXT): string => expandSnippet(s.body, context).text;
const byPrefix = (prefix: string): Snippet => {
  const found = Object.values(snippets).find((s) => prefixes(s).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found;
};

function frontMatterOf(text: string): string {
  const m = /^\+\+\+[ \t]*\r?\n([\s\S]*?)^\+\+\+[ \t]*$/m.exec(text);
  assert.ok(m && m.index === 0, 'the page must start with a +++ front matter');
  return m[1]!;
}

/** Hugo shortcode tags in order: name (lower case), whether it closes, whether it self-closes. */
function shortcodeTags(text: string): { name: string; closing: boolean; selfClosing: boolean }[] {
  const tags: { name: string; closing: boolean; selfClosing: boolean }[] = [];
  const re = /\{\{([<%])(\/\*)?[ \t]*(\/)?[ \t]*([\w./-]+)[\s\S]*?(\/)?[ \t]*([>%])\}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) continue; // {{</* … */>}} prints literally
    tags.push({ name: m[4]!.toLowerCase(), closing: Boolean(m[3]), selfClosing: Boolean(m[5]) });
  }
  return tags;
}

/** Every closing tag matches the innermost open tag of the same name; paired names all close. */
function assertBalancedShortcodes(text: string, label: string): void {
  const tags = shortcodeTags(text);
  const closedNames = new Set(tags.filter((t) => t.closing).map((t) => t.name));
  const stack: string[] = [];
  for (const tag of tags) {
    if (tag.selfClosing || (!tag.closing && !closedNames.has(tag.name))) continue;
    if (!tag.closing) stack.push(tag.name);
    else assert.equal(stack.pop(), tag.name, `${label}: {{% /${tag.name} %}} closes nothing open`);
  }
  assert.deepEqual(stack, [], `${label}: unclosed shortcodes ${stack.join(', ')}`);
  const opens = (text.match(/\{\{%[ \t]*collapse\b/gi) ?? []).length;
  const closes = (text.match(/\{\{%[ \t]*\/[ \t]*collapse[ \t]*%\}\}/gi) ?? []).length;
  assert.equal(opens, closes, `${label}: ${opens} collapse opened, ${closes} closed`);
}

/** Goldmark applies a block attribute list only on the line right after the block. */
function assertAttributeListsFollowABlock(text: string, label: string): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (/^\s*\{[.#][^{}]*\}\s*$/.test(line)) {
      assert.ok(i > 0 && lines[i - 1]!.trim() !== '' && !/^\+\+\+/.test(lines[i - 1]!), `${label}: ${line} must follow a paragraph directly`);
    }
  });
}

function previewHtml(markdown: string): string {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  medguidePlugin(md, { getOptions: () => ({}), getPageIndex: () => ['page.md', 'teleconsultation.md'], getCurrentPage: () => 'teleconsultation.md' });
  return md.render(markdown, {});
}

describe('snippets/medguide.code-snippets', () => {
  it('gives every snippet mg- prefixes (French first, then aliases), a body and a French description', () => {
    const seen = new Set<string>();
    assert.ok(Object.keys(snippets).length >= 15);
    for (const [name, s] of Object.entries(snippets)) {
      const list = prefixes(s);
      assert.ok(list.length >= 2, `${name}: a French prefix and an English alias`);
      for (const p of list) {
        assert.match(p, /^mg-[a-z]+(?:-[a-z]+)*$/, `${name}: prefix ${p}`);
        assert.ok(!seen.has(p), `prefix ${p} is used twice`);
        seen.add(p);
        assert.ok(readme.includes(`\`${p}\``), `snippets/README.md does not list ${p}`);
      }
      assert.ok(typeof s.description === 'string' && s.description.length > 10, `${name}: description`);
      assert.ok(snippetBodyText(s.body).length > 0, `${name}: body`);
    }
  });

  it('expands every snippet without unknown variables and with a final cursor', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const { text, stops } = expandSnippet(s.body, CONTEXT);
      assert.ok(!/\$\{?[A-Z_0-9]/.test(text), `${name}: unexpanded $ in ${JSON.stringify(text)}`);
      assert.ok(stops.has(0), `${name}: no $0`);
      assert.ok(!text.includes('\t'), `${name}: tabs become spaces or not, depending on the editor`);
    }
  });

  describe('mg-page (new page)', () => {
    const text = expand(byPrefix('mg-page'));

    it('has TOML front matter that parses, with the required keys within the limits', () => {
      const data = parseToml(frontMatterOf(text)) as Record<string, unknown>;
      assert.equal(typeof data.title, 'string');
      assert.ok((data.title as string).length <= 70);
      const description = data.description as string;
      assert.ok(description.length >= 50 && description.length <= 160, `description has ${description.length} characters`);
      assert.deepEqual(data.auteurs, ['Prénom NOM']);
      assert.deepEqual(data.sources, ['HAS']);
      assert.equal(data.annees, '2025');
    });

    it('dates the page today, with the time and the zone offset', () => {
      const data = parseToml(frontMatterOf(text)) as Record<string, unknown>;
      assert.equal(data.date, '2025-03-07T09:05:00+01:00');
      assert.equal(data.publishdate, TODAY);
      assert.equal(data.lastmod, TODAY);
      const west = parseToml(frontMatterOf(expand(byPrefix('mg-page'), { ...CONTEXT, timezoneOffsetMinutes: -150 }))) as Record<string, unknown>;
      assert.equal(west.date, '2025-03-07T05:35:00-02:30');
    });

    it('passes the front matter validator with no error and no warning', () => {
      const problems = validatePage(text, { today: TODAY }).filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems, []);
    });

    it('has balanced collapse sections and a lead paragraph the preview renders', () => {
      assertBalancedShortcodes(text, 'mg-page');
      assertAttributeListsFollowABlock(text, 'mg-page');
      const html = previewHtml(text);
      assert.equal((html.match(/<details class="medguide-collapse"/g) ?? []).length, 4);
      assert.match(html, /<h2 id="définitions">Définitions<\/h2>/);
      assert.match(html, /<p class="lead">/);
      assert.ok(!html.includes('{{'), 'no shortcode left as text');
      assert.ok(!html.includes('{.'), 'no attribute list left as text');
    });
  });

  it('leaves valid Markdown when inserted into a page body (shortcodes, attribute lists, front matter)', () => {
    for (const [name, s] of Object.entries(snippets)) {
      if (prefixes(s).includes('mg-page')) continue;
      const page = examplePage.replace('BODY', expand(s));
      assertBalancedShortcodes(page, name);
      assertAttributeListsFollowABlock(page, name);
      const problems = validatePage(page, { today: TODAY }).filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems, [], name);
      const html = previewHtml(page);
      assert.ok(!/\{\{[<%]/.test(html), `${name}: a shortcode is left as text in ${html}`);
      assert.ok(!/\{[.#][\w-]/.test(html), `${name}: an attribute list is left as text in ${html}`);
    }
  });

  it('puts the cursor inside the collapse sections', () => {
    for (const prefix of ['mg-section', 'mg-section-ouverte']) {
      const { text, stops } = expandSnippet(byPrefix(prefix).body, CONTEXT);
      const cursor = stops.get(0)![0]!.start;
      assert.ok(cursor > text.indexOf('%}}') && cursor < text.indexOf('{{% /collapse'), prefix);
      assert.equal(text.slice(0, text.indexOf('\n')), prefix === 'mg-section' ? '{{%collapse "Titre de section" %}}' : '{{%collapse "Titre de section" "show" %}}');
    }
  });

  it('wraps the selected text in sections, alerts, the lead and links', () => {
    const context = { ...CONTEXT, selectedText: 'Texte choisi' };
    assert.equal(expand(byPrefix('mg-alerte-info'), context), 'Texte choisi\n{.alert .alert-info}\n\n');
    assert.equal(expand(byPrefix('mg-encadre-note'), context), '> [!NOTE]\n> Texte choisi\n\n');
    assert.equal(expand(byPrefix('mg-section'), context), '{{%collapse "Titre de section" %}}\n\nTexte choisi\n\n{{% /collapse %}}');
    assert.equal(expand(byPrefix('mg-lien'), context), '[Texte choisi]({{< relref "page.md" >}})');
  });

  it('renders the alerts as the preview shows them', () => {
    const cases: [string, RegExp][] = [
      ['mg-alerte-info', /class="alert alert-info"/],
      ['mg-alerte-attention', /class="alert alert-warning"/],
      ['mg-alerte-danger', /class="alert alert-danger"/],
      ['mg-encadre-note', /note/i],
      ['mg-encadre-attention', /warning/i],
      ['mg-encadre-prudence', /caution|danger/i],
      ['mg-chapeau', /<p class="lead">/],
    ];
    for (const [prefix, pattern] of cases) {
      const html = previewHtml(expand(byPrefix(prefix)));
      assert.match(html, pattern, `${prefix}: ${html}`);
      assert.ok(!html.includes('[!'), `${prefix}: the alert marker is left as text: ${html}`);
    }
  });

  it('renders definition lists and the relref link', () => {
    assert.match(previewHtml(expand(byPrefix('mg-definition'))), /<dl>\s*<dt>Terme<\/dt>\s*<dd>Définition du terme\.<\/dd>/);
    const abbreviations = previewHtml(expand(byPrefix('mg-abreviations')));
    assert.equal((abbreviations.match(/<dt>/g) ?? []).length, 3);
    assert.match(abbreviations, /<dt>HAS<\/dt>\s*<dd>Haute Autorité de santé<\/dd>/);
    const link = previewHtml(expand(byPrefix('mg-lien')));
    assert.match(link, /<a href="[^"]*page\.md[^"]*"[^>]*>texte du lien<\/a>/);
  });

  it('explains the MSSanté address with the placeholder, never a real-looking number', () => {
    const text = expand(byPrefix('mg-mssante'));
    assert.ok(text.includes('\nmatricule-INS-à-15-caractères@patient.mssante.fr\n{.alert .alert-info}\n'));
    assert.ok(!/\d{6,}/.test(text), 'no digit run that could pass for a NIR');
    // The page check recognises the placeholder and only informs (kind "placeholder"); nothing more.
    const found = checkPatientIdentifiers(text, 'fr');
    assert.deepEqual(found.filter((d) => d.severity === 'error' || d.severity === 'warning'), []);
    assert.ok(found.every((d) => (d.data as { kind?: string } | undefined)?.kind === 'placeholder'), JSON.stringify(found));
    for (const s of Object.values(snippets)) {
      assert.ok(!/\d{13}/.test(snippetBodyText(s.body)), 'no snippet holds a 13-digit number');
    }
  });
});

describe('test/support/expandSnippet', () => {
  const ctx: SnippetContext = { now: new Date(Date.UTC(2024, 11, 31, 23, 30, 0)), timezoneOffsetMinutes: 60, filenameBase: 'hta' };

  it('resolves tabstops, nested defaults, mirrors, choices and escapes', () => {
    assert.equal(expandSnippet('a $1 b ${2} c', ctx).text, 'a  b  c');
    assert.equal(expandSnippet('${1:un ${2:deux}} $2 $1', ctx).text, 'un deux deux un deux');
    assert.equal(expandSnippet('${1|HAS,CNGE|}', ctx).text, 'HAS');
    assert.equal(expandSnippet('${1|a\\,b,c|}', ctx).text, 'a,b');
    assert.equal(expandSnippet('\\$1 \\} \\\\ $', ctx).text, '$1 } \\ $');
    const { stops } = expandSnippet('ab${1:cd}e$0', ctx);
    assert.deepEqual(stops.get(1), [{ start: 2, end: 4 }]);
    assert.deepEqual(stops.get(0), [{ start: 5, end: 5 }]);
  });

  it('resolves the date variables in the editor zone, whatever the machine zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    assert.equal(expandSnippet('$CURRENT_YEAR-$CURRENT_MONTH-${CURRENT_DATE}T$CURRENT_HOUR:$CURRENT_MINUTE$CURRENT_TIMEZONE_OFFSET', ctx).text, '2025-01-01T00:30+01:00');
    assert.equal(expandSnippet('$CURRENT_TIMEZONE_OFFSET', { ...ctx, timezoneOffsetMinutes: 0 }).text, '+00:00');
    assert.equal(expandSnippet('$CURRENT_TIMEZONE_OFFSET', { ...ctx, timezoneOffsetMinutes: -300 }).text, '-05:00');
    assert.equal(expandSnippet('$CURRENT_SECONDS_UNIX', ctx).text, String(Date.UTC(2024, 11, 31, 23, 30, 0) / 1000));
  });

  it('uses variable defaults when a variable is empty, and the file name', () => {
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:défaut}', ctx).text, 'défaut');
    assert.equal(expandSnippet('${TM_SELECTED_TEXT:défaut}', { ...ctx, selectedText: 'choisi' }).text, 'choisi');
    assert.equal(expandSnippet('$TM_FILENAME_BASE', ctx).text, 'hta');
  });

  it('refuses unknown variables, transforms and unclosed placeholders', () => {
    assert.throws(() => expandSnippet('$CURENT_YEAR', ctx), /unknown snippet variable/);
    assert.throws(() => expandSnippet('${1/a/b/}', ctx), /transforms/);
    assert.throws(() => expandSnippet('${1:abc', ctx), /unclosed/);
  });
});
