import { expect } from '@playwright/test';
import { ACCOUNTS, test, withDatabase } from './fixtures';

// Readers get public pages from the page cache; what an approver publishes reaches them within
// 2 s of the commit (docs/decisions/011-public-page-cache.md).

const FRESH_WITHIN_MS = 2000;

type Live = { id: number; slug: string; title: string; version: number };
let article: Live;

test.beforeAll(async () => {
  // The last article of Số 17: other journeys read the first ones.
  article = await withDatabase(async (client) => {
    const { rows } = await client.query<Live>(`
      SELECT a.id, a.slug, a.title, a.version FROM "Article" a
      JOIN "ArticlePlacement" p ON p."articleId" = a.id JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId"
      WHERE i.year = 2025 AND i.number = 17 AND a.status = 'PUBLISHED'
      ORDER BY s.position DESC, p.position DESC LIMIT 1`);
    return rows[0]!;
  });
});

test.afterAll(async () => {
  await withDatabase((client) => client.query('UPDATE "Article" SET title = $1 WHERE id = $2', [article.title, article.id]));
});

test('a published edit reaches the article page, the issue page and the feed within 2 s', async ({ signedInAs, request }) => {
  test.setTimeout(90_000);
  const pages = [`/bai-viet/${article.slug}`, '/ban-tin/2025/17', '/rss.xml'];
  for (const path of pages) {
    await request.get(path);
    const again = await request.get(path);
    expect(again.headers()['x-nextjs-cache'], `${path} comes from the page cache`).toBe('HIT');
  }

  const approver = await signedInAs(ACCOUNTS.approver, `/quan-tri/bai-viet/${article.id}`);
  const title = `${article.title} (cập nhật ${Date.now()})`;
  await approver.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await expect(approver.getByText('Bản sửa chưa xuất bản', { exact: true })).toBeVisible({ timeout: 15_000 });
  // A pending revision is not public: readers keep the stored pages.
  const meanwhile = await request.get(pages[0]!);
  expect(meanwhile.headers()['x-nextjs-cache']).toBe('HIT');
  expect(await meanwhile.text()).not.toContain(title);

  await approver.getByRole('button', { name: 'Xuất bản bản sửa' }).click();
  await approver.getByRole('button', { name: 'Xác nhận xuất bản bản sửa' }).click();
  await expect(approver.getByText('Bản sửa chưa xuất bản', { exact: true })).toHaveCount(0, { timeout: 15_000 });

  await Promise.all(
    pages.map((path) =>
      expect
        .poll(async () => (await request.get(path)).text(), {
          message: `${path} shows the edit`,
          timeout: FRESH_WITHIN_MS,
          intervals: [100],
        })
        .toContain(title),
    ),
  );
});
