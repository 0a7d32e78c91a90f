import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectNoSeriousA11yViolations, signIn } from './fixtures';
import sharp from 'sharp';

test('an admin uploads the logo in the settings and readers see it on the masthead', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin, '/quan-tri/cai-dat');
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt ấn phẩm' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const logo = await sharp({ create: { width: 240, height: 240, channels: 3, background: '#a8201a' } })
    .png()
    .toBuffer();
  await page.getByLabel(/^Tệp ảnh/).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
  await page.getByRole('button', { name: 'Tải biểu trưng lên' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã cập nhật biểu trưng.' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Biểu trưng hiện tại' })).toBeVisible();

  await page.goto('/ban-tin/2025/17');
  const masthead = page.getByRole('img', { name: 'Sở Nội vụ tỉnh Lai Châu' });
  await expect(masthead).toBeVisible();
  expect(await masthead.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test('changing only "Số lượng in" keeps the paper size 19 × 27 cm, and the licence date reads dd/mm/yyyy', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin, '/quan-tri/cai-dat');
  const paper = page.getByLabel('Khổ giấy');
  await paper.selectOption({ label: '19 × 27 cm' });
  await page.getByLabel('Ngày cấp phép').fill('14/03/2025');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt của ấn phẩm.' })).toBeVisible();
  await expect(paper).toHaveValue('B5_19X27');

  await page.getByLabel('Số lượng in').fill('1.000 bản');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt của ấn phẩm.' })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Khổ giấy')).toHaveValue('B5_19X27');
  await expect(page.getByLabel('Số lượng in')).toHaveValue('1.000 bản');
  await expect(page.getByLabel('Ngày cấp phép')).toHaveValue('14/03/2025');

  // A bad date is refused in Vietnamese and what was typed stays.
  await page.getByLabel('Ngày cấp phép').fill('31/02/2025');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Ngày cấp phép không hợp lệ (cần dạng dd/mm/yyyy).')).toBeVisible();
  await expect(page.getByLabel('Ngày cấp phép')).toHaveValue('31/02/2025');
  await expect(page.getByLabel('Khổ giấy')).toHaveValue('B5_19X27');

  // Put A4 back for the other journeys (the PDF download expects the default).
  await page.getByLabel('Ngày cấp phép').fill('14/03/2025');
  await page.getByLabel('Khổ giấy').selectOption({ label: 'A4' });
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt của ấn phẩm.' })).toBeVisible();
});
