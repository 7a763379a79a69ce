import { strict as assert } from 'node:assert';
import { isKnownShortcode, templateName, templateNamesFromPaths } from '../../../src/core/shortcodes';

describe('shortcodes/templates', () => {
  it('turns template paths into shortcode names: sub-folders, _shortcodes, themes, variants', () => {
    const names = templateNamesFromPaths([
      'layouts/shortcodes/collapse.html',
      'layouts/_shortcodes/Notice.html',
      'layouts/shortcodes/boxes/info.html',
      'themes/docsy/layouts/shortcodes/alert.html',
      'themes/docsy/layouts/shortcodes/alert.amp.html',
      '/home/med/site/layouts/shortcodes/tabs.fr.html',
      'C:\\site\\layouts\\shortcodes\\onglet.html',
      'layouts/shortcodes/.gitkeep',
      'layouts/partials/shortcodes/pas-un.html',
      'layouts/_default/single.html',
      'content/layouts/notes.md',
    ]);
    assert.deepEqual([...names].sort(), ['alert', 'boxes/info', 'collapse', 'notice', 'onglet', 'tabs']);
  });

  it('reads the _shortcodes folders below a path of the layouts (Hugo 0.146+), not other underscore folders', () => {
    assert.equal(templateName('layouts/docs/_shortcodes/cli-flags.html'), 'cli-flags');
    assert.equal(templateName('/site/layouts/docs/api/_shortcodes/boxes/Info.en.html'), 'boxes/info');
    assert.equal(templateName('themes/t/layouts/blog/_shortcodes/note.html'), 'note');
    assert.equal(templateName('layouts/_partials/_shortcodes/x.html'), undefined);
    assert.equal(templateName('layouts/docs/shortcodes/x.html'), undefined, 'only the root folder has the old name');
    assert.equal(templateName('layouts/docs/_markup/render-link.html'), undefined);
  });

  it('reads one path, or says it is no shortcode template', () => {
    assert.equal(templateName('site/layouts/shortcodes/a/b/C.html'), 'a/b/c');
    assert.equal(templateName('layouts/shortcodes/README'), undefined);
    assert.equal(templateName('layouts/index.html'), undefined);
  });

  it('knows Hugo built-ins whatever the site defines, case-insensitively', () => {
    for (const name of ['figure', 'gist', 'highlight', 'instagram', 'param', 'ref', 'relref', 'vimeo', 'x', 'twitter', 'youtube', 'details', 'qr', 'comment', 'YouTube']) {
      assert.ok(isKnownShortcode(name, new Set()), name);
    }
    assert.ok(isKnownShortcode('Boxes/Info', new Set(['boxes/info'])));
    assert.ok(!isKnownShortcode('galerie', new Set(['collapse'])));
  });
});
