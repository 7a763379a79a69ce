/**
 * Shortcode names in every case against Hugo 0.111.3: small random sites, each with one template
 * file (its name in some case, with or without `.Inner`) and one page calling it (or `ref`/`relref`)
 * in some case, alone, self-closed or closed by a tag in some case, with either delimiter. Hugo builds each site; it stops on a
 * name it does not find as written ("template for shortcode … not found"), on a close in another
 * case than its open tag ("closing tag … does not match start tag"), on a body-taking shortcode
 * left open ("must be closed or self-closed"), on a close of one whose template reads no `.Inner`. MedGuide must say so on exactly those sites: a problem of the shortcode checks
 * (`shortcode-hugo-version` being the one for names only Hugo 0.146 and later find).
 * Seeded (MEDGUIDE_DIFF_SEED) like the ref differential; MEDGUIDE_DIFF_NAME_RUNS sets the count.
 */
import { strict as assert } from 'node:assert';
import { NodeHost } from '../../src/cli/nodeHost';
import { checkPage } from '../../src/core/check';
import { openHugoSite } from '../../src/core/site';
import { random } from '../support/random';
import { hugoBinary, hugoVersion, removeSite, runHugo, writeSite } from './hugo';

const RUNS = Number(process.env.MEDGUIDE_DIFF_NAME_RUNS ?? 40);
const SEED = Number(process.env.MEDGUIDE_DIFF_SEED ?? Math.floor(Math.random() * 2 ** 31));


interface Case {
  readonly files: Record<string, string>;
  readonly page: string;
  readonly call: string;
}

const CASES_OF = (rnd: () => number) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  /** The name in a random case: as is, lower, upper, or a letter or two changed. */
  const recase = (name: string): string => {
    const r = rnd();
    if (r < 0.35) return name;
    if (r < 0.55) return name.toLowerCase();
    if (r < 0.65) return name.toUpperCase();
    return [...name].map((ch) => (rnd() < 0.3 ? (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()) : ch)).join('');
  };
  return (): Case => {
    const front = (title: string) => `---\ntitle: ${title}\n---\n`;
    const files: Record<string, string> = {
      'hugo.toml': 'baseURL = "https://exemple.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
      'layouts/_default/single.html': '{{ .Content }}',
      'layouts/_default/list.html': '{{ .Content }}',
      'layouts/index.html': '{{ .Content }}',
      'content/cible.md': `${front('Cible')}Texte.\n`,
    };
    let call: string;
    if (rnd() < 0.25) {
      // Hugo's own: lower case is the only name Hugo 0.111 knows; none of these takes a body.
      const [name, args] = pick([['relref', '"cible.md"'], ['ref', '"cible.md"'], ['relRef', '"cible.md"'], ['figure', 'src="a.png"'], ['param', '"title"']]);
      const n = recase(name);
      const r = rnd();
      call = r < 0.6 ? `{{< ${n} ${args} >}}` : r < 0.8 ? `{{< ${n} ${args} />}}` : `{{< ${n} ${args} >}}corps{{< /${n} >}}`;
    } else {
      const base = pick(['note', 'myNote', 'Encadre', 'boxes/Info']);
      const file = recase(base);
      const inner = rnd() < 0.5;
      files[`layouts/shortcodes/${file}.html`] = inner ? '<div>{{ .Inner }}</div>' : '<hr>';
      const name = recase(file);
      // Either delimiter, for the open and for the close; a self-closing tag now and then.
      const [o1, o2] = rnd() < 0.5 ? ['{{<', '>}}'] : ['{{%', '%}}'];
      const [c1, c2] = rnd() < 0.8 ? [o1, o2] : o1 === '{{<' ? ['{{%', '%}}'] : ['{{<', '>}}'];
      const r = rnd();
      if (r < 0.15) call = `${o1} ${name} /${o2}`;
      else if (r < (inner ? 0.3 : 0.6)) call = `${o1} ${name} ${o2}`;
      else call = `${o1} ${name} ${o2}corps${c1} /${rnd() < 0.7 ? name : recase(name)} ${c2}`;
    }
    files['content/page.md'] = `${front('Page')}Avant.\n\n${call}\n\nAprès.\n`;
    return { files, page: 'content/page.md', call };
  };
};

const CHECK_CODES = /^shortcode-(hugo-version|unknown|unexpected-close|unclosed|mismatch|unterminated)$/;

async function medguideSays(dir: string, page: string): Promise<string[]> {
  const site = await openHugoSite(new NodeHost(), dir);
  const file = `${dir}/${page}`;
  const text = await new NodeHost().readFile(file);
  const ctx = await site.checkContext(file, text);
  const found = checkPage(text, { lang: 'en', config: ctx.config, sitePath: ctx.sitePath, shortcodes: ctx.shortcodes, role: ctx.role });
  return found.filter((d) => CHECK_CODES.test(d.code)).map((d) => `${d.code}: ${d.message}`);
}

describe('Differential: shortcode names against Hugo 0.111.3', function () {
  this.timeout(600_000);
  const hugo = hugoBinary();

  it('stops the build on exactly the sites MedGuide says Hugo 0.111 stops on', async function () {
    if (!hugo) this.skip();
    console.log(`    ${hugoVersion(hugo)}`);
    console.log(`    seed ${SEED}, ${RUNS} site(s); replay: MEDGUIDE_DIFF_SEED=${SEED} MEDGUIDE_DIFF_NAME_RUNS=${RUNS}`);
    const next = CASES_OF(random(SEED));
    const mismatches: string[] = [];
    let stopped = 0;
    for (let i = 0; i < RUNS; i++) {
      const c = next();
      const dir = writeSite(c.files, 'medguide-names-');
      try {
        const run = await runHugo(hugo, dir);
        const built = { ok: run.code === 0, output: `${run.stdout}${run.stderr}` };
        const said = await medguideSays(dir, c.page);
        if (!built.ok) stopped++;
        if (built.ok === said.length > 0) {
          const template = Object.keys(c.files).find((f) => f.startsWith('layouts/shortcodes/')) ?? '(built-in)';
          mismatches.push(`${template} ${c.call}: Hugo ${built.ok ? 'builds' : `stops (${built.output.trim().split('\n').pop()})`}, MedGuide says ${said.length ? said.join(' | ') : 'nothing'}`);
        }
      } finally {
        removeSite(dir);
      }
    }
    console.log(`    ${RUNS} sites: Hugo stopped on ${stopped}, ${mismatches.length} mismatch(es)`);
    assert.deepEqual(mismatches, []);
  });
});
