import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, insertArticle, saveStatus, test, withDatabase } from './fixtures';

// Who is editing: A is changing the article, B sees it and takes over after a confirmation; A is
// told, A's unsaved text is kept in A's browser and offered back when A edits again, and
// restoring it merges with what B saved (a field only one changed merges by itself; the same
// field waits for A's choice and B's text stays as a revision).

const run = Date.now().toString(36);
const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung', exact: true });
const presenceLine = (page: Page) => page.getByRole('status').filter({ hasText: /^Đang được sửa bởi/ });
const leaseHolder = (id: number) =>
  withDatabase(async (client) => {
    const row = await client.query(
      `select u.email from "EditingLease" l join "User" u on u.id = l."holderId" where l."articleId" = $1 and l."expiresAt" > now() at time zone 'UTC'`,
      [id],
    );
    return (row.rows[0]?.email as string | undefined) ?? null;
  });

/** A writes while offline; B takes over and saves; A comes back and is told. Returns both pages. */
async function takeOverWhileAWrites(
  signedInAs: (email: string, path?: string) => Promise<Page>,
  id: number,
  change: { a: (page: Page) => Promise<void>; b: (page: Page) => Promise<void> },
) {
  const a = await signedInAs(ACCOUNTS.editor, `/quan-tri/bai-viet/${id}`);
  // Opening the article blocks nobody; the first change takes it.
  expect(await leaseHolder(id)).toBeNull();
  await body(a).click();
  await a.keyboard.press('Control+End');
  await a.keyboard.type(' Mở đầu.');
  await expect(saveStatus(a)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
  await expect.poll(() => leaseHolder(id)).toBe(ACCOUNTS.editor);

  // A keeps typing with the connection down: the text stays in A's browser.
  await a.context().setOffline(true);
  await change.a(a);
  await expect(saveStatus(a)).toHaveText(/^Chưa lưu — mất kết nối/, { timeout: 15_000 });

  const b = await signedInAs(ACCOUNTS.approver, `/quan-tri/bai-viet/${id}`);
  await expect(presenceLine(b)).toHaveText(/^Đang được sửa bởi Nguyễn Thị Biên Tập \(từ \d\d:\d\d\)$/);
  await expect(body(b)).toHaveAttribute('contenteditable', 'false');
  await expect(b.getByLabel('Sapo')).toBeDisabled();
  await b.getByRole('button', { name: 'Tiếp quản', exact: true }).click();
  const confirm = b.getByRole('alertdialog', { name: 'Tiếp quản bài viết này?' });
  await expect(confirm).toContainText('Nguyễn Thị Biên Tập sẽ được báo ngay');
  await confirm.getByRole('button', { name: 'Xác nhận tiếp quản' }).click();
  await expect(presenceLine(b)).toHaveCount(0);
  await expect(body(b)).toHaveAttribute('contenteditable', 'true');
  await change.b(b);
  await expect(saveStatus(b)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });

  // A is back online: its save is refused and A is told who took over; nothing was lost.
  await a.context().setOffline(false);
  await a.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(presenceLine(a)).toHaveText(/^Đang được sửa bởi Trần Văn Duyệt/, { timeout: 25_000 });
  await expect(a.getByText(/^Trần Văn Duyệt đã tiếp quản bài viết lúc \d\d:\d\d\./).first()).toBeVisible();
  await expect(a.getByText(/^Nội dung bạn chưa lưu \(lúc .*\) vẫn được giữ trên máy này/)).toBeVisible();
  await expect(body(a)).toHaveAttribute('contenteditable', 'false');
  return { a, b };
}

/** A takes the article back and restores the kept text. */
async function takeBackAndRestore(a: Page) {
  await a.getByRole('button', { name: 'Tiếp quản', exact: true }).click();
  await a.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận tiếp quản' }).click();
  const offer = a.getByRole('region', { name: 'Có nội dung chưa lưu trên máy này' });
  await expect(offer).toBeVisible({ timeout: 15_000 });
  await offer.getByRole('button', { name: 'Khôi phục nội dung chưa lưu' }).click();
}

test('B takes over from A; A keeps its text and gets it back, merged with B’s change to another field', async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const id = await insertArticle({ title: `Bài tiếp quản ${run}`, slug: `bai-tiep-quan-${run}`, status: 'DRAFT' });
  const { a, b } = await takeOverWhileAWrites(signedInAs, id, {
    a: async (page) => {
      await body(page).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Đoạn của biên tập viên.');
    },
    b: (page) => page.getByLabel('Sapo').fill('Sapo của người duyệt.'),
  });
  await a.screenshot({ path: 'tests/artifacts/take-over-a-told-1280.png', fullPage: true });
  await b.screenshot({ path: 'tests/artifacts/take-over-b-editing-1280.png' });

  await takeBackAndRestore(a);
  await expect(a.getByRole('status').filter({ hasText: 'phần “Sapo” của họ đã được gộp' })).toBeVisible({ timeout: 15_000 });
  await expect(saveStatus(a)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });
  await expect(a.getByLabel('Sapo')).toHaveValue('Sapo của người duyệt.');
  const stored = await withDatabase((client) => client.query(`select lead, body from "Article" where id = $1`, [id]));
  expect(stored.rows[0].lead).toBe('Sapo của người duyệt.');
  expect(JSON.stringify(stored.rows[0].body)).toContain('Đoạn của biên tập viên.');

  // B is told in turn, at B's next heartbeat.
  await expect(b.getByText(/^Nguyễn Thị Biên Tập đã tiếp quản bài viết lúc/)).toBeVisible({ timeout: 30_000 });
  await expect(body(b)).toHaveAttribute('contenteditable', 'false');
});

test('the same paragraph changed by both: A chooses, and B’s text stays as a revision to compare', async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const id = await insertArticle({ title: `Bài cùng đoạn ${run}`, slug: `bai-cung-doan-${run}`, status: 'DRAFT' });
  const { a } = await takeOverWhileAWrites(signedInAs, id, {
    a: async (page) => {
      await body(page).click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Đoạn của biên tập viên. ');
    },
    b: async (page) => {
      await body(page).click();
      await page.keyboard.type('Đoạn của người duyệt. ');
    },
  });
  await takeBackAndRestore(a);
  const conflict = a.getByRole('region', { name: 'Bài viết vừa được người khác lưu' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole('article', { name: 'Bản của bạn (chưa lưu)' })).toContainText('Đoạn của biên tập viên.');
  await expect(conflict.getByRole('article', { name: /^Bản mới nhất/ })).toContainText('Đoạn của người duyệt.');
  await conflict.getByRole('button', { name: 'Giữ bản của tôi' }).click();
  await expect(saveStatus(a)).toHaveText(/^Đã lưu lúc/, { timeout: 15_000 });

  // B's text was not lost: it is a revision that can be compared.
  await a.reload();
  const revisions = a.getByRole('region', { name: 'Các phiên bản' });
  await expect(revisions.getByText(/^Phiên bản 3 · Bản của người khác trước khi bị thay · .* · Trần Văn Duyệt$/)).toBeVisible();
  await revisions.getByRole('link', { name: 'So sánh với bản hiện tại' }).first().click();
  const bodyDiff = a.getByRole('region', { name: 'Nội dung' });
  await expect(bodyDiff.locator('del', { hasText: 'duyệt' }).first()).toBeVisible();
  await expect(bodyDiff.locator('ins', { hasText: 'biên' }).first()).toBeVisible();
});
