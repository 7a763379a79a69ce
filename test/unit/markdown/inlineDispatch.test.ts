import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import sub from 'markdown-it-sub';
import { medguidePlugin } from '../../../src/core/markdown';
import { siteMd } from './helpers';

// MedGuide's one inline rule for `{` (shortcodes), `[` (relref links), `=`, `^`, `~` (mark, sup,
// sub): markdown-it tries each inline rule at every position its text rule stops at.
const SRC = 'Du ==surligné==, H~2~O, 10^3^, ~~barré~~, [la page]({{< relref "outils/e-cps.md" >}}) et {{< relref "teleconsultation.md" >}}.\n';

function enabledInlineRules(md: MarkdownIt): string[] {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; enabled: boolean }[] }).__rules__;
  return rules.filter((r) => r.enabled).map((r) => r.name);
}

describe('markdown/inline rules', () => {
  it('adds one inline rule to markdown-it\'s for shortcodes, relref links, mark, sup and sub', () => {
    const plain = enabledInlineRules(new MarkdownIt());
    const ours = enabledInlineRules(siteMd());
    assert.equal(ours.length, plain.length + 1, ours.join(' '));
    assert.deepEqual(ours.filter((n) => !plain.includes(n)), ['mark']);
  });

  it('still renders each of the five, and strikethrough keeps `~~`', () => {
    const html = siteMd().render(SRC);
    assert.match(html, /<mark>surligné<\/mark>/);
    assert.match(html, /H<sub>2<\/sub>O/);
    assert.match(html, /10<sup>3<\/sup>/);
    assert.match(html, /<s>barré<\/s>/);
    assert.match(html, /<a href="outils\/e-cps\.md"[^>]*>la page<\/a>/);
    assert.ok(!html.includes('{{<'), html);
  });

  it('gives the same HTML when markdown-it-sub was already loaded on the instance', () => {
    const md = new MarkdownIt({ html: true, linkify: true, typographer: true }).use(sub);
    medguidePlugin(md, { getOptions: () => ({}), getPageIndex: () => ['outils/e-cps.md', 'teleconsultation.md'], getCurrentPage: () => 'teleconsultation.md' });
    assert.equal(md.render(SRC), siteMd().render(SRC));
  });
});
