import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from '@/server/auth/redirects';

describe('safeCallbackUrl', () => {
  it('keeps a page of the admin area, with its query and fragment', () => {
    expect(safeCallbackUrl('/quan-tri')).toBe('/quan-tri');
    expect(safeCallbackUrl('/quan-tri/bai-viet/12?tab=lich-su#ban-nhap')).toBe('/quan-tri/bai-viet/12?tab=lich-su#ban-nhap');
    expect(safeCallbackUrl(['/quan-tri/nguoi-dung', '/khac'])).toBe('/quan-tri/nguoi-dung');
  });

  it.each([
    undefined,
    '',
    'https://evil.example/quan-tri',
    '//evil.example/quan-tri',
    '/\\evil.example',
    '/quan-tri\\..\\evil',
    '/quan-tri\t//evil.example',
    '/quan-trixyz',
    '/ban-tin/2025/17',
    'javascript:alert(1)',
    `/quan-tri/${'a'.repeat(2100)}`,
  ])('sends %j to the dashboard instead', (value) => {
    expect(safeCallbackUrl(value)).toBe('/quan-tri');
  });
});
