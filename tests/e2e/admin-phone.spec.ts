import { expect, test } from '@playwright/test';
import { ACCOUNTS, saveStatus, signIn } from './fixtures';

// The editorial area on a 390 px phone: every page fits the screen (no sideways scrolling),
// and the editor's toolbar and buttons stay reachable.

test.use({ viewport: { width: 390, height: 844 } });

for (const path of [
  '/quan-tri',
  '/quan-tri/bai-viet',
  '/quan-tri/bai-viet/moi',
  '/quan-tri/ban-tin',
  '/quan-tri/ban-tin/moi',
  '/quan-tri/cai-dat',
  '/quan-tri/lich',
  '/quan-tri/lich?xem=tuan',
  '/quan-tri/thong-bao',
]) {
  test(`${path} fits a 390 px screen`, async ({ page }) => {
    await signIn(page, ACCOUNTS.admin, path);
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
}

test('the article editor works at 390 px', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor, '/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(`Bài viết trên điện thoại ${Date.now()}`);
  await expect(page.getByRole('button', { name: 'Chèn bảng' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('textbox', { name: 'Nội dung', exact: true }).click();
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await page.keyboard.type('Ô một');
  await expect(saveStatus(page)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test-results/e2e/editor-390.png', fullPage: true });
});
