import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, insertArticle } from './fixtures';

test('a reader goes from home through the TOC to an article and its tag', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('17');
  await expectNoSeriousA11yViolations(page);

  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  await toc.getByRole('link', { name: 'Lấy người dân làm trung tâm phục vụ' }).click();
  await expect(page).toHaveURL(/#bai-lay-nguoi-dan-lam-trung-tam-phuc-vu$/);
  const anchored = page.locator('#bai-lay-nguoi-dan-lam-trung-tam-phuc-vu');
  await expect(anchored).toBeInViewport();
  await anchored.getByRole('link', { name: 'Về đầu trang' }).click();
  await expect(page.locator('#dau-trang')).toBeInViewport();

  await anchored.getByRole('link', { name: 'Lấy người dân làm trung tâm phục vụ' }).click();
  await expect(page).toHaveURL(/\/bai-viet\/lay-nguoi-dan-lam-trung-tam-phuc-vu$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lấy người dân làm trung tâm phục vụ' })).toBeVisible();
  await expect(page.getByRole('article').getByRole('link', { name: 'Số 17/2025' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const tags = page.getByRole('navigation', { name: 'Chủ đề' });
  const firstTag = tags.getByRole('link').first();
  const tagName = (await firstTag.textContent())!.trim();
  await firstTag.click();
  await expect(page.getByRole('heading', { level: 1, name: tagName })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Lấy người dân làm trung tâm phục vụ' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the archive lists both issues by year with their PDF links', async ({ page }) => {
  await page.goto('/ban-tin');
  await expect(page.getByRole('heading', { level: 2, name: 'Năm 2025' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Số 17', exact: true })).toHaveAttribute('href', '/ban-tin/2025/17');
  await expect(page.getByRole('link', { name: 'Số 08', exact: true })).toHaveAttribute('href', '/ban-tin/2025/8');
  await expect(page.getByRole('link', { name: 'Tải bản PDF số 17 năm 2025' })).toHaveAttribute('href', '/ban-tin/2025/17/pdf');
  await expectNoSeriousA11yViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('issue, article and archive pages are fully readable', async ({ page }) => {
    await page.goto('/ban-tin/2025/17');
    await expect(page.locator('article.issue-article')).toHaveCount(15);
    await page.goto('/bai-viet/lay-nguoi-dan-lam-trung-tam-phuc-vu');
    await expect(page.locator('.prose p').first()).toBeVisible();
    await page.goto('/ban-tin');
    await expect(page.getByRole('link', { name: 'Số 08', exact: true })).toBeVisible();
  });
});

test('feeds and crawler files answer', async ({ request }) => {
  const rss = await request.get('/rss.xml');
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  expect(await rss.text()).toContain('Lấy người dân làm trung tâm phục vụ');
  const sitemap = await request.get('/sitemap.xml');
  expect(await sitemap.text()).toContain('/ban-tin/2025/17');
  const robots = await request.get('/robots.txt');
  expect(await robots.text()).toContain('Sitemap:');
});

test.describe('bad addresses give a clear page, never a 500 or unpublished content', () => {
  let draftSlug = '';

  test.beforeAll(async () => {
    draftSlug = `bai-nhap-bi-mat-${Date.now()}`;
    await insertArticle({ title: 'Bài nháp bí mật', slug: draftSlug, status: 'DRAFT' });
  });

  for (const path of ['/ban-tin/2025/999', '/ban-tin/abc/1', '/ban-tin/2025/-1', '/chu-de/khong-co', '/bai-viet/khong-co']) {
    test(`${path} is a 404 page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
    });
  }

  test('a draft article is a 404, the same as a missing one, on the page and its RSC variant', async ({ page, request }) => {
    const response = await page.goto(`/bai-viet/${draftSlug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText('Bài nháp bí mật')).toHaveCount(0);
    const rsc = await request.get(`/bai-viet/${draftSlug}?_rsc=1`, { headers: { RSC: '1' } });
    expect(await rsc.text()).not.toContain('Bài nháp bí mật');
    const spoofed = await request.get(`/bai-viet/${draftSlug}`, {
      headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    });
    expect(spoofed.status()).toBe(404);
  });

  test('odd page numbers on a tag page still give a page', async ({ page }) => {
    for (const query of ['?trang=-1', '?trang=99999', '?trang=abc']) {
      const response = await page.goto(`/chu-de/chinh-quyen-dia-phuong-2-cap${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('.article-list__item').first()).toBeVisible();
    }
  });
});

test('a reader searches without accents and finds the digital-transformation article first', async ({ page }) => {
  await page.goto('/ban-tin');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Tìm kiếm' });
  await box.fill('chuyen doi so');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\?q=chuyen\+doi\+so/);
  await expect(page.getByText(/Tìm thấy \d+ kết quả/)).toBeVisible();
  const firstResult = page
    .locator('main')
    .getByRole('link', { name: /Chuyển đổi số Việt Nam bước sang giai đoạn tăng tốc/ })
    .first();
  await expect(firstResult).toBeVisible();
  await expect(page.locator('main mark').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await firstResult.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Chuyển đổi số Việt Nam bước sang giai đoạn tăng tốc, hiệu quả và gần dân hơn',
  );
});

test('hostile and odd searches give a clear page', async ({ page }) => {
  for (const q of ['x'.repeat(10_000), `%_\\'";--`, "' OR 1=1 --", '́̀̉', '   ', '🚀']) {
    const response = await page.goto(`/tim-kiem?q=${encodeURIComponent(q)}&page=-1&trang=99999`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
});
