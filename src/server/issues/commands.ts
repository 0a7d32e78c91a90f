import 'server-only';
import { z } from 'zod';
import { getDb, type Transaction } from '../db/client';
import { assertCan, can, type PermissionActor } from '../permissions';
import { ConflictError, NotFoundError, TransitionError, ValidationError } from '../errors';
import { parseInput } from '../validation';
import { enqueueSideEffects } from '../publishing/outbox';
import { publishLockedIssue } from '../publishing/publish-due';
import { publicIssueWhere } from '../publishing/visibility';
import { ARTICLE_STATUS_LABELS, PreflightError, preflightIssue, type Problem } from './preflight';
import {
  addArticleToIssueSchema,
  addSectionSchema,
  createIssueSchema,
  moveArticleSchema,
  moveSectionSchema,
  publishIssueNowSchema,
  removeArticleFromIssueSchema,
  removeSectionSchema,
  renameSectionSchema,
  scheduleIssueSchema,
  unpublishIssueSchema,
} from '@/schemas/issue';
import { TIME_ZONE, parseCalendarDate } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import { Prisma, type Issue } from '@/generated/prisma/client';
import type { Cadence, IssueStatus } from '@/generated/prisma/enums';

// Every write to an issue: permission, strict input, the issue row locked (FOR UPDATE) and its
// version checked, so of two editors working from the same version the later save is refused,
// then the change, a new version and an audit event, in one transaction.

export type IssueVersion = { id: number; version: number; status: IssueStatus };

const COMPOSE_CONFLICT = 'Số bản tin vừa được người khác sắp xếp lại. Tải lại để xem thứ tự mới; thay đổi của bạn chưa được lưu.';
const STATE_CONFLICT = 'Số bản tin vừa được người khác thay đổi. Tải lại để xem trạng thái mới; thao tác của bạn chưa được thực hiện.';
const NOT_DRAFT = 'Số này đã lên lịch hoặc đã xuất bản nên không sửa được bố cục. Gỡ lịch hoặc gỡ xuất bản trước khi sắp xếp lại.';
const SECTION_NOT_FOUND = 'Không tìm thấy chuyên mục này trong số bản tin.';

export function audit(tx: Transaction, actor: PermissionActor, action: string, issueId: number, data: Prisma.InputJsonObject) {
  return tx.auditEvent.create({ data: { actorId: actor.id, action, entityType: 'issue', entityId: String(issueId), data } });
}

const toVersion = (issue: Issue): IssueVersion => ({ id: issue.id, version: issue.version, status: issue.status });

export async function lockIssue(tx: Transaction, id: number, expectedVersion: number, conflictMessage: string): Promise<Issue> {
  // FOR UPDATE serialises concurrent writers on the row; the version check then decides.
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Issue" WHERE id = ${id} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Không tìm thấy số bản tin.');
  const issue = await tx.issue.findUniqueOrThrow({ where: { id } });
  if (issue.version !== expectedVersion) throw new ConflictError(conflictMessage, { version: issue.version, status: issue.status });
  return issue;
}

/** The new version of the issue with its audit event. */
async function saveVersion(
  tx: Transaction,
  actor: PermissionActor,
  issueId: number,
  action: string,
  data: Prisma.IssueUpdateInput,
  auditData: Prisma.InputJsonObject,
): Promise<IssueVersion> {
  const issue = await tx.issue.update({ where: { id: issueId }, data: { ...data, version: { increment: 1 } } });
  await audit(tx, actor, action, issueId, { version: issue.version, ...auditData });
  return toVersion(issue);
}

// ---------------------------------------------------------------------------------------------
// Numbering

const CADENCE_DAYS: Record<Cadence, number> = { DAILY: 1, WEEKLY: 7, BIWEEKLY: 14 };
const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export type IssueProposal = { number: number; year: number; periodStart: string; periodEnd: string };

/**
 * What the "Số mới" form starts from: the next number of the current year in
 * Asia/Ho_Chi_Minh (1 in January; 31/12 23:30 there is still the old year) and a period of the
 * publication's cadence starting the day after the latest issue's period, or today.
 */
export async function proposeNextIssue(publicationId: number, now = new Date()): Promise<IssueProposal> {
  const db = getDb();
  const publication = await db.publication.findUnique({ where: { id: publicationId }, select: { cadence: true } });
  if (!publication) throw new NotFoundError('Không tìm thấy ấn phẩm.');
  const today = parseCalendarDate(localDate.format(now));
  const year = today.getUTCFullYear();
  const [numbers, previous] = await Promise.all([
    db.issue.aggregate({ where: { publicationId, year }, _max: { number: true } }),
    db.issue.findFirst({ where: { publicationId }, orderBy: [{ periodEnd: 'desc' }, { id: 'desc' }], select: { periodEnd: true } }),
  ]);
  const start = previous ? new Date(previous.periodEnd.getTime() + DAY_MS) : today;
  const end = new Date(start.getTime() + (CADENCE_DAYS[publication.cadence] - 1) * DAY_MS);
  return { number: (numbers._max.number ?? 0) + 1, year, periodStart: isoDate(start), periodEnd: isoDate(end) };
}

/**
 * Creates an issue with the publication's default sections. The unique (publication, year,
 * number) key decides between simultaneous creations: the losers get ConflictError naming the
 * issue that has the number.
 */
export async function createIssue(actor: PermissionActor, input: unknown): Promise<IssueVersion> {
  assertCan(actor, 'issue.compose');
  const fields = parseInput(createIssueSchema, input);
  try {
    return await getDb().$transaction(async (tx) => {
      const publication = await tx.publication.findUnique({
        where: { id: fields.publicationId },
        include: { defaultSections: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
      });
      if (!publication) throw new NotFoundError('Không tìm thấy ấn phẩm.');
      const issue = await tx.issue.create({
        data: {
          publicationId: publication.id,
          number: fields.number,
          year: fields.year,
          periodStart: fields.periodStart,
          periodEnd: fields.periodEnd,
          createdById: actor.id,
          sections: {
            create: publication.defaultSections.map((section, position) => ({
              title: section.title,
              position,
              expectsSource: section.expectsSource,
            })),
          },
        },
      });
      await audit(tx, actor, 'issue.created', issue.id, { version: issue.version, number: issue.number, year: issue.year });
      return toVersion(issue);
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const key = { publicationId: fields.publicationId, year: fields.year, number: fields.number };
    const existing = await getDb().issue.findUnique({
      where: { publicationId_year_number: key },
      select: { id: true, number: true, year: true, status: true, periodStart: true, periodEnd: true },
    });
    throw new ConflictError(`Số ${formatIssueNumber(fields.number)}/${fields.year} đã tồn tại.`, existing);
  }
}

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
  action: string,
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

/** `items` with `item` moved (or inserted) at `position`; past the end means last. */
function placedAt<T>(items: readonly T[], item: T, position: number): T[] {
  const rest = items.filter((other) => other !== item);
  rest.splice(Math.min(position, rest.length), 0, item);
  return rest;
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

// ---------------------------------------------------------------------------------------------
// Scheduling, publishing, unpublishing

type WorkflowAction = 'issue.schedule' | 'issue.publish' | 'issue.unpublish';

async function assertAllowed(actor: PermissionActor, action: WorkflowAction, issueId: number) {
  if (can(actor, action)) return;
  // A refused workflow step is worth knowing about: it is a replayed or forged request.
  await getDb().auditEvent.create({
    data: { actorId: actor.id, action: 'issue.denied', entityType: 'issue', entityId: String(issueId), data: { attempted: action } },
  });
  assertCan(actor, action);
}

const listed = (problems: Problem[]) => problems.map((problem) => problem.message).join(' ');

/** Runs the preflight under the issue's lock: blocking problems refuse, warnings need acknowledging. */
async function assertReady(tx: Transaction, issueId: number, acknowledgedWarnings: boolean, verb: string): Promise<Problem[]> {
  const report = await preflightIssue(issueId, tx);
  if (report.blocking.length) throw new PreflightError(`Chưa thể ${verb} số này: ${listed(report.blocking)}`, report);
  if (report.warnings.length && !acknowledgedWarnings) {
    throw new PreflightError(`Cần xác nhận ${report.warnings.length} cảnh báo trước khi ${verb}: ${listed(report.warnings)}`, report);
  }
  return report.warnings;
}

async function isPublicAt(tx: Transaction, issueId: number, now: Date): Promise<boolean> {
  return (await tx.issue.count({ where: { id: issueId, ...publicIssueWhere(now) } })) > 0;
}

const placedIn = (issueId: number): Prisma.ArticleWhereInput => ({ placement: { section: { issueId } } });

/**
 * Schedules the issue (again) at a future time. It becomes public at that time by the stored
 * publishAt alone; the job then marks it and its articles published.
 */
export async function scheduleIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  await assertAllowed(actor, 'issue.schedule', issueId);
  const { expectedVersion, publishAt, acknowledgedWarnings } = parseInput(scheduleIssueSchema, input);
  const now = new Date();
  if (publishAt <= now) throw new ValidationError('Thời gian xuất bản đã qua.', { publishAt: 'Thời gian xuất bản đã qua.' });
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    // Moving a public issue's time forward would hide it without a reason on record.
    if (issue.status === 'PUBLISHED' || (await isPublicAt(tx, issueId, now))) {
      throw new TransitionError('Số này đã xuất bản. Gỡ xuất bản trước khi lên lịch lại.');
    }
    const warnings = await assertReady(tx, issueId, acknowledgedWarnings, 'lên lịch');
    await tx.article.updateMany({ where: { ...placedIn(issueId), status: 'APPROVED' }, data: { publishAt } });
    return saveVersion(
      tx,
      actor,
      issueId,
      'issue.scheduled',
      { status: 'SCHEDULED', publishAt },
      {
        publishAt: publishAt.toISOString(),
        acknowledgedWarnings: warnings.map((warning) => warning.message),
      },
    );
  });
}

/** Publishes the issue now, through the same step as the scheduled job. */
export async function publishIssueNow(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  await assertAllowed(actor, 'issue.publish', issueId);
  const { expectedVersion, acknowledgedWarnings } = parseInput(publishIssueNowSchema, input);
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    if (issue.status === 'PUBLISHED') throw new TransitionError('Số này đã được xuất bản.');
    const warnings = await assertReady(tx, issueId, acknowledgedWarnings, 'xuất bản');
    const now = new Date();
    // A scheduled issue already past its time has been public since then and keeps that time.
    const publishAt = issue.status === 'SCHEDULED' && issue.publishAt && issue.publishAt <= now ? issue.publishAt : now;
    const updated = await tx.issue.update({ where: { id: issueId }, data: { publishAt, version: { increment: 1 } } });
    await publishLockedIssue(tx, { id: issueId, publishAt }, now, actor.id, {
      version: updated.version,
      acknowledgedWarnings: warnings.map((warning) => warning.message),
    });
    return { id: issueId, version: updated.version, status: 'PUBLISHED' };
  });
}

/**
 * Takes a scheduled or published issue back to draft, with the reason on record. Its articles
 * stay in it, approved and without a publish time, ready to be scheduled again.
 */
export async function unpublishIssue(actor: PermissionActor, issueId: number, input: unknown): Promise<IssueVersion> {
  await assertAllowed(actor, 'issue.unpublish', issueId);
  const { expectedVersion, reason } = parseInput(unpublishIssueSchema, input);
  return getDb().$transaction(async (tx) => {
    const issue = await lockIssue(tx, issueId, expectedVersion, STATE_CONFLICT);
    if (issue.status === 'DRAFT') throw new TransitionError('Số này chưa lên lịch hay xuất bản.');
    await tx.article.updateMany({ where: { ...placedIn(issueId), status: 'PUBLISHED' }, data: { status: 'APPROVED' } });
    await tx.article.updateMany({ where: placedIn(issueId), data: { publishAt: null } });
    await enqueueSideEffects(tx, 'issue.unpublished', issueId);
    return saveVersion(
      tx,
      actor,
      issueId,
      'issue.unpublished',
      { status: 'DRAFT', publishAt: null },
      { reason, statusBefore: issue.status },
    );
  });
}
