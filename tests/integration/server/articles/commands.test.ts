import { beforeAll, describe, expect, it } from 'vitest';
import { createArticle, saveArticle } from '@/server/articles/commands';
import { approveArticle, publishArticle, returnArticle, submitArticle, unpublishArticle } from '@/server/articles/workflow';
import { findPublicArticle } from '@/server/articles/queries';
import { getDb } from '@/server/db/client';
import { ConflictError, TransitionError, ValidationError } from '@/server/errors';
import { ForbiddenError, type PermissionActor } from '@/server/permissions';

let editor: PermissionActor;
let otherEditor: PermissionActor;
let approver: PermissionActor;

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const fields = (title: string, text = 'Nội dung.') => ({ title, lead: 'Sapo.', body: paragraph(text), tags: ['Chuyển đổi số'] });

beforeAll(async () => {
  const db = getDb();
  const pick = async (email: string) => {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, role: user.role };
  };
  editor = await pick('bientap@demo.local');
  approver = await pick('duyet@demo.local');
  const second = await db.user.create({
    data: { email: 'bientap2@demo.local', name: 'Biên tập hai', role: 'EDITOR', passwordHash: '!' },
  });
  otherEditor = { id: second.id, role: second.role };
});

describe('createArticle', () => {
  it('gives articles created at the same moment with the same title and a new tag each their own address', async () => {
    // Each transaction checks the slug and the tag before any inserts: the database's unique
    // constraints decide, and the loser tries again instead of answering 500.
    const title = 'Bài viết cùng tên tạo đồng thời';
    const created = await Promise.all(
      Array.from({ length: 4 }, () => createArticle(editor, { ...fields(title), tags: ['Chủ đề mới đồng thời'] })),
    );
    expect(new Set(created.map((article) => article.slug)).size).toBe(4);
    expect(await getDb().tag.count({ where: { name: 'Chủ đề mới đồng thời' } })).toBe(1);
  });

  it('creates a draft with a Vietnamese slug, revision 1, tags and an audit event', async () => {
    const created = await createArticle(editor, fields('Đẩy mạnh cải cách thủ tục hành chính năm 2026'));
    expect(created).toMatchObject({ slug: 'day-manh-cai-cach-thu-tuc-hanh-chinh-nam-2026', version: 1, status: 'DRAFT' });
    const db = getDb();
    expect(await db.articleRevision.count({ where: { articleId: created.id } })).toBe(1);
    expect((await db.articleTag.findMany({ where: { articleId: created.id }, include: { tag: true } })).map((t) => t.tag.slug)).toEqual([
      'chuyen-doi-so',
    ]);
    expect(await db.auditEvent.count({ where: { entityId: String(created.id), action: 'article.created' } })).toBe(1);
  });

  it('gives two articles with the same title different slugs', async () => {
    const first = await createArticle(editor, fields('Hội nghị giao ban'));
    const second = await createArticle(editor, fields('Hội nghị giao ban'));
    expect([first.slug, second.slug]).toEqual(['hoi-nghi-giao-ban', 'hoi-nghi-giao-ban-2']);
  });

  it.each([
    ['an empty title', { ...fields(''), title: '   ' }, 'title'],
    ['a 1,000-character title', fields('Tiêu đề '.repeat(125)), 'title'],
    [
      'a javascript: link',
      {
        ...fields('Liên kết xấu'),
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
            },
          ],
        },
      },
      'body',
    ],
    [
      'a data: link',
      {
        ...fields('Liên kết data'),
        body: {
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'data:text/html,x' } }] }] },
          ],
        },
      },
      'body',
    ],
    ['a 5 MB body', { ...fields('Bài quá dài'), body: paragraph('a'.repeat(5_000_000)) }, 'body'],
    [
      'an image that does not exist',
      { ...fields('Ảnh ma'), body: { type: 'doc', content: [{ type: 'image', attrs: { mediaId: 999_999 } }] } },
      'body',
    ],
    ['a bad source URL', { ...fields('Nguồn xấu'), sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
  ])('refuses %s with a Vietnamese message and creates nothing', async (_label, input, field) => {
    const before = await getDb().article.count();
    const error = await createArticle(editor, input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors[field]).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
    expect(await getDb().article.count()).toBe(before);
  });

  it.each([['status'], ['approvedById'], ['version'], ['authorId']])('refuses an extra %s field', async (key) => {
    const error = await createArticle(editor, { ...fields('Trường thừa'), [key]: key === 'status' ? 'PUBLISHED' : 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
  });

  it('refuses a __proto__ key', async () => {
    const input = JSON.parse(`{"title":"Proto","body":{"type":"doc","content":[]},"__proto__":{"status":"PUBLISHED"}}`);
    expect(await createArticle(editor, input).catch((e: unknown) => e)).toBeInstanceOf(ValidationError);
  });
});

describe('saveArticle', () => {
  it('refuses the second of two saves based on the same version and keeps both texts', async () => {
    const created = await createArticle(editor, fields('Bài hai người sửa'));
    await saveArticle(editor, created.id, { ...fields('Bài hai người sửa', 'Bản của người thứ nhất'), expectedVersion: 1 });
    const error = await saveArticle(otherEditor, created.id, {
      ...fields('Bài hai người sửa', 'Bản của người thứ hai'),
      expectedVersion: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ version: number; body: unknown }>).current).toMatchObject({
      version: 2,
      body: paragraph('Bản của người thứ nhất'),
    });
    const stored = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.body).toEqual(paragraph('Bản của người thứ nhất'));
    expect(await getDb().articleRevision.count({ where: { articleId: created.id } })).toBe(2);
  });

  it('lets exactly one of two simultaneous saves win', async () => {
    const created = await createArticle(editor, fields('Lưu đồng thời'));
    const results = await Promise.allSettled([
      saveArticle(editor, created.id, { ...fields('Lưu đồng thời', 'A'), expectedVersion: 1 }),
      saveArticle(otherEditor, created.id, { ...fields('Lưu đồng thời', 'B'), expectedVersion: 1 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(1);
  });

  it('follows the title with the slug before publication and keeps it after', async () => {
    const created = await createArticle(editor, fields('Tên ban đầu'));
    const renamed = await saveArticle(editor, created.id, { ...fields('Tên đã sửa'), expectedVersion: 1 });
    expect(renamed.slug).toBe('ten-da-sua');
    await submitArticle(editor, created.id, { expectedVersion: 2 });
    await approveArticle(approver, created.id, { expectedVersion: 2 });
    await publishArticle(approver, created.id, { expectedVersion: 2 });
    const corrected = await saveArticle(approver, created.id, { ...fields('Tên sau xuất bản'), expectedVersion: 2 });
    expect(corrected.slug).toBe('ten-da-sua');
    expect(corrected.status).toBe('PUBLISHED');
  });

  it('does not let an editor change a published article', async () => {
    const created = await createArticle(editor, fields('Đã xuất bản'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await approveArticle(approver, created.id, { expectedVersion: 1 });
    await publishArticle(approver, created.id, { expectedVersion: 1 });
    expect(await saveArticle(editor, created.id, { ...fields('Sửa lén'), expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('review workflow', () => {
  it('runs draft → submitted → returned with a comment → resubmitted → approved → published', async () => {
    const created = await createArticle(editor, fields('Quy trình duyệt'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await returnArticle(approver, created.id, { expectedVersion: 1, comment: 'Bổ sung nguồn tin.' });
    const returned = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(returned).toMatchObject({ status: 'DRAFT', returnComment: 'Bổ sung nguồn tin.' });
    await saveArticle(editor, created.id, { ...fields('Quy trình duyệt'), sourceOutlet: 'Báo Lai Châu', expectedVersion: 1 });
    await submitArticle(editor, created.id, { expectedVersion: 2 });
    await approveArticle(approver, created.id, { expectedVersion: 2 });
    expect(await findPublicArticle(created.slug)).toBeNull();
    await publishArticle(approver, created.id, { expectedVersion: 2 });
    const published = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
    expect(published).toMatchObject({ status: 'PUBLISHED', approvedVersion: 2, approvedById: approver.id, returnComment: null });
    expect((await findPublicArticle(created.slug))?.kind).toBe('article');
    await unpublishArticle(approver, created.id, { expectedVersion: 2, reason: 'Sai số liệu.' });
    expect(await findPublicArticle(created.slug)).toBeNull();
    const actions = (await getDb().auditEvent.findMany({ where: { entityId: String(created.id) }, orderBy: { id: 'asc' } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual([
      'article.created',
      'article.submitted',
      'article.returned',
      'article.saved',
      'article.submitted',
      'article.approved',
      'article.published',
      'article.unpublished',
    ]);
  });

  it('refuses an editor replaying approve and publish and changes nothing (the audit is runAction’s, see outcome.test.ts)', async () => {
    const created = await createArticle(editor, fields('Tự duyệt'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    expect(await approveArticle(editor, created.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await publishArticle(editor, created.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: created.id } })).status).toBe('SUBMITTED');
  });

  it('refuses approving a version other than the one reviewed (approve racing an edit)', async () => {
    const created = await createArticle(editor, fields('Duyệt bản cũ'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await saveArticle(otherEditor, created.id, { ...fields('Duyệt bản cũ', 'Sửa sau khi gửi'), expectedVersion: 1 });
    expect(await approveArticle(approver, created.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(ConflictError);
  });

  it('sends an edited approved article back for approval', async () => {
    const created = await createArticle(editor, fields('Sửa sau duyệt'));
    await submitArticle(editor, created.id, { expectedVersion: 1 });
    await approveArticle(approver, created.id, { expectedVersion: 1 });
    const edited = await saveArticle(approver, created.id, { ...fields('Sửa sau duyệt', 'Đã sửa'), expectedVersion: 1 });
    expect(edited.status).toBe('SUBMITTED');
  });

  it('refuses steps the status does not allow', async () => {
    const created = await createArticle(editor, fields('Sai bước'));
    expect(await approveArticle(approver, created.id, { expectedVersion: 1 }).catch((e: unknown) => e)).toBeInstanceOf(TransitionError);
    expect(await returnArticle(approver, created.id, { expectedVersion: 1, comment: '' }).catch((e: unknown) => e)).toBeInstanceOf(
      ValidationError,
    );
  });
});
