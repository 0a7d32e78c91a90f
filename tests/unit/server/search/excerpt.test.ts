import { describe, expect, it } from 'vitest';
import { buildExcerpt, excerptSource } from '@/server/search/excerpt';

describe('buildExcerpt', () => {
  it('returns the text around the densest cluster of matches, cut to about 36 words', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `từ${i}`).join(' ');
    const text = `Đổi mới đầu bài. ${filler} Ở đây có Chuyển đổi số thật sự. ${filler}`;
    const parts = buildExcerpt(text, { words: new Set(['chuyen', 'doi']), prefix: 'so' });
    expect(parts[0]!.text.startsWith('… ')).toBe(true);
    expect(parts.at(-1)!.text.endsWith(' …')).toBe(true);
    expect(parts.filter((p) => p.isMatch).map((p) => p.text)).toEqual(['Chuyển', 'đổi', 'số']);
    const wordCount = parts
      .map((p) => p.text)
      .join('')
      .match(/[\p{L}\p{N}]+/gu)!.length;
    expect(wordCount).toBeLessThanOrEqual(36);
  });

  it('starts at the beginning when nothing matches, and escapes nothing (plain text parts)', () => {
    const parts = buildExcerpt('<b>Không</b> có gì', { words: new Set(), prefix: 'zzz' });
    expect(parts).toEqual([{ text: '<b>Không</b> có gì', isMatch: false }]);
    expect(buildExcerpt('', { words: new Set(), prefix: 'a' })).toEqual([]);
  });
});

describe('excerptSource', () => {
  it('is the lead, then the body text block by block, with image captions', () => {
    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Chuy' },
            { type: 'text', text: 'ển đổi', marks: [{ type: 'bold' }] },
          ],
        },
        { type: 'image', attrs: { mediaId: 1, caption: 'Ảnh hội nghị', credit: null, alt: 'Hội nghị' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'số' }] },
      ],
    };
    const source = excerptSource('Sapo bài.', body);
    expect(source.split('\n')).toEqual(['Sapo bài.', 'Chuyển đổi', 'Ảnh hội nghị', 'số']);
    // Inline runs of one paragraph join as written: a bold half-word stays one word.
    expect(buildExcerpt(source, { words: new Set(['chuyen']), prefix: 'doi' }).filter((p) => p.isMatch)).toHaveLength(2);
  });

  it('gives only the lead for a stored body that is not a valid document, without throwing', () => {
    expect(excerptSource('Sapo', { type: 'doc', content: [{ type: 'script', text: 'x' }] })).toBe('Sapo\n');
    expect(excerptSource(null, 'not a document')).toBe('\n');
  });
});
