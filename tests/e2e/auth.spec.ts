import { expect, test } from '@playwright/test';
import { fillSignIn as signIn, PASSWORD } from './fixtures';

test('a signed-out visitor is sent from /quan-tri to the sign-in page', async ({ page }) => {
  await page.goto('/quan-tri');
  await expect(page).toHaveURL(/\/dang-nhap\?callbackUrl=%2Fquan-tri$/);
  await expect(page.getByRole('heading', { name: 'Đăng nhập', level: 1 })).toBeVisible();
});

test('an editor signs in, sees the dashboard without the admin link, and signs out', async ({ page }) => {
  await page.goto('/dang-nhap');
  await signIn(page, 'bientap@demo.local');
  await expect(page).toHaveURL(/\/quan-tri$/);
  await expect(page.getByRole('heading', { name: 'Bảng điều khiển', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Biên tập viên')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Điều hướng quản trị' });
  for (const name of ['Bài viết mới', 'Số mới', 'Bài viết', 'Số bản tin']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Người dùng' })).toHaveCount(0);

  const response = await page.request.get('/quan-tri');
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(response.headers()['cache-control']).toContain('private');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await page.goto('/quan-tri');
  await expect(page).toHaveURL(/\/dang-nhap/);
});

test('a wrong password and an unknown email get the same error', async ({ page }) => {
  await page.goto('/dang-nhap');
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  for (const [email, password] of [
    ['duyet@demo.local', 'MatKhauSai@2025'],
    ['khong-ai-ca@demo.local', PASSWORD],
  ]) {
    const answer = page.waitForResponse((response) => response.url().includes('/api/auth/callback/credentials'));
    await signIn(page, email!, password);
    expect((await answer).status()).toBe(401);
    await expect(alert).toHaveText('Email hoặc mật khẩu không đúng.');
    await expect(page).toHaveURL(/\/dang-nhap/);
    await expect(page.getByLabel('Mật khẩu')).toBeFocused();
  }
});

test('an editor opening the users page is told they have no access', async ({ page }) => {
  await page.goto('/dang-nhap?callbackUrl=%2Fquan-tri%2Fnguoi-dung');
  await signIn(page, 'bientap@demo.local');
  await expect(page).toHaveURL(/\/quan-tri\/nguoi-dung$/);
  await expect(page.getByText('Bạn không có quyền truy cập trang này.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Ngừng hoạt động/ })).toHaveCount(0);
});

test('a callbackUrl outside the admin area leads to the dashboard', async ({ page }) => {
  await page.goto('/dang-nhap?callbackUrl=https%3A%2F%2Fevil.example%2Fquan-tri');
  await signIn(page, 'duyet@demo.local');
  await expect(page).toHaveURL(/\/quan-tri$/);
});

test('a forged session cookie counts as signed out', async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: 'next-auth.session-token', value: 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged', url: baseURL! }]);
  await page.goto('/quan-tri');
  await expect(page).toHaveURL(/\/dang-nhap/);
});

test('an admin creates an account, and deactivating it ends its open session at once', async ({ page, browser }) => {
  const email = `e2e-${Date.now()}@demo.local`;
  await page.goto('/dang-nhap');
  await signIn(page, 'quantri@demo.local');
  await expect(page.getByRole('banner').getByText('Quản trị', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Điều hướng quản trị' }).getByRole('link', { name: 'Người dùng' }).click();
  await expect(page.getByRole('heading', { name: 'Người dùng', level: 1 })).toBeVisible();

  await page.getByLabel('Họ và tên').fill('Người Thử Nghiệm');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Biên tập viên' });
  await page.getByLabel('Mật khẩu ban đầu').fill('MatKhauMoi@2026');
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã tạo tài khoản ${email}.` })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/dang-nhap');
  await signIn(otherPage, email, 'MatKhauMoi@2026');
  await expect(otherPage).toHaveURL(/\/quan-tri$/);

  await page.getByRole('button', { name: 'Ngừng hoạt động tài khoản Người Thử Nghiệm' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã ngừng hoạt động tài khoản.' })).toBeVisible();

  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/dang-nhap/);
  await other.close();
});

test('an empty sign-in form is answered in Vietnamese, not by the browser', async ({ page }) => {
  await page.goto('/dang-nhap');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('#loi-dang-nhap')).toHaveText('Hãy nhập email và mật khẩu.');
  expect(await page.getByLabel('Email').evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('');
});
