import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';

// The editor and CI say the same thing: a multilingual site configured through config/_default/
// (one content folder per language, a leaf bundle, a draft, a page without front matter, the
// site's own [shortcodes] in .medguide.toml, a broken YAML file of the configuration directory), checked by "MedGuide: Validate All Pages" in the
// real VS Code and by `medguide check --format json` (packages/cli/dist/cli.js, a separate Node process), must
// give the same problems, item by item.
const SITE = 'sites/multilingue';
const SEVERITY = ['error', 'warning', 'information', 'hint'];

interface Row {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

const key = (r: Row) => `${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn} ${r.severity} ${r.code} ${r.message}`;

describe('Editor = CLI on a multilingual site with a config directory', () => {
  it('lists in the Problems panel exactly what medguide check --format json prints', async function () {
    this.timeout(120_000);
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const siteUri = vscode.Uri.joinPath(folder, SITE);
    const lang = vscode.workspace.getConfiguration('medguide').get<string>('language', 'auto') === 'fr' || vscode.env.language.startsWith('fr') ? 'fr' : 'en';

    await vscode.commands.executeCommand('medguide.validateAll');
    const editorRows = (): Row[] => {
      const out: Row[] = [];
      for (const [uri, list] of vscode.languages.getDiagnostics()) {
        if (!uri.path.startsWith(`${siteUri.path}/`)) continue;
        for (const d of list) {
          if (d.source !== 'MedGuide') continue;
          out.push({
            file: uri.path.slice(siteUri.path.length + 1),
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            severity: SEVERITY[d.severity],
            code: String(typeof d.code === 'object' ? d.code.value : d.code),
            message: d.message,
          });
        }
      }
      return out.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    };

    const cli = spawnSync(process.execPath, [join(__dirname, '../../../packages/cli/dist/cli.js'), 'check', '--format', 'json', '--lang', lang], {
      cwd: siteUri.fsPath,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    // Exit 2: the site's configuration has an error (config/_default/params.yaml is broken on purpose).
    assert.equal(cli.status, 2, `medguide check ran (exit ${cli.status}): ${cli.stderr}`);
    const cliRows = (JSON.parse(cli.stdout) as Row[]).map((r) => ({ ...r, file: r.file.split('\\').join('/') })).sort((a, b) => (key(a) < key(b) ? -1 : 1));

    // What the site is built to show, so the comparison cannot pass on two empty lists.
    const codes = cliRows.map((r) => `${r.file} ${r.code} ${r.severity}`);
    for (const expected of [
      'content/fr/guide/hta.md relref-not-found warning',
      'content/fr/guide/hta.md relref-anchor warning',
      'content/en/guide/hta.md relref-not-found warning',
      'content/fr/guide/sans-front-matter.md required error',
      'content/fr/outils/lot/extrait.md shortcode-unclosed error',
      'content/fr/guide/diabete.md date-order warning',
      'config/_default/params.yaml hugo-config-syntax error',
    ]) {
      assert.ok(codes.includes(expected), `the CLI reports ${expected}:\n${codes.join('\n')}`);
    }
    // Hugo finds these: no false alarm on the refs to other languages, bundles and sections.
    assert.equal(cliRows.filter((r) => r.code.startsWith('relref')).length, 4, codes.join('\n'));

    let rows: Row[] = [];
    for (let i = 0; i < 100; i++) {
      rows = editorRows();
      if (rows.length >= cliRows.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(rows.map(key), cliRows.map(key));
  });
});
