import { ExtractDecoder, ExtractParser, type ExtractRecord, type ExtractReport } from './extract';
import { fold, indexWords, queryWords } from './normalize';

/*
 * The searchable index of the extract: only the columns search and display need, every string
 * interned once, entries deduplicated by address and sorted by name, and a sorted word list whose
 * ranges answer prefix queries. Serialised as one binary blob (typed arrays + UTF-8 string tables)
 * that loads back without re-tokenising anything.
 */

/** The fields of an entry, in storage order. */
export const FIELDS = ['nom', 'prenom', 'civilite', 'profession', 'savoirFaire', 'service', 'organisation', 'enseigne', 'city', 'postalCode', 'departement'] as const;
export type Field = (typeof FIELDS)[number];
const F = FIELDS.length;
const FIELD_AT: Record<Field, number> = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<Field, number>;

/** The fields search reads, and how much a match in each weighs in the ranking. */
const SEARCHED: Partial<Record<Field, number>> = {
  nom: 10,
  organisation: 8,
  prenom: 7,
  enseigne: 6,
  service: 6,
  profession: 5,
  savoirFaire: 5,
  city: 4,
  postalCode: 3,
  departement: 3,
};
const WEIGHT = new Uint8Array(F);
for (const [f, w] of Object.entries(SEARCHED)) WEIGHT[FIELD_AT[f as Field]] = w;

const KINDS = ['', 'PER', 'ORG', 'APP', 'CAB'] as const;

/** An entry of the index: what was kept of the extract's line, its mailbox type as `kind`, and its number. */
export interface AnnuaireEntry extends Omit<ExtractRecord, 'type'> {
  readonly id: number;
  /** `PER`, `ORG`, `APP`, `CAB`, or what the extract says. */
  readonly kind: string;
}

export interface AnnuaireMeta {
  /** The extract's date (`2026-12-01` or `2026-12-01T04:00`), from its file name, when known. */
  readonly date?: string;
  /** The file or URL it was read from (its last path segment only). */
  readonly source?: string;
  /** When the index was built (ISO). */
  readonly builtAt: string;
  /** What reading the extract found. */
  readonly report: ExtractReport;
  /** Lines that repeated an address already read. */
  readonly duplicates: number;
  readonly encoding?: string;
}

export interface SearchResult {
  readonly entries: AnnuaireEntry[];
  /** How many entries match in all (only the best `limit` are returned). */
  readonly total: number;
}

/** What the page check needs of an index: whether an address is in it, and the extract's date. */
export interface AddressBook {
  has(address: string): boolean;
  readonly date?: string;
}

/** Strings kept as one string and offsets: one heap object instead of one per string. */
export class StringTable {
  constructor(
    /** The strings joined by U+0001 (which no string contains: the reader turns control characters into spaces). */
    readonly blob: string,
    /** Where each string starts; the last item is one past the blob's end. */
    private readonly starts: Uint32Array,
  ) {}

  static from(list: readonly string[]): StringTable {
    const starts = new Uint32Array(list.length + 1);
    let at = 0;
    for (let i = 0; i < list.length; i++) {
      starts[i] = at;
      at += list[i].length + 1;
    }
    starts[list.length] = at;
    return new StringTable(list.join('\u0001'), starts);
  }

  /** The table back from its blob; undefined when the blob does not hold `count` strings. */
  static parse(blob: string, count: number): StringTable | undefined {
    const starts = new Uint32Array(count + 1);
    let at = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = at;
      const next = blob.indexOf('\u0001', at);
      if (next < 0) {
        if (i !== count - 1) return undefined;
        at = blob.length + 1;
      } else at = next + 1;
    }
    if (count > 0 && at !== blob.length + 1) return undefined;
    starts[count] = count > 0 ? at : 0;
    return new StringTable(blob, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  get(i: number): string {
    return this.blob.slice(this.starts[i], this.starts[i + 1] - 1);
  }
}

/** A Uint32Array that grows as values are pushed. */
class U32List {
  data = new Uint32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/** Sorts ids by a string key each; the keys compared once each, flat. */
function ranksOf(keys: readonly string[]): Uint32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const rank = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return rank;
}

/** Collects records into columns while the extract is read; `build` makes the index. */
export class IndexBuilder {
  private readonly strings: string[] = [''];
  private readonly interned = new Map<string, number>([['', 0]]);
  private readonly addresses: string[] = [];
  private readonly seen = new Set<string>();
  private readonly kinds = new U32List();
  private readonly extraKinds: string[] = [];
  private readonly fields = new U32List();
  duplicates = 0;

  add(r: ExtractRecord): void {
    const key = r.address.toLowerCase();
    if (this.seen.has(key)) {
      this.duplicates++;
      return;
    }
    this.seen.add(key);
    this.addresses.push(r.address);
    let kind = KINDS.indexOf(r.type as (typeof KINDS)[number]);
    if (kind < 0) {
      kind = this.extraKinds.indexOf(r.type);
      if (kind < 0) kind = this.extraKinds.push(r.type) - 1;
      kind += KINDS.length;
    }
    this.kinds.push(Math.min(kind, 255));
    const f = this.fields;
    f.push(this.intern(r.nom));
    f.push(this.intern(r.prenom));
    f.push(this.intern(r.civilite));
    f.push(this.intern(r.profession));
    f.push(this.intern(r.savoirFaire));
    f.push(this.intern(r.service));
    f.push(this.intern(r.organisation));
    f.push(this.intern(r.enseigne));
    f.push(this.intern(r.city));
    f.push(this.intern(r.postalCode));
    f.push(this.intern(r.departement));
  }

  private intern(s: string): number {
    let id = this.interned.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.interned.set(s, id);
    }
    return id;
  }

  build(meta: Omit<AnnuaireMeta, 'duplicates' | 'builtAt'> & { builtAt?: string }): AnnuaireIndex {
    const n = this.addresses.length;
    const strings = this.strings;
    const fields = this.fields.data;
    this.seen.clear();
    this.interned.clear();
    // Ranks instead of string comparisons: each distinct string folded and sorted once.
    const stringRank = ranksOf(strings.map(fold));
    // Entries sorted by what the list shows first: the name, then the first name; or the organisation, then the service.
    const first = new Uint32Array(n);
    const second = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const b = i * F;
      const nom = fields[b + FIELD_AT.nom];
      if (nom) {
        first[i] = stringRank[nom];
        second[i] = stringRank[fields[b + FIELD_AT.prenom]];
      } else {
        first[i] = stringRank[fields[b + FIELD_AT.organisation] || fields[b + FIELD_AT.enseigne] || fields[b + FIELD_AT.service]];
        second[i] = stringRank[fields[b + FIELD_AT.service]];
      }
    }
    // A stable sort: same name and first name, the extract's order.
    const sorted = Array.from({ length: n }, (_, i) => i).sort((a, b) => first[a] - first[b] || second[a] - second[b]);
    const addresses: string[] = new Array(n);
    const kinds = new Uint8Array(n);
    const outFields = new Uint32Array(n * F);
    for (let i = 0; i < n; i++) {
      const from = sorted[i];
      addresses[i] = this.addresses[from];
      kinds[i] = this.kinds.data[from];
      outFields.set(fields.subarray(from * F, from * F + F), i * F);
    }
    this.addresses.length = 0;
    // Addresses found by a hash of their lower case form: a numeric sort, no string comparisons.
    const addressHash = new Uint32Array(n);
    for (let i = 0; i < n; i++) addressHash[i] = hashAddress(addresses[i]);
    const byAddress = Uint32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => addressHash[a] - addressHash[b]));
    // Words of each distinct string, once.
    const wordsOf: (Uint32Array | undefined)[] = new Array(strings.length);
    const wordIds = new Map<string, number>();
    const wordList: string[] = [];
    const stringWords = (sid: number): Uint32Array => {
      let w = wordsOf[sid];
      if (w === undefined) {
        const ids: number[] = [];
        for (const word of indexWords(strings[sid])) {
          let wid = wordIds.get(word);
          if (wid === undefined) {
            wid = wordList.length;
            wordList.push(word);
            wordIds.set(word, wid);
          }
          if (!ids.includes(wid)) ids.push(wid);
        }
        w = Uint32Array.from(ids);
        wordsOf[sid] = w;
      }
      return w;
    };
    const offsets = new Uint32Array(n + 1);
    const tok = new U32List();
    const tokField = new U32List();
    const searched = FIELDS.map((_, i) => [i, WEIGHT[i]] as const)
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([i]) => i);
    for (let i = 0; i < n; i++) {
      const start = tok.length;
      for (const f of searched) {
        const sid = outFields[i * F + f];
        if (sid === 0) continue;
        const ws = stringWords(sid);
        for (let k = 0; k < ws.length; k++) {
          const wid = ws[k];
          // One word once per entry, in its heaviest field (fields are visited heaviest first).
          let dup = false;
          for (let j = start; j < tok.length; j++) if (tok.data[j] === wid) dup = true;
          if (dup) continue;
          tok.push(wid);
          tokField.push(f);
        }
      }
      offsets[i + 1] = tok.length;
    }
    // Words sorted, so that a prefix is a contiguous range; entries' word ids renumbered.
    const byWord = wordList.map((_, i) => i).sort((a, b) => (wordList[a] < wordList[b] ? -1 : wordList[a] > wordList[b] ? 1 : 0));
    const renumber = new Uint32Array(wordList.length);
    byWord.forEach((old, i) => (renumber[old] = i));
    const sortedWords = byWord.map((i) => wordList[i]);
    const entryWords = tok.done();
    for (let k = 0; k < entryWords.length; k++) entryWords[k] = renumber[entryWords[k]];
    const entryFields = Uint8Array.from(tokField.done());
    const kindNames = [...KINDS, ...this.extraKinds];
    return new AnnuaireIndex(
      { ...meta, builtAt: meta.builtAt ?? new Date().toISOString(), duplicates: this.duplicates },
      {
        strings: StringTable.from(strings),
        addresses: StringTable.from(addresses),
        kinds,
        kindNames,
        fields: outFields,
        words: StringTable.from(sortedWords),
        offsets,
        entryWords,
        entryFields,
        byAddress,
        addressHash,
      },
    );
  }
}

/** FNV-1a of an address in lower case (ASCII letters folded; addresses are ASCII). */
export function hashAddress(address: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) {
    let c = address.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

interface Columns {
  strings: StringTable;
  addresses: StringTable;
  kinds: Uint8Array;
  kindNames: string[];
  fields: Uint32Array;
  words: StringTable;
  offsets: Uint32Array;
  entryWords: Uint32Array;
  entryFields: Uint8Array;
  /** Entry ids in the order of their address's hash, and the hashes. */
  byAddress: Uint32Array;
  addressHash: Uint32Array;
}

const MAGIC = 'MGANNU3\n';

export class AnnuaireIndex implements AddressBook {
  /** Entries of each word, in word order: the entries of a word range are one slice; with the field each is in. */
  private readonly postingStarts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly postingFields: Uint8Array;
  /** Per entry: the search that last saw it, and its score in that search. */
  private readonly mark: Uint32Array;
  private readonly score: Uint16Array;
  private generation = 0;

  constructor(
    readonly meta: AnnuaireMeta,
    private readonly c: Columns,
  ) {
    const nw = c.words.length;
    const counts = new Uint32Array(nw + 1);
    for (let k = 0; k < c.entryWords.length; k++) counts[c.entryWords[k] + 1]++;
    for (let w = 0; w < nw; w++) counts[w + 1] += counts[w];
    this.postingStarts = counts.slice();
    const fill = counts.subarray(0, nw);
    this.postings = new Uint32Array(c.entryWords.length);
    this.postingFields = new Uint8Array(c.entryWords.length);
    const n = c.addresses.length;
    for (let e = 0; e < n; e++) {
      for (let k = c.offsets[e]; k < c.offsets[e + 1]; k++) {
        const at = fill[c.entryWords[k]]++;
        this.postings[at] = e;
        this.postingFields[at] = c.entryFields[k];
      }
    }
    this.mark = new Uint32Array(n);
    this.score = new Uint16Array(n);
  }

  get size(): number {
    return this.c.addresses.length;
  }

  get date(): string | undefined {
    return this.meta.date;
  }

  entry(id: number): AnnuaireEntry {
    const c = this.c;
    const b = id * F;
    const s = (f: Field) => c.strings.get(c.fields[b + FIELD_AT[f]]);
    return {
      id,
      address: c.addresses.get(id),
      kind: c.kindNames[c.kinds[id]] ?? '',
      nom: s('nom'),
      prenom: s('prenom'),
      civilite: s('civilite'),
      profession: s('profession'),
      savoirFaire: s('savoirFaire'),
      service: s('service'),
      organisation: s('organisation'),
      enseigne: s('enseigne'),
      city: s('city'),
      postalCode: s('postalCode'),
      departement: s('departement'),
    };
  }

  /** The entry of an address (any case), or undefined. */
  find(address: string): AnnuaireEntry | undefined {
    const key = address.trim().toLowerCase();
    const h = hashAddress(key);
    const { byAddress, addresses, addressHash } = this.c;
    let lo = 0;
    let hi = byAddress.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (addressHash[byAddress[mid]] < h) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < byAddress.length && addressHash[byAddress[i]] === h; i++) {
      if (addresses.get(byAddress[i]).toLowerCase() === key) return this.entry(byAddress[i]);
    }
    return undefined;
  }

  has(address: string): boolean {
    return this.find(address) !== undefined;
  }

  /** The range of words starting with `prefix`. */
  private prefixRange(prefix: string): [number, number] {
    const words = this.c.words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words.get(mid) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const w = words.get(mid);
      if (w.startsWith(prefix) || w < prefix) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  /**
   * Entries whose words start with every word of the query, best first: a word matching a name
   * weighs more than one matching a town, a whole word more than a prefix; equal scores in
   * alphabetical order. "martin cardio 69", "chu nantes urgences".
   */
  search(query: string, limit = 50): SearchResult {
    const q = queryWords(query);
    if (q.length === 0 || this.size === 0 || limit <= 0) return { entries: [], total: 0 };
    const ranges = q.map((w) => {
      const [lo, hi] = this.prefixRange(w);
      const exact = lo < hi && this.c.words.get(lo) === w ? lo : -1;
      return { lo, hi, exact, size: this.postingStarts[hi] - this.postingStarts[lo] };
    });
    if (ranges.some((r) => r.size === 0)) return { entries: [], total: 0 };
    let driver = ranges[0];
    for (const r of ranges) if (r.size < driver.size) driver = r;
    const others = ranges.filter((r) => r !== driver);
    const { offsets, entryWords, entryFields } = this.c;
    if (++this.generation === 0xffffffff) {
      this.mark.fill(0);
      this.generation = 1;
    }
    const gen = this.generation;
    const { mark, score, postings, postingFields, postingStarts } = this;
    // Pass 1, the driver word's postings: each entry's best score for that word (field weight, doubled for the whole word).
    const candidates = new U32List();
    for (let w = driver.lo; w < driver.hi; w++) {
      const bonus = w === driver.exact ? 2 : 1;
      for (let p = postingStarts[w], end = postingStarts[w + 1]; p < end; p++) {
        const e = postings[p];
        const s = WEIGHT[postingFields[p]] * bonus;
        if (mark[e] !== gen) {
          mark[e] = gen;
          score[e] = s;
          candidates.push(e);
        } else if (s > score[e]) score[e] = s;
      }
    }
    // Pass 2, the other words, in each candidate's own words.
    const ids = candidates.data;
    let total = 0;
    let maxScore = 0;
    for (let i = 0; i < candidates.length; i++) {
      const e = ids[i];
      let sum = score[e];
      let all = true;
      for (let r = 0; r < others.length; r++) {
        const { lo, hi, exact } = others[r];
        let best = 0;
        for (let k = offsets[e], end = offsets[e + 1]; k < end; k++) {
          const w = entryWords[k];
          if (w < lo || w >= hi) continue;
          const s = WEIGHT[entryFields[k]] * (w === exact ? 2 : 1);
          if (s > best) best = s;
        }
        if (best === 0) {
          all = false;
          break;
        }
        sum += best;
      }
      if (!all) continue;
      score[e] = sum;
      ids[total++] = e;
      if (sum > maxScore) maxScore = sum;
    }
    // The best `limit`: a histogram of the (small integer) scores gives the cut; ties by id (alphabetical).
    const histogram = new Uint32Array(maxScore + 1);
    for (let i = 0; i < total; i++) histogram[score[ids[i]]]++;
    let cut = maxScore;
    let above = 0;
    while (cut > 0 && above + histogram[cut] < limit) above += histogram[cut--];
    const picked: number[] = [];
    const ties = new Uint32Array(histogram[cut]);
    let t = 0;
    for (let i = 0; i < total; i++) {
      const e = ids[i];
      if (score[e] > cut) picked.push(e);
      else if (score[e] === cut) ties[t++] = e;
    }
    picked.sort((a, b) => score[b] - score[a] || a - b);
    ties.sort();
    for (let i = 0; i < ties.length && picked.length < limit; i++) picked.push(ties[i]);
    return { entries: picked.slice(0, limit).map((id) => this.entry(id)), total };
  }

  /** The index as bytes, for the editor's storage or a file. */
  serialize(): Uint8Array {
    const c = this.c;
    const enc = new TextEncoder();
    const blobs = {
      strings: enc.encode(c.strings.blob),
      addresses: enc.encode(c.addresses.blob),
      words: enc.encode(c.words.blob),
    };
    const arrays: [string, Uint8Array | Uint32Array][] = [
      ['kinds', c.kinds],
      ['fields', c.fields],
      ['offsets', c.offsets],
      ['entryWords', c.entryWords],
      ['entryFields', c.entryFields],
      ['byAddress', c.byAddress],
      ['addressHash', c.addressHash],
    ];
    const header = enc.encode(
      JSON.stringify({
        meta: this.meta,
        kindNames: c.kindNames,
        counts: { strings: c.strings.length, addresses: c.addresses.length, words: c.words.length },
        blobs: Object.fromEntries(Object.entries(blobs).map(([k, v]) => [k, v.byteLength])),
        arrays: arrays.map(([k, a]) => [k, a instanceof Uint32Array ? 'u32' : 'u8', a.length]),
        endian: 0x01020304,
      }),
    );
    const pad = (x: number) => (x + 3) & ~3;
    let size = pad(MAGIC.length + 4 + header.byteLength);
    for (const b of Object.values(blobs)) size = pad(size + b.byteLength);
    for (const [, a] of arrays) size = pad(size + a.byteLength);
    const out = new Uint8Array(size);
    out.set(enc.encode(MAGIC), 0);
    new DataView(out.buffer).setUint32(MAGIC.length, header.byteLength, true);
    out.set(header, MAGIC.length + 4);
    let at = pad(MAGIC.length + 4 + header.byteLength);
    for (const b of Object.values(blobs)) {
      out.set(b, at);
      at = pad(at + b.byteLength);
    }
    for (const [, a] of arrays) {
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
      at = pad(at + a.byteLength);
    }
    return out;
  }

  /** An index back from {@link serialize}'s bytes; throws {@link IndexFormatError} on anything else. */
  static load(bytes: Uint8Array): AnnuaireIndex {
    const dec = new TextDecoder();
    if (bytes.byteLength < MAGIC.length + 4 || dec.decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new IndexFormatError('not a MedGuide Annuaire index (or one of an older version)');
    // Typed arrays need 4-byte alignment: copy when the bytes do not start on it.
    const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const headerLength = view.getUint32(MAGIC.length, true);
    const pad = (x: number) => (x + 3) & ~3;
    type Header = {
      meta: AnnuaireMeta;
      kindNames: string[];
      counts: { strings: number; addresses: number; words: number };
      blobs: Record<'strings' | 'addresses' | 'words', number>;
      arrays: [string, 'u32' | 'u8', number][];
      endian: number;
    };
    let header: Header;
    try {
      header = JSON.parse(dec.decode(b.subarray(MAGIC.length + 4, MAGIC.length + 4 + headerLength))) as Header;
    } catch {
      throw new IndexFormatError('unreadable index header');
    }
    if (new Uint8Array(new Uint32Array([header.endian]).buffer)[0] !== 4) throw new IndexFormatError('index written on a machine of another byte order');
    let at = pad(MAGIC.length + 4 + headerLength);
    const take = (length: number) => {
      if (!(length >= 0) || at + length > b.byteLength) throw new IndexFormatError('truncated index');
      const part = b.subarray(at, at + length);
      at = pad(at + length);
      return part;
    };
    const table = (bytesOf: Uint8Array, count: number) => {
      const t = StringTable.parse(dec.decode(bytesOf), count);
      if (!t) throw new IndexFormatError('corrupt index strings');
      return t;
    };
    const strings = table(take(header.blobs.strings), header.counts.strings);
    const addresses = table(take(header.blobs.addresses), header.counts.addresses);
    const words = table(take(header.blobs.words), header.counts.words);
    const arrays: Record<string, Uint8Array | Uint32Array> = {};
    for (const [name, type, length] of header.arrays) {
      const part = take(type === 'u32' ? length * 4 : length);
      // Copies, so that the file's bytes can be freed once loaded.
      arrays[name] = type === 'u32' ? new Uint32Array(part.buffer, part.byteOffset, length).slice() : part.slice();
    }
    const n = addresses.length;
    const fields = arrays.fields as Uint32Array;
    const offsets = arrays.offsets as Uint32Array;
    const entryWords = arrays.entryWords as Uint32Array;
    const byAddress = arrays.byAddress as Uint32Array;
    const addressHash = arrays.addressHash as Uint32Array;
    if (fields?.length !== n * F || offsets?.length !== n + 1 || arrays.kinds?.length !== n || byAddress?.length !== n || addressHash?.length !== n || arrays.entryFields?.length !== entryWords?.length) {
      throw new IndexFormatError('corrupt index arrays');
    }
    for (let i = 0; i < fields.length; i++) if (fields[i] >= strings.length) throw new IndexFormatError('corrupt index fields');
    for (let i = 0; i < entryWords.length; i++) if (entryWords[i] >= words.length) throw new IndexFormatError('corrupt index words');
    for (let i = 0; i < n; i++) if (offsets[i] > offsets[i + 1] || byAddress[i] >= n) throw new IndexFormatError('corrupt index offsets');
    if (offsets[n] !== entryWords.length) throw new IndexFormatError('corrupt index offsets');
    return new AnnuaireIndex(header.meta, {
      strings,
      addresses,
      kinds: arrays.kinds as Uint8Array,
      kindNames: header.kindNames,
      fields,
      words,
      offsets,
      entryWords,
      entryFields: arrays.entryFields as Uint8Array,
      byAddress,
      addressHash,
    });
  }
}

export class IndexFormatError extends Error {}

/** Options of {@link buildIndexFromChunks}. */
export interface BuildOptions {
  /** The extract's date, or a function that says it once the chunks are read (a zip's entry name). */
  readonly date?: string | (() => string | undefined);
  readonly source?: string | (() => string | undefined);
  /** Called after each chunk with the bytes read so far; return false to stop (cancel). */
  readonly onProgress?: (bytesRead: number) => boolean | void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Builds the index from the extract's bytes, given as chunks (a file read in parts, a download,
 * an unzipped stream). Throws NotAnExtractError for a file that is not the extract, CancelledError
 * when `onProgress` says stop.
 */
export async function buildIndexFromChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: BuildOptions = {}): Promise<AnnuaireIndex> {
  const builder = new IndexBuilder();
  const parser = new ExtractParser((r) => builder.add(r));
  const decoder = new ExtractDecoder();
  let read = 0;
  for await (const chunk of chunks) {
    parser.push(decoder.decode(chunk));
    read += chunk.byteLength;
    if (options.onProgress?.(read) === false) throw new CancelledError();
    // Let the host breathe between chunks (a progress bar, a Cancel button).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parser.push(decoder.decode(new Uint8Array(0), true));
  const report = parser.end();
  const date = typeof options.date === 'function' ? options.date() : options.date;
  const source = typeof options.source === 'function' ? options.source() : options.source;
  return builder.build({ ...(date ? { date } : {}), ...(source ? { source } : {}), report, encoding: decoder.encoding });
}
