import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_PAGE_SIZE, SEARCH_RESULT_CAP, searchArticles } from '@/server/search/queries';
import { getDb } from '@/server/db/client';

// Ranking of the bounded candidate set, and the cap on counting (docs/decisions/004-…).

let authorId: number;

beforeAll(async () => {
  authorId = (await getDb().user.findFirstOrThrow({ where: { role: 'EDITOR' } })).id;
});

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

let counter = 0;
function published(title: string, options: { lead?: string; body?: string; publishAt: string }) {
  counter += 1;
  return {
    title,
    slug: `xep-hang-${counter}`,
    lead: options.lead ?? null,
    body: paragraph(options.body ?? 'Nội dung.'),
    status: 'PUBLISHED' as const,
    publishAt: new Date(options.publishAt),
    authorId,
  };
}

const slugsOf = (results: { items: { slug: string }[] }) => results.items.map((item) => item.slug);

describe('ranking', () => {
  it('puts title matches first: starting with the query, holding it, holding every word, then the lead, then the body', async () => {
    const db = getDb();
    // Created oldest-ranked-first but newest-published-first: recency alone would invert them.
    const rows = [
      published('Tin khác có cả ba từ ở thân bài', { body: 'Kho dữ liệu ngân hàng gen quý.', publishAt: '2025-06-06T00:00:00Z' }),
      published('Tin khác chỉ nói trong sapo', { lead: 'Về ngân hàng gen quý của tỉnh.', publishAt: '2025-06-05T00:00:00Z' }),
      published('Gen quý được lưu ở ngân hàng của tỉnh', { publishAt: '2025-06-04T00:00:00Z' }),
      published('Tỉnh xây dựng ngân hàng gen quý', { publishAt: '2025-06-03T00:00:00Z' }),
      published('Ngân hàng gen quý của tỉnh', { publishAt: '2025-06-02T00:00:00Z' }),
    ];
    await db.article.createMany({ data: rows });
    const results = await searchArticles({ query: 'ngan hang gen quy' });
    expect(slugsOf(results)).toEqual(rows.map((row) => row.slug).reverse());
  });

  it('orders matches outside the title and lead newest first', async () => {
    const db = getDb();
    const rows = ['2024-03-01', '2025-03-01', '2023-03-01'].map((day) =>
      published(`Bài ${day}`, { body: 'Nhắc tới thằn lằn bóng hoa.', publishAt: `${day}T00:00:00Z` }),
    );
    await db.article.createMany({ data: rows });
    const results = await searchArticles({ query: 'than lan bong hoa' });
    expect(slugsOf(results)).toEqual([rows[1]!.slug, rows[0]!.slug, rows[2]!.slug]);
    expect(results.items[0]!.publishAt).toEqual(new Date('2025-03-01T00:00:00Z'));
  });

  it('ranks a title that opens with the first query word above one holding the words later', async () => {
    const db = getDb();
    const later = published('Hướng dẫn nuôi wombat và quokka', { publishAt: '2025-07-02T00:00:00Z' });
    const opening = published('Quokka hoang dã và wombat', { publishAt: '2025-07-01T00:00:00Z' });
    await db.article.createMany({ data: [later, opening] });
    expect(slugsOf(await searchArticles({ query: 'quokka wombat' }))).toEqual([opening.slug, later.slug]);
  });
});

describe('counting up to a cap', () => {
  it(`counts exactly up to ${SEARCH_RESULT_CAP}, then says more, and pages only as far as the cap`, async () => {
    const db = getDb();
    await db.article.createMany({
      data: Array.from({ length: SEARCH_RESULT_CAP + 5 }, (_, i) =>
        published(`Bài đếm số ${i}`, { body: 'Từ hiếm ornitorinco.', publishAt: `2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z` }),
      ),
    });
    const first = await searchArticles({ query: 'ornitorinco' });
    expect(first).toMatchObject({
      total: SEARCH_RESULT_CAP,
      isTotalCapped: true,
      page: 1,
      pageCount: SEARCH_RESULT_CAP / SEARCH_PAGE_SIZE,
    });
    const last = await searchArticles({ query: 'ornitorinco', page: 99_999 });
    expect(last.page).toBe(SEARCH_RESULT_CAP / SEARCH_PAGE_SIZE);
    expect(last.items).toHaveLength(SEARCH_PAGE_SIZE);

    // Below the cap the count is exact.
    await db.article.createMany({
      data: Array.from({ length: 12 }, (_, i) =>
        published(`Bài đếm ít ${i}`, { body: 'Từ hiếm tatuzinho.', publishAt: '2024-02-01T00:00:00Z' }),
      ),
    });
    expect(await searchArticles({ query: 'tatuzinho' })).toMatchObject({ total: 12, isTotalCapped: false, pageCount: 2 });
  });

  it('answers only-very-common syllables and a 10,000-character query with a capped page', async () => {
    for (const query of ['và của các là', `${'thủ tục hành chính '.repeat(600)}`]) {
      const results = await searchArticles({ query });
      expect(results.page).toBe(1);
      expect(results.items.length).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
      expect(results.total).toBeLessThanOrEqual(SEARCH_RESULT_CAP);
    }
  });
});
