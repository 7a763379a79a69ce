import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { englishBundle, usedKeys } from '../../../scripts/l10n.mjs';
import * as l10n from '@vscode/l10n';
import { main } from '../../../src/cli/main';
import { useCliL10n } from '../../../src/cli/l10n';
import { catalogue, format, localize, setTranslator, type Message } from '../../../src/core/l10n';

const ROOT = resolve(__dirname, '../../..');
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8')) as Record<string, string>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** `{name}` and `{0}` placeholders, as localize() fills them. */
const placeholders = (x: string) => [...new Set(x.match(/\{\w+\}/g) ?? [])].sort().join();

describe('l10n: one catalogue per language for every message (core, glue, CLI)', () => {
  const { keys, dynamic } = usedKeys();
  const fr = read('l10n/bundle.l10n.fr.json');
  const en = read('l10n/bundle.l10n.json');

  it('finds the messages of the core, the glue and the CLI, all written as literals', () => {
    const where = [...keys.values()].map((w) => w.split('/')[1]);
    for (const part of ['core', 'extension', 'cli']) assert.ok(where.filter((w) => w === part).length > 20, `messages found in src/${part}`);
    assert.deepEqual(dynamic, [], 'msg() takes a literal: a key built at run time cannot be checked');
  });

  it('every key used in src is in the French catalogue, and the French catalogue has no orphan', () => {
    const missing = [...keys.keys()].filter((k) => typeof fr[k] !== 'string' || fr[k].trim() === '').map((k) => `${keys.get(k)}: ${k}`);
    assert.deepEqual(missing, []);
    const orphans = Object.keys(fr).filter((k) => !keys.has(k));
    assert.deepEqual(orphans, []);
  });

  it('l10n/bundle.l10n.json is the English catalogue of exactly these keys (node scripts/l10n.mjs writes it)', () => {
    assert.equal(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8'), englishBundle(keys.keys()));
    assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  });

  it('the French text has the same placeholders as the English one', () => {
    const wrong = Object.keys(fr).filter((k) => placeholders(fr[k]) !== placeholders(k));
    assert.deepEqual(wrong, []);
  });

  it('the core reads the catalogues: localize() gives the French of a key, the English key itself, and fills the arguments', () => {
    const key = 'Unknown key: `{key}`. Did you mean `{suggestion}`?' as Message;
    assert.ok(keys.has(key));
    assert.equal(localize(key, 'fr', { key: 'lastmode', suggestion: 'lastmod' }), format(fr[key], { key: 'lastmode', suggestion: 'lastmod' }));
    assert.equal(localize(key, 'en', { key: 'lastmode', suggestion: 'lastmod' }), 'Unknown key: `lastmode`. Did you mean `lastmod`?');
    assert.equal(catalogue('fr'), catalogue('fr'));
    assert.equal(Object.keys(catalogue('fr')).length, keys.size);
  });

  it('the command line reads the French catalogue through @vscode/l10n, and fills {{% /{name} %}} as the core does', async () => {
    const key = 'Shortcode “{name}” is not closed: {{% /{name} %}} is missing' as Message;
    assert.ok(keys.has(key));
    try {
      useCliL10n();
      const out: string[] = [];
      const io = { cwd: ROOT, env: { LANG: 'fr_FR.UTF-8' }, stdinIsTTY: false, readStdin: async () => '', stdout: (s: string) => out.push(s), stderr: (s: string) => out.push(s) };
      assert.equal(await main(['--help'], io as never), 0);
      assert.ok(out.join('').startsWith(format(fr['Usage: medguide <command> [options]\n\nCommands:\n{commands}\n\n  medguide <command> --help   help for a command\n  medguide --version\n']).split('{commands}')[0]), out.join(''));
      // The French now comes from @vscode/l10n's bundle: another bundle there shows in localize().
      l10n.config({ contents: { [key]: 'Autre texte : {{% /{name} %}}' } });
      assert.equal(localize(key, 'fr', { name: 'collapse' }), 'Autre texte : {{% /collapse %}}');
    } finally {
      setTranslator('fr', undefined);
    }
    assert.equal(localize(key, 'fr', { name: 'collapse' }), 'Shortcode « collapse » non fermé : il manque {{% /collapse %}}');
  });

  it('no message is written outside the catalogues: no { fr, en } literal, no vscode.l10n.t outside the translator', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      const name = relative(ROOT, file);
      if (/\{\s*fr:\s*(?:['"]|`(?!\$\{))/.test(text)) offenders.push(`${name}: a { fr: '…', en: '…' } literal`);
      if (/\bT\(\s*['"`]/.test(text)) offenders.push(`${name}: a T('…', '…') pair`);
      if (name !== join('src', 'extension', 'lang.ts') && /vscode\.l10n\.t\(/.test(text)) offenders.push(`${name}: vscode.l10n.t (use t() of ./lang)`);
    }
    assert.deepEqual(offenders, []);
  });

  it('package.nls.fr.json has every key of package.nls.json, and the manifest uses only known keys', () => {
    const nlsEn = read('package.nls.json');
    const nlsFr = read('package.nls.fr.json');
    assert.deepEqual(Object.keys(nlsFr).sort(), Object.keys(nlsEn).sort());
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((k) => !(k in nlsEn)), []);
  });
});
