import { expect, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, saveStatus, test } from './fixtures';
import sharp from 'sharp';

const expectSaved = (page: Page) => expect(saveStatus(page)).toHaveText(/^Đã lưu lúc \d\d:\d\d$/, { timeout: 15_000 });
const body = (page: Page) => page.getByRole('textbox', { name: 'Nội dung', exact: true });
const idFrom = (page: Page) => Number(/\/quan-tri\/bai-viet\/(\d+)/.exec(page.url())?.[1]);

test('an editor writes an article with a heading, a list, a link and an image; the approver returns it, then approves it', async ({
  signedInAs,
}) => {
  test.setTimeout(120_000);
  const title = `Lai Châu đẩy mạnh chuyển đổi số ${Date.now()}`;
  const editor = await signedInAs('bientap@demo.local', '/quan-tri');
  await editor.getByRole('navigation', { name: 'Điều hướng quản trị' }).getByRole('link', { name: 'Bài viết mới', exact: true }).click();
  await editor.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await editor.getByLabel('Sapo').fill('Sở Nội vụ triển khai nhiều giải pháp.');

  await body(editor).click();
  await editor.keyboard.type('Mở đầu bài viết.');
  await editor.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Tiêu đề mục' }).click();
  await editor.keyboard.type('Kết quả nổi bật');
  await editor.keyboard.press('Enter');
  await editor.getByRole('button', { name: 'Danh sách dấu chấm' }).click();
  await editor.keyboard.type('Hồ sơ trực tuyến tăng');
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('Thời gian giải quyết giảm');
  await editor.keyboard.press('Enter');
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('Chi tiết tại https://baochinhphu.vn/bai-goc ');

  const jpeg = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2a5599' } })
    .jpeg()
    .toBuffer();
  const chooser = editor.waitForEvent('filechooser');
  await editor.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await (await chooser).setFiles({ name: 'hoi-nghi.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const caption = editor.getByLabel('Chú thích');
  await expect(caption).toBeFocused({ timeout: 15_000 });
  await caption.fill('Quang cảnh hội nghị');
  await editor.getByLabel('Nguồn ảnh').fill('Ảnh: VGP');
  await editor.getByLabel('Văn bản thay thế').fill('Đại biểu dự hội nghị tại hội trường');

  const tags = editor.getByRole('combobox', { name: 'Chủ đề' });
  await tags.fill('Chuyển đổi số e2e');
  await tags.press('Enter');
  await editor.getByLabel('Tác giả nguồn').fill('Thu Giang');
  await editor.getByLabel('Đường dẫn nguồn').fill('https://baochinhphu.vn/');
  await expect(editor.getByText('Theo Thu Giang - https://baochinhphu.vn/')).toBeVisible();
  await expectSaved(editor);

  await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Đã gửi duyệt.' })).toBeVisible();
  await expect(editor.getByText('Chờ duyệt', { exact: true })).toBeVisible();
  const id = idFrom(editor);

  // The approver finds it on the dashboard and sends it back with a comment.
  const approver = await signedInAs('duyet@demo.local', '/quan-tri');
  await approver.getByRole('region', { name: 'Chờ duyệt' }).getByRole('link', { name: title }).click();
  await expect(approver).toHaveURL(new RegExp(`/quan-tri/bai-viet/${id}$`));
  await approver.getByRole('button', { name: 'Trả lại' }).click();
  await approver.getByRole('textbox', { name: 'Lý do trả lại' }).fill('Cần ghi rõ số liệu năm 2025.');
  await approver.getByRole('button', { name: 'Gửi lý do và trả lại' }).click();
  await expect(approver.getByRole('status').filter({ hasText: 'Đã trả lại bài viết cho tác giả.' })).toBeVisible();

  // The editor sees the comment, fixes the text and submits again.
  await editor.goto('/quan-tri');
  const returned = editor.getByRole('region', { name: 'Bị trả lại cho tôi' });
  await expect(returned.getByText('Cần ghi rõ số liệu năm 2025.')).toBeVisible();
  await returned.getByRole('link', { name: title }).click();
  await expect(editor.getByRole('region', { name: 'Bài viết bị trả lại' })).toContainText('Cần ghi rõ số liệu năm 2025.');
  await editor.getByLabel('Sapo').fill('Năm 2025, Sở Nội vụ triển khai nhiều giải pháp.');
  await expectSaved(editor);
  await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Đã gửi duyệt.' })).toBeVisible();

  await approver.reload();
  await approver.getByRole('button', { name: 'Duyệt', exact: true }).click();
  await expect(approver.getByRole('status').filter({ hasText: 'Đã duyệt bài viết.' })).toBeVisible();
  await expect(approver.getByText('Đã duyệt', { exact: true })).toBeVisible();

  // The preview renders the saved text with the public article's markup.
  await approver.goto(`/quan-tri/bai-viet/${id}/xem-truoc`);
  const article = approver.locator('article.article-page');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(article.getByRole('heading', { level: 2, name: 'Kết quả nổi bật' })).toBeVisible();
  await expect(article.getByRole('listitem').filter({ hasText: 'Thời gian giải quyết giảm' })).toBeVisible();
  await expect(article.getByRole('link', { name: 'https://baochinhphu.vn/bai-goc' })).toHaveAttribute(
    'href',
    'https://baochinhphu.vn/bai-goc',
  );
  await expect(article.locator('figcaption')).toHaveText('Quang cảnh hội nghị - Ảnh: VGP');
  const image = article.getByRole('img', { name: 'Đại biểu dự hội nghị tại hội trường' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(article.getByText('Theo Thu Giang - https://baochinhphu.vn/')).toBeVisible();
});

// Two people on the same article: tests/e2e/take-over.spec.ts.

test('the editor page has no serious or critical accessibility violations', async ({ signedInAs }) => {
  const page = await signedInAs('bientap@demo.local', '/quan-tri/bai-viet/moi');
  await expect(body(page)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
