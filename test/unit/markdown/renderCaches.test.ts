// What the preview keeps from one render to the next (resolved settings, parsed front matter,
// looked-up labels, a collapse title's text) must never show a previous render's answer.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { medguidePlugin, type MedguideSettings } from '../../../src/core/markdown';
import { setTranslator } from '../../../src/core/l10n';

describe('markdown: what renders keep from each other', () => {
  it('follows settings that change between renders of one instance', () => {
    let settings: MedguideSettings = { lang: 'fr' };
    const md = new MarkdownIt();
    medguidePlugin(md, { getOptions: () => settings });
    const page = '+++\ntitle = "T"\ntags = ["a"]\n+++\n\n{{% collapse "Titre" %}}\n\ntexte\n\n{{% /collapse %}}\n\n> [!NOTE]\n> x\n';
    const fr = md.render(page);
    assert.match(fr, /<header class="medguide-front-matter medguide-front-matter-card"/);
    assert.match(fr, /<details class="medguide-collapse" open>/);
    settings = { lang: 'en', frontMatter: 'table', collapse: 'closed' };
    const en = md.render(page);
    assert.match(en, /<table class="medguide-front-matter medguide-front-matter-table"/);
    assert.match(en, /<details class="medguide-collapse">/);
    assert.match(en, /medguide-alert-label">Note</);
    settings = { frontMatter: 'hide' };
    assert.doesNotMatch(md.render(page), /medguide-front-matter/);
    settings = { lang: 'fr' };
    assert.equal(md.render(page), fr);
  });

  it('follows the alert and paired shortcodes a new settings object names', () => {
    let settings: MedguideSettings = {};
    const md = new MarkdownIt();
    medguidePlugin(md, { getOptions: () => settings });
    const page = '{{% boite %}}\ncorps\n{{% /boite %}}\n';
    assert.doesNotMatch(md.render(page), /medguide-alert/);
    settings = { alertShortcodes: { boite: { type: 'tip' } } };
    assert.match(md.render(page), /medguide-alert medguide-alert-tip/);
    settings = {};
    assert.doesNotMatch(md.render(page), /medguide-alert/);
  });

  it('shows each page its own front matter, however many pages take turns', () => {
    const md = new MarkdownIt();
    medguidePlugin(md, { getOptions: () => ({}) });
    const page = (n: number) => `+++\ntitle = "Page ${n}"\n+++\n\ntexte\n`;
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 20; n++) assert.match(md.render(page(n)), new RegExp(`medguide-fm-title">Page ${n}<`));
    }
    assert.match(md.render('+++\ntitle = \n+++\n'), /medguide-front-matter-invalid/);
    assert.match(md.render('---\ntitle: YAML\n---\n'), /medguide-fm-title">YAML</);
  });

  it('reads labels through the translator in place at each render', () => {
    const md = new MarkdownIt();
    medguidePlugin(md, { getOptions: () => ({ lang: 'fr' }) });
    const page = '+++\ntags = ["a"]\n+++\n\n> [!TIP]\n> x\n';
    const bundled = md.render(page);
    try {
      setTranslator('fr', (message) => `«${message}»`);
      assert.match(md.render(page), /medguide-alert-label">«Tip»</);
      assert.match(md.render(page), /aria-label="«Tags»"/);
      setTranslator('fr', (message) => `[${message}]`);
      assert.match(md.render(page), /medguide-alert-label">\[Tip\]</);
      assert.match(md.render(page), /aria-label="\[Tags\]"/);
    } finally {
      setTranslator('fr', undefined);
    }
    assert.equal(md.render(page), bundled);
  });

  it('gives a collapse heading an inline token holding its plain title once parsing is done', () => {
    const md = new MarkdownIt({ html: true });
    medguidePlugin(md);
    const tokens = md.parse('{{% collapse "Un **titre** <b>x</b> `c`" %}}\n\ncorps\n\n{{% /collapse %}}\n', {});
    const h = tokens.findIndex((t) => t.type === 'heading_open');
    assert.equal(tokens[h + 1].type, 'inline');
    assert.deepEqual(
      tokens[h + 1].children?.map((c) => [c.type, c.content]),
      [['text', 'Un **titre** <b>x</b> `c`']],
    );
    assert.ok(!tokens.some((t) => t.type.startsWith('medguide_collapse_title')));
  });
});
