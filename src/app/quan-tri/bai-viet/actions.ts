'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createArticle, discardRevision, publishRevision, restoreRevision, saveArticle } from '@/server/articles/commands';
import { editorDataOf, getEditableArticle } from '@/server/articles/editorial-queries';
import { approveArticle, publishArticle, returnArticle, submitArticle, unpublishArticle } from '@/server/articles/workflow';
import { ValidationError } from '@/server/errors';
import { runAction } from '@/server/outcome';
import { parseInput, requireId } from '@/server/validation';
import { formFields } from '@/lib/form-data';
import type { Outcome } from '@/lib/outcome';
import type { EditorData, SavedArticle, WorkflowStep } from '@/schemas/article';
import { idField } from '@/lib/route-params';

// Server actions are public endpoints: each resolves the actor (runAction) and hands the
// untrusted input to a domain command, which parses it strictly and checks permission, status
// and version. Every refusal comes back as an Outcome and is audited when it should be.

const article = (id: unknown) => ({ type: 'article' as const, id });

export async function createArticleAction(input: unknown): Promise<Outcome<SavedArticle>> {
  return runAction({ attempted: 'article.create', entity: article(null), done: 'Đã tạo bài viết.' }, (actor) =>
    createArticle(actor, input),
  );
}

export async function saveArticleAction(id: unknown, input: unknown): Promise<Outcome<SavedArticle>> {
  return runAction({ attempted: 'article.save', entity: article(id), done: 'Đã lưu.' }, (actor) =>
    saveArticle(actor, requireId(id, 'bài viết'), input),
  );
}

const STEPS = {
  submit: { run: submitArticle, done: 'Đã gửi duyệt. Bài nằm trong hàng chờ duyệt của lãnh đạo phòng.' },
  approve: { run: approveArticle, done: 'Đã duyệt bài viết.' },
  return: { run: returnArticle, done: 'Đã trả lại bài viết cho tác giả.' },
  publish: { run: publishArticle, done: 'Đã xuất bản bài viết.' },
  publishRevision: { run: publishRevision, done: 'Đã xuất bản bản sửa: trang công khai hiển thị nội dung mới.' },
  discardRevision: { run: discardRevision, done: 'Đã bỏ bản sửa; bài giữ nội dung đang xuất bản.' },
  unpublish: {
    run: unpublishArticle,
    done: 'Đã gỡ bài khỏi trang công khai; số bản tin và bản PDF không còn bài này. Bài trở về Nháp, lý do được ghi vào phần Bình luận.',
  },
} satisfies Record<WorkflowStep, unknown>;

const isStep = (step: unknown): step is WorkflowStep => typeof step === 'string' && Object.hasOwn(STEPS, step);

export async function workflowAction(id: unknown, step: unknown, input: unknown): Promise<Outcome<SavedArticle>> {
  const known = isStep(step) ? step : null;
  return runAction({ attempted: `article.${known ?? 'unknown'}`, entity: article(id), done: known ? STEPS[known].done : '' }, (actor) => {
    if (!known) throw new ValidationError('Thao tác không hợp lệ.');
    return STEPS[known].run(actor, requireId(id, 'bài viết'), input);
  });
}

/** The latest saved text, for "Dùng bản mới nhất" after a conflict. */
export async function loadArticleAction(id: unknown): Promise<Outcome<EditorData>> {
  return runAction({ attempted: 'article.read', entity: article(id), done: 'Đã tải bản mới nhất.' }, async () =>
    editorDataOf(await getEditableArticle(requireId(id, 'bài viết'))),
  );
}

const restoreForm = z.strictObject({ articleId: idField, version: idField, expectedVersion: idField });

/** Saves an old revision's text on top of the current version (itself a new revision). */
export async function restoreRevisionAction(_state: Outcome<SavedArticle> | null, formData: FormData): Promise<Outcome<SavedArticle>> {
  let articleId: number | null = null;
  const outcome = await runAction({ attempted: 'article.restore', entity: article(null), done: 'Đã khôi phục phiên bản.' }, (actor) => {
    const { articleId: id, ...input } = parseInput(restoreForm, formFields(formData));
    articleId = id;
    return restoreRevision(actor, id, input);
  });
  if (outcome.ok && articleId) redirect(`/quan-tri/bai-viet/${articleId}`);
  return outcome;
}
