import { describe, expect, it } from 'vitest';
import { cleanText, formatCount, formatIssueNumber, formatSourceLine } from '@/lib/text';

describe('formatSourceLine', () => {
  it('prints author and URL as the bulletins do', () => {
    expect(formatSourceLine({ authors: 'Thu Giang', outlet: 'Báo Chính phủ', url: 'https://baochinhphu.vn/' })).toBe(
      'Theo Thu Giang - https://baochinhphu.vn/',
    );
  });

  it('uses the outlet when there is no author', () => {
    expect(formatSourceLine({ authors: null, outlet: 'Báo Lai Châu', url: 'https://baolaichau.vn/' })).toBe(
      'Theo Báo Lai Châu - https://baolaichau.vn/',
    );
  });

  it('prints nothing without any source', () => {
    expect(formatSourceLine({ authors: null, outlet: null, url: null })).toBeNull();
  });
});

describe('cleanText', () => {
  it('normalises to NFC and folds white space', () => {
    expect(cleanText('  Thực\u00a0 hiện\n'.normalize('NFD'))).toBe('Thực hiện');
  });
});

describe('formatIssueNumber', () => {
  it('pads to two digits like the printed masthead', () => {
    expect(formatIssueNumber(8)).toBe('08');
    expect(formatIssueNumber(17)).toBe('17');
  });
});

describe('formatCount', () => {
  it('groups thousands with dots', () => {
    expect([7, 1000, 20024].map(formatCount)).toEqual(['7', '1.000', '20.024']);
  });
});
