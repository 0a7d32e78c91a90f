import 'server-only';
import { isIP, type BlockList } from 'node:net';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { getProxyEnv } from '../env';

// Who is asking, for sign-in throttling, the audit trail and logs alike. The only address
// nobody can choose is the socket's peer, which route handlers never see under `next start`
// (it fills X-Forwarded-For from the socket only when the client sent none). So the app runs
// behind scripts/server.mjs, which writes the peer into PEER_HEADER itself, replacing any
// value a client sent. X-Forwarded-For entries are believed only hop by hop from the right,
// while the hop that wrote them is one of TRUSTED_PROXIES (decision 013).

/** Written by scripts/server.mjs (keep the two names equal). */
export const PEER_HEADER = 'x-bantin-peer';
/** Without the server wrapper (e.g. `next dev` directly) the peer cannot be known. */
export const UNKNOWN_ADDRESS = 'không rõ';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** A canonical IP address ("::ffff:10.0.0.1" → "10.0.0.1", "[::1]:80" → "::1"), or null. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  if (value.startsWith('::ffff:') && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value : null;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's peer, or, while that hop is a trusted proxy, the entry
 * it appended to X-Forwarded-For, walking from the right. A trusted hop that wrote something
 * that is not an address ends the walk at that hop.
 */
export function resolveClientAddress(peer: string, forwardedFor: string | undefined, trusted: BlockList): string {
  let address = peer;
  const hops = (forwardedFor ?? '').split(',');
  while (isTrusted(address, trusted) && hops.length > 0) {
    const hop = normalizeAddress(hops.pop()!);
    if (!hop) break;
    address = hop;
  }
  return address;
}

/** The client's address for a request's headers (route handlers, next-auth's request). */
export function clientAddress(source: HeaderSource): string {
  const { hasPeerHeader, trustedProxies } = getProxyEnv();
  const peer = hasPeerHeader ? normalizeAddress(readHeader(source, PEER_HEADER) ?? '') : null;
  if (!peer) return UNKNOWN_ADDRESS;
  return resolveClientAddress(peer, readHeader(source, 'x-forwarded-for'), trustedProxies);
}

/** The current request's client address in server actions and pages; null outside a request. */
export async function requestClientAddress(): Promise<string | null> {
  try {
    return clientAddress(await headers());
  } catch (error) {
    // Next's own control-flow errors (prerender bail-outs) must pass through.
    unstable_rethrow(error);
    return null;
  }
}
