import { strict as assert } from 'node:assert';
import { makeMd } from './helpers';
import { DEFAULT_ALERT_SHORTCODES, ICONS } from '../../../src/core/markdown';

const title = (kind: string, icon: string, label: string) =>
  `<div class="medguide-alert medguide-alert-${kind}" role="note">\n` +
  `<p class="medguide-alert-title"><span class="medguide-alert-icon" aria-hidden="true">${icon}</span> <span class="medguide-alert-label">${label}</span></p>\n`;

describe('markdown/alerts', () => {
  it('turns Goldmark alert attributes into a box, keeping the classes on the block', () => {
    assert.equal(
      makeMd().render('Vérifiez avant la séance.\n{.alert .alert-warning}\n'),
      title('warning', ICONS.warning, 'Attention') + '<p class="alert alert-warning">Vérifiez avant la séance.</p>\n</div>\n',
    );
  });

  it('puts list and blockquote attributes on the list and the quote, not inside', () => {
    assert.equal(
      makeMd({ lang: 'en' }).render('- a\n- b\n{.alert .alert-info}\n'),
      title('info', ICONS.info, 'Information') + '<ul class="alert alert-info">\n<li>a</li>\n<li>b</li>\n</ul>\n</div>\n',
    );
    assert.equal(
      makeMd().render('> cité\n{.alert .alert-danger}\n'),
      title('danger', ICONS.danger, 'Danger') + '<blockquote class="alert alert-danger">\n<p>cité</p>\n</blockquote>\n</div>\n',
    );
  });

  it('shows a shortcode the site\'s template gives no body (no .Inner) as itself, not as a box left open', () => {
    const page = '{{< note "Seul" >}}\n\nAprès.\n';
    assert.match(makeMd().render(page), /medguide-alert-note[\s\S]*non fermé/, 'by default, note is an alert box that takes a body');
    const { note: _note, ...alerts } = DEFAULT_ALERT_SHORTCODES;
    assert.equal(
      makeMd({ alertShortcodes: alerts, standaloneShortcodes: ['Note'] }).render(page),
      '<p><span class="medguide-shortcode" title="Shortcode Hugo « note »" data-shortcode="note"><span class="medguide-shortcode-name">note</span> ' +
        '<span class="medguide-shortcode-args">&quot;Seul&quot;</span></span></p>\n<p>Après.</p>\n',
    );
  });

  it('keeps an attribute line at the end of a collapse on its paragraph', () => {
    const html = makeMd().render('{{% collapse "A" %}}\n\nTexte.\n{.alert .alert-warning}\n\n{{% /collapse %}}\n');
    assert.ok(html.includes(title('warning', ICONS.warning, 'Attention') + '<p class="alert alert-warning">Texte.</p>\n</div>\n</details>'), html);
    assert.ok(html.startsWith('<details class="medguide-collapse" open>'), html);
  });

  it('renders Hugo blockquote alerts, any word, with an optional title', () => {
    assert.equal(makeMd().render('> [!NOTE]\n> Le patient peut répondre.\n'), title('note', ICONS.note, 'Note') + '<p>Le patient peut répondre.</p>\n</div>\n');
    assert.equal(
      makeMd({ lang: 'en' }).render('> [!WARNING] Avant la séance\n> corps\n'),
      title('warning', ICONS.warning, 'Avant la séance') + '<p>corps</p>\n</div>\n',
    );
    assert.equal(makeMd().render('> [!INFO]\n>\n> corps\n'), title('info', ICONS.info, 'Information') + '<p>corps</p>\n</div>\n');
    assert.equal(makeMd().render('> [!CAUTION]\n> x\n'), title('danger', ICONS.danger, 'Prudence') + '<p>x</p>\n</div>\n');
    assert.equal(makeMd().render('> [!Rappel]\n> x\n'), title('note', ICONS.note, 'Rappel') + '<p>x</p>\n</div>\n');
    // A custom title is plain text, and the box may have no body.
    assert.equal(makeMd().render('> [!NOTE] *x*\n'), title('note', ICONS.note, '*x*') + '</div>\n');
    // Not a marker: stays a quote.
    assert.equal(makeMd().render('> texte [!NOTE]\n'), '<blockquote>\n<p>texte [!NOTE]</p>\n</blockquote>\n');
  });

  it('makes Hugo alerts inside quotes, lists and sections, with source lines for scroll sync', () => {
    const md = makeMd({ lang: 'en' });
    // Nested: the inner quote is the box, the outer stays a quote.
    assert.equal(
      md.render('> Cité\n>\n> > [!TIP]\n> > astuce\n'),
      '<blockquote>\n<p>Cité</p>\n' + title('tip', ICONS.tip, 'Tip') + '<p>astuce</p>\n</div>\n</blockquote>\n',
    );
    assert.equal(md.render('- > [!NOTE]\n  > dans la liste\n'), '<ul>\n<li>\n' + title('note', ICONS.note, 'Note') + '<p>dans la liste</p>\n</div>\n</li>\n</ul>\n');
    const section = md.render('{{% collapse "A" %}}\n> [!WARNING]\n\n> [!NOTE] Seul\n{{% /collapse %}}\n');
    assert.ok(section.includes(title('warning', ICONS.warning, 'Warning') + '</div>\n' + title('note', ICONS.note, 'Seul') + '</div>\n</details>'), section);
    // Marker-only boxes one after another: each loses its marker paragraph, nothing else.
    const tokens = md.parse('> [!NOTE]\n\n> [!TIP]\n\nFin.\n', {});
    assert.deepEqual(
      tokens.map((t) => [t.type, t.map]),
      [
        ['medguide_alert_open', [0, 1]],
        ['medguide_alert_close', null],
        ['medguide_alert_open', [2, 3]],
        ['medguide_alert_close', null],
        ['paragraph_open', [4, 5]],
        ['inline', [4, 5]],
        ['paragraph_close', null],
      ],
    );
    // The marker line leaves the text, and the body's lines stay its own.
    const body = md.parse('Intro.\n\n> [!NOTE]\n> corps\n', {});
    assert.deepEqual(body.find((t) => t.type === 'inline' && t.content === 'corps')?.map, [3, 4]);
  });

  it('renders every default alert shortcode spelling', () => {
    const md = makeMd();
    const box = (src: string) => md.render(src).split('\n').slice(0, 2).join('\n') + '\n';
    assert.equal(box('{{% alert color="warning" title="Dose maximale" %}}\nx\n{{% /alert %}}'), title('warning', ICONS.warning, 'Dose maximale'));
    assert.equal(box('{{% alert %}}\nx\n{{% /alert %}}'), title('info', ICONS.info, 'Information'));
    assert.equal(box('{{% notice warning %}}\nx\n{{% /notice %}}'), title('warning', ICONS.warning, 'Attention'));
    assert.equal(box('{{% notice tip "Astuce du jour" %}}\nx\n{{% /notice %}}'), title('tip', ICONS.tip, 'Astuce du jour'));
    assert.equal(box('{{< hint danger >}}\nx\n{{< /hint >}}'), title('danger', ICONS.danger, 'Danger'));
    assert.equal(box('{{< callout type="important" >}}\nx\n{{< /callout >}}'), title('important', ICONS.important, 'Important'));
    for (const [name, kind, icon, label] of [
      ['info', 'info', ICONS.info, 'Information'],
      ['note', 'note', ICONS.note, 'Note'],
      ['tip', 'tip', ICONS.tip, 'Astuce'],
      ['warning', 'warning', ICONS.warning, 'Attention'],
      ['danger', 'danger', ICONS.danger, 'Danger'],
    ]) {
      assert.equal(box(`{{% ${name} %}}\nx\n{{% /${name} %}}`), title(kind, icon, label), name);
    }
  });

  it('renders the body as Markdown and keeps source lines', () => {
    const tokens = makeMd().parse('{{% tip %}}\n*a*\n\n- b\n{{% /tip %}}\n', {});
    assert.deepEqual(
      tokens.filter((t) => t.block && t.nesting !== -1).map((t) => [t.type, t.map]),
      [
        ['medguide_alert_open', [0, 5]],
        ['paragraph_open', [1, 2]],
        ['inline', [1, 2]],
        ['bullet_list_open', [3, 4]],
        ['list_item_open', [3, 4]],
        ['paragraph_open', [3, 4]],
        ['inline', [3, 4]],
      ],
    );
  });

  it('uses the configured alert shortcode names', () => {
    const md = makeMd({ alertShortcodes: { encadre: { type: 'note', typeArgs: ['type'] } } });
    assert.ok(md.render('{{% encadre type="danger" %}}\nx\n{{% /encadre %}}').startsWith(title('danger', ICONS.danger, 'Danger')));
    // `warning` is no longer an alert: a labelled frame instead.
    assert.ok(md.render('{{% warning %}}\nx\n{{% /warning %}}').startsWith('<div class="medguide-shortcode-frame">'));
  });

  it('renders an alert pair on one line inline', () => {
    assert.equal(
      makeMd().render('Voir {{% tip %}}*ceci*{{% /tip %}}.'),
      '<p>Voir <span class="medguide-alert medguide-alert-tip medguide-alert-inline" role="note"><span class="medguide-alert-title">' +
        '<span class="medguide-alert-icon" aria-hidden="true">' + ICONS.tip + '</span> <span class="medguide-alert-label">Astuce</span></span> <em>ceci</em></span>.</p>\n',
    );
  });
  it('a type named like an Object method (constructor, toString, valueOf) is a note box with its word as label, opened and closed', () => {
    for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const label = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
      for (const src of [`> [!${word}]\n> x\n`, `{{% alert ${word} %}}\nx\n{{% /alert %}}\n`]) {
        const html = makeMd({ lang: 'en' }).render(src);
        assert.ok(html.startsWith(title('note', ICONS.note, label)), `${src}\n${html}`);
        assert.equal(html.split('<div').length, html.split('</div>').length, html);
      }
    }
  });
});
