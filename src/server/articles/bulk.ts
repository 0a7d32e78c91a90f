import 'server-only';
import { recordRefusal } from '../audit/refusals';
import { getDb } from '../db/client';
import { ConflictError, DomainError, NotFoundError, TransitionError, ValidationError } from '../errors';
import { addArticleToIssue, removeArticleFromIssue } from '../issues/commands';
import type { PermissionActor } from '../permissions';
import { parseInput } from '../validation';
import { saveArticle } from './commands';
import { editorDataOf, getEditableArticle } from './editorial-queries';
import { approveArticle, submitArticle } from './workflow';
import { bulkInputSchema, type BulkItemResult } from '@/schemas/bulk';
import { formatIssueNumber } from '@/lib/text';

// Bulk actions of the article list. Each article goes through the very command a person would
// use on it alone (permission, status, version and lease checks included), in its own
// transaction; one refusal does not stop the others, and every article gets its own answer.
// A refusal is audited like the same refusal one at a time.

type Target = { issueId: number; sectionId: number };

/** "Thêm chủ đề": a save of the working text with one more tag (a live article's goes to its pending revision). */
async function addTag(actor: PermissionActor, id: number, version: number, tag: string): Promise<string> {
  const { draft } = editorDataOf(await getEditableArticle(id));
  if (draft.tags.some((existing) => existing.toLocaleLowerCase('vi') === tag.toLocaleLowerCase('vi'))) return `Đã có chủ đề “${tag}”.`;
  await saveArticle(actor, id, { ...draft, tags: [...draft.tags, tag], expectedVersion: version, mode: 'manual' });
  return `Đã thêm chủ đề “${tag}”.`;
}

/** "Chuyển vào số": out of its current draft issue (if any), into the chosen section. */
async function moveToIssue(actor: PermissionActor, articleId: number, target: Target): Promise<string> {
  const db = getDb();
  const [issue, placement] = await Promise.all([
    db.issue.findUnique({
      where: { id: target.issueId },
      select: { number: true, year: true, status: true, sections: { where: { id: target.sectionId }, select: { title: true } } },
    }),
    db.articlePlacement.findUnique({
      where: { articleId },
      select: { section: { select: { issue: { select: { id: true, version: true, number: true, year: true } } } } },
    }),
  ]);
  const section = issue?.sections[0];
  if (!issue || !section) throw new NotFoundError('Không tìm thấy số hoặc chuyên mục đã chọn.');
  const name = `Số ${formatIssueNumber(issue.number)}/${issue.year}`;
  const from = placement?.section.issue;
  if (from?.id === target.issueId) return `Đã có trong ${name}.`;
  if (issue.status !== 'DRAFT') throw new TransitionError(`${name} đã lên lịch hoặc đã xuất bản nên không thêm bài được.`);
  const add = async () => {
    const { version } = await db.issue.findUniqueOrThrow({ where: { id: target.issueId }, select: { version: true } });
    await addArticleToIssue(actor, target.issueId, { expectedVersion: version, articleId, sectionId: target.sectionId });
  };
  if (!from) {
    await add();
    return `Đã thêm vào ${name}, chuyên mục “${section.title}”.`;
  }
  // Checked before taking it out of its issue, so a refusal leaves it where it was.
  const status = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true } });
  if (status.status !== 'APPROVED' && status.status !== 'PUBLISHED') {
    throw new ValidationError('Chỉ chuyển được bài đã duyệt.', { articleId: 'Bài viết chưa được duyệt.' });
  }
  await removeArticleFromIssue(actor, from.id, { expectedVersion: from.version, articleId });
  await add();
  return `Đã chuyển từ Số ${formatIssueNumber(from.number)}/${from.year} sang ${name}, chuyên mục “${section.title}”.`;
}

const CHANGED = 'Bài viết vừa được người khác sửa sau khi bạn mở danh sách. Tải lại danh sách rồi thử lại.';

const DONE = { submit: 'Đã gửi duyệt.', approve: 'Đã duyệt.' } as const;

export async function runBulkAction(actor: PermissionActor, input: unknown): Promise<BulkItemResult[]> {
  const request = parseInput(bulkInputSchema, input);
  const titles = new Map(
    (
      await getDb().article.findMany({ where: { id: { in: request.items.map((item) => item.id) } }, select: { id: true, title: true } })
    ).map((row) => [row.id, row.title]),
  );
  const results: BulkItemResult[] = [];
  for (const { id, version } of request.items) {
    const title = titles.get(id) ?? `Bài viết #${id}`;
    try {
      let message: string;
      switch (request.action) {
        case 'submit':
        case 'approve':
          await (request.action === 'submit' ? submitArticle : approveArticle)(actor, id, { expectedVersion: version });
          message = DONE[request.action];
          break;
        case 'tag':
          message = await addTag(actor, id, version, request.tag);
          break;
        case 'move':
          message = await moveToIssue(actor, id, request);
      }
      results.push({ id, title, ok: true, message });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await recordRefusal(actor, error, { attempted: `article.bulk.${request.action}`, entityType: 'article', entityId: id });
      results.push({ id, title, ok: false, message: error instanceof ConflictError ? CHANGED : error.message });
    }
  }
  return results;
}

export type MoveTarget = { issueId: number; label: string; sections: { id: number; title: string }[] };

/** Where "Chuyển vào số" can put articles: the issues still being composed, with their sections. */
export async function listMoveTargets(): Promise<MoveTarget[]> {
  const issues = await getDb().issue.findMany({
    where: { status: 'DRAFT' },
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
    select: {
      id: true,
      number: true,
      year: true,
      sections: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, title: true } },
    },
  });
  return issues.map((issue) => ({
    issueId: issue.id,
    label: `Số ${formatIssueNumber(issue.number)}/${issue.year}`,
    sections: issue.sections,
  }));
}
