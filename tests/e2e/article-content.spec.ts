import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, saveStatus, signIn } from './fixtures';

// Real content in the editor: a table made with the toolbar, and what Word puts on the
// clipboard (a paragraph, a bulleted list, a table and a picture), saved and submitted.

const WORD_CLIPBOARD = readFileSync(path.resolve(import.meta.dirname, '../fixtures/paste/word-clipboard.html'), 'utf8');

const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung', exact: true });
const expectSaved = (page: Page) => expect(saveStatus(page)).toHaveText(/^Đã lưu lúc \d\d:\d\d$/, { timeout: 15_000 });

async function newArticle(page: Page, title: string) {
  await signIn(page, ACCOUNTS.editor, '/quan-tri/bai-viet/moi');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await expectSaved(page);
}

test('a table inserted with "Chèn bảng", given a header row and alignment, saves and goes for approval', async ({ page }) => {
  await newArticle(page, `Kết quả chỉ số cải cách các huyện ${Date.now()}`);
  await body(page).click();
  await page.keyboard.type('Kết quả năm 2025:');
  await page.getByRole('button', { name: 'Chèn bảng' }).click();
  await page.keyboard.type('Huyện');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tỷ lệ');
  await page.getByRole('button', { name: 'Căn phải ô' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Tam Đường');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi duyệt' })).toBeVisible();
  await expect(page.locator('.article-editor__meta .status').first()).toHaveText('Chờ duyệt');

  await page.getByRole('link', { name: 'Xem trước' }).click();
  const preview = await page.waitForEvent('popup').catch(() => null);
  const target = preview ?? page;
  const table = target.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Tỷ lệ' })).toHaveClass(/cell--right/);
  await expect(table.getByRole('cell', { name: 'Tam Đường' })).toBeVisible();
});

test('pasting from Word gives a real list, keeps the table and says the picture must be uploaded', async ({ page }) => {
  await newArticle(page, `Dán từ Word ${Date.now()}`);
  await body(page).click();
  await body(page).evaluate((element, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Theo Kế hoạch số 123/KH-UBND');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_CLIPBOARD);

  await expect(body(page).locator('ul > li')).toHaveText([
    'Rà soát 100% thủ tục hành chính cấp xã',
    'Số hóa hồ sơ, kết quả giải quyết TTHC',
  ]);
  await expect(body(page)).not.toContainText('·');
  await expect(body(page).locator('table th')).toHaveText(['Chỉ tiêu', 'Kết quả']);
  await expect(body(page).locator('table td').last()).toHaveText('85,6%');
  await expect(page.getByRole('alert').filter({ hasText: 'ảnh trong nội dung vừa dán không được chép theo' })).toBeVisible();
  await expect(body(page).locator('img')).toHaveCount(0);
  await expectSaved(page);
  await page.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã gửi duyệt' })).toBeVisible();
});
