import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';

async function openPage(relative: string): Promise<vscode.TextDocument> {
  const [uri] = await vscode.workspace.findFiles(`content/${relative}`, undefined, 1);
  assert.ok(uri, `content/${relative} exists in the test workspace`);
  return vscode.workspace.openTextDocument(uri);
}

async function render(doc: vscode.TextDocument): Promise<string> {
  await vscode.extensions.getExtension('medguide.medguide')!.activate();
  // Wait until the site index has listed the pages (relrefs are resolved against it).
  for (let i = 0; i < 50; i++) {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    if (!html.includes('medguide-broken-ref') || i === 49) return html;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('unreachable');
}

describe('Preview: markdown.api.render runs through MedGuide\'s plugin', () => {
  it('hides the front matter and shows a header card instead', async () => {
    const html = await render(await openPage('recommandations/hypertension-arterielle.md'));
    assert.ok(!html.includes('+++'), 'no +++ delimiter in the HTML');
    assert.ok(!html.includes('publishdate ='), 'no raw TOML in the HTML');
    assert.match(html, /class="[^"]*medguide-front-matter/);
    assert.match(html, /Hypertension artérielle de l(?:'|&#39;|’)adulte/);
  });

  it('turns collapse shortcodes into level-2 section headings with Hugo\'s ids', async () => {
    const html = await render(await openPage('recommandations/hypertension-arterielle.md'));
    assert.ok(!/\{\{[%<]\s*\/?\s*collapse/.test(html), 'no raw collapse shortcode left');
    assert.match(html, /<h2[^>]* id="définitions"[^>]*>/);
    assert.match(html, /<h2[^>]* id="confirmer-le-diagnostic"[^>]*>/);
  });

  it('renders attribute-list alerts, Hugo alerts and alert shortcodes as boxes', async () => {
    const html = await render(await openPage('recommandations/hypertension-arterielle.md'));
    assert.match(html, /medguide-alert-info/);
    assert.match(html, /medguide-alert-warning/);
    assert.ok(!html.includes('{.alert'), 'no raw attribute list');
    assert.ok(!html.includes('[!WARNING]'), 'no raw Hugo alert marker');
  });

  it('resolves relref links to the target files', async () => {
    const html = await render(await openPage('recommandations/certificat-de-deces.md'));
    assert.ok(!/\{\{[%<]\s*relref/.test(html), 'no raw relref shortcode');
    assert.match(html, /href="[^"]*e-cps\.md"/);
    assert.ok(!html.includes('medguide-broken-ref'), 'every relref of the example page resolves');
  });
});

describe('Preview: labels follow the page’s language, not VS Code’s', () => {
  /** Renders until `ready(html)` (the site model lists a site's languages once it has read it). */
  async function renderUntil(path: string, ready: (html: string) => boolean): Promise<string> {
    const [uri] = await vscode.workspace.findFiles(path, undefined, 1);
    assert.ok(uri, `${path} exists in the test workspace`);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.extensions.getExtension('medguide.medguide')!.activate();
    let html = '';
    for (let i = 0; i < 100; i++) {
      html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
      if (ready(html)) return html;
      await new Promise((r) => setTimeout(r, 100));
    }
    return html;
  }

  it('French labels on the French example site with medguide.language = en; English ones on an English translation with fr', async () => {
    const config = vscode.workspace.getConfiguration('medguide');
    try {
      await config.update('language', 'en', vscode.ConfigurationTarget.Workspace);
      // The example site says languageCode = "fr-fr": its pages are French whatever the setting.
      const fr = await renderUntil('content/cabinet/e-cps.md', (h) => h.includes('Publié le'));
      assert.match(fr, /Créé le 2024-03-04/);
      assert.match(fr, /<span class="medguide-alert-label">Astuce<\/span>/);
      assert.doesNotMatch(fr, /Published|>Tip</);
      await config.update('language', 'fr', vscode.ConfigurationTarget.Workspace);
      // The multilingual fixture site: content/en is English (its languages.toml), content/fr French.
      const en = await renderUntil('sites/multilingue/content/en/guide/hta.md', (h) => h.includes('Created 2024-03-01'));
      assert.match(en, /Created 2024-03-01/);
      assert.doesNotMatch(en, /Créé le/);
      const frPage = await renderUntil('sites/multilingue/content/fr/guide/hta.md', (h) => h.includes('Créé le'));
      assert.match(frPage, /Créé le/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
