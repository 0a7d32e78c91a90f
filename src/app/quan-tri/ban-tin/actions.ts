'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { FormState } from '@/components/admin/form-state';
import { createIssue } from '@/server/issues/numbering';
import {
  addArticleToIssue,
  addSection,
  moveArticle,
  moveSection,
  removeArticleFromIssue,
  removeSection,
  renameSection,
} from '@/server/issues/commands';
import { publishIssueNow, scheduleIssue, unpublishIssue } from '@/server/issues/release';
import { ValidationError } from '@/server/errors';
import { runAction } from '@/server/outcome';
import { parseInput, requireId } from '@/server/validation';
import { getIssuePagePlan, type IssuePagePlan } from '@/server/pdf/plan';
import type { Outcome } from '@/lib/outcome';
import { parseVietnameseDateTime } from '@/lib/dates';
import { formFields } from '@/lib/form-data';
import { idField, wholeNumberField } from '@/lib/route-params';
import { COMPOSE_OPS, type ComposeOp } from '@/schemas/issue';
import type { PermissionActor } from '@/server/permissions';

// Server actions are public endpoints: each parses its form strictly, then hands over to the
// domain command, which checks the permission and validates the values (runAction resolves the
// actor and turns refusals into the form's answer).

const LIST = '/quan-tri/ban-tin';

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
  const typed = formFields(formData);
  const values = Object.fromEntries(Object.entries(typed).filter(([key]) => key !== 'publicationId')) as Record<string, string>;
  const outcome = await runAction(
    { attempted: 'issue.create', entity: { type: 'issue' }, done: 'Đã tạo số mới.', values },
    async (actor) => {
      const { publicationId, number, year, ...period } = parseInput(createForm, typed);
      return createIssue(actor, { ...period, publicationId, number: typedNumber(number), year: typedNumber(year) });
    },
  );
  if (!outcome.ok) {
    // The number is taken: said next to "Số", naming the issue that has it.
    return outcome.status === 409 ? { ...outcome, fieldErrors: { number: outcome.message } } : outcome;
  }
  revalidatePath(LIST);
  redirect(`${LIST}/${outcome.data.id}`);
}

// Composing: one action for every change of the layout; `op` names the domain command.
const COMPOSE_COMMANDS: Record<
  ComposeOp,
  { run: (actor: PermissionActor, issueId: number, input: unknown) => Promise<unknown>; done: string }
> = {
  addSection: { run: addSection, done: 'Đã thêm chuyên mục.' },
  renameSection: { run: renameSection, done: 'Đã đổi tên chuyên mục.' },
  moveSection: { run: moveSection, done: 'Đã sắp xếp lại các chuyên mục.' },
  removeSection: { run: removeSection, done: 'Đã xoá chuyên mục.' },
  addArticle: { run: addArticleToIssue, done: 'Đã thêm bài viết vào số.' },
  moveArticle: { run: moveArticle, done: 'Đã sắp xếp lại bài viết.' },
  removeArticle: { run: removeArticleFromIssue, done: 'Đã gỡ bài viết khỏi số.' },
};

const composeForm = z.strictObject({
  op: z.enum(COMPOSE_OPS),
  issueId: idField,
  expectedVersion: idField,
  sectionId: idField.optional(),
  articleId: idField.optional(),
  position: wholeNumberField.optional(),
  title: z.string().optional(),
});

export async function composeIssueAction(formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const op = composeForm.shape.op.safeParse(fields.op);
  const outcome = await runAction(
    {
      attempted: `issue.${op.success ? op.data : 'compose'}`,
      entity: { type: 'issue', id: fields.issueId },
      done: op.success ? COMPOSE_COMMANDS[op.data].done : '',
      values: typeof fields.title === 'string' ? { title: fields.title } : undefined,
    },
    async (actor) => {
      const { op: name, issueId: id, ...input } = parseInput(composeForm, fields);
      // Fields the command does not take are refused by its strict schema.
      await COMPOSE_COMMANDS[name].run(actor, id, Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)));
      return id;
    },
  );
  if (outcome.ok) revalidatePath(`${LIST}/${outcome.data}`);
  return outcome;
}

const releaseForm = z.strictObject({
  intent: z.enum(['schedule', 'publish']),
  issueId: idField,
  expectedVersion: idField,
  publishAt: z.string().optional(),
  acknowledgedWarnings: z.literal('on').optional(),
});

/** "Lên lịch" at the time typed (dd/mm/yyyy hh:mm, Asia/Ho_Chi_Minh) or "Xuất bản" now, from the same form. */
export async function releaseIssueAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const intent = fields.intent === 'publish' ? 'publish' : 'schedule';
  const outcome = await runAction(
    {
      attempted: `issue.${intent}`,
      entity: { type: 'issue', id: fields.issueId },
      done: intent === 'publish' ? 'Đã xuất bản số này.' : 'Đã lên lịch xuất bản.',
      values: { publishAt: typeof fields.publishAt === 'string' ? fields.publishAt : '' },
    },
    async (actor) => {
      const { issueId: id, expectedVersion, publishAt, ...form } = parseInput(releaseForm, fields);
      const acknowledgedWarnings = form.acknowledgedWarnings === 'on';
      if (form.intent === 'publish') return publishIssueNow(actor, id, { expectedVersion, acknowledgedWarnings });
      const instant = parseVietnameseDateTime(publishAt ?? '');
      if (!instant) {
        const message = 'Cần nhập ngày và giờ xuất bản dạng dd/mm/yyyy hh:mm (24 giờ).';
        throw new ValidationError(message, { publishAt: message });
      }
      return scheduleIssue(actor, id, { expectedVersion, publishAt: instant.toISOString(), acknowledgedWarnings });
    },
  );
  if (outcome.ok) {
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${outcome.data.id}`);
  }
  return outcome;
}

const unpublishForm = z.strictObject({ issueId: idField, expectedVersion: idField, reason: z.string() });

export async function unpublishIssueAction(_state: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const outcome = await runAction(
    {
      attempted: 'issue.unpublish',
      entity: { type: 'issue', id: fields.issueId },
      done: 'Số đã trở về nháp; có thể sắp xếp lại và lên lịch lại.',
      values: { reason: typeof fields.reason === 'string' ? fields.reason : '' },
    },
    async (actor) => {
      const { issueId: id, ...input } = parseInput(unpublishForm, fields);
      return unpublishIssue(actor, id, input);
    },
  );
  if (outcome.ok) {
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${outcome.data.id}`);
  }
  return outcome;
}

/**
 * For the composer: the print PDF's page count (and the 64-page limit) and each article's
 * first page, for the issue as it is saved now. Cheap enough to ask after every change: one
 * layout in a PDF worker, remembered by content.
 */
export async function issuePagePlanAction(id: unknown): Promise<Outcome<IssuePagePlan>> {
  return runAction({ attempted: 'issue.pagePlan', entity: { type: 'issue', id }, done: '' }, (actor) =>
    getIssuePagePlan(actor, requireId(id, 'số bản tin')),
  );
}
