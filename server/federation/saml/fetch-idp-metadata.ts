/**
 * Reads an IdP's metadata from its URL: http(s) only, 10 s at most, 1 MiB at most (the
 * body is read as a stream and dropped past the cap), through the same loopback-aware
 * agent as the OIDC relying party so `*.localhost` URLs work.
 */
import { fetch as undiciFetch } from 'undici';
import { MAX_METADATA_BYTES } from '../../model/idp-metadata';
import { sharedAgent } from '../oidc/upstream-fetch';
import { MetadataError } from './parse-idp-metadata';

export const METADATA_TIMEOUT_MS = 10_000;

/** The metadata document at `url`, as text. */
export async function fetchIdpMetadata(url: string, timeoutMs = METADATA_TIMEOUT_MS): Promise<string> {
  if (!/^https?:\/\//i.test(url)) throw new MetadataError('Only http(s) metadata URLs can be read.', 'url');
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Awaited<ReturnType<typeof undiciFetch>>;
  try {
    response = await undiciFetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml;q=0.9, */*;q=0.1' },
      dispatcher: sharedAgent(),
    });
  } catch (error) {
    throw new MetadataError(`Could not read ${url}: ${reason(error, signal, timeoutMs)}`, 'url');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new MetadataError(`Could not read ${url}: it answered HTTP ${response.status}.`, 'url');
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_METADATA_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new MetadataError(`The metadata at ${url} is larger than 1 MiB.`, 'url');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > MAX_METADATA_BYTES) throw new MetadataError(`The metadata at ${url} is larger than 1 MiB.`, 'url');
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof MetadataError) throw error;
    throw new MetadataError(`Could not read ${url}: ${reason(error, signal, timeoutMs)}`, 'url');
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reason(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `no answer within ${timeoutMs / 1000} s.`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${cause?.code ?? cause?.message ?? (error as Error).message ?? 'the request failed'}.`;
}
