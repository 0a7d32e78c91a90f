import { z } from 'zod';
import type { Outcome } from '@/lib/outcome';
import { multilineText, singleLineText } from './text';

// Shared by the article form and the server: the same limits, messages and shapes on both sides.

export const TITLE_MAX = 300;
export const LEAD_MAX = 2000;
export const SOURCE_TEXT_MAX = 300;
export const SOURCE_URL_MAX = 500;
export const TAG_MAX = 80;
export const TAGS_MAX = 20;
export const RETURN_COMMENT_MAX = 2000;

export const ARTICLE_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED'] as const;
export type ArticleStatusCode = (typeof ARTICLE_STATUSES)[number];

const optionalText = (max: number, label: string, kind = singleLineText) =>
  kind(z.string().max(max, `${label} tối đa ${max} ký tự.`))
    .transform((value) => value || null)
    .nullable()
    .optional()
    .transform((value) => value ?? null);

export const sourceUrlSchema = singleLineText(z.string().max(SOURCE_URL_MAX, `Đường dẫn nguồn tối đa ${SOURCE_URL_MAX} ký tự.`))
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
  sourceAuthors: optionalText(SOURCE_TEXT_MAX, 'Tác giả nguồn'),
  sourceOutlet: optionalText(SOURCE_TEXT_MAX, 'Tên nguồn'),
  sourceUrl: sourceUrlSchema,
  tags: z
    .array(singleLineText(z.string().min(1).max(TAG_MAX, `Chủ đề tối đa ${TAG_MAX} ký tự.`)))
    .max(TAGS_MAX, `Tối đa ${TAGS_MAX} chủ đề.`)
    .default([]),
});

export type ArticleFields = z.input<typeof articleFieldsSchema>;

export const versionSchema = z.number({ error: 'Thiếu phiên bản của bài viết.' }).int().positive();
export const returnCommentSchema = multilineText(
  z.string().min(1, 'Cần nhập lý do trả lại.').max(RETURN_COMMENT_MAX, `Lý do tối đa ${RETURN_COMMENT_MAX} ký tự.`),
  'Cần nhập lý do trả lại.',
);

/**
 * How a save came about: typing paused (`auto`) or someone pressed "Lưu nháp" (`manual`). Only
 * manual saves and the periodic checkpoint keep a revision; every save keeps the text.
 */
export const saveModeSchema = z.enum(['auto', 'manual']).default('manual');

// ---------------------------------------------------------------------------------------------
// What the editor and the server exchange. Dates travel as ISO strings.

/** The fields the form edits: exactly the input of createArticle/saveArticle. */
export type ArticleDraft = {
  title: string;
  lead: string;
  body: unknown;
  sourceAuthors: string;
  sourceOutlet: string;
  sourceUrl: string;
  tags: string[];
};

export const DRAFT_FIELDS = ['title', 'lead', 'body', 'tags', 'sourceAuthors', 'sourceOutlet', 'sourceUrl'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export const DRAFT_FIELD_LABELS: Record<DraftField, string> = {
  title: 'Tiêu đề',
  lead: 'Sapo',
  body: 'Nội dung',
  tags: 'Chủ đề',
  sourceAuthors: 'Tác giả nguồn',
  sourceOutlet: 'Tên nguồn',
  sourceUrl: 'Đường dẫn nguồn',
};

/**
 * An article as the editor holds it. `version` is what the next save must start from: the
 * article's version, or for a live article being revised, its pending revision's.
 */
export type SavedArticle = {
  id: number;
  slug: string;
  version: number;
  status: ArticleStatusCode;
  /** The public (or scheduled) text stays as it is; edits go to a pending revision. */
  isLive: boolean;
  hasPendingRevision: boolean;
};

/** The newer text someone else saved, shown next to the editor's own and merged per field. */
export type ConflictingVersion = ArticleDraft & { version: number; updatedAt: string };

export type EditorAbilities = {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  return: boolean;
  publish: boolean;
  /** Publish or discard a live article's pending revision. */
  publishRevision: boolean;
  /** Take one published article off the public site, with a reason. */
  unpublish: boolean;
};

/** The key of the abilities map the page hands the editor: they depend on status and pending revision. */
export const abilityKey = (status: ArticleStatusCode, hasPendingRevision: boolean) => `${status}${hasPendingRevision ? ':ban-sua' : ''}`;

export const WORKFLOW_STEPS = ['submit', 'approve', 'return', 'publish', 'publishRevision', 'discardRevision', 'unpublish'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

/** What the editor starts from: the text it works on and, for a live article, the public text. */
export type EditorData = { article: SavedArticle; draft: ArticleDraft; live: ArticleDraft };

/** The server actions the editor calls, handed to it by the page (components never import routes). */
export type ArticleEditorActions = {
  create: (input: unknown) => Promise<Outcome<SavedArticle>>;
  save: (id: number, input: unknown) => Promise<Outcome<SavedArticle>>;
  step: (id: number, step: WorkflowStep, input: unknown) => Promise<Outcome<SavedArticle>>;
  load: (id: number) => Promise<Outcome<EditorData>>;
};
