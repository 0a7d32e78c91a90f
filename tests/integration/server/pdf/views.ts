// Issues built as IssueView objects, for the PDF tests: no database row is needed.
import type { BlockNode, RichDocument } from '@/content/schema';
import type { IssueArticleView, IssueView, MediaInfo, PublicationView } from '@/server/issues/queries';

export const publication: PublicationView = {
  mastheadTitle: 'THÔNG TIN CẢI CÁCH HÀNH CHÍNH',
  agencyName: 'Sở Nội vụ tỉnh Lai Châu',
  creditLabel: 'Biên tập và trình bày',
  creditLine: 'Phòng cải cách hành chính',
  logoMediaId: null,
  pageSize: 'A4',
  columns: 1,
  colophon: { licenceNumber: null, licenceDate: null, printingPlace: null, printRun: null, frequencyText: null, responsiblePerson: null },
};

export const paragraph = (text: string): BlockNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const doc = (...content: BlockNode[]): RichDocument => ({ type: 'doc', content });
export const filler = 'Nội dung về cải cách hành chính, chuyển đổi số và chính quyền địa phương hai cấp. '.repeat(6);

let nextId = 1;
export function article(title: string, body: RichDocument, lead: string | null = null): IssueArticleView {
  const id = nextId++;
  return { id, tocNumber: 0, slug: `bai-${id}`, title, lead, body, source: { authors: null, outlet: 'Báo Lai Châu', url: null }, tags: [] };
}

export function issueView(
  sections: { title: string; articles: IssueArticleView[] }[],
  options: { media?: MediaInfo[]; publication?: Partial<PublicationView> } = {},
): IssueView {
  let tocNumber = 0;
  return {
    id: 9000,
    number: 3,
    year: 2026,
    periodStart: new Date('2026-02-02'),
    periodEnd: new Date('2026-02-15'),
    publishAt: new Date('2026-02-15T01:00:00Z'),
    updatedAt: new Date('2026-02-15T01:00:00Z'),
    publication: { ...publication, ...options.publication },
    sections: sections.map((section, index) => ({
      id: index + 1,
      title: section.title,
      articles: section.articles.map((a) => ({ ...a, tocNumber: ++tocNumber })),
    })),
    media: new Map((options.media ?? []).map((m) => [m.id, m])),
  };
}

/** Short articles, enough to fill `count` entries of the contents. */
export const shortArticles = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    article(`Tin ngắn số ${i + 1} về cải cách thủ tục hành chính ở cơ sở`, doc(paragraph(filler)), 'Tóm tắt tin ngắn.'),
  );
