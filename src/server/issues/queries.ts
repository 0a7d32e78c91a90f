import 'server-only';
import { getDb } from '../db/client';
import { publicArticleWhere, publicIssueWhere } from '../publishing/visibility';
import { referencedMediaIds, storedDocument, type RichDocument } from '@/content/schema';
import type { ArticleSource } from '@/lib/text';
import type { PageSize } from '@/generated/prisma/enums';

export type PublicationView = {
  mastheadTitle: string;
  agencyName: string;
  creditLabel: string;
  creditLine: string;
  logoMediaId: number | null;
  pageSize: PageSize;
  /** Columns of the print PDF's article pages. */
  columns: 1 | 2;
  colophon: {
    licenceNumber: string | null;
    licenceDate: Date | null;
    printingPlace: string | null;
    printRun: string | null;
    frequencyText: string | null;
    responsiblePerson: string | null;
  };
};

export type IssueArticleView = {
  id: number;
  /** 1..n across the whole issue, the number the table of contents prints. */
  tocNumber: number;
  slug: string;
  title: string;
  lead: string | null;
  body: RichDocument;
  source: ArticleSource;
  tags: { name: string; slug: string }[];
};

/** `sha256`: of the uploaded file, so a derived file (the PDF's sized image) is cached by content. */
export type MediaInfo = { id: number; width: number; height: number; storageKey: string; sha256: string };

export type IssueView = {
  id: number;
  number: number;
  year: number;
  periodStart: Date;
  periodEnd: Date;
  publishAt: Date | null;
  updatedAt: Date;
  publication: PublicationView;
  sections: { id: number; title: string; articles: IssueArticleView[] }[];
  media: Map<number, MediaInfo>;
};

export type IssueSummary = {
  id: number;
  number: number;
  year: number;
  periodStart: Date;
  periodEnd: Date;
  publishAt: Date | null;
  articleCount: number;
};

/**
 * One issue with everything the web page and the PDF print. `visibility: 'public'` returns
 * null unless the issue is public at `now`, and then only its public articles.
 */
export async function getIssueView(
  where: { year: number; number: number } | { id: number },
  options: { visibility: 'public' | 'editorial'; now?: Date },
): Promise<IssueView | null> {
  const db = getDb();
  const now = options.now ?? new Date();
  const isPublic = options.visibility === 'public';
  const issue = await db.issue.findFirst({
    where: {
      ...('id' in where ? { id: where.id } : { year: where.year, number: where.number }),
      ...(isPublic ? publicIssueWhere(now) : {}),
    },
    include: {
      publication: true,
      sections: {
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        include: {
          placements: {
            where: isPublic ? { article: publicArticleWhere(now) } : {},
            orderBy: [{ position: 'asc' }, { articleId: 'asc' }],
            include: {
              article: {
                include: { tags: { include: { tag: true }, orderBy: { tag: { name: 'asc' } } } },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) return null;

  let tocNumber = 0;
  const sections = issue.sections.map((section) => ({
    id: section.id,
    title: section.title,
    articles: section.placements.map(({ article }) => ({
      id: article.id,
      tocNumber: ++tocNumber,
      slug: article.slug,
      title: article.title,
      lead: article.lead,
      body: storedDocument(article.body, `bài viết ${article.id}`),
      source: { authors: article.sourceAuthors, outlet: article.sourceOutlet, url: article.sourceUrl },
      tags: article.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug })),
    })),
  }));
  const mediaIds = sections.flatMap((s) => s.articles.flatMap((a) => referencedMediaIds(a.body)));
  if (issue.publication.logoMediaId) mediaIds.push(issue.publication.logoMediaId);
  const media = await db.media.findMany({
    where: { id: { in: mediaIds } },
    select: { id: true, width: true, height: true, storageKey: true, sha256: true },
  });
  const p = issue.publication;
  return {
    id: issue.id,
    number: issue.number,
    year: issue.year,
    periodStart: issue.periodStart,
    periodEnd: issue.periodEnd,
    publishAt: issue.publishAt,
    updatedAt: issue.updatedAt,
    publication: {
      mastheadTitle: p.mastheadTitle,
      agencyName: p.agencyName,
      creditLabel: p.creditLabel,
      creditLine: p.creditLine,
      logoMediaId: p.logoMediaId,
      pageSize: p.pageSize,
      columns: p.bodyColumns === 2 ? 2 : 1,
      colophon: {
        licenceNumber: p.licenceNumber,
        licenceDate: p.licenceDate,
        printingPlace: p.printingPlace,
        printRun: p.printRun,
        frequencyText: p.frequencyText,
        responsiblePerson: p.responsiblePerson,
      },
    },
    sections,
    media: new Map(media.map((m) => [m.id, m])),
  };
}

export type PublicYear = { year: number; issueCount: number };

/** Years with a public issue, newest first, and how many: the archive's year index. */
export async function listPublicIssueYears(now = new Date()): Promise<PublicYear[]> {
  const rows = await getDb().issue.groupBy({
    by: ['year'],
    where: publicIssueWhere(now),
    _count: { _all: true },
    orderBy: { year: 'desc' },
  });
  return rows.map((row) => ({ year: row.year, issueCount: row._count._all }));
}

/** Public issues, newest first; `year` gives one year of the archive. */
export async function listPublicIssues(options: { now?: Date; year?: number; take?: number } = {}): Promise<IssueSummary[]> {
  const now = options.now ?? new Date();
  const issues = await getDb().issue.findMany({
    where: { ...publicIssueWhere(now), ...(options.year ? { year: options.year } : {}) },
    orderBy: [{ year: 'desc' }, { number: 'desc' }],
    take: options.take,
    select: {
      id: true,
      number: true,
      year: true,
      periodStart: true,
      periodEnd: true,
      publishAt: true,
      sections: { select: { _count: { select: { placements: { where: { article: publicArticleWhere(now) } } } } } },
    },
  });
  return issues.map(({ sections, ...issue }) => ({
    ...issue,
    articleCount: sections.reduce((sum, s) => sum + s._count.placements, 0),
  }));
}

type IssueLink = { year: number; number: number };

/** The public issues just before and after one, for "Số trước" / "Số sau" links. */
export async function getAdjacentPublicIssues(
  issue: IssueLink,
  now = new Date(),
): Promise<{ previous: IssueLink | null; next: IssueLink | null }> {
  const neighbour = (side: 'lt' | 'gt') => {
    const order = side === 'lt' ? 'desc' : 'asc';
    return getDb().issue.findFirst({
      where: { ...publicIssueWhere(now), OR: [{ year: { [side]: issue.year } }, { year: issue.year, number: { [side]: issue.number } }] },
      orderBy: [{ year: order }, { number: order }],
      select: { year: true, number: true },
    });
  };
  const [previous, next] = await Promise.all([neighbour('lt'), neighbour('gt')]);
  return { previous, next };
}
