/**
 * What the guide health report reads in a page's text, once per version of the file: the lines of
 * its front matter keys, the unfinished-work markers of its body, its `ref`/`relref` targets and
 * the patient identifiers the existing NIR checks find. Pure; cached by the caller per file stamp.
 */
import { resolvePageRules, type SiteConfig } from '../config';
import { pageIgnoredCodes } from '../check';
import { locateFrontMatter } from '../frontmatter/locate';
import type { Lang } from '../l10n';
import { checkPatientIdentifiers, maskCode, MSSANTE_ADDRESS_CODE, PATIENT_IDENTIFIER_CODE } from '../nir';
import { parseShortcodes } from '../shortcodes/document';
import { refArgsOf, relrefUses } from '../shortcodes/relrefs';
import type { RefArgs } from '../site/site';
import { LineIndex, stripBom } from '../text';

export interface MarkerFact {
  readonly word: string;
  readonly line: number;
  readonly column: number;
  /** The line, shortened, with any long run of digits hidden (it may be a patient's number). */
  readonly text: string;
}

export interface RefFact {
  readonly ref: string;
  readonly args: RefArgs;
  readonly line: number;
  readonly column: number;
}

export interface PatientFact {
  readonly code: typeof PATIENT_IDENTIFIER_CODE | typeof MSSANTE_ADDRESS_CODE;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface TextFacts {
  /** Lower-cased front matter keys (and table names: `_build` for `[_build]`) → their line. */
  readonly keyLines: ReadonlyMap<string, number>;
  readonly markers: readonly MarkerFact[];
  readonly refs: readonly RefFact[];
  readonly patient: readonly PatientFact[];
}

export const DEFAULT_MARKERS: readonly string[] = ['TODO', 'FIXME', 'XXX'];

const TOML_KEY = /^[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*(?:\.|=)/;
const TOML_TABLE = /^[ \t]*\[{1,2}[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))/;
const YAML_KEY = /^(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*:/;
/** 13 or more digits (separators allowed): a matricule INS is 15; dates and phone numbers are shorter. */
const LONG_NUMBER = /(?:[0-9][ .\u00A0\u202F-]?|2[AaBb][ .\u00A0\u202F-]?){12,}[0-9]/g;
const MAX_SNIPPET = 80;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A marker's line as a short excerpt: comment delimiters dropped, long numbers hidden. */
export function snippet(line: string): string {
  let s = line.replace(/<!--|-->/g, ' ').replace(LONG_NUMBER, '…').replace(/\s+/g, ' ').trim();
  if (s.length > MAX_SNIPPET) s = `${s.slice(0, MAX_SNIPPET - 1)}…`;
  return s;
}

/** `index` covers at least the front matter. */
function keyLines(text: string, index: LineIndex): Map<string, number> {
  const out = new Map<string, number>();
  const loc = locateFrontMatter(text);
  if (!loc) return out;
  const first = index.positionAt(loc.contentStart).line;
  const last = loc.closed ? loc.closeLine : index.lineCount;
  let inTable = false;
  for (let line = first; line < last; line++) {
    const t = index.lineText(line);
    if (loc.format === 'toml') {
      const table = TOML_TABLE.exec(t);
      if (table) {
        inTable = true;
        const name = (table[1] ?? table[2] ?? table[3]).toLowerCase();
        if (!out.has(name)) out.set(name, line);
        continue;
      }
      if (inTable) continue;
      const key = TOML_KEY.exec(t);
      if (key) {
        const name = (key[1] ?? key[2] ?? key[3]).toLowerCase();
        if (!out.has(name)) out.set(name, line);
      }
    } else if (loc.format === 'yaml') {
      const key = YAML_KEY.exec(t);
      if (key) {
        const name = (key[1] ?? key[2] ?? key[3]).toLowerCase();
        if (!out.has(name)) out.set(name, line);
      }
    } else {
      const key = /^[ \t]*"([^"\n]*)"[ \t]*:/.exec(t);
      if (key && !out.has(key[1].toLowerCase())) out.set(key[1].toLowerCase(), line);
    }
  }
  return out;
}

export interface TextFactsOptions {
  readonly lang: Lang;
  readonly config: SiteConfig;
  /** The page's path from the site root, for the sections' `[severity]`. */
  readonly sitePath: string;
  readonly markers: readonly string[];
}

/** A necessary condition for the NIR checks to find something: a patient address, or 15 characters shaped like a matricule INS. */
const MAYBE_PATIENT = /@patient\.mssante\.fr|[12](?:[ \u00A0\u202F.-]?[0-9ABab]){14}/i;

/** Reads a page's text for the health report. Never throws: an unreadable part yields nothing. */
export function textFacts(rawText: string, o: TextFactsOptions): TextFacts {
  const text = stripBom(rawText);
  // Most pages have no marker, no patient data, a few refs: the full line index and the code mask
  // are made only when something is there to locate.
  let full: LineIndex | undefined;
  const index = () => (full ??= new LineIndex(text));
  const loc = locateFrontMatter(text);
  const lines = loc ? keyLines(text, new LineIndex(text.slice(0, loc.closed ? loc.closeEnd : text.length))) : new Map<string, number>();

  const markers: MarkerFact[] = [];
  const bodyStart = loc ? (loc.closed ? loc.closeEnd : text.length) : 0;
  const words = o.markers.filter((m) => m !== '');
  if (words.length > 0 && bodyStart < text.length) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    re.lastIndex = bodyStart;
    if (re.test(text)) {
      const masked = maskCode(index());
      re.lastIndex = bodyStart;
      let lastLine = -1;
      for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
        const pos = index().positionAt(m.index);
        // One marker per line: "TODO … XXX" on one line is one thing to do.
        if (pos.line === lastLine) continue;
        lastLine = pos.line;
        markers.push({ word: m[0], line: pos.line, column: pos.character, text: snippet(index().lineText(pos.line)) });
      }
    }
  }

  const refs: RefFact[] = [];
  if (/ref\b/i.test(text)) {
    try {
      const doc = parseShortcodes(text);
      for (const use of relrefUses(text, doc.tags)) {
        if (use.ref === undefined || use.ref.trim() === '') continue;
        const pos = index().positionAt(use.refStart);
        refs.push({ ref: use.ref, args: refArgsOf(doc.tags[use.tag], use.ref), line: pos.line, column: pos.character });
      }
    } catch {
      // A scanner bug must not hide the rest of the report.
    }
  }

  const patient: PatientFact[] = [];
  if (MAYBE_PATIENT.test(text)) {
    const ignored = pageIgnoredCodes(text);
    for (const code of o.config.ignore) ignored.add(code);
    const severity = resolvePageRules(o.config, o.sitePath).severity;
    const off = (code: string) => ignored.has(code) || severity.get(code) === 'off';
    if (!off(PATIENT_IDENTIFIER_CODE) || !off(MSSANTE_ADDRESS_CODE)) {
      const found = checkPatientIdentifiers(text, o.lang, { silenced: off(PATIENT_IDENTIFIER_CODE), testIdentities: o.config.testIdentities });
      for (const d of found) {
        // A placeholder address (`matricule@patient.mssante.fr`) is an example, not a patient's.
        if (d.severity === 'information' || off(d.code)) continue;
        if (d.code !== PATIENT_IDENTIFIER_CODE && d.code !== MSSANTE_ADDRESS_CODE) continue;
        patient.push({ code: d.code, line: d.range.start.line, column: d.range.start.character, message: d.message });
      }
    }
  }
  return { keyLines: lines, markers, refs, patient };
}
