// Runs inside the PDF worker thread (see worker.ts): no `server-only`, no database, no env.
import { Document } from '@react-pdf/renderer';
import type { IssueView } from '@/server/issues/queries';
import { formatPeriod } from '@/lib/dates';
import { cleanText, formatIssueNumber } from '@/lib/text';
import { ChromePage, type PageFrame } from './chrome';
import { CoverFlow, type Contents } from './cover';
import { anchorArticle, line, SectionFlow } from './document';
import { layOut, renderPages, type LaidNode } from './engine';
import type { RichTextContext } from './rich-text';
import { pageGeometry, type PageGeometry } from './geometry';

export type TypesetJob = {
  issue: IssueView;
  /** Print JPEGs by media id, sized for the column; absent = missing from storage. */
  images: ReadonlyMap<number, Buffer>;
  baseUrl: string;
  /** "BẢN XEM TRƯỚC" on every page. */
  preview: boolean;
  creationDate: Date;
};

/** Where every article starts, for the contents and for the composer. */
export type PagePlan = { pageCount: number; articles: { articleId: number; page: number }[] };

/** A printed page: its frame and, in order, the flow pages set in its columns. */
type Sheet = { frame: PageFrame; columns: LaidNode[]; left: number[]; top: number };

const sectionsOf = (issue: IssueView) => issue.sections.filter((section) => section.articles.length > 0);

function walk(node: LaidNode, visit: (node: LaidNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/**
 * Every flow laid out once: the cover at the width of the page's text, each section cut into
 * column-sized pages. Nothing depends on page numbers, so one layout is enough.
 */
async function layOutFlows(job: TypesetJob, geometry: PageGeometry, context: RichTextContext, contents: Contents, withSections = true) {
  const sections = withSections ? sectionsOf(job.issue) : [];
  const pages = await layOut(
    <Document>
      <CoverFlow issue={job.issue} size={[geometry.contentWidth, geometry.contentHeight]} context={context} contents={contents} />
      {sections.map((section, index) => (
        <SectionFlow
          key={section.id}
          issue={job.issue}
          section={section}
          size={[geometry.columnWidth, geometry.columnHeight]}
          context={context}
          isLast={index === sections.length - 1}
        />
      ))}
    </Document>,
  );
  const byFlow = new Map<string, LaidNode[]>();
  for (const page of pages) {
    const flow = String(page.props.flow);
    byFlow.set(flow, [...(byFlow.get(flow) ?? []), page]);
  }
  return { cover: byFlow.get('cover') ?? [], sections: sections.map((section) => byFlow.get(`section-${section.id}`) ?? []) };
}

/** Flow pages onto printed pages: the cover one per page, a section `columns` per page. */
function impose(issue: IssueView, geometry: PageGeometry, cover: LaidNode[], sections: LaidNode[][]): Sheet[] {
  const { margin, columns, columnWidth, gutter, bandHeight } = geometry;
  const sheets: Sheet[] = cover.map((page) => ({ frame: { kind: 'cover' }, columns: [page], left: [margin.side], top: margin.top }));
  sectionsOf(issue).forEach((section, index) => {
    const pages = sections[index]!;
    for (let first = 0; first < pages.length; first += columns) {
      const set = pages.slice(first, first + columns);
      sheets.push({
        frame: { kind: 'section', title: line(section.title), isFirst: first === 0 },
        columns: set,
        left: set.map((_, column) => margin.side + column * (columnWidth + gutter)),
        top: margin.top + bandHeight,
      });
    }
  });
  return sheets;
}

function planOf(sheets: Sheet[]): PagePlan {
  const starts = new Map<number, number>();
  sheets.forEach((sheet, index) =>
    sheet.columns.forEach((page) =>
      walk(page, (node) => {
        const articleId = anchorArticle(node.props?.id);
        if (articleId !== null && !starts.has(articleId)) starts.set(articleId, index + 1);
      }),
    ),
  );
  return { pageCount: sheets.length, articles: [...starts].map(([articleId, page]) => ({ articleId, page })) };
}

/** Width of the last line of each contents title, by article id. */
function lastLines(cover: LaidNode[]): Map<number, number> {
  const widths = new Map<number, number>();
  for (const page of cover) {
    walk(page, (node) => {
      const articleId = node.props?.tocEntry;
      const last = node.lines?.at(-1);
      if (typeof articleId === 'number' && last) widths.set(articleId, last.xAdvance ?? last.box.width);
    });
  }
  return widths;
}

/** The colophon ends the last flow: moved down to the foot of its column. */
function lowerColophon(sheets: Sheet[], geometry: PageGeometry): void {
  const last = sheets.at(-1)!;
  const page = last.columns.at(-1)!;
  const colophon = page.children?.find((node) => node.props?.colophon);
  if (!colophon) return;
  const height = last.frame.kind === 'cover' ? geometry.contentHeight : geometry.columnHeight;
  colophon.box = { ...colophon.box, top: Math.max(colophon.box.top, height - colophon.box.height) };
}

const column = (page: LaidNode, left: number, top: number): LaidNode => ({
  type: 'VIEW',
  props: {},
  style: {},
  box: { top, left, width: page.box.width, height: page.box.height, ...NO_EDGES },
  children: page.children ?? [],
});
const NO_EDGES = { paddingTop: 0, paddingLeft: 0, borderTopWidth: 0, borderRightWidth: 0, borderBottomWidth: 0, borderLeftWidth: 0 };

function contextOf(job: TypesetJob, geometry: PageGeometry): RichTextContext {
  return {
    media: job.issue.media,
    images: job.images,
    maxUnsplitHeight: geometry.columnHeight * 0.45,
    baseUrl: job.baseUrl,
  };
}

const geometryOf = (issue: IssueView) => pageGeometry(issue.publication.pageSize, issue.publication.columns);
const placeholders: Contents = { pages: null, lastLines: new Map() };

/** Page count and where each article starts, from one layout; nothing is drawn. */
export async function planIssue(job: TypesetJob): Promise<PagePlan> {
  const geometry = geometryOf(job.issue);
  const flows = await layOutFlows(job, geometry, contextOf(job, geometry), placeholders);
  return planOf(impose(job.issue, geometry, flows.cover, flows.sections));
}

/** The print PDF of the issue, and its page plan. */
export async function typesetIssue(job: TypesetJob): Promise<{ pdf: Buffer; plan: PagePlan }> {
  const { issue } = job;
  const geometry = geometryOf(issue);
  const context = contextOf(job, geometry);
  const flows = await layOutFlows(job, geometry, context, placeholders);
  const first = impose(issue, geometry, flows.cover, flows.sections);
  const plan = planOf(first);
  // The contents again, now with its numbers and leaders: same boxes, so the same pages.
  const contents = { pages: new Map(plan.articles.map(({ articleId, page }) => [articleId, page])), lastLines: lastLines(flows.cover) };
  const cover = (await layOutFlows(job, geometry, context, contents, false)).cover;
  const chrome = await layOut(
    <Document>
      {first.map((sheet, index) => (
        <ChromePage
          key={index}
          issue={issue}
          geometry={geometry}
          frame={sheet.frame}
          pageNumber={index + 1}
          pageCount={first.length}
          preview={job.preview}
        />
      ))}
    </Document>,
  );
  if (cover.length !== flows.cover.length) throw new Error('Mục lục đổi số trang giữa hai lần dàn trang.');
  const sheets = impose(issue, geometry, cover, flows.sections);
  lowerColophon(sheets, geometry);
  const pages = sheets.map((sheet, index) => {
    const [under, ...over] = chrome[index]!.children ?? [];
    const columns = sheet.columns.map((page, i) => column(page, sheet.left[i]!, sheet.top));
    const box = { ...chrome[index]!.box, width: geometry.size[0], height: geometry.size[1] };
    return { ...chrome[index]!, box, children: [...(under ? [under] : []), ...columns, ...over] };
  });
  const pdf = await renderPages(pages, {
    title: `${cleanText(issue.publication.mastheadTitle)} - Số ${formatIssueNumber(issue.number)} (${formatPeriod(issue.periodStart, issue.periodEnd)})`,
    author: cleanText(issue.publication.agencyName),
    subject: `Số ${formatIssueNumber(issue.number)} năm ${issue.year}, kỳ ${formatPeriod(issue.periodStart, issue.periodEnd)}`,
    keywords: 'bản tin, cải cách hành chính',
    creationDate: job.creationDate,
  });
  return { pdf, plan };
}
