import { describe, expect, it } from 'vitest';
import { matchesEntityTag, nonceCsp, SCRIPTLESS_CSP, strictTransportSecurity } from '@/lib/http-headers';

const scriptSources = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith('script-src'));

describe('content security policies', () => {
  it('run no inline script without a nonce, on any page', () => {
    expect(scriptSources(SCRIPTLESS_CSP)).toBe("script-src 'none'");
    expect(scriptSources(nonceCsp('abc'))).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    for (const policy of [SCRIPTLESS_CSP, nonceCsp('abc')]) {
      expect(scriptSources(policy)).not.toContain('unsafe');
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
    }
  });
});

describe('strictTransportSecurity', () => {
  it('is sent only when the public address is https', () => {
    expect(strictTransportSecurity('https://bantin.sonoivu.laichau.gov.vn')).toBe('max-age=31536000');
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });
});

describe('matchesEntityTag', () => {
  it('compares weakly, in lists and with a wildcard', () => {
    expect(matchesEntityTag('"a"', '"a"')).toBe(true);
    expect(matchesEntityTag('W/"a"', '"a"')).toBe(true);
    expect(matchesEntityTag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEntityTag('*', '"a"')).toBe(true);
    expect(matchesEntityTag('"b"', '"a"')).toBe(false);
    expect(matchesEntityTag(null, '"a"')).toBe(false);
  });
});
