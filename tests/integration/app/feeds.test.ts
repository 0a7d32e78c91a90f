import { describe, expect, it } from 'vitest';
import { GET as rss } from '@/app/rss.xml/route';
import sitemap from '@/app/sitemap';
import { createArticle } from '../../factories/articles';

const past = new Date('2025-01-01T00:00:00Z');

describe('/rss.xml', () => {
  it('lists public issues and articles with hostile text escaped', async () => {
    await createArticle({ status: 'PUBLISHED', publishAt: past, title: '</title><script>alert(1)</script> & "x"' });
    const draft = await createArticle({ status: 'DRAFT', title: 'Bài nháp bí mật' });
    const response = await rss();
    expect(response.headers.get('content-type')).toContain('application/rss+xml');
    const xml = await response.text();
    expect(xml).toContain('<title>Số 17/2025 (13–26/10/2025)</title>');
    expect(xml).toContain('Bổ sung một số vị trí việc làm tại cấp xã để phù hợp thực tiễn');
    expect(xml).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(draft.slug);
  });
});

describe('/sitemap.xml', () => {
  it('has every public issue and article and nothing unpublished', async () => {
    const draft = await createArticle({ status: 'DRAFT' });
    const published = await createArticle({ status: 'PUBLISHED', publishAt: past });
    const urls = (await sitemap()).map((entry) => entry.url);
    expect(urls).toContain(`http://localhost:3000/bai-viet/${published.slug}`);
    expect(urls).toContain('http://localhost:3000/ban-tin/2025/17');
    expect(urls).toContain('http://localhost:3000/ban-tin/2025/8');
    expect(urls).toContain('http://localhost:3000/bai-viet/bo-sung-mot-so-vi-tri-viec-lam-tai-cap-xa-de-phu-hop-thuc-tien');
    expect(urls.some((url) => url.includes(draft.slug))).toBe(false);
  });
});
