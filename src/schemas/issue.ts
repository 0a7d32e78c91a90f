import { z } from 'zod';
import { calendarDateSchema } from './dates';
import { multilineText, singleLineText } from './text';

// Shared by the issue forms (composer, scheduling) and the server: the same limits and
// messages on both sides. Every schema is strict: unknown keys (status, version, …) are refused.

export const ISSUE_NUMBER_MAX = 999;
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;
export const SECTION_TITLE_MAX = 200;

const idSchema = (what: string) =>
  z
    .number({ error: `Thiếu ${what}.` })
    .int(`Mã ${what} không hợp lệ.`)
    .positive(`Mã ${what} không hợp lệ.`);

const issueVersionSchema = z
  .number({ error: 'Thiếu phiên bản của số bản tin.' })
  .int('Phiên bản của số bản tin không hợp lệ.')
  .positive('Phiên bản của số bản tin không hợp lệ.');

export const issueNumberSchema = z
  .number({ error: 'Cần nhập số.' })
  .int('Số phải là số nguyên.')
  .min(1, 'Số phải từ 1 trở lên.')
  .max(ISSUE_NUMBER_MAX, `Số tối đa là ${ISSUE_NUMBER_MAX}.`);

const yearMessage = `Năm phải trong khoảng ${YEAR_MIN}–${YEAR_MAX}.`;
export const issueYearSchema = z
  .number({ error: 'Cần nhập năm.' })
  .int('Năm phải là số nguyên.')
  .min(YEAR_MIN, yearMessage)
  .max(YEAR_MAX, yearMessage);

export const createIssueSchema = z
  .strictObject({
    publicationId: idSchema('ấn phẩm'),
    number: issueNumberSchema,
    year: issueYearSchema,
    periodStart: calendarDateSchema('Từ ngày'),
    periodEnd: calendarDateSchema('Đến ngày'),
  })
  .refine((issue) => issue.periodEnd >= issue.periodStart, {
    path: ['periodEnd'],
    message: 'Đến ngày phải cùng hoặc sau Từ ngày.',
  });

const sectionTitleSchema = singleLineText(
  z.string().min(1, 'Cần nhập tên chuyên mục.').max(SECTION_TITLE_MAX, `Tên chuyên mục tối đa ${SECTION_TITLE_MAX} ký tự.`),
  'Cần nhập tên chuyên mục.',
);

/** 0-based place in the list; past the end means last. */
const positionSchema = z.number({ error: 'Thiếu vị trí.' }).int('Vị trí không hợp lệ.').min(0, 'Vị trí không hợp lệ.');

export const addSectionSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  title: sectionTitleSchema,
  expectsSource: z.boolean().default(false),
});

export const renameSectionSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  sectionId: idSchema('chuyên mục'),
  title: sectionTitleSchema,
});

export const moveSectionSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  sectionId: idSchema('chuyên mục'),
  position: positionSchema,
});

export const removeSectionSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  sectionId: idSchema('chuyên mục'),
});

export const addArticleToIssueSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  articleId: idSchema('bài viết'),
  sectionId: idSchema('chuyên mục'),
  /** Omitted: at the end of the section. */
  position: positionSchema.optional(),
});

export const moveArticleSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  articleId: idSchema('bài viết'),
  sectionId: idSchema('chuyên mục'),
  position: positionSchema,
});

export const removeArticleFromIssueSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  articleId: idSchema('bài viết'),
});

/** Warnings of the preflight are shown first; scheduling or publishing needs them acknowledged. */
const acknowledgedWarningsSchema = z.boolean({ error: 'Giá trị xác nhận cảnh báo không hợp lệ.' }).default(false);

export const scheduleIssueSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  // With its offset ("2025-11-10T08:00:00+07:00"): a bare local time would be read in the
  // server's zone, not the office's.
  publishAt: z.iso
    .datetime({ offset: true, error: 'Thời gian xuất bản không hợp lệ (cần ngày, giờ và múi giờ).' })
    .transform((value) => new Date(value)),
  acknowledgedWarnings: acknowledgedWarningsSchema,
});

export const publishIssueNowSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  acknowledgedWarnings: acknowledgedWarningsSchema,
});

export const unpublishIssueSchema = z.strictObject({
  expectedVersion: issueVersionSchema,
  reason: multilineText(
    z.string().min(1, 'Cần nhập lý do gỡ xuất bản.').max(2000, 'Lý do tối đa 2000 ký tự.'),
    'Cần nhập lý do gỡ xuất bản.',
  ),
});

/** The composer's changes, one server action for all (its `op` field). */
export const COMPOSE_OPS = [
  'addSection',
  'renameSection',
  'moveSection',
  'removeSection',
  'addArticle',
  'moveArticle',
  'removeArticle',
] as const;
export type ComposeOp = (typeof COMPOSE_OPS)[number];

/** The print PDF of an issue as laid out now: what the composer shows beside the contents. */
export type IssuePagePlan = {
  pageCount: number;
  pageLimit: number;
  isOverLimit: boolean;
  /** In the order of the contents. */
  articles: { articleId: number; tocNumber: number; title: string; page: number }[];
};
