/*
 * Downloading the extract with the host's `fetch` (Node's, the browser's, the web extension
 * host's). The URL may be the zip itself (a data.gouv.fr stable resource URL) or the dataset's
 * data.gouv.fr API record, whose newest zip resource is then downloaded.
 */

/** The data.gouv.fr API record of the dataset "Annuaire Santé : extraction des BAL MSSanté". */
export const DEFAULT_EXTRACT_URL = 'https://www.data.gouv.fr/api/1/datasets/annuaire-sante-extraction-des-bal-mssante/';

export class DownloadError extends Error {
  constructor(
    readonly kind: 'status' | 'network' | 'no-zip' | 'cancelled',
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface DownloadOptions {
  readonly fetch?: typeof fetch;
  readonly signal?: AbortSignal;
  /** Bytes received, and the total when the server says it. */
  readonly onProgress?: (received: number, total: number | undefined) => void;
}

export interface Downloaded {
  readonly bytes: Uint8Array;
  /** The file name: from Content-Disposition, else the last URL's last segment (after redirects). */
  readonly name: string;
  readonly url: string;
}

interface DatasetResource {
  url?: string;
  title?: string;
  format?: string;
  last_modified?: string;
  created_at?: string;
}

function nameOf(response: Response, url: string): string {
  const cd = response.headers.get('content-disposition') ?? '';
  const m = /filename\*=(?:UTF-8'')?([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  if (m) {
    try {
      return decodeURIComponent((m[1] ?? m[2]).trim());
    } catch {
      return (m[1] ?? m[2]).trim();
    }
  }
  return (response.url || url).replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/^.*\//, '');
}

async function get(url: string, options: DownloadOptions): Promise<Response> {
  const fetchFn = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchFn(url, { signal: options.signal, redirect: 'follow' });
  } catch (e) {
    if (options.signal?.aborted) throw new DownloadError('cancelled', 'cancelled');
    throw new DownloadError('network', e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) throw new DownloadError('status', `${response.status} ${response.statusText}`.trim());
  return response;
}

async function body(response: Response, options: DownloadOptions): Promise<Uint8Array> {
  const total = Number(response.headers.get('content-length')) || undefined;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      received += value.byteLength;
      options.onProgress?.(received, total);
    }
  } catch (e) {
    if (options.signal?.aborted) throw new DownloadError('cancelled', 'cancelled');
    throw new DownloadError('network', e instanceof Error ? e.message : String(e));
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The newest zip of a data.gouv.fr dataset record. */
export function newestZip(record: unknown): DatasetResource | undefined {
  const resources = (record as { resources?: DatasetResource[] } | null)?.resources;
  if (!Array.isArray(resources)) return undefined;
  const zips = resources.filter((r) => typeof r?.url === 'string' && (/zip/i.test(r.format ?? '') || /\.zip(?:$|[?#])/i.test(r.url!)));
  const when = (r: DatasetResource) => Date.parse(r.last_modified ?? r.created_at ?? '') || 0;
  return zips.sort((a, b) => when(b) - when(a))[0];
}

/** Downloads the extract (following a dataset record to its newest zip). Throws {@link DownloadError}. */
export async function downloadExtract(url: string, options: DownloadOptions = {}): Promise<Downloaded> {
  let response = await get(url, options);
  let finalUrl = response.url || url;
  if (/json/i.test(response.headers.get('content-type') ?? '')) {
    let record: unknown;
    try {
      record = await response.json();
    } catch (e) {
      throw new DownloadError('no-zip', e instanceof Error ? e.message : String(e));
    }
    const zip = newestZip(record);
    if (!zip?.url) throw new DownloadError('no-zip', 'no zip resource');
    const next = new URL(zip.url, finalUrl).toString();
    response = await get(next, options);
    finalUrl = response.url || next;
    const bytes = await body(response, options);
    const name = nameOf(response, next);
    return { bytes, name: /\d{8}/.test(name) ? name : (zip.title ?? name), url: finalUrl };
  }
  const bytes = await body(response, options);
  return { bytes, name: nameOf(response, url), url: finalUrl };
}
