// Expands a VS Code snippet body the way the editor does when every placeholder keeps its default,
// so tests can check what a snippet leaves in the page. Supports the subset of the snippet grammar
// (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar) MedGuide's snippets use:
// $1, ${1}, ${1:default} (nested), ${1|a,b|} (first choice), $VAR, ${VAR}, ${VAR:default},
// escapes \$ \} \\ (and \, \| in choices). Transforms (${1/re/fmt/}) and unknown variables throw,
// so a typo in a snippet fails the test instead of leaving "$CURENT_YEAR" in a page.

export interface SnippetContext {
  /** The instant to expand CURRENT_* variables for. */
  readonly now: Date;
  /** Offset of the editor's time zone from UTC in minutes, east positive (Paris in winter: 60). */
  readonly timezoneOffsetMinutes?: number;
  readonly filenameBase?: string;
  readonly selectedText?: string;
}

export interface SnippetStop {
  readonly start: number;
  readonly end: number;
}

export interface ExpandedSnippet {
  readonly text: string;
  /** Where each tabstop landed (offsets in `text`), in order of appearance; 0 is the final cursor. */
  readonly stops: ReadonlyMap<number, readonly SnippetStop[]>;
}

type Node =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'stop'; readonly index: number; readonly children: readonly Node[] | undefined; readonly choices?: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children: readonly Node[] | undefined };

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

export function snippetBodyText(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

export function expandSnippet(body: string | readonly string[], context: SnippetContext): ExpandedSnippet {
  const source = snippetBodyText(body);
  const parser = new Parser(source);
  const nodes = parser.parseUntil(undefined);
  const defaults = new Map<number, readonly Node[]>();
  collectDefaults(nodes, defaults);
  const out: string[] = [];
  const stops = new Map<number, SnippetStop[]>();
  let length = 0;
  const emit = (list: readonly Node[]): void => {
    for (const node of list) {
      if (node.kind === 'text') {
        out.push(node.value);
        length += node.value.length;
      } else if (node.kind === 'variable') {
        const value = resolveVariable(node.name, context);
        if (value !== undefined && value !== '') {
          out.push(value);
          length += value.length;
        } else if (node.children) {
          emit(node.children);
        } else if (value === undefined) {
          throw new Error(`unknown snippet variable $${node.name}`);
        }
      } else {
        const start = length;
        if (node.choices) {
          out.push(node.choices[0]!);
          length += node.choices[0]!.length;
        } else {
          emit(node.children ?? defaults.get(node.index) ?? []);
        }
        const list = stops.get(node.index) ?? [];
        list.push({ start, end: length });
        stops.set(node.index, list);
      }
    }
  };
  emit(nodes);
  return { text: out.join(''), stops };
}

/** The first occurrence of a tabstop that has a default gives every mirror of it its text. */
function collectDefaults(nodes: readonly Node[], defaults: Map<number, readonly Node[]>): void {
  for (const node of nodes) {
    if (node.kind === 'stop') {
      if (node.choices && !defaults.has(node.index)) defaults.set(node.index, [{ kind: 'text', value: node.choices[0]! }]);
      if (node.children && node.children.length > 0 && !defaults.has(node.index)) defaults.set(node.index, node.children);
      if (node.children) collectDefaults(node.children, defaults);
    } else if (node.kind === 'variable' && node.children) {
      collectDefaults(node.children, defaults);
    }
  }
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** undefined: not a variable VS Code knows; '' : known but empty (its default, if any, applies). */
function resolveVariable(name: string, context: SnippetContext): string | undefined {
  const offset = context.timezoneOffsetMinutes ?? 0;
  // The wall-clock time in the editor's zone, read through UTC getters so the machine's zone is irrelevant.
  const local = new Date(context.now.getTime() + offset * 60_000);
  switch (name) {
    case 'CURRENT_YEAR': return String(local.getUTCFullYear());
    case 'CURRENT_YEAR_SHORT': return String(local.getUTCFullYear()).slice(-2);
    case 'CURRENT_MONTH': return pad(local.getUTCMonth() + 1);
    case 'CURRENT_MONTH_NAME': return MONTHS[local.getUTCMonth()];
    case 'CURRENT_MONTH_NAME_SHORT': return MONTHS[local.getUTCMonth()]!.slice(0, 3);
    case 'CURRENT_DATE': return pad(local.getUTCDate());
    case 'CURRENT_DAY_NAME': return DAYS[local.getUTCDay()];
    case 'CURRENT_DAY_NAME_SHORT': return DAYS[local.getUTCDay()]!.slice(0, 3);
    case 'CURRENT_HOUR': return pad(local.getUTCHours());
    case 'CURRENT_MINUTE': return pad(local.getUTCMinutes());
    case 'CURRENT_SECOND': return pad(local.getUTCSeconds());
    case 'CURRENT_SECONDS_UNIX': return String(Math.floor(context.now.getTime() / 1000));
    case 'CURRENT_TIMEZONE_OFFSET': {
      // Same text as VS Code's snippetVariables.ts: sign, hours and minutes, "+01:00".
      const abs = Math.abs(offset);
      return `${offset < 0 ? '-' : '+'}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
    }
    case 'TM_FILENAME_BASE': return context.filenameBase ?? 'Untitled-1';
    case 'TM_FILENAME': return `${context.filenameBase ?? 'Untitled-1'}.md`;
    case 'TM_SELECTED_TEXT':
    case 'SELECTION': return context.selectedText ?? '';
    default: return undefined;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly source: string) {}

  /** Parses until `stop` ('}' inside a placeholder) or the end; the closing char is consumed. */
  parseUntil(stop: '}' | undefined): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const c = this.source[this.pos]!;
      if (c === '\\') {
        const next = this.source[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos += 1;
        }
      } else if (c === '}' && stop === '}') {
        this.pos += 1;
        flush();
        return nodes;
      } else if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += c;
          this.pos += 1;
        }
      } else {
        text += c;
        this.pos += 1;
      }
    }
    if (stop) throw new Error(`unclosed \${ in snippet: ${JSON.stringify(this.source)}`);
    flush();
    return nodes;
  }

  private parseDollar(): Node | undefined {
    const rest = this.source.slice(this.pos + 1);
    let m = /^\d+/.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'stop', index: Number(m[0]), children: undefined };
    }
    m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      return { kind: 'variable', name: m[0], children: undefined };
    }
    if (!rest.startsWith('{')) return undefined;
    m = /^\{(\d+|[_a-zA-Z][_a-zA-Z0-9]*)([:|}/]?)/.exec(rest);
    if (!m) return undefined;
    const [all, id, sep] = m;
    const isStop = /^\d/.test(id!);
    this.pos += 1 + all.length;
    if (sep === '}') return isStop ? { kind: 'stop', index: Number(id), children: undefined } : { kind: 'variable', name: id!, children: undefined };
    if (sep === '/') throw new Error(`snippet transforms are not supported by the test expander: \${${id}/…}`);
    if (sep === '|') {
      if (!isStop) throw new Error(`a choice needs a tabstop number: \${${id}|…|}`);
      return { kind: 'stop', index: Number(id), children: undefined, choices: this.parseChoices() };
    }
    if (sep === ':') {
      const children = this.parseUntil('}');
      return isStop ? { kind: 'stop', index: Number(id), children } : { kind: 'variable', name: id!, children };
    }
    throw new Error(`malformed \${ in snippet at ${this.pos}: ${JSON.stringify(this.source)}`);
  }

  private parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.pos < this.source.length) {
      const c = this.source[this.pos]!;
      if (c === '\\' && /[,|\\$}]/.test(this.source[this.pos + 1] ?? '')) {
        current += this.source[this.pos + 1];
        this.pos += 2;
      } else if (c === ',') {
        choices.push(current);
        current = '';
        this.pos += 1;
      } else if (c === '|' && this.source[this.pos + 1] === '}') {
        choices.push(current);
        this.pos += 2;
        if (choices.some((x) => x === '')) throw new Error('empty choice in snippet');
        return choices;
      } else {
        current += c;
        this.pos += 1;
      }
    }
    throw new Error(`unclosed choice in snippet: ${JSON.stringify(this.source)}`);
  }
}
