import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import markdownItAttrs from 'markdown-it-attrs';
import { curlyAttributesRule, type AttrsOptions } from '../../../src/core/markdown/attrsRule';
import { ALLOWED_ATTRIBUTES, SAFE_ATTRIBUTE_VALUE } from '../../../src/core/markdown/attrs';
import { medguidePlugin } from '../../../src/core/markdown';

const OPTIONS: AttrsOptions = {
  leftDelimiter: '{',
  rightDelimiter: '}',
  allowedAttributes: [...ALLOWED_ATTRIBUTES],
  allowedAttributeValues: [SAFE_ATTRIBUTE_VALUE],
};

function withPackageLoop(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: true });
  md.use(markdownItAttrs as unknown as (md: MarkdownIt, o: object) => void, OPTIONS);
  return md;
}

function withOurLoop(): MarkdownIt {
  const md = withPackageLoop();
  md.core.ruler.at('curly_attributes', curlyAttributesRule(OPTIONS));
  return md;
}

// Pieces of pages where attribute lists land in every place markdown-it-attrs knows.
const FRAGMENT = fc.constantFrom(
  'Un paragraphe.\n{.lead}\n',
  'Texte {.inline} et *emphase*{.em} et `code`{.c}\n',
  '## Titre {#ancre .x}\n',
  '- un\n- deux\n{.alert .alert-info}\n',
  '- un\n  - imbriqué\n{.alert}\n',
  '1. a\n2. b {.item}\n',
  '> citation\n{.alert .alert-warning}\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n{.table}\n',
  '```js {.language-js}\ncode\n```\n',
  '--- {#hr}\n',
  'Lien [x](https://e.org){title="t" data-x="1"}\n',
  'Terme\n: définition {.d}\n',
  '{.seul}\n',
  'Texte sans accolade.\n',
  '{{% collapse "T" %}}\n',
  'a {b} c {.d e} f\n',
  // Text whose children get a delimiter the token's own text lacks (entities, escapes, linkify).
  'Entité &#123;.x&#125; et &lbrace;.y&rbrace;\n',
  'Échappé \\{.x\\} fin\n',
  'Lien https://e.org/%7B.x%7D\n',
  'Lien www.e.org/a%7Bb%7D {.z}\n',
  '| a {.c} | b |\n|---|---|\n| 1 {colspan=2} |\n',
  '',
  '\n',
);

describe('markdown/attrsRule: our loop over markdown-it-attrs\' patterns', () => {
  it('renders exactly as the package\'s own loop, on pages mixing every attribute position (property)', () => {
    const ours = withOurLoop();
    const theirs = withPackageLoop();
    fc.assert(
      fc.property(fc.array(FRAGMENT, { maxLength: 12 }), fc.string({ maxLength: 20 }), (parts, noise) => {
        const page = parts.join('\n') + noise;
        assert.equal(ours.render(page), theirs.render(page), page);
      }),
      { numRuns: 400 },
    );
  });

  it('skips nothing that holds an attribute list (a direct case per pattern)', () => {
    const md = withOurLoop();
    assert.equal(md.render('Un paragraphe.\n{.lead}\n'), '<p class="lead">Un paragraphe.</p>\n');
    assert.equal(md.render('## Titre {#ancre .x}\n'), '<h2 id="ancre" class="x">Titre</h2>\n');
    assert.match(md.render('- un\n- deux\n{.alert .alert-info}\n'), /^<ul class="alert alert-info">/);
    assert.match(md.render("```js {.language-js}\ncode\n```\n"), /<code class="language-js[^"]*">/);
    assert.match(md.render('--- {#hr}\n'), /<hr id="hr">/);
  });
});

describe('markdown: shortcode and alert parsing never exposes what a code span protects', () => {
  const md = new MarkdownIt({ html: true }).use(medguidePlugin, { getOptions: () => ({ lang: 'fr' }) });

  it('keeps a Hugo alert title with a backtick in the body, so a code span across lines stays one', () => {
    const html = md.render('> [!NOTE] `\n> corps\n{.<script>alert(1)</script> title="`"}\n');
    assert.ok(!html.includes('<script>'), html);
    assert.match(html, /<code> corps \{\.&lt;script&gt;/);
  });

  it('leaves a shortcode cut short by an unterminated string to Markdown', () => {
    const html = md.render('{{% alert title=`%}}<script>{{< x >}}` %}}\nTexte\n{{% /alert %}}\n');
    assert.ok(!html.includes('<script>'), html);
  });
});
