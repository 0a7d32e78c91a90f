import { expect } from '@playwright/test';
import { ACCOUNTS, insertArticle, test } from './fixtures';

// The article list: a text filter that ignores accents, and bulk actions that go through each
// article's own checks and answer per article.

const run = Date.now().toString(36);

test('an editor finds articles without typing accents and sends several for approval at once', async ({ signedInAs }) => {
  const first = `Chuyển đổi số ở Phong Thổ ${run}`;
  const second = `Chuyển đổi số ở Sìn Hồ ${run}`;
  const waiting = `Chuyển đổi số ở Tân Uyên ${run}`;
  await insertArticle({ title: first, slug: `cds-phong-tho-${run}`, status: 'DRAFT' });
  await insertArticle({ title: second, slug: `cds-sin-ho-${run}`, status: 'DRAFT' });
  await insertArticle({ title: waiting, slug: `cds-tan-uyen-${run}`, status: 'SUBMITTED' });

  const page = await signedInAs(ACCOUNTS.editor, '/quan-tri/bai-viet');
  await page.getByRole('searchbox', { name: /^Tìm theo tiêu đề, sapo/ }).fill('CHUYEN DOI SO O');
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  for (const title of [first, second, waiting]) await expect(page.getByRole('link', { name: title })).toBeVisible();

  // An editor is not offered "Duyệt".
  const bulk = page.getByRole('form', { name: 'Thao tác hàng loạt' });
  await expect(bulk.getByRole('combobox', { name: 'Thao tác' }).locator('option')).toHaveText([
    'Gửi duyệt',
    'Thêm chủ đề',
    'Chuyển vào số',
  ]);
  for (const title of [first, second, waiting]) await page.getByRole('checkbox', { name: `Chọn bài “${title}”` }).check();
  await bulk.getByRole('button', { name: 'Thực hiện' }).click();
  const outcome = bulk.getByRole('status');
  await expect(outcome).toContainText('2/3 bài viết đã xử lý; 1 bài chưa thực hiện được');
  await expect(outcome.getByRole('listitem').filter({ hasText: first })).toContainText('Đã gửi duyệt.');
  await expect(outcome.getByRole('listitem').filter({ hasText: waiting })).toContainText('Chỉ gửi duyệt được bài đang là Nháp.');
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: second }) })
      .getByText('Chờ duyệt'),
  ).toBeVisible();
  await page.screenshot({ path: 'tests/artifacts/bulk-1280.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'tests/artifacts/bulk-390.png', fullPage: true });
});
