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
