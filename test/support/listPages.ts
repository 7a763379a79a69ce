import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const PAGE_FILE = /\.(md|markdown|mdown|mkd|mkdn|html|htm|adoc|asciidoc|org|pandoc|pdc|rst)$/i;

/** Content-relative paths (with `/`) of every content file under `contentDir`, sorted: the fixtures' page lists. */
export function listPages(contentDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else if (PAGE_FILE.test(e.name)) out.push(`${prefix}${e.name}`);
    }
  };
  walk(contentDir, '');
  return out.sort();
}
