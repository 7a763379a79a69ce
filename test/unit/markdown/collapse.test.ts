import { strict as assert } from 'node:assert';
import { makeMd } from './helpers';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { anchorize, ICONS, medguidePlugin, type MedguideSettings } from '../../../src/core/markdown';

const TITLE = '<summary class="medguide-collapse-summary">';

describe('markdown/collapse', () => {
  it('anchorizes titles the way Hugo does (GitHub style)', () => {
    assert.equal(anchorize('Créer une adresse MSSanté'), 'créer-une-adresse-mssanté');
    assert.equal(anchorize("  Envoyer l'ordonnance (PDF) !  "), 'envoyer-lordonnance-pdf-');
    assert.equal(anchorize('A - B_c 2'), 'a---b_c-2');
    assert.equal(anchorize('İstanbul'), 'istanbul');
    assert.equal(anchorize('<img src=x>'), 'img-srcx');
    assert.equal(anchorize('ΟΔΟΣ Σ 𝐀𝟏 \uD800x'), 'οδοσ-σ-𝐀𝟏-x');
  });

  it('anchorizes any text as a rune-by-rune reading of Hugo\'s rule does (property)', () => {
    // The rule written plainly, one code point at a time: the reference for the fast version.
    const reference = (text: string): string => {
      let out = '';
      for (const ch of text.trim()) {
        if (ch === ' ' || ch === '-') out += '-';
        else if (/^[\p{L}\p{Nd}_]$/u.test(ch)) out += String.fromCodePoint(ch.toLowerCase().codePointAt(0) ?? 0xfffd);
      }
      return out;
    };
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string(), fc.constantFrom('Éŀèç ÀÔ', 'ǅ ß ΣΑΣ', 'İI\u0130'));
    fc.assert(fc.property(text, (t) => anchorize(t) === reference(t)), { numRuns: 2000 });
  });

  it('renders a section with a real h2 and a Markdown body', () => {
    const html = makeMd().render('{{%collapse "Créer une adresse MSSanté" %}}\n\n- un *item*\n\n{{% /collapse %}}\n');
    assert.equal(
      html,
      '<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 id="créer-une-adresse-mssanté">Créer une adresse MSSanté</h2>\n</summary>\n` +
        '<ul>\n<li>un <em>item</em></li>\n</ul>\n</details>\n',
    );
  });

  it('emits heading tokens with source lines, so the outline sees the section, in five tokens', () => {
    const tokens = makeMd().parse('intro\n\n{{% collapse "Matériel" "show" %}}\ntexte\n{{% /collapse %}}\n', {});
    assert.deepEqual(
      tokens.map((t) => [t.type, t.map]),
      [
        ['paragraph_open', [0, 1]],
        ['inline', [0, 1]],
        ['paragraph_close', null],
        ['medguide_collapse_open', [2, 5]],
        ['heading_open', [2, 3]],
        ['inline', [2, 3]],
        ['heading_close', null],
        ['paragraph_open', [3, 4]],
        ['inline', [3, 4]],
        ['paragraph_close', null],
        ['medguide_collapse_close', null],
      ],
    );
    const heading = tokens[4];
    assert.equal(heading.tag, 'h2');
    assert.equal(heading.attrGet('id'), 'matériel');
    assert.deepEqual(tokens[5].children!.map((c) => [c.type, c.content]), [['text', 'Matériel']]);
  });

  it('follows the collapse setting: open, closed, or as authored', () => {
    const src = '{{% collapse "A" %}}\nx\n{{% /collapse %}}\n{{% collapse "B" "show" %}}\ny\n{{% /collapse %}}\n';
    const opens = (html: string) => html.match(/<details[^>]*>/g);
    assert.deepEqual(opens(makeMd().render(src)), ['<details class="medguide-collapse" open>', '<details class="medguide-collapse" open data-show="true">']);
    assert.deepEqual(opens(makeMd({ collapse: 'closed' }).render(src)), [
      '<details class="medguide-collapse">',
      '<details class="medguide-collapse" data-show="true">',
    ]);
    assert.deepEqual(opens(makeMd({ collapse: 'authored' }).render(src)), [
      '<details class="medguide-collapse">',
      '<details class="medguide-collapse" open data-show="true">',
    ]);
  });

  it('reads the setting at render time, without re-registering', () => {
    let collapse: 'open' | 'closed' = 'open';
    const live = makeMdLive(() => ({ collapse }));
    const src = '{{% collapse "A" %}}\nx\n{{% /collapse %}}\n';
    assert.match(live.render(src), /<details class="medguide-collapse" open>/);
    collapse = 'closed';
    assert.match(live.render(src), /<details class="medguide-collapse">/);
  });

  it('keeps alerts and lists inside, and nests collapses', () => {
    const html = makeMd().render(
      '{{% collapse "Ext" %}}\n{{% warning %}}\n1. un\n2. deux\n{{% /warning %}}\n{{% collapse "Int" %}}\ntexte\n{{% /collapse %}}\n{{% /collapse %}}\n',
    );
    assert.equal(
      html,
      '<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 id="ext">Ext</h2>\n</summary>\n` +
        '<div class="medguide-alert medguide-alert-warning" role="note">\n' +
        '<p class="medguide-alert-title"><span class="medguide-alert-icon" aria-hidden="true">' + ICONS.warning + '</span> <span class="medguide-alert-label">Attention</span></p>\n' +
        '<ol>\n<li>un</li>\n<li>deux</li>\n</ol>\n</div>\n' +
        '<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 id="int">Int</h2>\n</summary>\n<p>texte</p>\n</details>\n` +
        '</details>\n',
    );
  });

  it('shows an untitled section in the user language, without an id', () => {
    assert.equal(
      makeMd({ lang: 'en' }).render('{{% collapse %}}\nx\n{{% /collapse %}}'),
      '<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 class="medguide-collapse-untitled">(untitled section)</h2>\n</summary>\n<p>x</p>\n</details>\n`,
    );
  });

  it('runs an unclosed collapse to the end of the page and says so', () => {
    assert.equal(
      makeMd().render('{{% collapse "A" %}}\ntexte\n\nsuite'),
      '<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 id="a">A</h2>\n</summary>\n` +
        '<p class="medguide-shortcode-warning" role="note"><span class="medguide-warning-icon" aria-hidden="true">' + ICONS.problem + '</span> Shortcode « collapse » non fermé : il manque {{% /collapse %}}</p>\n' +
        '<p>texte</p>\n<p>suite</p>\n</details>\n',
    );
  });

  it('interrupts a paragraph and stops lazy lines at the closing tag', () => {
    assert.equal(
      makeMd().render('avant\n{{% collapse "A" %}}\n> cité\n{{% /collapse %}}\naprès'),
      '<p>avant</p>\n<details class="medguide-collapse" open>\n' +
        `${TITLE}<h2 id="a">A</h2>\n</summary>\n<blockquote>\n<p>cité</p>\n</blockquote>\n</details>\n<p>après</p>\n`,
    );
  });

  it('keeps a hostile title as text', () => {
    const html = makeMd().render('{{% collapse "<img src=x onerror=alert(1)>" %}}\nx\n{{% /collapse %}}');
    assert.ok(html.includes('<h2 id="img-srcx-onerroralert1">&lt;img src=x onerror=alert(1)&gt;</h2>'), html);
    assert.ok(!html.includes('<img'));
  });
});

function makeMdLive(get: () => MedguideSettings): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  medguidePlugin(md, { getOptions: get });
  return md;
}
