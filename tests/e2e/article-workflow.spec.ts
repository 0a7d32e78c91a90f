import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, insertArticle, saveStatus, test, withDatabase } from './fixtures';

// Editing what is already in the workflow: a published article is corrected through a pending
// revision the public does not see until "Xuất bản bản sửa"; a submitted article stays in the
// approver's queue and says so.

const run = Date.now().toString(36);
const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung', exact: true });

test('the approver corrects a published article: the public page changes only after "Xuất bản bản sửa"', async ({
  signedInAs,
  request,
}) => {
  const slug = await withDatabase(async (client) => {
    const row = await client.query(`select a.id, a.slug from "Article" a where a.status = 'PUBLISHED' order by a.id limit 1`);
    return row.rows[0].slug as string;
  });
  const id = await withDatabase(
    async (client) => (await client.query(`select id from "Article" where slug = $1`, [slug])).rows[0].id as number,
  );
  const before = await (await request.get(`/bai-viet/${slug}`)).text();
  expect(before).not.toContain('Câu sửa chưa xong');

  const page = await signedInAs(ACCOUNTS.approver, `/quan-tri/bai-viet/${id}`);
  await expect(page.getByText(/Bài đang xuất bản: thay đổi được lưu vào “Bản sửa chưa xuất bản”/)).toBeVisible();
  await body(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Câu sửa chưa xong');
  await expect(saveStatus(page)).toHaveText(/^Đã lưu bản sửa lúc \d\d:\d\d$/, { timeout: 15_000 });
  await expect(page.getByText('Bản sửa chưa xuất bản', { exact: true })).toBeVisible();

  // Autosaved, yet the public page is as it was.
  expect(await (await request.get(`/bai-viet/${slug}`)).text()).not.toContain('Câu sửa chưa xong');

  await page.getByRole('button', { name: 'Xuất bản bản sửa' }).click();
  const changes = page.getByRole('region', { name: 'Những gì thay đổi khi xuất bản bản sửa' });
  await expect(changes.getByRole('region', { name: 'Nội dung' }).locator('ins')).toContainText('Câu sửa chưa xong');
  await changes.getByRole('button', { name: 'Xác nhận xuất bản bản sửa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã xuất bản bản sửa' })).toBeVisible();
  await expect.poll(async () => (await request.get(`/bai-viet/${slug}`)).text(), { timeout: 10_000 }).toContain('Câu sửa chưa xong');
});

test('an editor edits a submitted article: it stays in the queue and the badge and the message say so', async ({ signedInAs }) => {
  const title = `Bài chờ duyệt được sửa ${run}`;
  const id = await insertArticle({ title, slug: `bai-cho-duyet-duoc-sua-${run}`, status: 'SUBMITTED' });
  const page = await signedInAs(ACCOUNTS.editor, `/quan-tri/bai-viet/${id}`);
  await expect(page.getByText(/Bài đang chờ duyệt: thay đổi được lưu vào chính bài trong hàng chờ/)).toBeVisible();
  await page.getByLabel('Sapo').fill('Bổ sung sapo sau khi gửi duyệt.');
  await expect(saveStatus(page)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
  await expect(page.locator('.article-editor__meta .status').first()).toHaveText('Chờ duyệt');

  const approver = await signedInAs(ACCOUNTS.approver);
  await expect(approver.getByRole('region', { name: /Chờ duyệt/ }).getByRole('link', { name: title })).toBeVisible();
});

// Two people changing different fields at once: tests/e2e/take-over.spec.ts.
