import { describe, expect, it } from 'vitest';
import { removeDiacritics, slugify, uniqueSlug } from '@/lib/slug';

describe('slugify', () => {
  it('turns a Vietnamese title into a slug without diacritics', () => {
    expect(slugify('Bổ sung một số vị trí việc làm tại cấp xã để phù hợp thực tiễn')).toBe(
      'bo-sung-mot-so-vi-tri-viec-lam-tai-cap-xa-de-phu-hop-thuc-tien',
    );
  });

  it('maps đ and Đ to d', () => {
    expect(slugify('Đắk Lắk đổi mới')).toBe('dak-lak-doi-moi');
  });

  it('treats NFD input like NFC input', () => {
    expect(slugify('Chuyển đổi số'.normalize('NFD'))).toBe('chuyen-doi-so');
  });

  it('drops punctuation, quotes and emoji', () => {
    expect(slugify('“LaiChau - S”: Cầu nối 🚀 giữa chính quyền & người dân!')).toBe('laichau-s-cau-noi-giua-chinh-quyen-nguoi-dan');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('Cải cách hành chính '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.split('-').every((word) => ['cai', 'cach', 'hanh', 'chinh'].includes(word))).toBe(true);
  });

  it('gives an empty slug for a title with no letters or digits', () => {
    expect(slugify('!!! ???')).toBe('');
  });
});

describe('removeDiacritics', () => {
  it('keeps case', () => {
    expect(removeDiacritics('Chuyển đổi số Đắk Lắk')).toBe('Chuyen doi so Dak Lak');
  });
});

describe('uniqueSlug', () => {
  it('numbers a taken slug', async () => {
    const taken = new Set(['bai-viet', 'bai-viet-2']);
    expect(await uniqueSlug('bai-viet', async (s) => taken.has(s))).toBe('bai-viet-3');
  });

  it('falls back to a generic slug when the base is empty', async () => {
    expect(await uniqueSlug('', async () => false)).toBe('bai-viet');
  });
});
