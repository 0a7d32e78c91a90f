import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

test('an admin schedules backups, runs one now and sees it on the dashboard', async ({ page }) => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bantin-e2e-sao-luu-'));
  try {
    await page.goto('/dang-nhap?callbackUrl=/quan-tri/sao-luu');
    await page.getByLabel('Email').fill('quantri@demo.local');
    await page.getByLabel('Mật khẩu').fill('DemoCCHC@2025');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sao lưu' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByLabel('Thư mục lưu').fill('sao-luu');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByText('Cần đường dẫn tuyệt đối, ví dụ /var/backups/ban-tin.')).toBeVisible();

    await page.getByLabel('Sao lưu tự động mỗi ngày').check();
    await page.getByLabel('Giờ sao lưu').fill('23:45');
    await page.getByLabel('Số bản giữ lại').fill('7');
    await page.getByLabel('Thư mục lưu').fill(directory);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt sao lưu.' })).toBeVisible();

    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã bắt đầu sao lưu.' })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('cell', { name: 'Thành công' })).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    const archives = readdirSync(directory).filter((name) => name.endsWith('.tar'));
    expect(archives).toHaveLength(1);
    await expect(page.getByRole('cell', { name: path.join(directory, archives[0]!) })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/e2e/sao-luu-390.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('link', { name: 'Quản trị nội dung' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều khiển' })).toBeVisible();
    const panel = page.getByRole('region', { name: 'Sao lưu', exact: true });
    await expect(panel).toContainText(/Lần gần nhất: \d\d\/\d\d\/\d{4} \d\d:\d\d, thành công, [\d,]+ MB\./);
    await expect(panel).toContainText('Tự động mỗi ngày lúc 23:45.');

    // The admin's session opens the readiness view of /api/health; anonymous callers get two fields.
    const health = await (await page.request.get('/api/health')).json();
    expect(health.readiness).toMatchObject({ migrations: { isUpToDate: true }, backup: { isEnabled: true, lastStatus: 'SUCCEEDED' } });
    const anonymous = await (await fetch(new URL('/api/health', page.url()))).json();
    expect(anonymous).toEqual({ status: 'ok', database: 'ok' });
  } finally {
    if (existsSync(directory)) rmSync(directory, { recursive: true, force: true });
  }
});

test('an editor has no backup page and no backup line on the dashboard', async ({ page }) => {
  await page.goto('/dang-nhap?callbackUrl=/quan-tri/sao-luu');
  await page.getByLabel('Email').fill('bientap@demo.local');
  await page.getByLabel('Mật khẩu').fill('DemoCCHC@2025');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sao lưu', exact: true })).toHaveCount(0);
  await page.goto('/quan-tri');
  await expect(page.getByRole('heading', { level: 1, name: 'Bảng điều khiển' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sao lưu', exact: true })).toHaveCount(0);
  expect(await (await page.request.get('/api/health')).json()).toEqual({ status: 'ok', database: 'ok' });
});
