import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, signIn, vietnamDateTime, withDatabase } from './fixtures';

// An editor composes Số 18 of 2025, the approver schedules it two minutes ahead, and it becomes
// public when its stored time has passed (the test moves that time into the past instead of
// waiting: visibility follows the stored publish time alone).

const run = Date.now().toString(36);
const TITLES = {
  first: `Đơn giản hoá thủ tục đất đai ${run}`,
  second: `Chuyển đổi số cấp xã ${run}`,
  province: `Một cửa liên thông ở Tam Đường ${run}`,
};

test.beforeAll(async () => {
  await withDatabase(async (client) => {
    const author = await client.query(`select id from "User" where email = 'bientap@demo.local'`);
    for (const [index, title] of Object.values(TITLES).entries()) {
      await client.query(
        `insert into "Article" (title, slug, body, status, "authorId", "sourceOutlet", "sourceUrl", "updatedAt")
         values ($1, $2, $3, 'APPROVED', $4, 'Báo Chính phủ', 'https://baochinhphu.vn/', now())`,
        [
          title,
          `bai-soan-so-${index}-${run}`,
          JSON.stringify({
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: `Nội dung bài ${index + 1}.` }] }],
          }),
          author.rows[0].id,
        ],
      );
    }
  });
});

// The specs share one database: Số 18 would otherwise be the latest issue on the home page.
test.afterAll(async () => {
  await withDatabase(async (client) => {
    const issues = `select id from "Issue" where year = 2025 and number = 18`;
    await client.query(
      `delete from "ArticlePlacement" where "sectionId" in (select id from "IssueSection" where "issueId" in (${issues}))`,
    );
    await client.query(`delete from "Issue" where id in (${issues})`);
    await client.query(`delete from "Article" where slug like $1`, [`bai-soan-so-%-${run}`]);
  });
});

test('an editor composes Số 18, the approver schedules it, and it is public once its time has come', async ({ page }) => {
  await signIn(page, 'bientap@demo.local');
  await page.getByRole('navigation', { name: 'Điều hướng quản trị' }).getByRole('link', { name: 'Số mới', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Số mới' })).toBeVisible();

  // Bad input is refused in Vietnamese and what was typed stays.
  await page.getByLabel('Số', { exact: true }).fill('0');
  await page.getByLabel('Năm', { exact: true }).fill('1999');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Số phải từ 1 trở lên.')).toBeVisible();
  await expect(page.getByText('Năm phải trong khoảng 2000–2100.')).toBeVisible();
  await expect(page.getByLabel('Số', { exact: true })).toHaveValue('0');

  // The number of an existing issue is refused, naming it.
  await page.getByLabel('Số', { exact: true }).fill('17');
  await page.getByLabel('Năm', { exact: true }).fill('2025');
  await page.getByLabel('Từ ngày').fill('27/10/2025');
  await page.getByLabel('Đến ngày').fill('09/11/2025');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Số 17/2025 đã tồn tại.' })).toBeVisible();

  await page.getByLabel('Số', { exact: true }).fill('18');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/ban-tin\/\d+$/);
  const composerUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: 'Số 18/2025' })).toBeVisible();
  await expect(page.getByText('Nháp', { exact: true })).toBeVisible();
  // Scheduling is for approvers: an editor does not see it.
  await expect(page.getByRole('button', { name: 'Lên lịch' })).toHaveCount(0);

  // Three approved articles, found by title without accents, into the two sections.
  await page.getByLabel('Tìm theo tiêu đề hoặc chủ đề').fill(run);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?q=${run}$`));
  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  for (const [title, section] of [
    [TITLES.first, 'Thông tin CCHC của Trung ương'],
    [TITLES.second, 'Thông tin CCHC của Trung ương'],
    [TITLES.province, 'Thông tin CCHC của tỉnh'],
  ] as const) {
    const add = page.getByRole('button', { name: 'Thêm bài viết' });
    await expect(add).not.toHaveAttribute('aria-disabled', 'true');
    await page.getByLabel(title, { exact: true }).check();
    await page.getByLabel('Chuyên mục', { exact: true }).selectOption({ label: section });
    await add.click();
    await expect(toc.getByText(title)).toBeVisible();
    await expect(page.getByLabel(title, { exact: true })).toHaveCount(0);
  }
  await expect(toc.getByRole('listitem')).toContainText([TITLES.first, TITLES.second, TITLES.province]);

  // Reordered by keyboard with the accessible button; the focus stays on it.
  const up = page.getByRole('button', { name: `Lên: ${TITLES.second}` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(toc.getByRole('listitem')).toContainText([TITLES.second, TITLES.first, TITLES.province]);
  await expect(page.getByRole('status').filter({ hasText: 'Đã sắp xếp lại bài viết.' })).toBeVisible();
  await expect(up).toBeFocused();

  // "Chuyển sang chuyên mục…" moves an article to the end of the other section.
  await page.locator('summary', { hasText: TITLES.first }).click();
  const moveTo = page.getByRole('button', { name: `Chuyển “${TITLES.first}” sang chuyên mục Thông tin CCHC của tỉnh` });
  await expect(moveTo).not.toHaveAttribute('aria-disabled', 'true');
  await moveTo.click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã sắp xếp lại bài viết.' })).toBeVisible();
  await expect(toc.getByRole('listitem')).toContainText([TITLES.second, TITLES.province, TITLES.first]);

  // The print PDF's length and each article's first page, for the saved layout.
  await expect(toc.getByRole('status')).toHaveText(/^Bản in: \d+ trang \(tối đa 64\)\.$/, { timeout: 30_000 });
  await expect(toc.getByRole('listitem').first()).toContainText(/· tr\. \d+$/);

  // The saved order survives a reload.
  await page.goto(composerUrl);
  await expect(toc.getByRole('listitem')).toContainText([TITLES.second, TITLES.province, TITLES.first]);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);

  await signIn(page, 'duyet@demo.local');
  await page.goto(composerUrl);
  const publishAt = new Date(Date.now() + 2 * 60_000);
  await page.getByLabel('Thời gian xuất bản').fill(vietnamDateTime(publishAt));
  const acknowledge = page.getByLabel('Tôi đã xem các cảnh báo');
  if (await acknowledge.count()) await acknowledge.check();
  await page.getByRole('button', { name: 'Lên lịch', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lên lịch xuất bản.' })).toBeVisible();
  await expect(page.getByText('Đã lên lịch', { exact: true })).toBeVisible();

  const issueId = Number(new URL(composerUrl).pathname.split('/').pop());
  const stored = await withDatabase((client) => client.query(`select status, "publishAt" from "Issue" where id = $1`, [issueId]));
  expect(stored.rows[0].status).toBe('SCHEDULED');
  expect(Math.abs(new Date(stored.rows[0].publishAt).getTime() - publishAt.getTime())).toBeLessThan(60_000);

  // Before its time: not in the archive, not at its address.
  await page.goto('/ban-tin');
  await expect(page.getByRole('link', { name: 'Số 17', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Số 18', exact: true })).toHaveCount(0);
  expect((await page.goto('/ban-tin/2025/18'))?.status()).toBe(404);

  // Time passes: the stored publish time is now behind us.
  await withDatabase((client) => client.query(`update "Issue" set "publishAt" = now() - interval '1 minute' where id = $1`, [issueId]));

  await page.goto('/ban-tin');
  await page.getByRole('link', { name: 'Số 18', exact: true }).click();
  await expect(page).toHaveURL(/\/ban-tin\/2025\/18$/);
  // The order the composer saved: the first article was moved to the end of the province section.
  await expect(page.getByRole('navigation', { name: 'Mục lục' }).getByRole('link')).toHaveText([
    TITLES.second,
    TITLES.province,
    TITLES.first,
  ]);
});
