import 'server-only';
import { recordAudit } from '../audit';
import { getDb } from '../db/client';
import { isUniqueViolation } from '../db/unique';
import { assertCan, type PermissionActor } from '../permissions';
import { ConflictError, NotFoundError } from '../errors';
import { parseInput } from '../validation';
import { toVersion, type IssueVersion } from './versioning';
import { createIssueSchema } from '@/schemas/issue';
import { TIME_ZONE, parseCalendarDate } from '@/lib/dates';
import { formatIssueNumber } from '@/lib/text';
import type { Cadence } from '@/generated/prisma/enums';

// A new issue: the proposal the "Số mới" form starts from, and its creation with the
// publication's default sections under the unique (publication, year, number) key.

const CADENCE_DAYS: Record<Cadence, number> = { DAILY: 1, WEEKLY: 7, BIWEEKLY: 14 };
const DAY_MS = 86_400_000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const localDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export type IssueProposal = { number: number; year: number; periodStart: string; periodEnd: string };

/**
 * What the "Số mới" form starts from: a period of the publication's cadence continuing the
 * latest issue's periods, moved forward by whole periods until it reaches today in
 * Asia/Ho_Chi_Minh (a gap of months does not propose a stale period), and the next number
 * of the year that period starts in (1 in January; 31/12 23:30 there is still the old year).
 */
export async function proposeNextIssue(publicationId: number, now = new Date()): Promise<IssueProposal> {
  const db = getDb();
  const publication = await db.publication.findUnique({ where: { id: publicationId }, select: { cadence: true } });
  if (!publication) throw new NotFoundError('Không tìm thấy ấn phẩm.');
  const today = parseCalendarDate(localDate.format(now));
  const previous = await db.issue.findFirst({
    where: { publicationId },
    orderBy: [{ periodEnd: 'desc' }, { id: 'desc' }],
    select: { periodEnd: true },
  });
  const length = CADENCE_DAYS[publication.cadence] * DAY_MS;
  let start = previous ? new Date(previous.periodEnd.getTime() + DAY_MS) : today;
  if (start < today) start = new Date(start.getTime() + Math.floor((today.getTime() - start.getTime()) / length) * length);
  const end = new Date(start.getTime() + length - DAY_MS);
  // The year the issue comes out in: today's, unless the whole period is still ahead.
  const year = (start > today ? start : today).getUTCFullYear();
  const numbers = await db.issue.aggregate({ where: { publicationId, year }, _max: { number: true } });
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
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'issue.created',
        entityType: 'issue',
        entityId: issue.id,
        data: { version: issue.version, number: issue.number, year: issue.year },
      });
      return toVersion(issue);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const key = { publicationId: fields.publicationId, year: fields.year, number: fields.number };
    const existing = await getDb().issue.findUnique({
      where: { publicationId_year_number: key },
      select: { id: true, number: true, year: true, status: true, periodStart: true, periodEnd: true },
    });
    throw new ConflictError(`Số ${formatIssueNumber(fields.number)}/${fields.year} đã tồn tại.`, existing);
  }
}
