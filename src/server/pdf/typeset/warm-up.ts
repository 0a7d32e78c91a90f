// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import type { BlockNode } from '@/content/schema';
import type { IssueView } from '@/server/issues/queries';
import type { TypesetJob } from './typeset';

/** A 1 × 1 white JPEG: stands in for images where only their size matters. */
export const PLACEHOLDER_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAf/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAAD//Z',
  'base64',
);

// The words an administrative bulletin uses most: shaped once here, they are cached before
// the first real render.
const SAMPLE =
  'Thực hiện Nghị quyết của Chính phủ về cải cách hành chính, Ủy ban nhân dân tỉnh Lai Châu chỉ đạo các sở, ban, ngành ' +
  'và chính quyền địa phương hai cấp đẩy mạnh chuyển đổi số, giải quyết thủ tục hành chính trực tuyến toàn trình; ' +
  'công chức, viên chức được bố trí theo vị trí việc làm. Trung tâm Phục vụ hành chính công tiếp nhận hồ sơ của người dân, ' +
  'doanh nghiệp đúng hạn, đạt tỷ lệ hài lòng cao. Bộ Nội vụ hướng dẫn sắp xếp thôn, bản, tổ dân phố năm 2025.';

const paragraph = (text: string): BlockNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/** A small issue that goes through every part of the pipeline once. */
export function warmUpJob(): TypesetJob {
  const body: BlockNode[] = [
    paragraph(SAMPLE),
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kết quả thực hiện' }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(SAMPLE)] }] },
    { type: 'image', attrs: { mediaId: 1, caption: 'Quang cảnh hội nghị', credit: 'Ảnh: Báo Lai Châu' } },
    { type: 'blockquote', content: [paragraph(SAMPLE)] },
    paragraph(SAMPLE),
  ];
  const issue: IssueView = {
    id: 0,
    number: 1,
    year: 2025,
    periodStart: new Date('2025-01-01'),
    periodEnd: new Date('2025-01-14'),
    publishAt: null,
    updatedAt: new Date('2025-01-14'),
    publication: {
      mastheadTitle: 'THÔNG TIN CẢI CÁCH HÀNH CHÍNH',
      agencyName: 'Sở Nội vụ',
      creditLabel: 'Biên tập và trình bày',
      creditLine: 'Phòng cải cách hành chính',
      logoMediaId: null,
      pageSize: 'A4',
      columns: 1,
      colophon: {
        licenceNumber: null,
        licenceDate: null,
        printingPlace: 'Sở Nội vụ',
        printRun: null,
        frequencyText: null,
        responsiblePerson: null,
      },
    },
    sections: [
      {
        id: 1,
        title: 'Thông tin CCHC của tỉnh',
        articles: [
          {
            id: 1,
            tocNumber: 1,
            slug: 'mau',
            title: 'Đẩy mạnh cải cách hành chính',
            lead: SAMPLE,
            body: { type: 'doc', content: body },
            source: { authors: null, outlet: 'Báo Lai Châu', url: null },
            tags: [],
          },
        ],
      },
    ],
    media: new Map([[1, { id: 1, width: 1600, height: 1000, storageKey: 'mau', sha256: 'mau' }]]),
  };
  return { issue, images: new Map([[1, PLACEHOLDER_JPEG]]), baseUrl: 'http://localhost', preview: true, creationDate: issue.updatedAt };
}
