import { expect } from '@playwright/test';
import { ACCOUNTS, expectNoSeriousA11yViolations, test, withDatabase } from './fixtures';

// "Lịch": the approver sees Số 18 of 2025, created and scheduled here, on its day with its time
// and status, in the month and the week; the next issue is proposed from the cadence (from today); the
// month is walked with the keyboard; it reads on a phone.

const DAY = '2025-11-24';

test.beforeAll(async () => {
  await withDatabase(async (client) => {
    const publication = await client.query(`select id from "Publication" order by id limit 1`);
    const issue = await client.query(
      `insert into "Issue" ("publicationId", number, year, "periodStart", "periodEnd", status, "publishAt", "updatedAt")
       values ($1, 18, 2025, '2025-11-10', '2025-11-23', 'SCHEDULED', '2025-11-24T01:00:00Z', now())
       on conflict ("publicationId", year, number) do nothing returning id`,
      [publication.rows[0].id],
    );
    if (issue.rows[0]) {
      await client.query(`insert into "IssueSection" ("issueId", title, position) values ($1, 'Thông tin CCHC của tỉnh', 0)`, [
        issue.rows[0].id,
      ]);
    }
  });
});

// The specs share one database: Số 18 would otherwise stand in others' way.
test.afterAll(async () => {
  await withDatabase(async (client) => {
    await client.query(`delete from "Issue" where year = 2025 and number = 18 and "publishAt" = '2025-11-24T01:00:00Z'`);
  });
});

test('the calendar shows the scheduled Số 18 on its day, and the next issue proposed', async ({ signedInAs }) => {
  const page = await signedInAs(ACCOUNTS.approver, '/quan-tri');
  await page.getByRole('main').getByRole('link', { name: 'Lịch', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch' })).toBeVisible();
  await page.goto(`/quan-tri/lich?xem=thang&ngay=${DAY}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Tháng 11/2025' })).toBeVisible();
  const release = page.getByRole('link', { name: 'Số 18/2025 xuất bản 08:00 · Đã lên lịch' });
  await expect(release).toBeVisible();
  await expect(page.getByRole('cell').filter({ has: release })).toContainText('24/11');
  await page.screenshot({ path: 'tests/artifacts/calendar-month-1280.png', fullPage: true });

  // Keyboard: into the month, across the days, into a day's links.
  await page.getByRole('link', { name: 'Tháng sau' }).focus();
  await page.keyboard.press('Tab');
  const first = page.locator('td[tabindex="0"]');
  await expect(first).toBeFocused();
  await expect(first).toContainText('01/11');
  // Saturday 1st, three weeks down to Saturday 22nd, two days right to Monday 24th.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await expect(page.locator('td:focus')).toContainText('24/11');
  await page.keyboard.press('Enter');
  await expect(release).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/quan-tri\/ban-tin\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Số 18/2025' })).toBeVisible();

  // The next issue is proposed from the cadence, from today on.
  await page.goto('/quan-tri/lich');
  await expect(page.getByText(/^(Kỳ )?Số \d+\/\d{4} \(dự kiến\)/).first()).toBeVisible();

  await page.goto(`/quan-tri/lich?xem=tuan&ngay=${DAY}`);
  await expect(page.getByRole('heading', { level: 3, name: 'Thứ Hai 24/11/2025' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Số 18/2025 xuất bản 08:00 · Đã lên lịch' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/quan-tri/lich?xem=thang&ngay=${DAY}`);
  await expect(page.getByRole('link', { name: 'Số 18/2025 xuất bản 08:00 · Đã lên lịch' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'tests/artifacts/calendar-month-390.png', fullPage: true });
});
