import { describe, expect, it } from 'vitest';
import { cleanFileName, fileNameFromHeader } from '@/server/media/upload';

describe('cleanFileName', () => {
  it('keeps only the base name, without control or direction characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\ảnh.jpg')).toBe('ảnh.jpg');
    expect(cleanFileName('ảnh\u202Egpj.exe')).toBe('ảnhgpj.exe');
    expect(cleanFileName('a\u0000b.jpg')).toBe('ab.jpg');
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('.hidden.jpg')).toBe('hidden.jpg');
    expect(cleanFileName('x'.repeat(400))).toHaveLength(255);
  });

  it('decodes the upload header, and a malformed one is no name', () => {
    expect(fileNameFromHeader(encodeURIComponent('ảnh hội nghị.jpg'))).toBe('ảnh hội nghị.jpg');
    expect(fileNameFromHeader('%FF')).toBeNull();
  });
});
