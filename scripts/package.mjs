#!/usr/bin/env node
// `npm run package`: the Marketplace .vsix. `vsce package` runs `vscode:prepublish` (the production
// build) first, then packs what .vscodeignore lets through.
//
// README images: the Marketplace and VS Code's extension page show the README from the .vsix, and
// neither resolves a relative image against the package's files; vsce rewrites relative links to
// absolute ones, but guesses the base only for github.com and gitlab.com repositories. So the base is
// given here, from package.json's `repository` (its /raw/HEAD/ for images, /blob/HEAD/ for links):
// docs/images/*.png are served by the repository, not packed (they would double the .vsix for no
// reader). While `repository` is the placeholder example.invalid, the links are well formed but point
// nowhere: set the public repository's URL there before publishing. Extra arguments go to vsce
// (e.g. --out medguide.vsix, or --baseImagesUrl to serve the images from elsewhere).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The web address of the repository named by package.json (git+, .git and ssh forms accepted), or undefined. */
export function repositoryWebUrl(manifest) {
  const raw = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (typeof raw !== 'string') return undefined;
  let url = raw.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(url);
  if (ssh) url = `https://${ssh[1]}/${ssh[2]}`;
  return /^https:\/\//.test(url) ? url : undefined;
}

/** vsce's base-URL options for the README's relative links. */
export function readmeBaseArgs(manifest) {
  const web = repositoryWebUrl(manifest);
  if (!web) throw new Error('package.json has no https repository URL: the README images would be broken on the Marketplace');
  return ['--baseImagesUrl', `${web}/raw/HEAD/`, '--baseContentUrl', `${web}/blob/HEAD/`];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const extra = process.argv.slice(2);
  const base = extra.some((a) => a.startsWith('--baseImagesUrl') || a.startsWith('--baseContentUrl')) ? [] : readmeBaseArgs(manifest);
  if (repositoryWebUrl(manifest)?.includes('example.invalid')) {
    process.stderr.write('[package] package.json\'s repository is still the placeholder example.invalid: the README images will not resolve from the Marketplace\n');
  }
  const r = spawnSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', ...base, ...extra], { cwd: root, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
}
