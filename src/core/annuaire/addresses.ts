import { compareDiagnostics, type Diagnostic } from '../diagnostic';
import { localize, type Lang } from '../l10n';
import { maskCode } from '../nir/maskCode';
import { LineIndex } from '../text';
import { ANNUAIRE_MESSAGES } from './messages';
import type { AddressBook } from './searchIndex';

export const MSSANTE_ADDRESS_UNKNOWN_CODE = 'mssante-address-unknown';

/** A professional MSSanté address found in a text, with its offsets. */
export interface FoundAddress {
  readonly address: string;
  readonly start: number;
  readonly end: number;
}

/** `@` then one or more labels then `mssante.fr`: `@ch-lyon.mssante.fr`, `@medecin.mssante.fr`. */
const DOMAIN = /@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+)mssante\.fr/giy;
const AT = /@/g;
const DOMAIN_CONTINUES = /[\p{L}\p{N}_-]|\.[\p{L}\p{N}]/uy;
const LOCAL_PART_CHAR = /[\p{L}\p{N}._%+'-]/u;
const MAX_LOCAL_PART = 64;

/**
 * Every `…@….mssante.fr` address of a text but patient addresses (`@patient.mssante.fr`, which
 * have their own checks). Linear; offsets are UTF-16 indices of `text`.
 */
export function findProfessionalAddresses(text: string): FoundAddress[] {
  const out: FoundAddress[] = [];
  if (typeof text !== 'string' || !text.includes('@')) return out;
  AT.lastIndex = 0;
  for (let m = AT.exec(text); m !== null; m = AT.exec(text)) {
    const at = m.index;
    DOMAIN.lastIndex = at;
    const d = DOMAIN.exec(text);
    if (!d) continue;
    const end = at + d[0].length;
    DOMAIN_CONTINUES.lastIndex = end;
    if (DOMAIN_CONTINUES.test(text)) continue; // …mssante.fr.example.org, …mssante.free
    if (d[1].toLowerCase() === 'patient.') continue;
    let start = at;
    while (start > 0 && at - start <= MAX_LOCAL_PART && LOCAL_PART_CHAR.test(text[start - 1])) start--;
    if (at - start > MAX_LOCAL_PART) continue;
    // Punctuation around an address is not part of it: "(jean.martin@…)", "'x@…'".
    while (start < at && /[.'-]/.test(text[start])) start++;
    if (start === at || text[at - 1] === '.') continue;
    out.push({ address: text.slice(start, end), start, end });
    AT.lastIndex = end;
  }
  return out;
}

/** Words that introduce a name but are not one. */
const TITLES = /^(?:dr|docteur|docteure|pr|professeur|professeure|mme|madame|m|monsieur|mr|mrs|ms|mlle)\.?$/i;
const NOT_NAME = new Set(['MSSanté', 'MSSante', 'Messagerie', 'Adresse', 'Écrire', 'Ecrire', 'Contact', 'Mail', 'Email', 'E-mail', 'Courriel', 'Secrétariat', 'Secretariat']);

/**
 * The name written near an address, for a search: "Dr Jean Martin, cardiologue : jean.martin@…" →
 * "Jean Martin". The capitalised words just before the address on its line (after a title when
 * there is one); otherwise the address's local part as words ("jean.martin" → "jean martin").
 */
export function nameNear(text: string, found: FoundAddress): string {
  const lineStart = Math.max(text.lastIndexOf('\n', found.start - 1) + 1, found.start - 160);
  const before = text.slice(lineStart, found.start).replace(/\[[^\]]*$/, '');
  const tokens = before.split(/[^\p{L}'’-]+/u).filter((t) => t !== '');
  const name: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (TITLES.test(t)) {
      if (name.length > 0) break;
      continue;
    }
    if (/^\p{Lu}/u.test(t) && !NOT_NAME.has(t)) {
      name.unshift(t);
      if (name.length === 3) break;
    } else if (name.length > 0) break;
  }
  if (name.length > 0) return name.join(' ');
  const local = found.address.slice(0, found.address.indexOf('@'));
  return local
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1)
    .join(' ');
}

function formatDate(date: string | undefined, lang: Lang): string {
  if (!date) return localize(ANNUAIRE_MESSAGES.dateUnknown, lang);
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return lang === 'fr' ? `${m[3]}/${m[2]}/${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The extract's date as users read it (`01/12/2026` in French, `2026-12-01` in English). */
export function extractDateLabel(date: string | undefined, lang: Lang): string {
  return formatDate(date, lang);
}

/**
 * A warning on every professional MSSanté address of a page (code excluded) that the extract does
 * not know, naming the extract's date; `data` carries the address and the name near it for the quick fix.
 */
export function checkProfessionalAddresses(text: string, book: AddressBook, lang: Lang): Diagnostic[] {
  if (typeof text !== 'string' || !text.includes('mssante')) return [];
  const index = new LineIndex(text);
  const masked = maskCode(index);
  const out: Diagnostic[] = [];
  for (const found of findProfessionalAddresses(masked)) {
    if (book.has(found.address)) continue;
    const message = book.date
      ? localize(ANNUAIRE_MESSAGES.addressUnknown, lang, { address: found.address, date: formatDate(book.date, lang) })
      : localize(ANNUAIRE_MESSAGES.addressUnknownUndated, lang, { address: found.address });
    out.push({
      code: MSSANTE_ADDRESS_UNKNOWN_CODE,
      severity: 'warning',
      range: index.rangeAt(found.start, found.end),
      message,
      data: { address: found.address, name: nameNear(text, found), date: book.date ?? null },
    });
  }
  return out.sort(compareDiagnostics);
}
