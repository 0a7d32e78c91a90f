import { expect, type Page } from '@playwright/test';
import { ACCOUNTS, expectNoSeriousA11yViolations, insertArticle, test } from './fixtures';

// The conversation around an article: the approver comments, quoting a passage and mentioning
// the editor, then returns it with a comment that joins the thread; the editor's bell shows
// both, the notification leads to the thread, and HTML typed in a comment stays text.

const run = Date.now().toString(36);
const bell = (page: Page) => page.getByRole('link', { name: /^Thông báo/ });

test('an approver comments and returns with a comment; the editor’s bell shows it and leads to the thread', async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const title = `Bài có thảo luận ${run}`;
  const id = await insertArticle({ title, slug: `bai-co-thao-luan-${run}`, status: 'SUBMITTED', text: 'Tỷ lệ hồ sơ trực tuyến đạt 85%.' });
  // Earlier journeys left the editor notifications: start from none unread.
  const editor = await signedInAs(ACCOUNTS.editor, '/quan-tri/thong-bao');
  const markAll = editor.getByRole('button', { name: 'Đánh dấu tất cả là đã đọc' });
  if (await markAll.isVisible()) await markAll.click();
  await expect(editor.getByText('Không có thông báo chưa đọc.')).toBeVisible();
  await expect(bell(editor)).toHaveAccessibleName('Thông báo (không có thông báo mới)');

  const approver = await signedInAs(ACCOUNTS.approver, `/quan-tri/bai-viet/${id}`);
  const thread = approver.getByRole('region', { name: 'Bình luận' });
  // Quote a passage selected in the body.
  await approver.getByRole('textbox', { name: 'Nội dung', exact: true }).getByText('Tỷ lệ hồ sơ trực tuyến đạt 85%.').selectText();
  await thread.getByRole('button', { name: 'Trích đoạn đang chọn' }).click();
  await expect(thread.locator('.comments__quote-preview blockquote')).toHaveText('Tỷ lệ hồ sơ trực tuyến đạt 85%.');
  const field = thread.getByRole('textbox', { name: 'Bình luận' });
  await field.fill('<b>Số liệu</b> <script>alert(1)</script> lấy ở đâu, @Ngu');
  await thread.getByRole('button', { name: '@Nguyễn Thị Biên Tập' }).click();
  await expect(field).toHaveValue('<b>Số liệu</b> <script>alert(1)</script> lấy ở đâu, @Nguyễn Thị Biên Tập ');
  await field.pressSequentially('?');
  await thread.getByRole('button', { name: 'Gửi bình luận' }).click();
  await expect(thread.getByRole('status').filter({ hasText: 'Đã gửi bình luận.' })).toBeVisible();
  const posted = thread.getByRole('article', { name: /^Bình luận của Trần Văn Duyệt/ });
  await expect(posted).toContainText('<b>Số liệu</b> <script>alert(1)</script> lấy ở đâu, @Nguyễn Thị Biên Tập ?');
  await expect(posted.locator('b, script')).toHaveCount(0);
  await expect(posted.locator('blockquote')).toHaveText('Tỷ lệ hồ sơ trực tuyến đạt 85%.');

  // Returning needs a comment, which joins the thread.
  await approver.getByRole('button', { name: 'Trả lại', exact: true }).click();
  await expect(approver.getByRole('button', { name: 'Gửi lý do và trả lại' })).toBeDisabled();
  await approver.getByRole('textbox', { name: 'Lý do trả lại' }).fill('Cần dẫn nguồn số liệu.');
  await approver.getByRole('button', { name: 'Gửi lý do và trả lại' }).click();
  await expect(approver.getByRole('status').filter({ hasText: 'Đã trả lại bài viết cho tác giả.' })).toBeVisible();

  // The editor's bell counts both, and the list says what happened.
  await editor.reload();
  await expect(bell(editor)).toHaveAccessibleName('Thông báo (2 chưa đọc)');
  await editor.screenshot({ path: 'tests/artifacts/bell-1280.png' });
  await bell(editor).click();
  await expect(editor.getByRole('heading', { level: 1, name: 'Thông báo' })).toBeVisible();
  await expect(editor.getByText('2 thông báo chưa đọc.')).toBeVisible();
  await editor.screenshot({ path: 'tests/artifacts/notifications-1280.png', fullPage: true });
  await editor.getByRole('button', { name: `Chưa đọc: Trần Văn Duyệt đã trả lại bài “${title}”` }).click();
  await expect(editor).toHaveURL(new RegExp(`/quan-tri/bai-viet/${id}#binh-luan$`));
  const editorThread = editor.getByRole('region', { name: 'Bình luận' });
  await expect(editorThread.getByRole('article')).toHaveCount(2);
  await expect(editorThread.getByRole('article').nth(1)).toContainText('Trả lại');
  await expect(editorThread.getByRole('article').nth(1)).toContainText('Cần dẫn nguồn số liệu.');
  await expect(bell(editor)).toHaveAccessibleName('Thông báo (1 chưa đọc)');

  // The editor answers and resolves the comment.
  await editorThread.getByRole('textbox', { name: 'Bình luận' }).fill('Đã bổ sung nguồn: báo cáo quý III.');
  await editorThread.getByRole('button', { name: 'Gửi bình luận' }).click();
  await expect(editorThread.getByRole('article')).toHaveCount(3);
  await editorThread.getByRole('article').first().getByRole('button', { name: 'Đánh dấu đã giải quyết' }).click();
  await expect(editorThread.getByRole('article').first()).toContainText('Đã giải quyết (Nguyễn Thị Biên Tập)');
  await expect(editorThread.getByText('3 bình luận, 2 chưa giải quyết.')).toBeVisible();
  await editor.screenshot({ path: 'tests/artifacts/thread-1280.png', fullPage: true });
  await editor.setViewportSize({ width: 390, height: 844 });
  await editorThread.scrollIntoViewIfNeeded();
  await editor.screenshot({ path: 'tests/artifacts/thread-390.png', fullPage: true });
  await expectNoSeriousA11yViolations(editor);

  // The article's audit trail is open to editors: "Lịch sử".
  await editor.setViewportSize({ width: 1280, height: 720 });
  await editor.getByRole('link', { name: 'Lịch sử', exact: true }).click();
  const history = editor.getByRole('region', { name: 'Lịch sử' });
  await expect(history.getByText(/Trả lại · Trần Văn Duyệt/)).toBeVisible();
  await expect(history.getByText('Lý do: Cần dẫn nguồn số liệu.')).toBeVisible();
  await expect(history.getByText(/Bình luận · Nguyễn Thị Biên Tập/)).toBeVisible();
});
