import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures';

// An editor turns the Word bulletin Số 17 into a draft issue: upload, fix one title on the
// review screen, "Tạo số", and the composer shows the 15 articles. The approver brings in a
// back issue from its PDF, which the public archive then serves as the print file.

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const FIXED_TITLE = `Rà soát, sắp xếp thôn, bản, tổ dân phố dự kiến vào tháng 5/2026 (${Date.now().toString(36)})`;

async function upload(page: Page, file: string) {
  await page.getByLabel('Tệp bản tin').setInputFiles(path.join(FIXTURES, file));
  await page.getByRole('button', { name: 'Phân tích' }).click();
  await expect(page.getByRole('button', { name: 'Tạo số' })).toBeVisible({ timeout: 60_000 });
}

test('an editor imports the Số 17 Word bulletin, fixes a title and gets a draft issue with 15 articles', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'bientap@demo.local');
  await page.goto('/quan-tri/ban-tin');
  await page.getByRole('link', { name: 'Nhập bản tin' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập bản tin' })).toBeVisible();
  await upload(page, 'so-17-2025.docx');

  await expect(page.getByText('2 chuyên mục, 15 bài, 28 ảnh')).toBeVisible();
  // Số 17/2025 is in the demo data: the screen says so next to "Số".
  await expect(page.getByText('Số này đã có trong năm; hãy chọn số khác.')).toBeVisible();
  await expect(page.getByLabel('Tiêu đề bài 2')).toHaveValue(
    'Rà soát, sắp xếp thôn, bản, tổ dân phố trên toàn quốc dự kiến vào tháng 5/2026',
  );
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('review-1280.png'), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('review-390.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByLabel('Tiêu đề bài 2').fill(FIXED_TITLE);
  await page.getByLabel('Tiêu đề bài 2').press('Enter');
  await page.getByLabel('Số', { exact: true }).fill('37');
  await page.getByRole('button', { name: 'Tạo số' }).click();

  await expect(page).toHaveURL(/\/quan-tri\/ban-tin\/\d+$/, { timeout: 60_000 });
  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  await expect(toc.getByRole('listitem')).toHaveCount(15);
  await expect(toc.getByRole('listitem').nth(1)).toContainText(FIXED_TITLE);
  await expect(page.getByText('Số 37/2025').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('composer-1280.png') });
});

test('the approver imports a back issue from its PDF, served as that issue’s print file', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'duyet@demo.local');
  await page.goto('/quan-tri/ban-tin');
  await page.getByRole('link', { name: 'Nhập số cũ' }).click();
  await upload(page, 'so-08-2025.pdf');
  await expect(page.getByLabel('Ngày phát hành')).toHaveValue('10/08/2025');
  // Filed as a 2024 issue, so the demo's Số 17/2025 stays the latest one other journeys read.
  await page.getByLabel('Số', { exact: true }).fill('38');
  await page.getByLabel('Năm').fill('2024');
  await page.getByLabel('Từ ngày').fill('05/08/2024');
  await page.getByLabel('Đến ngày').fill('11/08/2024');
  await page.getByLabel('Ngày phát hành').fill('12/08/2024');
  await page.getByRole('button', { name: 'Tạo số' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/ban-tin\/\d+$/, { timeout: 60_000 });
  await expect(page.getByText('Đã xuất bản').first()).toBeVisible();

  const response = await page.request.get('/ban-tin/2024/38/pdf');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).equals(await readFile(path.join(FIXTURES, 'so-08-2025.pdf')))).toBe(true);
});
