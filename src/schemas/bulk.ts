import { z } from 'zod';
import { idSchema } from '@/lib/route-params';
import { TAG_MAX } from './article';
import { singleLineText } from './text';

// Bulk actions of the article list: one step applied to each chosen article in turn, through the
// same command as one by one; the result is told per article.

export const BULK_ACTIONS = ['submit', 'approve', 'tag', 'move'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  submit: 'Gửi duyệt',
  approve: 'Duyệt',
  tag: 'Thêm chủ đề',
  move: 'Chuyển vào số',
};

export const BULK_MAX = 100;

const items = z
  .array(z.strictObject({ id: idSchema, version: idSchema }))
  .min(1, 'Hãy chọn ít nhất một bài viết.')
  .max(BULK_MAX, `Mỗi lần xử lý tối đa ${BULK_MAX} bài viết.`);

export const bulkInputSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit'), items }),
  z.strictObject({ action: z.literal('approve'), items }),
  z.strictObject({
    action: z.literal('tag'),
    items,
    tag: singleLineText(z.string().min(1, 'Cần nhập chủ đề.').max(TAG_MAX, `Chủ đề tối đa ${TAG_MAX} ký tự.`), 'Cần nhập chủ đề.'),
  }),
  z.strictObject({ action: z.literal('move'), items, issueId: idSchema, sectionId: idSchema }),
]);

export type BulkItemResult = { id: number; title: string; ok: boolean; message: string };
