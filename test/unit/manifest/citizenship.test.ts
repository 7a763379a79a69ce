import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Good citizenship of the package: every setting says where it applies, the extension reads each
// where it applies, and MedGuide's TOML grammar stays out of the way of the TOML extensions.
const ROOT = resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { scope?: string }> = manifest.contributes?.configuration?.properties ?? {};
const SCOPES = ['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'];
/** Settings that do not depend on the file: read without a resource. */
const WINDOW_WIDE = ['application', 'machine', 'window'];

function extensionSources(): { file: string; text: string }[] {
  const dir = join(ROOT, 'src/extension');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: `src/extension/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('package.json: settings scopes', () => {
  it('declares a scope for every medguide.* setting', () => {
    const names = Object.keys(properties).filter((k) => k.startsWith('medguide.'));
    assert.ok(names.length >= 10, `the settings are found (${names.length})`);
    const missing = names.filter((k) => !SCOPES.includes(properties[k].scope ?? ''));
    assert.deepEqual(missing, [], 'settings without a valid scope');
  });

  it('makes the settings that depend on the file resource-scoped, the message language window-wide', () => {
    assert.equal(properties['medguide.language']?.scope, 'window');
    for (const k of ['medguide.validation.enabled', 'medguide.validation.include', 'medguide.preview.frontMatter', 'medguide.shortcodes.paired', 'medguide.lastmod.updateOnSave', 'medguide.mssante.insertFormat']) {
      assert.equal(properties[k]?.scope, 'resource', k);
    }
  });

  it('reads a setting without a resource only when it is window-wide (src/extension)', () => {
    const problems: string[] = [];
    let calls = 0;
    for (const { file, text } of extensionSources()) {
      for (const m of text.matchAll(/getConfiguration\(\s*'([\w.]+)'\s*(,)?/g)) {
        if (!m[1].startsWith('medguide')) continue;
        calls++;
        if (m[2]) continue; // a resource is given
        // Without a resource: only `getConfiguration('medguide…').get('key')` of a window-wide setting.
        const direct = /^\s*\)\s*\.get(?:<[^>]*>)?\(\s*'([\w.]+)'/.exec(text.slice(m.index + m[0].length));
        const setting = direct ? `${m[1]}.${direct[1]}` : undefined;
        if (!setting || !WINDOW_WIDE.includes(properties[setting]?.scope ?? '')) {
          problems.push(`${file}:${text.slice(0, m.index).split('\n').length}: getConfiguration('${m[1]}') without a resource${setting ? ` reads ${setting} (scope ${properties[setting]?.scope})` : ''}`);
        }
      }
    }
    assert.ok(calls >= 4, `the configuration reads are found (${calls})`);
    assert.deepEqual(problems, []);
  });
});

describe('package.json: the TOML language and grammar', () => {
  const grammars: { language?: string; scopeName: string; embeddedLanguages?: Record<string, string> }[] = manifest.contributes?.grammars ?? [];
  const languages: { id: string; extensions?: string[]; filenames?: string[] }[] = manifest.contributes?.languages ?? [];

  it('claims neither the global `toml` language nor the `source.toml` scope', () => {
    assert.deepEqual(languages.filter((l) => l.id === 'toml'), []);
    assert.deepEqual(grammars.filter((g) => g.language === 'toml' || g.scopeName === 'source.toml'), []);
    assert.deepEqual(grammars.flatMap((g) => Object.values(g.embeddedLanguages ?? {})).filter((l) => l === 'toml'), []);
  });

  it('highlights .medguide.toml and the front matter with its own language and scope', () => {
    const own = languages.find((l) => l.id === 'medguide-toml');
    assert.deepEqual(own?.filenames, ['.medguide.toml']);
    assert.equal(own?.extensions, undefined, 'no claim on every .toml file');
    const grammar = grammars.find((g) => g.language === 'medguide-toml');
    assert.equal(grammar?.scopeName, 'source.toml.medguide');
    const frontMatter = grammars.find((g) => g.scopeName === 'text.html.markdown.hugo.frontmatter');
    assert.deepEqual(frontMatter?.embeddedLanguages, { 'meta.embedded.block.frontmatter.toml': 'medguide-toml' });
    const injection = readFileSync(join(ROOT, 'syntaxes/hugo-frontmatter.injection.tmLanguage.json'), 'utf8');
    assert.ok(injection.includes('"include": "source.toml.medguide"'));
    assert.ok(!/"include": "source\.toml"/.test(injection));
    assert.equal(JSON.parse(readFileSync(join(ROOT, 'syntaxes/toml.tmLanguage.json'), 'utf8')).scopeName, 'source.toml.medguide');
  });
});
