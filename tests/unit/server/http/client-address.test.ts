import { BlockList } from 'node:net';
import { describe, expect, it } from 'vitest';
import { normalizeAddress, resolveClientAddress } from '@/server/http/client-address';

function trusting(...entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const type = address.includes(':') ? 'ipv6' : 'ipv4';
    if (prefix) list.addSubnet(address, Number(prefix), type);
    else list.addAddress(address, type);
  }
  return list;
}

describe('resolveClientAddress', () => {
  it('takes the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4, 5.6.7.8', trusting())).toBe('203.0.113.9');
  });

  it('walks from the right past trusted proxies only', () => {
    const proxies = trusting('10.0.0.0/8', '127.0.0.1');
    // The client wrote "6.6.6.6" itself; the proxy at 10.0.0.2 appended the real client.
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress('198.51.100.8', '6.6.6.6', proxies)).toBe('198.51.100.8');
  });

  it('stops at the proxy when its entry is not an address, and at the leftmost when all are trusted', () => {
    const proxies = trusting('127.0.0.1', '10.0.0.0/8');
    expect(resolveClientAddress('127.0.0.1', 'nonsense', proxies)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '10.0.0.5, 10.0.0.6', proxies)).toBe('10.0.0.5');
    expect(resolveClientAddress('127.0.0.1', undefined, proxies)).toBe('127.0.0.1');
  });

  it('understands IPv6 proxies and IPv4-mapped peers', () => {
    expect(resolveClientAddress('fd00::1', '2001:db8::5', trusting('fd00::/8'))).toBe('2001:db8::5');
  });
});

describe('normalizeAddress', () => {
  it('gives one spelling per address and refuses anything else', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress(' [2001:DB8::1]:443 ')).toBe('2001:db8::1');
    expect(normalizeAddress('198.51.100.7:5000')).toBe('198.51.100.7');
    expect(normalizeAddress('evil.example')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
  });
});
