import 'server-only';
import { z } from 'zod';
import type { AuditAction } from '../audit';
import { getDb, type Transaction } from '../db/client';
import { assertCan, type PermissionActor } from '../permissions';
import { NotFoundError, TransitionError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { ARTICLE_STATUS_LABELS } from './preflight';
import { lockIssue, saveVersion, type IssueVersion } from './versioning';
import {
  addArticleToIssueSchema,
  addSectionSchema,
  moveArticleSchema,
  moveSectionSchema,
  removeArticleFromIssueSchema,
  removeSectionSchema,
  renameSectionSchema,
} from '@/schemas/issue';
import { placedAt } from '@/lib/placement';
import { formatIssueNumber } from '@/lib/text';
import { Prisma, type Issue } from '@/generated/prisma/client';

// Composing an issue: its sections and the articles in them. Numbering is in ./numbering.ts,
// scheduling and publishing in ./release.ts.

export type { IssueVersion };

const COMPOSE_CONFLICT = 'Số bản tin vừa được người khác sắp xếp lại. Tải lại để xem thứ tự mới; thay đổi của bạn chưa được lưu.';
const NOT_DRAFT = 'Số này đã lên lịch hoặc đã xuất bản nên không sửa được bố cục. Gỡ lịch hoặc gỡ xuất bản trước khi sắp xếp lại.';
const SECTION_NOT_FOUND = 'Không tìm thấy chuyên mục này trong số bản tin.';

// ---------------------------------------------------------------------------------------------
// Composing: sections and the articles in them

/**
 * One composing change of a draft issue. `change` returns what the audit event records.
 */
async function compose<S extends z.ZodType<{ expectedVersion: number }>>(
  actor: PermissionActor,
  issueId: number,
  schema: S,
  input: unknown,
  action: AuditAction,
  change: (tx: Transaction, issue: Issue, fields: z.output<S>) => Promise<Prisma.InputJsonObject>,
): Promise<IssueVersion> {
  assertCan(actor, 'issue.compose');
  const fields = parseInput(schema, input);
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, fields.expectedVersion, COMPOSE_CONFLICT);
    // A scheduled or public issue keeps what the approver checked; unscheduling comes first.
    if (issue.status !== 'DRAFT') throw new TransitionError(NOT_DRAFT);
    const details = await change(tx, issue, fields);
    return saveVersion(tx, actor, issueId, action, {}, details);
  });
}

function sectionsOf(tx: Transaction, issueId: number) {
  return tx.issueSection.findMany({
    where: { issueId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    include: { _count: { select: { placements: true } } },
  });
}

function placementsOf(tx: Transaction, sectionId: number) {
  return tx.articlePlacement.findMany({ where: { sectionId }, orderBy: [{ position: 'asc' }, { articleId: 'asc' }] });
}

function sectionIn<T extends { id: number }>(sections: readonly T[], sectionId: number): T {
  const section = sections.find((candidate) => candidate.id === sectionId);
  if (!section) throw new NotFoundError(SECTION_NOT_FOUND);
  return section;
}

/** Positions 0..n-1 in the given order; only rows whose position changes are written. */
async function writeOrder<T extends { position: number }>(ordered: readonly T[], save: (item: T, position: number) => Promise<unknown>) {
  for (const [position, item] of ordered.entries()) {
    if (item.position !== position) await save(item, position);
  }
}

const saveSectionOrder = (tx: Transaction, sections: readonly { id: number; position: number }[]) =>
  writeOrder(sections, (section, position) => tx.issueSection.update({ where: { id: section.id }, data: { position } }));

const savePlacementOrder = (tx: Transaction, placements: readonly { articleId: number; position: number }[]) =>
  writeOrder(placements, (placement, position) =>
    tx.articlePlacement.update({ where: { articleId: placement.articleId }, data: { position } }),
  );

/** Adds a section at the end of the issue. */
export function addSection(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, addSectionSchema, input, 'issue.section.added', async (tx, issue, { title, expectsSource }) => {
    const sections = await sectionsOf(tx, issue.id);
    const section = await tx.issueSection.create({ data: { issueId: issue.id, title, expectsSource, position: sections.length } });
    await saveSectionOrder(tx, [...sections, section]);
    return { sectionId: section.id, title };
  });
}

export function renameSection(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, renameSectionSchema, input, 'issue.section.renamed', async (tx, issue, { sectionId, title }) => {
    const section = sectionIn(await sectionsOf(tx, issue.id), sectionId);
    await tx.issueSection.update({ where: { id: sectionId }, data: { title } });
    return { sectionId, from: section.title, to: title };
  });
}

export function moveSection(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, moveSectionSchema, input, 'issue.section.moved', async (tx, issue, { sectionId, position }) => {
    const sections = await sectionsOf(tx, issue.id);
    await saveSectionOrder(tx, placedAt(sections, sectionIn(sections, sectionId), position));
    return { sectionId, position };
  });
}

/** Removes a section that has no article left. */
export function removeSection(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, removeSectionSchema, input, 'issue.section.removed', async (tx, issue, { sectionId }) => {
    const sections = await sectionsOf(tx, issue.id);
    const section = sectionIn(sections, sectionId);
    if (section._count.placements > 0) {
      throw new ValidationError(
        `Chuyên mục còn bài viết (“${section.title}” có ${section._count.placements} bài). Hãy chuyển hoặc gỡ các bài đó trước khi xoá chuyên mục.`,
        { sectionId: 'Chuyên mục còn bài viết.' },
      );
    }
    await tx.issueSection.delete({ where: { id: sectionId } });
    await saveSectionOrder(
      tx,
      sections.filter((other) => other !== section),
    );
    return { sectionId, title: section.title };
  });
}

/** Adds an approved or published article to a section (at `position`, or last). */
export function addArticleToIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(
    actor,
    issueId,
    addArticleToIssueSchema,
    input,
    'issue.article.added',
    async (tx, issue, { articleId, sectionId, position }) => {
      sectionIn(await sectionsOf(tx, issue.id), sectionId);
      // Locks the article too: its status and placement cannot change until this commits, and
      // a simultaneous addition to another issue waits and then sees this one.
      const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Article" WHERE id = ${articleId} FOR UPDATE`;
      if (rows.length === 0) throw new NotFoundError('Không tìm thấy bài viết.');
      const article = await tx.article.findUniqueOrThrow({
        where: { id: articleId },
        select: {
          title: true,
          status: true,
          placement: { select: { section: { select: { issue: { select: { id: true, number: true, year: true } } } } } },
        },
      });
      if (article.status !== 'APPROVED' && article.status !== 'PUBLISHED') {
        throw new ValidationError(
          `Chỉ thêm được bài đã duyệt. Bài “${article.title}” đang ở trạng thái “${ARTICLE_STATUS_LABELS[article.status]}”.`,
          { articleId: 'Bài viết chưa được duyệt.' },
        );
      }
      const current = article.placement?.section.issue;
      if (current) {
        const message =
          current.id === issue.id
            ? `Bài “${article.title}” đã có trong số này.`
            : `Bài “${article.title}” đang nằm trong Số ${formatIssueNumber(current.number)}/${current.year}. Hãy gỡ bài khỏi số đó trước khi thêm vào số này.`;
        throw new ValidationError(message, { articleId: message });
      }
      const placements = await placementsOf(tx, sectionId);
      const placement = await tx.articlePlacement.create({ data: { articleId, sectionId, position: placements.length } });
      await savePlacementOrder(tx, placedAt(placements, placement, position ?? placements.length));
      return { articleId, sectionId, position: Math.min(position ?? placements.length, placements.length) };
    },
  );
}

/** Moves an article of the issue to a section (the same or another) and a position in it. */
export function moveArticle(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, moveArticleSchema, input, 'issue.article.moved', async (tx, issue, { articleId, sectionId, position }) => {
    sectionIn(await sectionsOf(tx, issue.id), sectionId);
    const placement = await placementIn(tx, issue.id, articleId);
    if (placement.sectionId !== sectionId) {
      await tx.articlePlacement.update({ where: { articleId }, data: { sectionId } });
      await savePlacementOrder(tx, await placementsOf(tx, placement.sectionId));
    }
    const target = await placementsOf(tx, sectionId);
    const moved = target.find((candidate) => candidate.articleId === articleId)!;
    await savePlacementOrder(tx, placedAt(target, moved, position));
    return { articleId, fromSectionId: placement.sectionId, toSectionId: sectionId, position: Math.min(position, target.length - 1) };
  });
}

/** Takes an article out of the issue; the article itself is unchanged. */
export function removeArticleFromIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  return compose(actor, issueId, removeArticleFromIssueSchema, input, 'issue.article.removed', async (tx, issue, { articleId }) => {
    const placement = await placementIn(tx, issue.id, articleId);
    await tx.articlePlacement.delete({ where: { articleId } });
    await savePlacementOrder(tx, await placementsOf(tx, placement.sectionId));
    return { articleId, sectionId: placement.sectionId };
  });
}

async function placementIn(tx: Transaction, issueId: number, articleId: number) {
  const placement = await tx.articlePlacement.findUnique({ where: { articleId }, include: { section: { select: { issueId: true } } } });
  if (!placement || placement.section.issueId !== issueId) throw new NotFoundError('Bài viết này không nằm trong số bản tin.');
  return placement;
}
