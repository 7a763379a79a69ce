import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ShortcodeCheckOptions } from '../core/check';
import { pageAnchors, relrefTargets } from '../core/navigation';
import { templateNamesFromPaths } from '../core/shortcodes';

const PAGE_EXTENSIONS = new Set(['.md', '.markdown']);

async function walk(dir: string, keep: (name: string) => boolean, out: string[] = []): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p, keep, out);
    } else if (e.isFile() && keep(e.name)) out.push(p);
  }
  return out;
}

/**
 * What the shortcode and relref checks need about a site, read from disk once per site: its
 * pages (content-relative), its shortcode templates (site and themes), and the anchors of the
 * pages other pages link to (read on demand, cached). The same facts the editor gathers.
 */
export class SiteFacts {
  private pages?: Promise<string[]>;
  private templates?: Promise<Set<string> | undefined>;
  private readonly anchors = new Map<string, Promise<ReadonlySet<string> | undefined>>();

  constructor(readonly root: string) {}

  private get content(): string {
    return path.join(this.root, 'content');
  }

  private pageList(): Promise<string[]> {
    this.pages ??= walk(this.content, (n) => PAGE_EXTENSIONS.has(path.extname(n).toLowerCase())).then((files) =>
      files.map((f) => path.relative(this.content, f).split(path.sep).join('/')).sort(),
    );
    return this.pages;
  }

  private templateNames(): Promise<Set<string> | undefined> {
    this.templates ??= (async () => {
      const files = [
        ...(await walk(path.join(this.root, 'layouts'), (n) => n.endsWith('.html'))),
        ...(await walk(path.join(this.root, 'themes'), (n) => n.endsWith('.html'))),
      ].map((f) => path.relative(this.root, f).split(path.sep).join('/'));
      const names = templateNamesFromPaths(files);
      // No template found: the site's shortcodes come from elsewhere (a module), so names are not checked.
      return names.size > 0 ? names : undefined;
    })();
    return this.templates;
  }

  private anchorsOf(contentRelative: string): Promise<ReadonlySet<string> | undefined> {
    let p = this.anchors.get(contentRelative);
    if (!p) {
      p = fs.readFile(path.join(this.content, contentRelative), 'utf8').then(pageAnchors, () => undefined);
      this.anchors.set(contentRelative, p);
    }
    return p;
  }

  /** The options for one page, with the anchors of its relref targets read ahead. */
  async optionsFor(file: string, text: string): Promise<ShortcodeCheckOptions> {
    const [pageIndex, templates] = await Promise.all([this.pageList(), this.templateNames()]);
    const rel = path.relative(this.content, file);
    const currentPage = rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
    const read = new Map<string, ReadonlySet<string> | undefined>();
    const targets = [...new Set(relrefTargets(text, pageIndex, currentPage).map((t) => t.path))].filter((p) => p !== currentPage);
    await Promise.all(targets.map(async (p) => read.set(p, await this.anchorsOf(p))));
    return { templates, pageIndex, currentPage, anchorsOf: (p) => read.get(p) };
  }
}
