// The preview plugin on arbitrary input, and the guarantee that matters most for a preview:
// values written in shortcode arguments, attribute lists and front matter never become live
// markup (script, event handlers, script URLs, active elements).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { ICONS, medguidePlugin, type MedguideSettings } from '../../../src/core/markdown';
import { anyText, beyond, lineEnds, liveMarkup, shortcodeSoup, tomlPage, withLineEnds } from './support';

const PAGES = ['index.md', 'recommandations/hta.md', 'cabinet/e-cps.md'];

/** Like VS Code's preview (html, linkify, typographer) unless `html` says otherwise. */
function preview(settings: MedguideSettings = {}, html = true): MarkdownIt {
  const md = new MarkdownIt({ html, linkify: true, typographer: true });
  medguidePlugin(md, { getOptions: () => settings, getPageIndex: () => PAGES, getCurrentPage: () => 'recommandations/hta.md' });
  return md;
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The HTML without MedGuide's own icons: constant SVG with nothing of the page in it (checked in markdown/robustness). */
function withoutIcons(html: string): string {
  let out = html;
  for (const icon of Object.values(ICONS)) out = out.split(icon).join('');
  return out;
}

function renders(md: MarkdownIt, src: string): string {
  const html = md.render(src, {});
  assert.equal(typeof html, 'string');
  return html;
}

describe('robustness/preview plugin', () => {
  const mds = [preview(), preview({ frontMatter: 'table', collapse: 'closed', lang: 'en' }), preview({ collapse: 'authored' }, false)];

  it('renders random text, TOML-ish pages and shortcode soup without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, tomlPage, shortcodeSoup), lineEnds, fc.nat(2), (src, [eol, bom], which) => {
        renders(mds[which], withLineEnds(src, eol, bom));
      }),
      { numRuns: 500 },
    );
  });

  it('never adds lone surrogates to what the page has', () => {
    fc.assert(
      fc.property(fc.oneof(tomlPage, shortcodeSoup), (src) => {
        const html = renders(mds[0], src);
        if (!loneSurrogate.test(src)) assert.ok(!loneSurrogate.test(html), JSON.stringify(src));
      }),
      { numRuns: 300 },
    );
  });

  describe('page values never become live markup', () => {
    const PAYLOADS = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<svg onload=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '" onmouseover="alert(1)',
      "' onfocus='alert(1)' autofocus '",
      '"><script>alert(1)</script>',
      'javascript:alert(1)',
      'JaVaScRiPt&#58;alert(1)',
      ' java\tscript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'data:image/png;base64,AAAA',
      '</summary></details><script>alert(1)</script>',
      '<style>body{display:none}</style>',
      '&lt;script&gt;',
      '{{< x >}}',
      '%}}<script>',
      '>}}<img src=x onerror=alert(1)>',
      '*/>}}<script>',
    ];
    const payload = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
      { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 5 })), { maxLength: 3 }).map((a) => a.join('')) },
    );
    // A value as each syntax can hold it: quoted (no raw `"` or line end), raw string, bare word.
    const q = (v: string) => `"${v.replace(/[\\"\r\n]/g, '')}"`;
    const raw = (v: string) => `\`${v.replace(/[`\r\n]/g, '')}\``;
    const bare = (v: string) => v.replace(/[\s{}]/g, '') || 'x';
    const tomlStr = (v: string) => JSON.stringify(v);

    const page = fc.oneof(
      // shortcode arguments: positional, named, raw strings, bare words; block and inline; paired and not
      fc.tuple(payload, payload).map(([a, b]) => `{{% collapse ${q(a)} ${q(b)} %}}\nTexte\n{{% /collapse %}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `{{% alert color=${q(a)} title=${raw(b)} %}}\nTexte\n{{% /alert %}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `{{< notice ${bare(a)} ${q(b)} >}}\nTexte\n{{< /notice >}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `Un {{< figure src=${q(a)} alt=${raw(b)} >}} et {{% tip ${q(a)} %}}x{{% /tip %}} et {{< ${bare(a)} ${q(b)} >}}.\n`),
      fc.tuple(payload, payload).map(([a, b]) => `{{< ${bare(a)} k=${q(b)} >}}\nbloc\n{{< /${bare(a)} >}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `Voir [le lien]({{< relref ${q(a)} >}}), {{< ref ${q(b)} >}} et [autre]({{% relref path=${q(a)} %}}).\n`),
      payload.map((a) => `Exemple : {{</* x ${q(a)} */>}} et {{%/* y ${raw(a)} */%}}\n`),
      // attribute lists: block, heading, inline, on an alert
      fc.tuple(payload, payload).map(([a, b]) => `Paragraphe\n{.alert .alert-${bare(a)} title=${q(b)} onclick=${q(a)} style=${q(a)} data-x=${q(b)} #${bare(b)}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `## Titre {#${bare(a)} .${bare(b)} title=${q(a)} href=${q(b)}}\n\n*mot*{title=${q(b)} data-href=${q(a)}}\n`),
      fc.tuple(payload, payload).map(([a, b]) => `> [!NOTE] ${a.replace(/[\r\n<>&]/g, '')}\n> corps\n{.${bare(b)} title=${q(a)}}\n`),
      // front matter values and keys, TOML and YAML
      fc.tuple(payload, payload).map(
        ([a, b]) =>
          `+++\ntitle = ${tomlStr(a)}\ndescription = ${tomlStr(b)}\nauteurs = [${tomlStr(a)}, ${tomlStr(b)}]\ntags = [${tomlStr(b)}]\n` +
          `date = ${tomlStr(a)}\nlastmod = ${tomlStr(b)}\n${tomlStr(a)} = ${tomlStr(b)}\n[params]\nx = ${tomlStr(a)}\n+++\nTexte\n`,
      ),
      fc.tuple(payload, payload).map(([a, b]) => `---\ntitle: ${a.replace(/[\r\n]/g, ' ')}\ntags: [${b.replace(/[\r\n]/g, ' ')}]\nauteurs:\n  - ${a.replace(/[\r\n]/g, ' ')}\n---\nTexte\n`),
      fc.tuple(payload, payload).map(([a, b]) => `+++\ntitle = ${tomlStr(a)}\nbroken = ${b.replace(/[\r\n]/g, ' ')}\n+++\n`),
    );
    const settings = fc.record({
      frontMatter: fc.constantFrom<'card' | 'table'>('card', 'table'),
      collapse: fc.constantFrom<'open' | 'closed' | 'authored'>('open', 'closed', 'authored'),
      lang: fc.constantFrom<'fr' | 'en'>('fr', 'en'),
    });

    it('with raw HTML off: no live markup at all, so none can come from the values', () => {
      fc.assert(
        fc.property(page, settings, lineEnds, (src, s, [eol, bom]) => {
          const text = withLineEnds(src, eol, bom);
          const html = preview(s, false).render(text, {});
          assert.deepEqual(liveMarkup(withoutIcons(html)), [], `input: ${JSON.stringify(text)}\nhtml: ${html}`);
        }),
        { numRuns: 700 },
      );
    });

    it('with raw HTML on (as VS Code): nothing beyond what markdown-it alone makes of the same page', () => {
      const plain = new MarkdownIt({ html: true, linkify: true, typographer: true });
      fc.assert(
        fc.property(page, settings, (src, s) => {
          const html = preview(s, true).render(src, {});
          const extra = beyond(liveMarkup(withoutIcons(html)), liveMarkup(plain.render(src, {})));
          assert.deepEqual(extra, [], `input: ${JSON.stringify(src)}\nhtml: ${html}`);
        }),
        { numRuns: 700 },
      );
    });

    it('the audit itself sees live markup (guards against a vacuous property)', () => {
      assert.deepEqual(liveMarkup('<p><img src=x onerror="a()"></p>'), ['attribute:onerror', 'element:img']);
      assert.deepEqual(liveMarkup('<a href=" jav&#x61;script&colon;x">'), ['url:javascript']);
      assert.deepEqual(liveMarkup('<span title="&quot; onclick=&quot;x">'), []);
      assert.deepEqual(liveMarkup(new MarkdownIt({ html: true }).render('<script>x</script>')), ['element:script']);
    });
  });
});
