import { strict as assert } from 'node:assert';
import { locateFrontMatter, locateToml, pathText, type TomlLayout } from '../../../src/core/frontmatter';

/** `path kind key-text value-text` for each entry, so a test reads like the TOML it covers. */
function entries(text: string, layout: TomlLayout = locateToml(text)): string[] {
  return layout.entries.map(
    (e) => `${pathText(e.path)} ${e.kind} [${text.slice(e.keyStart, e.keyEnd)}]${e.value ? ` = [${text.slice(e.value.start, e.value.end)}]` : ''}`,
  );
}

describe('frontmatter/locator', () => {
  it('locates pairs, dotted and quoted keys with their values', () => {
    const text = 'title = "x" # c\na.b = 1\n"clé spéciale" = \'v\'\n\'lit.key\' . "q\\u00e9" = true\n';
    assert.deepEqual(entries(text), [
      'title pair [title] = ["x"]',
      'a.b pair [a.b] = [1]',
      '"clé spéciale" pair ["clé spéciale"] = [\'v\']',
      '"lit.key"."qé" pair [\'lit.key\' . "q\\u00e9"] = [true]',
    ]);
    const e = locateToml(text).find(['clé spéciale'])!;
    assert.deepEqual([e.keyStart, e.keyEnd, e.value!.start, e.value!.end, e.value!.kind], [24, 38, 41, 44, 'literal-string']);
  });

  it('follows [tables] and [[arrays.of.tables]], nested ones included', () => {
    const text = ['[menu.main]', 'weight = 1', '[[cascade]]', 'a = 1', '[cascade.build]', 'list = "never"', '[[cascade]]', 'a = 2', '[[cascade.x]]', 'y = 3'].join('\n');
    assert.deepEqual(entries(text), [
      'menu.main table [menu.main]',
      'menu.main.weight pair [weight] = [1]',
      'cascade[0] array-table [cascade]',
      'cascade[0].a pair [a] = [1]',
      'cascade[0].build table [cascade.build]',
      'cascade[0].build.list pair [list] = ["never"]',
      'cascade[1] array-table [cascade]',
      'cascade[1].a pair [a] = [2]',
      'cascade[1].x[0] array-table [cascade.x]',
      'cascade[1].x[0].y pair [y] = [3]',
    ]);
    const layout = locateToml(text);
    assert.equal(layout.firstHeaderLineStart, 0);
    assert.deepEqual(layout.find(['cascade', 1, 'a'])!.table, ['cascade', 1]);
  });

  it('locates array elements, inline tables and nested arrays', () => {
    const text = 'tags = [ "a", \'b\' ,"c", ]\nm = { x = 1, y.z = [1, [2, 3]] }\n';
    assert.deepEqual(entries(text), [
      'tags pair [tags] = [[ "a", \'b\' ,"c", ]]',
      'tags[0] element ["a"] = ["a"]',
      "tags[1] element ['b'] = ['b']",
      'tags[2] element ["c"] = ["c"]',
      'm pair [m] = [{ x = 1, y.z = [1, [2, 3]] }]',
      'm.x pair [x] = [1]',
      'm.y.z pair [y.z] = [[1, [2, 3]]]',
      'm.y.z[0] element [1] = [1]',
      'm.y.z[1] element [[2, 3]] = [[2, 3]]',
      'm.y.z[1][0] element [2] = [2]',
      'm.y.z[1][1] element [3] = [3]',
    ]);
  });

  it('spans multi-line strings and arrays with comments, whatever they contain', () => {
    const text = 'a = """\nx = 1\n[t]\n"""\nb = \'\'\'\n\'\'\'\'\'\nc = [\n  1, # one\n\n  2\n]\nd = "a\\"b"\ne = """q""""\n';
    assert.deepEqual(entries(text), [
      'a pair [a] = ["""\nx = 1\n[t]\n"""]',
      "b pair [b] = ['''\n''''']",
      'c pair [c] = [[\n  1, # one\n\n  2\n]]',
      'c[0] element [1] = [1]',
      'c[1] element [2] = [2]',
      'd pair [d] = ["a\\"b"]',
      'e pair [e] = ["""q""""]',
    ]);
    assert.equal(locateToml(text).firstHeaderLineStart, undefined);
  });

  it('reads date-times with a space and keeps line starts across CRLF', () => {
    const text = 'a = 1979-05-27 07:32:00Z\r\nb = [\r\n"x"]\r\n';
    assert.deepEqual(entries(text), ['a pair [a] = [1979-05-27 07:32:00Z]', 'b pair [b] = [[\r\n"x"]]', 'b[0] element ["x"] = ["x"]']);
    assert.equal(locateToml(text).find(['b', 0])!.lineStart, 33);
  });

  it('keeps going after broken lines, for editing', () => {
    const text = 'title = \nfoo\n= 3\n[bad\ntags = ["a",\nok = 1\n';
    assert.deepEqual(entries(text), ['title pair [title] = []', 'tags pair [tags] = [["a",]', 'tags[0] element ["a"] = ["a"]', 'ok pair [ok] = [1]']);
  });

  it('works on a slice of a page, with page offsets', () => {
    const text = '+++\ntitle = "x"\n+++\nbody = 1\n';
    const loc = locateFrontMatter(text)!;
    const layout = locateToml(text, loc.contentStart, loc.contentEnd);
    assert.deepEqual(entries(text, layout), ['title pair [title] = ["x"]']);
    assert.equal(layout.entries[0].keyStart, 4);
  });

  it('writes paths as a person would', () => {
    assert.equal(pathText(['menu', 'main', 'weight']), 'menu.main.weight');
    assert.equal(pathText(['cascade', 0, 'build']), 'cascade[0].build');
    assert.equal(pathText(['clé spéciale', 2]), '"clé spéciale"[2]');
  });
});

describe('frontmatter/locate', () => {
  it('finds the TOML block after blank lines, with spaces after the delimiters', () => {
    const text = '\n  \n+++ \t\na = 1\n+++  \nbody';
    assert.deepEqual(locateFrontMatter(text), {
      format: 'toml',
      closed: true,
      openLine: 2,
      openStart: 4,
      openEnd: 9,
      contentStart: 10,
      contentEnd: 16,
      closeLine: 4,
      closeEnd: 21,
    });
  });

  it('handles CRLF and lone CR line ends, and a closing line at the end of the text', () => {
    assert.deepEqual(locateFrontMatter('+++\r\na = 1\r\n+++'), {
      format: 'toml', closed: true, openLine: 0, openStart: 0, openEnd: 3, contentStart: 5, contentEnd: 12, closeLine: 2, closeEnd: 15,
    });
    const cr = locateFrontMatter('+++\ra = 1\r+++\rbody')!;
    assert.deepEqual([cr.closed, cr.contentStart, cr.contentEnd, cr.closeLine], [true, 4, 10, 2]);
  });

  it('does not take an indented or longer delimiter for one', () => {
    assert.equal(locateFrontMatter(' +++\na\n+++\n'), undefined);
    assert.equal(locateFrontMatter('++++\na\n++++\n'), undefined);
    const loc = locateFrontMatter('+++\na = " +++"\n ++++\n+++ x\n');
    assert.equal(loc?.closed, false);
  });

  it('recognises YAML and JSON front matter, and none', () => {
    assert.equal(locateFrontMatter('---\na: 1\n---\n')?.format, 'yaml');
    assert.equal(locateFrontMatter('---\na: 1\n---\n')?.closeLine, 2);
    assert.equal(locateFrontMatter('{\n"a": 1\n}\n')?.format, 'json');
    assert.equal(locateFrontMatter('# Titre\n+++\n'), undefined);
    assert.equal(locateFrontMatter(''), undefined);
    assert.equal(locateFrontMatter('\n\n'), undefined);
    assert.deepEqual(locateFrontMatter('+++')?.closed, false);
  });
});
