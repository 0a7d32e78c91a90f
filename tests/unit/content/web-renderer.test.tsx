import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { RichText } from '@/content/web-renderer';
import type { RichDocument } from '@/content/schema';

const render = (document: unknown, headingLevel?: 2 | 4) =>
  renderToStaticMarkup(
    <RichText document={document as RichDocument} media={new Map([[5, { width: 1600, height: 1000 }]])} headingLevel={headingLevel} />,
  );

const cell = (type: 'tableCell' | 'tableHeader', text: string, attrs: Record<string, unknown> = {}) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

describe('RichText', () => {
  it('renders a table with its header row as thead, merged cells and cell alignment', () => {
    const html = render({
      type: 'doc',
      content: [
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [cell('tableHeader', 'Huyện'), cell('tableHeader', 'Tỷ lệ', { align: 'right' })] },
            { type: 'tableRow', content: [cell('tableCell', 'Tam Đường'), cell('tableCell', '92%', { align: 'right' })] },
            { type: 'tableRow', content: [cell('tableCell', 'Toàn tỉnh', { colspan: 2, align: 'center' })] },
          ],
        },
      ],
    });
    expect(html).toContain(
      '<thead><tr><th scope="col"><p>Huyện</p></th><th class="cell--right" scope="col"><p>Tỷ lệ</p></th></tr></thead>',
    );
    expect(html).toContain('<td class="cell--right"><p>92%</p></td>');
    expect(html).toContain('<td colSpan="2" class="cell--center"><p>Toàn tỉnh</p></td>');
  });

  it('renders paragraphs, marks, lists and figures', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Đậm', marks: [{ type: 'bold' }] }] },
        {
          type: 'orderedList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một' }] }] }],
        },
        { type: 'image', attrs: { mediaId: 5, caption: 'Hội nghị', credit: 'Ảnh: VGP', alt: 'Toàn cảnh' } },
      ],
    });
    expect(html).toContain('<p><strong>Đậm</strong></p>');
    expect(html).toContain('<ol><li><p>Một</p></li></ol>');
    expect(html).toContain('src="/media/5/web"');
    expect(html).toContain('alt="Toàn cảnh"');
    expect(html).toContain('Hội nghị - <span class="article-figure__credit">Ảnh: VGP</span>');
  });

  it('escapes hostile text instead of injecting it', () => {
    const html = render({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script>' }] }] });
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('drops a link that is unsafe even if it was stored', () => {
    const html = render({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
      ],
    });
    expect(html).toBe('<p>x</p>');
  });

  it('renders nothing for node types outside the allow-list', () => {
    expect(render({ type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] })).toBe('');
  });

  it('shifts heading levels to fit the page', () => {
    const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A' }] }] };
    expect(render(doc)).toBe('<h2>A</h2>');
    expect(render(doc, 4)).toBe('<h4>A</h4>');
  });
});
