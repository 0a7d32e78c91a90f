import { describe, expect, it } from 'vitest';
import { isSafeHref, parseRichDocument, referencedMediaIds, documentText } from '@/content/schema';

const docWith = (...content: unknown[]) => ({ type: 'doc', content });
const linkText = (href: string) => ({
  type: 'paragraph',
  content: [{ type: 'text', text: 'xem', marks: [{ type: 'link', attrs: { href } }] }],
});

describe('isSafeHref', () => {
  it.each(['https://baochinhphu.vn/', 'http://laichau.gov.vn/a?b=1', 'mailto:cchc@laichau.gov.vn', '/ban-tin/2025/17'])(
    'accepts %s',
    (href) => expect(isSafeHref(href)).toBe(true),
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '\tjava\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example',
    '/\\evil.example',
    'https://a.example/ x',
  ])('refuses %j', (href) => expect(isSafeHref(href)).toBe(false));
});

describe('parseRichDocument', () => {
  it('accepts the allowed structure', () => {
    const result = parseRichDocument(
      docWith(
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Tiêu đề' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Đậm', marks: [{ type: 'bold' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'image', attrs: { mediaId: 3, caption: 'Hội nghị', credit: 'Ảnh: VGP', alt: 'Hội nghị' } },
        linkText('https://baochinhphu.vn/'),
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(referencedMediaIds(result.document)).toEqual([3]);
  });

  it('refuses a javascript: link with a Vietnamese message', () => {
    const result = parseRichDocument(docWith(linkText('javascript:alert(1)')));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('Liên kết chỉ được dùng') });
  });

  it('refuses unknown node types', () => {
    expect(parseRichDocument(docWith({ type: 'iframe', attrs: { src: 'https://evil.example' } })).ok).toBe(false);
  });

  it('refuses style and event-handler attributes', () => {
    expect(parseRichDocument(docWith({ type: 'paragraph', attrs: { style: 'color:red' } })).ok).toBe(false);
    expect(parseRichDocument(docWith({ type: 'paragraph', attrs: { onclick: 'alert(1)' } })).ok).toBe(false);
  });

  it('refuses images that point at a URL instead of a media id', () => {
    expect(parseRichDocument(docWith({ type: 'image', attrs: { src: 'https://evil.example/x.png' } })).ok).toBe(false);
    expect(parseRichDocument(docWith({ type: 'image', attrs: { mediaId: 1, src: 'x' } })).ok).toBe(false);
  });

  it('refuses deep nesting', () => {
    let node: unknown = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] };
    for (let i = 0; i < 30; i++) node = { type: 'blockquote', content: [node] };
    expect(parseRichDocument(docWith(node))).toEqual({ ok: false, message: expect.stringContaining('lồng nhau') });
  });

  it('refuses a document over the size limit', () => {
    const big = 'a'.repeat(1_100_000);
    expect(parseRichDocument(docWith({ type: 'paragraph', content: [{ type: 'text', text: big }] }))).toEqual({
      ok: false,
      message: expect.stringContaining('quá lớn'),
    });
  });

  it('keeps hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)></script>';
    const result = parseRichDocument(docWith({ type: 'paragraph', content: [{ type: 'text', text: hostile }] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(documentText(result.document)).toBe(hostile);
  });
});
