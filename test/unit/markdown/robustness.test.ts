import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { ICONS, medguidePlugin } from '../../../src/core/markdown';
import { makeMd, siteMd } from './helpers';

const EXAMPLE = readFileSync(new URL('../../fixtures/pages/teleconsultation.md', `file://${__filename}`), 'utf8');

const SAFE_TAGS = new Set(['p', 'div', 'span', 'details', 'summary', 'h2', 'ul', 'ol', 'li', 'a', 'em', 'strong', 'code', 'pre', 'blockquote', 'header', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr', 's', 'mark', 'sub', 'sup', 'dl', 'dt', 'dd', 'h1', 'h3', 'h4', 'h5', 'h6']);

/** No live markup: only known tags, no event handler attribute, no script URL (attributes parsed, not grepped). */
function assertInert(fullHtml: string, input: string): void {
  // MedGuide's own icons are constant SVG markup (nothing of the page in them): checked once below, then set aside.
  const html = withoutIcons(fullHtml);
  const ctx = `input: ${JSON.stringify(input)}\nhtml: ${fullHtml}`;
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/g)) {
    assert.ok(SAFE_TAGS.has(m[1].toLowerCase()), `tag <${m[1]}>\n${ctx}`);
    for (const a of m[2].matchAll(/\s+([^\s=>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
      const name = a[1].toLowerCase();
      const value = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&#?\w+;/g, '').replace(/\s/g, '');
      assert.ok(!name.startsWith('on') && name !== 'style', `attribute ${name}\n${ctx}`);
      if (name === 'href' || name === 'src') assert.ok(!/^(javascript|vbscript|data):/i.test(value), `url ${value}\n${ctx}`);
    }
  }
  // Every `<` that is not one of those tags was escaped.
  assert.ok(!/<(?![a-zA-Z/])/.test(html.replace(/<\/[a-zA-Z][\w-]*>/g, '')), ctx);
}

/** The page's HTML without MedGuide's constant icons (exact copies only: any other SVG still counts). */
function withoutIcons(html: string): string {
  let out = html;
  for (const icon of Object.values(ICONS)) out = out.split(icon).join('');
  return out;
}

describe('markdown/robustness', () => {
  it('draws its icons as constant, inert SVG: a path, no script, no handler, no URL', () => {
    for (const icon of Object.values(ICONS)) {
      assert.match(icon, /^<svg class="medguide-icon" viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" fill-rule="evenodd" aria-hidden="true" focusable="false"><path d="[-0-9.a-zA-Z ]+"\/><\/svg>$/);
      assert.ok(!/[hH]ref|on[a-z]+=|url\(|script/i.test(icon));
    }
  });

  it('keeps source lines on every opening block token of the example page, none on closing ones', () => {
    const tokens = siteMd().parse(EXAMPLE, {});
    const missing = tokens.filter((t) => t.block && t.nesting !== -1 && !t.map).map((t) => t.type);
    assert.deepEqual(missing, []);
    const ours = tokens.filter((t) => t.type.startsWith('medguide_'));
    assert.ok(ours.length > 10);
    assert.deepEqual(ours.filter((t) => t.nesting !== -1 && !t.map).map((t) => t.type), []);
    // As markdown-it's own closings: VS Code's preview tags every token with lines (data-line, a
    // class, dir), and a closing tag shows no attributes.
    assert.deepEqual(tokens.filter((t) => t.nesting === -1 && t.map).map((t) => t.type), []);
    const lines = EXAMPLE.split('\n');
    const headings = tokens.filter((t) => t.type === 'heading_open');
    assert.deepEqual(
      headings.map((h) => lines[h.map![0]]),
      ['{{%collapse "Définitions" %}}', '{{%collapse "Matériel" %}}', '{{%collapse "Envoyer l\'ordonnance" "show" %}}'],
    );
  });

  it('renders CRLF pages like LF pages, with the same lines', () => {
    const md = siteMd();
    assert.equal(md.render(EXAMPLE.replace(/\n/g, '\r\n')), md.render(EXAMPLE));
    const crlf = md.parse(EXAMPLE.replace(/\n/g, '\r\n'), {}).map((t) => t.map);
    assert.deepEqual(crlf, md.parse(EXAMPLE, {}).map((t) => t.map));
  });

  it('survives NUL bytes, lone surrogates and unclosed everything', () => {
    const md = makeMd();
    for (const src of [
      '{{% collapse "a\u0000b" %}}\n\u0000\n',
      '{{% collapse "\uD800" %}}\nx\uDC00\n{{% /collapse %}}',
      '+++\ntitle = "\uD800"\n+++\n',
      '{{% collapse "a" %}}\n{{% note %}}\n{{< x\n> [!NOTE\n{{% /tip %}}',
      '{{%',
      '{{< relref >}} [a]({{< relref >}}) {{% relref "" %}}',
      '{{%/* unterminated',
    ]) {
      assert.equal(typeof md.render(src), 'string');
    }
    // A lone surrogate in a value we print becomes U+FFFD.
    assert.ok(md.render('{{% collapse "\uD800x" %}}\ny\n{{% /collapse %}}').includes('<h2 id="x">\uFFFDx</h2>'));
    assert.ok(makeMd({ frontMatter: 'table' }).render('+++\nt = "\uD800"\n+++\n').includes('<td>\uFFFD</td>'));
  });

  it('bounds nesting: deep pairs neither overflow the stack nor hang', () => {
    const md = makeMd();
    const deep = '{{% note %}}\n'.repeat(5000) + 'x\n' + '{{% /note %}}\n'.repeat(5000);
    assert.equal(typeof md.render(deep), 'string');
    const inline = '{{< b >}}'.repeat(3000) + 'x' + '{{< /b >}}'.repeat(3000);
    assert.equal(typeof md.render(inline), 'string');
  });

  it('renders a 5 MB page in reasonable time', function () {
    this.timeout(60000);
    const big = (EXAMPLE.replace(/^\+\+\+[\s\S]*?\+\+\+\n/, '') + '\n{{% collapse "x" %}}\n{{< y "z\n').repeat(Math.ceil(5_000_000 / 1900));
    const html = siteMd().render(big);
    // Forgotten closings make siblings, not a nesting deeper than markdown-it's limit that would drop text.
    assert.ok(html.length > 5_000_000, String(html.length));
    assert.ok(html.endsWith('</details>\n'));
  });

  it('falls back to plain Markdown when one of our steps throws', () => {
    const md = new MarkdownIt();
    let calls = 0;
    medguidePlugin(md, {
      getOptions: () => ({}),
      getPageIndex: () => {
        calls++;
        throw new Error('boom');
      },
      getCurrentPage: () => {
        throw new Error('boom');
      },
    });
    // Callbacks that throw are contained: the ref is shown unchecked.
    assert.equal(md.render('[a]({{< relref "x.md" >}})'), '<p><a href="x.md" class="medguide-relref medguide-relref-unchecked">a</a></p>\n');
    assert.equal(calls, 1);
    // A rule that throws mid-parse: the page is parsed again without our rules.
    md.core.ruler.after('block', 'explode', (state) => {
      if (state.tokens.some((t) => t.type.startsWith('medguide_'))) throw new Error('boom');
    });
    assert.equal(md.render('{{% collapse "A" %}}\nx\n{{% /collapse %}}'), '<p>{{% collapse &quot;A&quot; %}}\nx\n{{% /collapse %}}</p>\n');
    assert.equal(md.render('Titre\n{{ .Title }}'), '<p>Titre\n{{ .Title }}</p>\n');
  });

  it('never lets page values produce live markup (property)', () => {
    const md = siteMd();
    const nasty = fc.constantFrom(
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '" onmouseover="alert(1)',
      "' onfocus='alert(1)",
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '{onclick="x"}',
      '</summary><script>',
      '`',
      '\\"',
      '}}',
      '%}}',
      '>}}',
      '\u0000',
      '\uD800',
    );
    const value = fc.array(fc.oneof(nasty, fc.string({ maxLength: 6 })), { maxLength: 4 }).map((a) => a.join(''));
    const quoted = value.map((v) => `"${v.replace(/["\\\n]/g, '')}"`);
    const page = fc.oneof(
      quoted.map((q) => `{{% collapse ${q} %}}\nx\n{{% /collapse %}}`),
      quoted.map((q) => `{{% alert color=${q} title=${q} %}}\nx\n{{% /alert %}}`),
      fc.tuple(quoted, quoted).map(([a, b]) => `texte {{< figure src=${a} alt=${b} >}} {{% notice ${a} ${b} %}}y{{% /notice %}}`),
      quoted.map((q) => `[lien]({{< relref ${q} >}}) {{% ref ${q} %}}`),
      value.map((v) => `> [!${v.replace(/[\]\n]/g, '')}] ${v.replace(/\n/g, ' ')}\n> corps`),
      value.map((v) => `Texte\n{.alert title="${v.replace(/["\n]/g, '')}" onclick="${v.replace(/["\n]/g, '')}" #${v.replace(/[\s}]/g, '')}}`),
      value.map((v) => `+++\ntitle = ${JSON.stringify(v)}\ntags = [${JSON.stringify(v)}]\nauteurs = [${JSON.stringify(v)}]\n+++\n`),
      value.map((v) => `---\ntitle: ${v.replace(/\n/g, ' ')}\n---\n`),
    );
    fc.assert(
      fc.property(page, fc.constantFrom<'card' | 'table'>('card', 'table'), (src, frontMatter) => {
        // Raw HTML written directly in the page is the author's (VS Code sanitizes it); here we only check what our values produce.
        const withoutHtml = new MarkdownIt({ html: false, linkify: true, typographer: true });
        medguidePlugin(withoutHtml, { getOptions: () => ({ frontMatter }), getPageIndex: () => ['a.md'] });
        assertInert(withoutHtml.render(src), src);
        assert.equal(typeof md.render(src), 'string');
      }),
      { numRuns: 400 },
    );
  });
});
