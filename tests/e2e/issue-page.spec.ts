import { expect, test } from '@playwright/test';

test('a reader sees Số 17 with its masthead, both sections and every article', async ({ page }) => {
  await page.goto('/ban-tin/2025/17');
  await expect(page.getByText('THÔNG TIN CẢI CÁCH HÀNH CHÍNH SỞ NỘI VỤ TỈNH LAI CHÂU').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('17');
  await expect(page.getByText('13–26/10/2025')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thông tin CCHC của Trung ương', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thông tin CCHC của tỉnh', level: 2 })).toBeVisible();

  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  await expect(toc.getByRole('link')).toHaveCount(15);
  await expect(page.locator('article.issue-article')).toHaveCount(15);

  // The TOC leads to the article on the page, and "Về đầu trang" back to the masthead.
  await toc.getByRole('link', { name: 'Chuyển đổi số Việt Nam bước sang giai đoạn tăng tốc, hiệu quả và gần dân hơn' }).click();
  await expect(page).toHaveURL(/#bai-chuyen-doi-so-viet-nam/);
  const article = page.locator('article.issue-article:target');
  await expect(article).toBeInViewport();
  await article.getByRole('link', { name: 'Về đầu trang' }).click();
  await expect(page).toHaveURL(/#dau-trang$/);
});

test('Số 08 is served from the database too', async ({ page }) => {
  await page.goto('/ban-tin/2025/8');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('08');
  await expect(page.locator('article.issue-article')).toHaveCount(9);
  await expect(page.getByText('Theo P.Mai - https://baomoi.com').first()).toBeVisible();
});

test('an unknown issue is a Vietnamese 404 page', async ({ page }) => {
  const response = await page.goto('/ban-tin/2025/999');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
});

test('the health check reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ database: 'ok' });
});

test('"Tải bản PDF" downloads the print PDF with its file name', async ({ page }) => {
  await page.goto('/ban-tin/2025/17');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Tải bản PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('ban-tin-cchc-so-17-2025.pdf');
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(50_000);
});
