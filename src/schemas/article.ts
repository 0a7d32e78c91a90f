import { z } from 'zod';
import { multilineText, singleLineText } from './text';

// Shared by the article form and the server: the same limits and messages on both sides.

export const TITLE_MAX = 300;
export const LEAD_MAX = 2000;

const optionalText = (max: number, label: string, kind = singleLineText) =>
  kind(z.string().max(max, `${label} tối đa ${max} ký tự.`))
    .transform((value) => value || null)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const sourceUrlSchema = singleLineText(z.string().max(500, 'Đường dẫn nguồn tối đa 500 ký tự.'))
  .refine((value) => value === '' || /^https?:\/\/[^\s]+$/i.test(value), 'Đường dẫn nguồn phải bắt đầu bằng http:// hoặc https://.')
  .transform((value) => value || null)
  .nullable()
  .optional()
  .transform((value) => value ?? null);

export const articleFieldsSchema = z.strictObject({
  title: singleLineText(z.string().min(1, 'Cần nhập tiêu đề.').max(TITLE_MAX, `Tiêu đề tối đa ${TITLE_MAX} ký tự.`), 'Cần nhập tiêu đề.'),
  lead: optionalText(LEAD_MAX, 'Sapo', multilineText),
  // Checked against the rich-text schema by the server (parseRichDocument).
  body: z.unknown(),
  sourceAuthors: optionalText(300, 'Tác giả nguồn'),
  sourceOutlet: optionalText(300, 'Tên nguồn'),
  sourceUrl: sourceUrlSchema,
  tags: z
    .array(singleLineText(z.string().min(1).max(80, 'Chủ đề tối đa 80 ký tự.')))
    .max(20, 'Tối đa 20 chủ đề.')
    .default([]),
});

export type ArticleFields = z.input<typeof articleFieldsSchema>;

export const versionSchema = z.number({ error: 'Thiếu phiên bản của bài viết.' }).int().positive();
export const returnCommentSchema = multilineText(
  z.string().min(1, 'Cần nhập lý do trả lại.').max(2000, 'Lý do tối đa 2000 ký tự.'),
  'Cần nhập lý do trả lại.',
);
