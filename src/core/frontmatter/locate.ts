/**
 * Finds the front matter block the way Hugo's page parser does: optional blank lines, an opening
 * delimiter line (`+++` TOML, `---` YAML, `{` JSON) with optional trailing spaces, then the first
 * closing delimiter line. Only the lines up to the closing delimiter are read, never the body.
 *
 * Offsets are in the text as given; callers strip the BOM first so positions match the editor's.
 */
import { keepLastCall } from '../memo';

export type FrontMatterFormat = 'toml' | 'yaml' | 'json';

export interface FrontMatterLocation {
  readonly format: FrontMatterFormat;
  /** Whether a closing delimiter line was found. */
  readonly closed: boolean;
  readonly openLine: number;
  /** Offsets of the opening delimiter line (without its line break). */
  readonly openStart: number;
  readonly openEnd: number;
  /** The text between the delimiter lines: from the line after the opening one to the start of the closing one. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Line and end offset (without line break) of the closing delimiter line, when closed. */
  readonly closeLine: number;
  readonly closeEnd: number;
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly next: number;
}

function lineAt(text: string, start: number): Line {
  let i = start;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) return { start, end: i, next: i + 1 };
    if (c === 13) return { start, end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
    i++;
  }
  return { start, end: n, next: n };
}

const TOML_DELIM = /^\+\+\+[ \t]*$/;
const YAML_DELIM = /^---[ \t]*$/;
const BLANK = /^[ \t]*$/;

function isDelimiter(text: string, line: Line, delim: RegExp, marker: string): boolean {
  // Cheap prefix test first: most lines of a front matter are not delimiters.
  return text.startsWith(marker, line.start) && delim.test(text.slice(line.start, line.end));
}

/**
 * The front matter block of a page, or `undefined` when the page has none. The last answer is
 * kept: the checks of one page ask for the same text several times in a row.
 */
export function locateFrontMatter(text: string): FrontMatterLocation | undefined {
  return located(text);
}

const located = keepLastCall(locateUncached);

/** Forgets the last page's front matter block (on deactivation). */
export function clearLocateCache(): void {
  located.clear();
}

function locateUncached(text: string): FrontMatterLocation | undefined {
  let line = lineAt(text, 0);
  let lineNo = 0;
  while (BLANK.test(text.slice(line.start, line.end))) {
    if (line.next >= text.length) return undefined;
    line = lineAt(text, line.next);
    lineNo++;
  }
  let format: FrontMatterFormat;
  let close: (l: Line) => boolean;
  if (isDelimiter(text, line, TOML_DELIM, '+++')) {
    format = 'toml';
    close = (l) => isDelimiter(text, l, TOML_DELIM, '+++');
  } else if (isDelimiter(text, line, YAML_DELIM, '---')) {
    format = 'yaml';
    close = (l) => isDelimiter(text, l, YAML_DELIM, '---');
  } else if (text.charCodeAt(line.start) === 123 /* { */) {
    format = 'json';
    // The JSON object ends with a `}` at the start of a line (Hugo reads one JSON value).
    close = (l) => text.charCodeAt(l.start) === 125;
  } else {
    return undefined;
  }
  const open = line;
  const openLine = lineNo;
  const contentStart = format === 'json' ? open.start : open.next;
  let cursor = open.next;
  let n = openLine;
  while (cursor < text.length) {
    const l = lineAt(text, cursor);
    n++;
    if (close(l)) {
      return {
        format,
        closed: true,
        openLine,
        openStart: open.start,
        openEnd: open.end,
        contentStart,
        contentEnd: format === 'json' ? l.end : l.start,
        closeLine: n,
        closeEnd: l.end,
      };
    }
    cursor = l.next;
  }
  return {
    format,
    closed: false,
    openLine,
    openStart: open.start,
    openEnd: open.end,
    contentStart,
    contentEnd: text.length,
    closeLine: -1,
    closeEnd: -1,
  };
}
