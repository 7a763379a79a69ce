import { Unzip, UnzipInflate } from 'fflate';
import { extractDateFromName } from './extract';
import { buildIndexFromChunks, type AnnuaireIndex } from './searchIndex';

/*
 * The extract as the ANS publishes it (a zip holding one .txt) or the .txt itself, from bytes
 * already in memory (a file picked, a download). Unzipped as a stream with fflate (pure
 * JavaScript: same code in Node, the browser and the web extension host), so the 89 MB text is
 * never one buffer.
 */

const CHUNK = 1 << 20;

export class ZipError extends Error {
  constructor(
    readonly kind: 'no-text' | 'broken',
    reason = '',
  ) {
    super(kind === 'no-text' ? 'the zip archive holds no .txt file' : `unreadable zip archive: ${reason}`);
  }
}

/** Whether bytes start as a zip archive does (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, Math.min(at + CHUNK, bytes.length));
}

/**
 * The first `.txt` (or `.csv`) file of a zip, decompressed chunk by chunk. `onName` gets its name
 * as soon as it is known. Throws {@link ZipError}.
 */
export function* unzipText(zip: Uint8Array, onName?: (name: string) => void): Generator<Uint8Array> {
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  const out: Uint8Array[] = [];
  let chosen: string | undefined;
  let failure: unknown;
  unzip.onfile = (file) => {
    if (chosen !== undefined || !/\.(txt|csv)$/i.test(file.name) || /(^|\/)__MACOSX\//.test(file.name)) return;
    chosen = file.name;
    onName?.(file.name);
    file.ondata = (err, data) => {
      if (err) failure = err;
      else if (data.length > 0) out.push(data);
    };
    file.start();
  };
  for (let at = 0; at < zip.length; at += CHUNK) {
    const end = Math.min(at + CHUNK, zip.length);
    try {
      unzip.push(zip.subarray(at, end), end === zip.length);
    } catch (e) {
      failure = e;
    }
    if (failure) throw new ZipError('broken', failure instanceof Error ? failure.message : String(failure));
    while (out.length > 0) yield out.shift()!;
  }
  if (chosen === undefined) throw new ZipError('no-text');
}

export interface ReadExtractOptions {
  /** The file's name or URL (for the extract's date, `…_YYYYMMDDhhmm.zip`). */
  readonly name?: string;
  /** Bytes of the extract's text read so far, and its total when known; false stops (cancel). */
  readonly onProgress?: (read: number, total: number | undefined) => boolean | void;
}

/**
 * Builds the index from the extract's bytes, zip or text. The date comes from the zip's or the
 * text's name. Throws NotAnExtractError, ZipError, CancelledError.
 */
export async function readExtract(bytes: Uint8Array, options: ReadExtractOptions = {}): Promise<AnnuaireIndex> {
  const outer = options.name?.replace(/[?#].*$/, '').replace(/^.*[\\/]/, '');
  let inner: string | undefined;
  const zip = isZip(bytes);
  const chunks = zip ? unzipText(bytes, (n) => (inner = n)) : slices(bytes);
  const total = zip ? undefined : bytes.length;
  return buildIndexFromChunks(chunks, {
    onProgress: (read) => options.onProgress?.(read, total),
    date: () => (outer && extractDateFromName(outer)) || (inner && extractDateFromName(inner)) || undefined,
    source: () => outer ?? inner,
  });
}
