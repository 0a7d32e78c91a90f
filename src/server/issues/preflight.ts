import 'server-only';
import { getDb, type Transaction } from '../db/client';
import { NotFoundError, ValidationError } from '../errors';
import { parseRichDocument, type ImageAttrs, type RichDocument } from '@/content/schema';
import { formatPeriod } from '@/lib/dates';
import { cleanText, formatIssueNumber } from '@/lib/text';
import type { ArticleStatus, PageSize } from '@/generated/prisma/enums';

// What to fix before an issue goes out, in one list: blocking problems stop scheduling and
// publishing, warnings need to be acknowledged. Each problem names the article or section.

export type ProblemCode =
  | 'NO_ARTICLES'
  | 'ARTICLE_NOT_APPROVED'
  | 'ARTICLE_INVALID_BODY'
  | 'EMPTY_SECTION'
  | 'IMAGE_MISSING_TEXT'
  | 'IMAGE_LOW_RESOLUTION'
  | 'MISSING_SOURCE'
  | 'DUPLICATE_TITLE'
  | 'PERIOD_OVERLAP';

export type Problem = {
  code: ProblemCode;
  message: string;
  articleId?: number;
  sectionId?: number;
  mediaId?: number;
};

export type PreflightReport = { blocking: Problem[]; warnings: Problem[] };

/** Refusal to schedule or publish; `report` lets the interface show every problem in place. */
export class PreflightError extends ValidationError {
  constructor(
    message: string,
    readonly report: PreflightReport,
  ) {
    super(message);
  }
}

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  DRAFT: 'Nháp',
  SUBMITTED: 'Chờ duyệt',
  APPROVED: 'Đã duyệt',
  PUBLISHED: 'Đã xuất bản',
};

const MIN_PRINT_DPI = 150;
/**
 * Text column of the print PDF in cm: page width minus side margins as src/server/pdf/styles.ts
 * lays them out (A4 21 − 2 × 2; 19 × 27 cm: 19 − 2 × 1.7). Images print at this width.
 */
const PRINT_COLUMN_CM: Record<PageSize, number> = { A4: 17, B5_19X27: 15.6 };

/** Pixels an image needs to print at MIN_PRINT_DPI across the column. */
export function minPrintWidthPx(pageSize: PageSize): number {
  return Math.ceil((PRINT_COLUMN_CM[pageSize] / 2.54) * MIN_PRINT_DPI);
}

/** The attributes of every image of the document, in reading order. */
function imagesOf(document: RichDocument): ImageAttrs[] {
  const images: ImageAttrs[] = [];
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes) {
      const n = node as { type: string; attrs?: ImageAttrs; content?: unknown[] };
      if (n.type === 'image' && n.attrs) images.push(n.attrs);
      if (Array.isArray(n.content)) walk(n.content);
    }
  };
  walk(document.content);
  return images;
}

const isBlank = (value: string | null | undefined) => !value?.trim();

/** Everything that should be fixed or acknowledged before the issue goes out. */
export async function preflightIssue(issueId: number, db: Transaction = getDb()): Promise<PreflightReport> {
  const issue = await db.issue.findUnique({
    where: { id: issueId },
    include: {
      publication: { select: { pageSize: true } },
      sections: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        include: {
          placements: {
            orderBy: [{ position: 'asc' }, { articleId: 'asc' }],
            include: {
              article: {
                select: { id: true, title: true, status: true, body: true, sourceAuthors: true, sourceOutlet: true, sourceUrl: true },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) throw new NotFoundError('Không tìm thấy số bản tin.');

  const blocking: Problem[] = [];
  const warnings: Problem[] = [];
  const articles = issue.sections.flatMap((section) => section.placements.map(({ article }) => ({ ...article, section })));
  if (articles.length === 0) blocking.push({ code: 'NO_ARTICLES', message: 'Số này chưa có bài viết nào.' });

  for (const section of issue.sections) {
    if (section.placements.length === 0) {
      warnings.push({ code: 'EMPTY_SECTION', sectionId: section.id, message: `Chuyên mục “${section.title}” chưa có bài viết.` });
    }
  }

  const images: { articleId: number; title: string; index: number; attrs: ImageAttrs }[] = [];
  const firstWithTitle = new Map<string, number>();
  for (const [index, article] of articles.entries()) {
    const tocNumber = index + 1;
    const where = { articleId: article.id, sectionId: article.section.id };
    if (article.status !== 'APPROVED' && article.status !== 'PUBLISHED') {
      blocking.push({
        code: 'ARTICLE_NOT_APPROVED',
        ...where,
        message: `Bài “${article.title}” chưa được duyệt (đang ở trạng thái “${ARTICLE_STATUS_LABELS[article.status]}”).`,
      });
    }
    const checked = parseRichDocument(article.body);
    if (checked.ok) {
      imagesOf(checked.document).forEach((attrs, i) => images.push({ articleId: article.id, title: article.title, index: i + 1, attrs }));
    } else {
      // The public page would show this article empty.
      blocking.push({ code: 'ARTICLE_INVALID_BODY', ...where, message: `Bài “${article.title}”: ${checked.message}` });
    }
    if (article.section.expectsSource && isBlank(article.sourceAuthors) && isBlank(article.sourceOutlet) && isBlank(article.sourceUrl)) {
      warnings.push({
        code: 'MISSING_SOURCE',
        ...where,
        message: `Bài “${article.title}” chưa ghi nguồn (tác giả, tên nguồn hoặc đường dẫn) mà chuyên mục “${article.section.title}” cần nguồn.`,
      });
    }
    const titleKey = cleanText(article.title).toLocaleLowerCase('vi');
    const first = firstWithTitle.get(titleKey);
    if (first === undefined) firstWithTitle.set(titleKey, tocNumber);
    else {
      warnings.push({
        code: 'DUPLICATE_TITLE',
        ...where,
        message: `Bài ${tocNumber} “${article.title}” trùng tiêu đề với bài ${first} trong số này.`,
      });
    }
  }

  const widths = new Map(
    (await db.media.findMany({ where: { id: { in: images.map((image) => image.attrs.mediaId) } }, select: { id: true, width: true } })).map(
      (media) => [media.id, media.width],
    ),
  );
  const minWidth = minPrintWidthPx(issue.publication.pageSize);
  for (const { articleId, title, index, attrs } of images) {
    const image = `Ảnh ${index} trong bài “${title}”`;
    const missing = [isBlank(attrs.caption) && 'chú thích', isBlank(attrs.alt) && 'văn bản thay thế'].filter(Boolean);
    if (missing.length) {
      warnings.push({ code: 'IMAGE_MISSING_TEXT', articleId, mediaId: attrs.mediaId, message: `${image} thiếu ${missing.join(' và ')}.` });
    }
    const width = widths.get(attrs.mediaId);
    if (width !== undefined && width < minWidth) {
      const cm = PRINT_COLUMN_CM[issue.publication.pageSize].toLocaleString('vi-VN');
      warnings.push({
        code: 'IMAGE_LOW_RESOLUTION',
        articleId,
        mediaId: attrs.mediaId,
        message: `${image} chỉ rộng ${width} px, dưới ${MIN_PRINT_DPI} dpi khi in rộng ${cm} cm (cần ít nhất ${minWidth} px).`,
      });
    }
  }

  const overlapping = await db.issue.findMany({
    where: {
      publicationId: issue.publicationId,
      id: { not: issue.id },
      periodStart: { lte: issue.periodEnd },
      periodEnd: { gte: issue.periodStart },
    },
    orderBy: [{ year: 'asc' }, { number: 'asc' }],
    select: { number: true, year: true, periodStart: true, periodEnd: true },
  });
  for (const other of overlapping) {
    warnings.push({
      code: 'PERIOD_OVERLAP',
      message: `Kỳ ${formatPeriod(issue.periodStart, issue.periodEnd)} trùng với Số ${formatIssueNumber(other.number)}/${other.year} (${formatPeriod(other.periodStart, other.periodEnd)}).`,
    });
  }

  return { blocking, warnings };
}
