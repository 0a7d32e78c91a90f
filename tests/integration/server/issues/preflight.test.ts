import { beforeAll, describe, expect, it } from 'vitest';
import { minPrintWidthPx, preflightIssue, type Problem } from '@/server/issues/preflight';
import { returnArticle } from '@/server/articles/workflow';
import { getDb } from '@/server/db/client';
import type { PermissionActor } from '@/server/permissions';
import {
  approvedArticles,
  createDraftIssue,
  createMedia,
  createPublication,
  placeArticles,
  type TestIssue,
} from '../../../factories/issues';
import { actorFor } from '../../../factories/users';

let editor: PermissionActor;
let approver: PermissionActor;
let publicationId: number;

beforeAll(async () => {
  editor = await actorFor('bientap@demo.local');
  approver = await actorFor('duyet@demo.local');
  publicationId = (await createPublication()).id;
});

const codes = (problems: Problem[]) => problems.map((problem) => problem.code);

/** A draft issue with the given articles in the second section (the one expecting no source). */
async function issueWith(titles: string[], options: { publicationId?: number } = {}): Promise<TestIssue & { articleIds: number[] }> {
  const issue = await createDraftIssue(editor, options.publicationId ?? publicationId);
  const articles = await approvedArticles(titles);
  const placed = await placeArticles(
    editor,
    issue,
    issue.sections[1]!.id,
    articles.map((a) => a.id),
  );
  return { ...issue, ...placed, articleIds: articles.map((a) => a.id) };
}

/** Fills both sections so that only the problem under test shows. */
async function fillFirstSection(issue: TestIssue) {
  const [article] = await approvedArticles([`Bài nguồn ${issue.id}`]);
  return placeArticles(editor, issue, issue.sections[0]!.id, [article!.id]);
}

function imageBody(...images: { mediaId: number; caption?: string | null; alt?: string | null }[]) {
  return {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Đoạn mở đầu.' }] },
      // The first at the top level, the others inside quotes: the walker finds nested images too.
      ...images.map((attrs, i) => {
        const image = { type: 'image', attrs: { credit: 'Ảnh: VGP', ...attrs } };
        return i === 0 ? image : { type: 'blockquote', content: [image] };
      }),
    ],
  };
}

describe('preflightIssue', () => {
  it('finds nothing to say about a complete issue', async () => {
    const issue = await issueWith(['Hoàn chỉnh một']);
    await fillFirstSection(issue);
    expect(await preflightIssue(issue.id)).toEqual({ blocking: [], warnings: [] });
  });

  it('blocks an issue without any article and warns about each empty section', async () => {
    const issue = await createDraftIssue(editor, publicationId);
    const report = await preflightIssue(issue.id);
    expect(report.blocking).toEqual([{ code: 'NO_ARTICLES', message: 'Số này chưa có bài viết nào.' }]);
    expect(report.warnings).toEqual([
      { code: 'EMPTY_SECTION', sectionId: issue.sections[0]!.id, message: 'Chuyên mục “Thông tin CCHC của Trung ương” chưa có bài viết.' },
      { code: 'EMPTY_SECTION', sectionId: issue.sections[1]!.id, message: 'Chuyên mục “Thông tin CCHC của tỉnh” chưa có bài viết.' },
    ]);
  });

  it('blocks an article that is no longer approved, naming it and its status', async () => {
    const issue = await issueWith(['Bài bị trả', 'Bài ổn định']);
    await fillFirstSection(issue);
    await returnArticle(approver, issue.articleIds[0]!, { expectedVersion: 1, comment: 'Sửa lại.' });
    const report = await preflightIssue(issue.id);
    expect(report.blocking).toEqual([
      {
        code: 'ARTICLE_NOT_APPROVED',
        articleId: issue.articleIds[0],
        sectionId: issue.sections[1]!.id,
        message: 'Bài “Bài bị trả” chưa được duyệt (đang ở trạng thái “Nháp”).',
      },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('blocks an article whose stored body no longer passes the schema', async () => {
    const issue = await issueWith(['Nội dung hỏng']);
    await fillFirstSection(issue);
    await getDb().article.update({ where: { id: issue.articleIds[0]! }, data: { body: { type: 'doc', content: [{ type: 'script' }] } } });
    expect(codes((await preflightIssue(issue.id)).blocking)).toEqual(['ARTICLE_INVALID_BODY']);
  });

  it('warns about images without caption or alt text', async () => {
    const issue = await issueWith(['Bài có ảnh']);
    await fillFirstSection(issue);
    const wide = await createMedia(2000);
    await getDb().article.update({
      where: { id: issue.articleIds[0]! },
      data: {
        body: imageBody(
          { mediaId: wide.id, caption: 'Quang cảnh hội nghị', alt: 'Hội trường đông người' },
          { mediaId: wide.id, caption: '  ', alt: null },
          { mediaId: wide.id, caption: 'Có chú thích' },
        ),
      },
    });
    const report = await preflightIssue(issue.id);
    expect(report.blocking).toEqual([]);
    expect(report.warnings).toEqual([
      {
        code: 'IMAGE_MISSING_TEXT',
        articleId: issue.articleIds[0],
        mediaId: wide.id,
        message: 'Ảnh 2 trong bài “Bài có ảnh” thiếu chú thích và văn bản thay thế.',
      },
      {
        code: 'IMAGE_MISSING_TEXT',
        articleId: issue.articleIds[0],
        mediaId: wide.id,
        message: 'Ảnh 3 trong bài “Bài có ảnh” thiếu văn bản thay thế.',
      },
    ]);
  });

  it('warns about images under 150 dpi at the printed column width of the page size', async () => {
    expect(minPrintWidthPx('A4')).toBe(1004);
    expect(minPrintWidthPx('B5_19X27')).toBe(922);
    const b5 = await createPublication({ pageSize: 'B5_19X27' });
    const [small, enoughForB5, enoughForA4] = [await createMedia(800), await createMedia(950), await createMedia(1004)];
    const body = imageBody(
      { mediaId: small.id, caption: 'Nhỏ', alt: 'Nhỏ' },
      { mediaId: enoughForB5.id, caption: 'Vừa', alt: 'Vừa' },
      { mediaId: enoughForA4.id, caption: 'Lớn', alt: 'Lớn' },
    );
    const lowResolution = async (pubId: number) => {
      const issue = await issueWith([`Ảnh in ${pubId}`], { publicationId: pubId });
      await fillFirstSection(issue);
      await getDb().article.update({ where: { id: issue.articleIds[0]! }, data: { body } });
      return (await preflightIssue(issue.id)).warnings;
    };
    const onA4 = await lowResolution(publicationId);
    expect(onA4.map((w) => w.mediaId)).toEqual([small.id, enoughForB5.id]);
    expect(onA4[0]).toMatchObject({
      code: 'IMAGE_LOW_RESOLUTION',
      message: 'Ảnh 1 trong bài “Ảnh in ' + publicationId + '” chỉ rộng 800 px, dưới 150 dpi khi in rộng 17 cm (cần ít nhất 1004 px).',
    });
    const onB5 = await lowResolution(b5.id);
    expect(onB5.map((w) => w.mediaId)).toEqual([small.id]);
    expect(onB5[0]!.message).toContain('khi in rộng 15,6 cm (cần ít nhất 922 px)');
  });

  it('warns about an article without a source only in a section that expects one', async () => {
    const issue = await issueWith(['Không nguồn ở tỉnh']);
    const [central] = await approvedArticles(['Không nguồn ở trung ương']);
    await getDb().article.updateMany({
      where: { id: { in: [central!.id, issue.articleIds[0]!] } },
      data: { sourceAuthors: null, sourceOutlet: null, sourceUrl: null },
    });
    await placeArticles(editor, issue, issue.sections[0]!.id, [central!.id]);
    expect((await preflightIssue(issue.id)).warnings).toEqual([
      {
        code: 'MISSING_SOURCE',
        articleId: central!.id,
        sectionId: issue.sections[0]!.id,
        message:
          'Bài “Không nguồn ở trung ương” chưa ghi nguồn (tác giả, tên nguồn hoặc đường dẫn) mà chuyên mục “Thông tin CCHC của Trung ương” cần nguồn.',
      },
    ]);
    await getDb().article.update({ where: { id: central!.id }, data: { sourceAuthors: 'Thu Giang' } });
    expect((await preflightIssue(issue.id)).warnings).toEqual([]);
  });

  it('warns about duplicate titles, whatever their case and spacing', async () => {
    const issue = await issueWith(['Hội nghị giao ban', 'Bài khác', 'HỘI NGHỊ  giao ban ']);
    await fillFirstSection(issue);
    const report = await preflightIssue(issue.id);
    expect(report.warnings).toEqual([
      {
        code: 'DUPLICATE_TITLE',
        articleId: issue.articleIds[2],
        sectionId: issue.sections[1]!.id,
        message: 'Bài 4 “HỘI NGHỊ  giao ban ” trùng tiêu đề với bài 2 trong số này.',
      },
    ]);
  });

  it('warns about a period that overlaps another issue of the publication only', async () => {
    const first = await createDraftIssue(editor, publicationId, { periodStart: '2045-03-01', periodEnd: '2045-03-14' });
    await createDraftIssue(editor, (await createPublication()).id, { periodStart: '2045-03-10', periodEnd: '2045-03-20' });
    const second = await createDraftIssue(editor, publicationId, { periodStart: '2045-03-14', periodEnd: '2045-03-27' });
    const [article] = await approvedArticles(['Kỳ trùng']);
    const placed = await placeArticles(editor, second, second.sections[1]!.id, [article!.id]);
    await fillFirstSection({ ...second, ...placed });
    expect((await preflightIssue(second.id)).warnings).toEqual([
      {
        code: 'PERIOD_OVERLAP',
        message: `Kỳ 14–27/03/2045 trùng với Số ${String(first.number).padStart(2, '0')}/2040 (01–14/03/2045).`,
      },
    ]);
  });
});
