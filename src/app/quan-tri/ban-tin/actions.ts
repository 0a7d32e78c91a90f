'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/server/auth/session';
import { ConflictError } from '@/server/errors';
import {
  addArticleToIssue,
  addSection,
  createIssue,
  moveArticle,
  moveSection,
  publishIssueNow,
  removeArticleFromIssue,
  removeSection,
  renameSection,
  scheduleIssue,
  unpublishIssue,
} from '@/server/issues/commands';
import { parseVietnamDateTimeLocal } from '@/lib/dates';
import { formFields } from '@/lib/form-data';
import { INVALID_FORM, refusal, type FormState } from './form-state';

// Server actions are public endpoints: each parses its form strictly, then hands over to the
// domain command, which re-reads the actor, checks the permission and validates the values.

const LIST = '/quan-tri/ban-tin';
const idField = z
  .string()
  .regex(/^\d{1,9}$/)
  .transform(Number);

/** A number as typed; blank is "missing", and what is not a whole number is refused by the domain schema with its message. */
const typedNumber = (value: string) => (value.trim() === '' ? undefined : Number(value));

const createForm = z.strictObject({
  publicationId: idField,
  number: z.string(),
  year: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
});

export async function createIssueAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = createForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { publicationId, ...values } = parsed.data;
  let id: number;
  try {
    const input = { ...values, publicationId, number: typedNumber(values.number), year: typedNumber(values.year) };
    ({ id } = await createIssue(await requireActor(), input));
  } catch (error) {
    // The number is taken: said next to "Số", naming the issue that has it.
    if (error instanceof ConflictError) return { ok: false, message: error.message, fieldErrors: { number: error.message }, values };
    return refusal(error, values);
  }
  revalidatePath(LIST);
  redirect(`${LIST}/${id}`);
}

// Composing: one action for every change of the layout; `op` names the domain command.
const COMPOSE_COMMANDS = {
  addSection: { run: addSection, done: 'Đã thêm chuyên mục.' },
  renameSection: { run: renameSection, done: 'Đã đổi tên chuyên mục.' },
  moveSection: { run: moveSection, done: 'Đã sắp xếp lại các chuyên mục.' },
  removeSection: { run: removeSection, done: 'Đã xoá chuyên mục.' },
  addArticle: { run: addArticleToIssue, done: 'Đã thêm bài viết vào số.' },
  moveArticle: { run: moveArticle, done: 'Đã sắp xếp lại bài viết.' },
  removeArticle: { run: removeArticleFromIssue, done: 'Đã gỡ bài viết khỏi số.' },
} as const;

export type ComposeOp = keyof typeof COMPOSE_COMMANDS;

const composeForm = z.strictObject({
  op: z.enum(Object.keys(COMPOSE_COMMANDS) as [ComposeOp, ...ComposeOp[]]),
  issueId: idField,
  expectedVersion: idField,
  sectionId: idField.optional(),
  articleId: idField.optional(),
  position: idField.optional(),
  title: z.string().optional(),
});

export async function composeIssueAction(formData: FormData): Promise<FormState> {
  const parsed = composeForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { op, issueId, ...input } = parsed.data;
  const command = COMPOSE_COMMANDS[op];
  try {
    // Fields the command does not take are refused by its strict schema.
    await command.run(await requireActor(), issueId, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
  } catch (error) {
    return refusal(error);
  }
  revalidatePath(`${LIST}/${issueId}`);
  return { ok: true, message: command.done };
}

const releaseForm = z.strictObject({
  intent: z.enum(['schedule', 'publish']),
  issueId: idField,
  expectedVersion: idField,
  publishAt: z.string().optional(),
  acknowledgedWarnings: z.literal('on').optional(),
});

/** "Lên lịch" at the time typed (Asia/Ho_Chi_Minh) or "Xuất bản" now, from the same form. */
export async function releaseIssueAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = releaseForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { intent, issueId, expectedVersion, publishAt } = parsed.data;
  const acknowledgedWarnings = parsed.data.acknowledgedWarnings === 'on';
  const values = { publishAt: publishAt ?? '' };
  try {
    const actor = await requireActor();
    if (intent === 'publish') await publishIssueNow(actor, issueId, { expectedVersion, acknowledgedWarnings });
    else {
      let instant: Date;
      try {
        instant = parseVietnamDateTimeLocal(publishAt ?? '');
      } catch {
        const message = 'Cần nhập ngày và giờ xuất bản.';
        return { ok: false, message, fieldErrors: { publishAt: message }, values };
      }
      await scheduleIssue(actor, issueId, { expectedVersion, publishAt: instant.toISOString(), acknowledgedWarnings });
    }
  } catch (error) {
    return refusal(error, values);
  }
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${issueId}`);
  return { ok: true, message: intent === 'publish' ? 'Đã xuất bản số này.' : 'Đã lên lịch xuất bản.' };
}

const unpublishForm = z.strictObject({ issueId: idField, expectedVersion: idField, reason: z.string() });

export async function unpublishIssueAction(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = unpublishForm.safeParse(formFields(formData));
  if (!parsed.success) return INVALID_FORM;
  const { issueId, ...input } = parsed.data;
  try {
    await unpublishIssue(await requireActor(), issueId, input);
  } catch (error) {
    return refusal(error, { reason: input.reason });
  }
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${issueId}`);
  return { ok: true, message: 'Số đã trở về nháp; có thể sắp xếp lại và lên lịch lại.' };
}
