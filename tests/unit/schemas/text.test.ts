import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { multilineText, richTextRun, singleLineText } from '@/schemas/text';

describe('text input cleaning', () => {
  it('removes NUL, other control characters and direction overrides from one-line text', () => {
    expect(singleLineText(z.string()).parse('  Tiêu\u0000 đề\u0007 \u202Egpj.exe\u202C\n mới ')).toBe('Tiêu đề gpj.exe mới');
  });

  it('keeps line breaks in several-line text', () => {
    expect(multilineText(z.string()).parse('Dòng 1\r\nDòng\u0000 2\u0085')).toBe('Dòng 1\nDòng 2');
  });

  it('keeps the spaces of a rich-text run and composes Vietnamese letters (NFC)', () => {
    expect(richTextRun(z.string()).parse('Chuye\u0302\u0309n  đổi\u0000')).toBe('Chuyển  đổi');
  });

  it('checks the limits after cleaning, so a text of control characters only is empty', () => {
    expect(singleLineText(z.string().min(1, 'Cần nhập.')).safeParse('\u0000\u0001').error?.issues[0]?.message).toBe('Cần nhập.');
  });
});
