'use server';

import { runBulkAction } from '@/server/articles/bulk';
import { ValidationError } from '@/server/errors';
import { runAction } from '@/server/outcome';
import type { Outcome } from '@/lib/outcome';
import type { BulkItemResult } from '@/schemas/bulk';

// "Thao tác hàng loạt" of the article list. The form posts the chosen rows as "id:version" and
// the step's own fields; the domain module checks everything per article.

const pair = (value: FormDataEntryValue | null) => {
  const match = typeof value === 'string' ? /^(\d{1,10}):(\d{1,10})$/.exec(value) : null;
  return match ? [Number(match[1]), Number(match[2])] : null;
};

function inputOf(formData: FormData): Record<string, unknown> {
  const items = formData.getAll('chon').map((value) => {
    const parsed = pair(value);
    if (!parsed) throw new ValidationError('Danh sách bài đã chọn không hợp lệ. Hãy tải lại trang.');
    return { id: parsed[0], version: parsed[1] };
  });
  const action = formData.get('thao-tac');
  const input: Record<string, unknown> = { action, items };
  if (action === 'tag') input.tag = formData.get('chu-de') ?? '';
  if (action === 'move') {
    const target = pair(formData.get('dich'));
    if (!target) throw new ValidationError('Hãy chọn số và chuyên mục.', { dich: 'Hãy chọn số và chuyên mục.' });
    [input.issueId, input.sectionId] = target;
  }
  return input;
}

export async function bulkArticlesAction(_state: unknown, formData: FormData): Promise<Outcome<BulkItemResult[]>> {
  return runAction(
    {
      attempted: 'article.bulk',
      entity: { type: 'article' },
      done: (results) => {
        const done = results.filter((result) => result.ok).length;
        return done === results.length
          ? `Đã xử lý xong ${done} bài viết.`
          : `${done}/${results.length} bài viết đã xử lý; ${results.length - done} bài chưa thực hiện được (xem lý do từng bài bên dưới).`;
      },
    },
    (actor) => runBulkAction(actor, inputOf(formData)),
  );
}
