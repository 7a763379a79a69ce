import { locateFrontMatter } from '../frontmatter/locate';

/**
 * A page's `title` from its front matter, read with a line pattern rather than a TOML parser:
 * completion asks for hundreds of titles and must stay cheap, and a half-typed front matter
 * elsewhere in the page must not hide the title.
 */
export function pageTitle(text: string): string | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const loc = locateFrontMatter(body);
  if (!loc) return undefined;
  const block = body.slice(loc.contentStart, loc.contentEnd);
  if (loc.format === 'toml') {
    for (const line of block.split(/\r\n?|\n/)) {
      if (/^\s*\[/.test(line)) break; // a table: `title` there is not the page's
      const m = /^\s*title\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/.exec(line);
      if (m) return m[2] !== undefined ? m[2] : unescapeBasic(m[1]);
    }
    return undefined;
  }
  if (loc.format === 'yaml') {
    const m = /^title:[ \t]*(.*?)[ \t]*$/m.exec(block);
    if (!m) return undefined;
    const v = m[1];
    if (/^".*"$/.test(v)) return unescapeBasic(v.slice(1, -1));
    if (/^'.*'$/.test(v)) return v.slice(1, -1).replace(/''/g, "'");
    return v;
  }
  const m = /"title"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(block);
  return m ? unescapeBasic(m[1]) : undefined;
}

function unescapeBasic(s: string): string {
  try {
    return JSON.parse(`"${s.replace(/\\U([0-9a-fA-F]{8})/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))}"`) as string;
  } catch {
    return s;
  }
}
