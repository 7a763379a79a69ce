import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { listPages } from '../support/listPages';
import { KNOWN_DIFFERENCES, type KnownDifferenceId } from './knownDifferences';
import { readerModel, type Item } from './readerModel';
import {
  buildSite,
  EXAMPLE_SITE,
  FIXTURE_SITE,
  hugoBinary,
  hugoHtml,
  hugoLinkTarget,
  hugoVersion,
  previewHtml,
  previewLinkTarget,
  removeSite,
  type BuiltSite,
} from './site';

/**
 * "Checked against Hugo" (issue 4): builds the example site and the preview fixtures with Debian's
 * Hugo, renders every page with the preview (markdown-it + medguidePlugin, as `medguide render`
 * does, with the site's page index), and compares what a reader sees, page by page: section
 * headings and ids, alert boxes, definition lists, lead paragraphs, paragraphs, lists, tables and
 * link targets, each with the sections and alerts that contain it. The only differences accepted
 * are the ones in knownDifferences.ts.
 */

const SITES = [
  { name: 'examples/guide-site', source: EXAMPLE_SITE, layoutsFrom: undefined },
  { name: 'test/fixtures/parity', source: FIXTURE_SITE, layoutsFrom: EXAMPLE_SITE },
] as const;

const used = new Map<KnownDifferenceId, number>();
const seen = new Map<string, number>();

function count(items: readonly Item[]): void {
  for (const i of items) {
    const key = i.t === 'heading' && i.section ? 'collapse section' : i.t === 'heading' ? 'Markdown heading' : i.t;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (i.t === 'link' && i.target.includes('#')) seen.set('link with anchor', (seen.get('link with anchor') ?? 0) + 1);
    if (i.t === 'alert' && i.in.includes('/section#')) seen.set('alert inside a section', (seen.get('alert inside a section') ?? 0) + 1);
    if (i.t === 'list' && i.in.includes('/alert-')) seen.set('list inside an alert', (seen.get('list inside an alert') ?? 0) + 1);
  }
}

/** One line per item, so a failure shows which items differ. */
function lines(items: readonly Item[]): string[] {
  return items.map((i) => JSON.stringify(i));
}

function firstDifference(a: readonly string[], b: readonly string[]): string {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) {
    if (a[k] !== b[k]) return `item ${k}:\n  hugo:    ${a[k] ?? '(none)'}\n  preview: ${b[k] ?? '(none)'}`;
  }
  return '';
}

describe('Checked against Hugo', function () {
  this.timeout(120_000);
  const hugo = hugoBinary();

  before(function () {
    if (!hugo) throw new Error('hugo is not installed: run `node scripts/tools.mjs` (Debian package hugo 0.111.3)');
    const v = hugoVersion(hugo);
    assert.match(v, /^hugo v0\.\d+/, `unexpected hugo version output: ${v}`);
  });

  for (const s of SITES) {
    describe(s.name, () => {
      let site: BuiltSite | undefined;
      before(function () {
        if (!hugo) this.skip();
        site = buildSite(hugo!, s.name.replace(/\W+/g, '-'), s.source, s.layoutsFrom);
        assert.equal(site.status, 0, `hugo failed on ${s.name}:\n${site.stderr}`);
        assert.equal(site.stderr.trim(), '', `hugo printed warnings or errors on ${s.name}:\n${site.stderr}`);
      });
      after(() => removeSite(site));

      for (const page of listPages(join(s.source, 'content'))) {
        it(`${page}: same headings, alerts, definitions, lead, text and links`, async () => {
          const hugoItems = readerModel(hugoHtml(site!, page), { side: 'hugo', page, linkTarget: hugoLinkTarget(site!, page, used), used });
          const previewItems = readerModel(await previewHtml(site!, page), {
            side: 'preview',
            page,
            linkTarget: previewLinkTarget(site!, page, used),
            used,
          });
          count(hugoItems);
          assert.ok(hugoItems.length > 0, `nothing read from Hugo's ${page}`);
          const h = lines(hugoItems);
          const p = lines(previewItems);
          assert.deepStrictEqual(p, h, `${s.name}/content/${page} differs from Hugo's page, ${firstDifference(h, p)}`);
        });
      }
    });
  }

  describe('the comparison itself', () => {
    it('has read every construct it compares, nested as in guide pages', function () {
      if (!hugo) this.skip();
      for (const construct of [
        'collapse section',
        'Markdown heading',
        'alert',
        'alert inside a section',
        'list inside an alert',
        'dl',
        'lead',
        'link',
        'link with anchor',
        'list',
        'table',
        'p',
      ]) {
        assert.ok((seen.get(construct) ?? 0) > 0, `no ${construct} compared: ${JSON.stringify(Object.fromEntries(seen))}`);
      }
    });

    it('needed every known difference it allows (the allowlist stays true)', function () {
      if (!hugo) this.skip();
      for (const d of KNOWN_DIFFERENCES) assert.ok((used.get(d.id) ?? 0) > 0, `known difference "${d.id}" was never needed: remove it (${d.reason})`);
    });
  });
});
