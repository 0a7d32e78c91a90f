import { expect, test } from '@playwright/test';
import { withDatabase } from './fixtures';

// The archive by year: the year index, a year's page, its issue.

const YEAR = 2019;
const NUMBER = 23;
let issueId = 0;

test.beforeAll(async () => {
  issueId = await withDatabase(async (client) => {
    const { rows } = await client.query(
      `insert into "Issue" ("publicationId", number, year, "periodStart", "periodEnd", status, "publishAt", "publishedAt", "updatedAt")
       values ((select min(id) from "Publication"), $1, $2, $3, $4, 'PUBLISHED', $5, $5, now()) returning id`,
      [NUMBER, YEAR, `${YEAR}-11-04`, `${YEAR}-11-17`, `${YEAR}-11-18T01:00:00Z`],
    );
    await client.query(`insert into "IssueSection" ("issueId", title, position) values ($1, 'Thông tin CCHC của tỉnh', 0)`, [rows[0].id]);
    return rows[0].id as number;
  });
});

test.afterAll(async () => {
  await withDatabase((client) => client.query('delete from "Issue" where id = $1', [issueId]));
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader goes from the archive to another year and opens its issue', async ({ page }) => {
    await page.goto('/ban-tin');
    const years = page.getByRole('navigation', { name: 'Các năm' });
    // The newest year is shown and marked as the current one.
    await expect(years.getByRole('link', { name: /^2025/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 2, name: 'Năm 2025' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Số ${NUMBER}`, exact: true })).toHaveCount(0);

    await years.getByRole('link', { name: new RegExp(`^${YEAR}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/ban-tin/${YEAR}$`));
    await expect(page.getByRole('heading', { level: 1, name: `Các số bản tin năm ${YEAR}` })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Các năm' }).getByRole('link', { name: new RegExp(`^${YEAR}`) })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByRole('link', { name: 'Số 17', exact: true })).toHaveCount(0);

    await page.getByRole('link', { name: `Số ${NUMBER}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/ban-tin/${YEAR}/${NUMBER}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(String(NUMBER));
  });
});

test('a year without public issues, or not a year, is a 404', async ({ page }) => {
  for (const path of ['/ban-tin/2001', '/ban-tin/20x5', '/ban-tin/99999']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Không tìm thấy trang' })).toBeVisible();
  }
});
