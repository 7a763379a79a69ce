#!/usr/bin/env node
// `node scripts/bench-warm.cjs check|floor SITE…`: the warm row of `npm run bench` (scripts/bench.mjs,
// benchCliWarm). Runs `medguide check` (the command line's `main` from packages/cli/dist/cli.js, with a
// silent terminal) or the floor (read every page under content/, parse its TOML front matter with
// smol-toml) on each site in turn, in this one process, and prints each run's time as JSON:
// [{ "ms": …, "n": … }] where n is the number of problems printed (check) or pages read (floor).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { performance } = require('node:perf_hooks');

const root = resolve(__dirname, '..');
const [which, ...sites] = process.argv.slice(2);

/** The floor of scripts/bench.mjs (writeFloorScript), on one site. */
function floor(site) {
  const { parse } = require('smol-toml');
  let pages = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        const text = readFileSync(p, 'utf8');
        const m = /^\+\+\+\r?\n([\s\S]*?)^\+\+\+/m.exec(text);
        if (m) parse(m[1]);
        pages++;
      }
    }
  };
  walk(join(site, 'content'));
  return pages;
}

/** `medguide check --lang en` in `site`, as the command line runs it, its output counted and dropped. */
async function check(site) {
  let problems = 0;
  const io = {
    cwd: site,
    env: {},
    stdinIsTTY: false,
    readStdin: async () => '',
    stdout: (text) => {
      problems += text.split('\n').length - 1;
    },
    stderr: () => {},
  };
  const code = await require(join(root, 'packages/cli/dist/cli.js')).main(['check', '--lang', 'en'], io);
  if (code === 2) throw new Error(`medguide check failed in ${site}`);
  return problems;
}

async function main() {
  if ((which !== 'check' && which !== 'floor') || sites.length === 0) throw new Error('usage: bench-warm.cjs check|floor SITE…');
  const runs = [];
  for (const site of sites) {
    const t0 = performance.now();
    const n = which === 'floor' ? floor(site) : await check(site);
    runs.push({ ms: performance.now() - t0, n });
  }
  process.stdout.write(JSON.stringify(runs));
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 2;
});
