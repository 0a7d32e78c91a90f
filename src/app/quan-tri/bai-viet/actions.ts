'use server';

import { formFields } from '@/lib/form-data';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionFailure, ActionResult, ArticleDraft, SavedArticle, WorkflowStep } from '@/components/editor/types';
import { AuthError } from '@/server/auth/errors';
import { getActor, requireActor } from '@/server/auth/session';
import { recordRefusal, type RefusalContext } from '@/server/audit/refusals';
import { approveArticle, createArticle, publishArticle, returnArticle, saveArticle, submitArticle } from '@/server/articles/commands';
import { editorDataOf, getEditableArticle, getRevision } from '@/server/articles/editorial-queries';
import { ConflictError, NotFoundError, TransitionError, ValidationError } from '@/server/errors';
import { ForbiddenError } from '@/server/permissions';

// Server actions are public endpoints: each re-reads the actor, then hands the untrusted input
// to a domain command, which parses it strictly and checks permission, status and version.

type Snapshot = { version: number; title: string; lead: string | null; body: unknown; updatedAt: Date };

function failure(error: unknown): ActionFailure {
  if (error instanceof ConflictError) {
    const current = error.current as Snapshot;
    return { ok: false, kind: 'conflict', message: error.message, current: { ...current, updatedAt: current.updatedAt.toISOString() } };
  }
  if (error instanceof ValidationError) return { ok: false, kind: 'refused', message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof ForbiddenError || error instanceof AuthError || error instanceof TransitionError || error instanceof NotFoundError) {
    return { ok: false, kind: 'refused', message: error.message };
  }
  throw error;
}

/** `refused` names what a refusal is audited as (src/server/audit); workflow steps audit their own. */
async function attempt<T extends object>(work: () => Promise<T>, refused?: RefusalContext): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (refused) await recordRefusal(await getActor(), error, refused);
    return failure(error);
  }
}

const idSchema = z.number().int().positive();

function parseId(id: unknown): number {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) throw new NotFoundError('Không tìm thấy bài viết.');
  return parsed.data;
}

export async function createArticleAction(input: unknown): Promise<ActionResult<{ article: SavedArticle }>> {
  return attempt(async () => ({ article: await createArticle(await requireActor(), input) }));
}

const savingRefused = (id: unknown): RefusalContext => ({
  command: 'article.save',
  entityType: 'article',
  entityId: typeof id === 'number' && Number.isSafeInteger(id) ? id : null,
});

export async function saveArticleAction(id: unknown, input: unknown): Promise<ActionResult<{ article: SavedArticle }>> {
  return attempt(async () => ({ article: await saveArticle(await requireActor(), parseId(id), input) }), savingRefused(id));
}

const STEPS = { submit: submitArticle, approve: approveArticle, return: returnArticle, publish: publishArticle } as const;

export async function workflowAction(id: unknown, step: WorkflowStep, input: unknown): Promise<ActionResult<{ article: SavedArticle }>> {
  return attempt(async () => {
    if (typeof step !== 'string' || !Object.hasOwn(STEPS, step)) throw new ValidationError('Thao tác không hợp lệ.');
    return { article: await STEPS[step](await requireActor(), parseId(id), input) };
  });
}

/** The latest saved text, for "Dùng bản mới nhất" after a conflict. */
export async function loadArticleAction(id: unknown): Promise<ActionResult<{ article: SavedArticle; draft: ArticleDraft }>> {
  return attempt(async () => {
    await requireActor();
    return editorDataOf(await getEditableArticle(parseId(id)));
  });
}

const numberField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);
const restoreForm = z.strictObject({ articleId: numberField, version: numberField, expectedVersion: numberField });

export type RestoreState = { message: string } | null;

/** Saves an old revision's text on top of the current version (itself a new revision). */
export async function restoreRevisionAction(_state: RestoreState, formData: FormData): Promise<RestoreState> {
  const parsed = restoreForm.safeParse(formFields(formData));
  if (!parsed.success) return { message: 'Biểu mẫu gửi lên không hợp lệ. Vui lòng tải lại trang và thử lại.' };
  const { articleId, version, expectedVersion } = parsed.data;
  const result = await attempt(async () => {
    const actor = await requireActor();
    const [revision, current] = await Promise.all([getRevision(articleId, version), getEditableArticle(articleId)]);
    return saveArticle(actor, articleId, {
      title: revision.title,
      lead: revision.lead,
      body: revision.body,
      sourceAuthors: revision.sourceAuthors,
      sourceOutlet: revision.sourceOutlet,
      sourceUrl: revision.sourceUrl,
      tags: current.tags.map((tag) => tag.name),
      expectedVersion,
    });
  }, savingRefused(articleId));
  if (!result.ok) return { message: result.message };
  redirect(`/quan-tri/bai-viet/${articleId}`);
}
