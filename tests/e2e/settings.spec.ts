import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';

test('an admin uploads the logo in the settings and readers see it on the masthead', async ({ page }) => {
  await page.goto('/dang-nhap?callbackUrl=/quan-tri/cai-dat');
  await page.getByLabel('Email').fill('quantri@demo.local');
  await page.getByLabel('Mật khẩu').fill('DemoCCHC@2025');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt ấn phẩm' })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

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
