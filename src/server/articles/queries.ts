import 'server-only';
import { getDb } from '../db/client';
import { publicArticleWhere } from '../publishing/visibility';
import { referencedMediaIds, storedDocument, type RichDocument } from '@/content/schema';
import type { ArticleSource } from '@/lib/text';

export const TAG_PAGE_SIZE = 12;

export type ArticleSummary = {
  slug: string;
  title: string;
  lead: string | null;
  publishAt: Date | null;
  issue: { year: number; number: number } | null;
};

export type PublicArticleView = ArticleSummary & {
  id: number;
  body: RichDocument;
  source: ArticleSource;
  tags: { name: string; slug: string }[];
  section: string | null;
  updatedAt: Date;
  media: Map<number, { width: number; height: number }>;
  related: ArticleSummary[];
};

const summarySelect = {
  slug: true,
  title: true,
  lead: true,
  publishAt: true,
  placement: { select: { section: { select: { title: true, issue: { select: { year: true, number: true } } } } } },
} as const;

type SummaryRow = {
  slug: string;
  title: string;
  lead: string | null;
  publishAt: Date | null;
  placement: { section: { title: string; issue: { year: number; number: number } } } | null;
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    publishAt: row.publishAt,
    issue: row.placement ? row.placement.section.issue : null,
  };
}

export type ArticleLookup = { kind: 'article'; article: PublicArticleView } | { kind: 'redirect'; slug: string } | null;

/**
 * A public article by slug; an old slug of a public article answers with the current one,
 * so links keep working after a title change. Anything not public is null (a 404).
 */
export async function findPublicArticle(slug: string, now = new Date()): Promise<ArticleLookup> {
  const db = getDb();
  const where = publicArticleWhere(now);
  const row = await db.article.findFirst({
    where: { slug, ...where },
    include: {
      tags: { include: { tag: true }, orderBy: { tag: { name: 'asc' } } },
      placement: { include: { section: { include: { issue: { select: { year: true, number: true } } } } } },
    },
  });
  if (!row) {
    const redirect = await db.articleSlugRedirect.findFirst({
      where: { slug, article: where },
      select: { article: { select: { slug: true } } },
    });
    return redirect ? { kind: 'redirect', slug: redirect.article.slug } : null;
  }
  const body = storedDocument(row.body, `bài viết ${row.id}`);
  const [media, related] = await Promise.all([
    db.media.findMany({ where: { id: { in: referencedMediaIds(body) } }, select: { id: true, width: true, height: true } }),
    db.article.findMany({
      where: {
        ...where,
        id: { not: row.id },
        tags: { some: { tagId: { in: row.tags.map((t) => t.tagId) } } },
      },
      orderBy: [{ publishAt: 'desc' }, { id: 'desc' }],
      take: 4,
      select: summarySelect,
    }),
  ]);
  return {
    kind: 'article',
    article: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      lead: row.lead,
      publishAt: row.publishAt,
      updatedAt: row.updatedAt,
      body,
      source: { authors: row.sourceAuthors, outlet: row.sourceOutlet, url: row.sourceUrl },
      tags: row.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug })),
      section: row.placement?.section.title ?? null,
      issue: row.placement ? row.placement.section.issue : null,
      media: new Map(media.map((m) => [m.id, { width: m.width, height: m.height }])),
      related: related.map(toSummary),
    },
  };
}

export type TagPage = {
  tag: { name: string; slug: string };
  items: ArticleSummary[];
  page: number;
  pageCount: number;
  total: number;
};

/** A tag's public articles, newest first; null when no public article uses the tag. */
export async function listPublicArticlesByTag(tagSlug: string, page: number, now = new Date()): Promise<TagPage | null> {
  const db = getDb();
  const tag = await db.tag.findUnique({ where: { slug: tagSlug }, select: { id: true, name: true, slug: true } });
  if (!tag) return null;
  const where = { ...publicArticleWhere(now), tags: { some: { tagId: tag.id } } };
  const total = await db.article.count({ where });
  if (total === 0) return null;
  const pageCount = Math.ceil(total / TAG_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ publishAt: 'desc' }, { id: 'desc' }],
    skip: (current - 1) * TAG_PAGE_SIZE,
    take: TAG_PAGE_SIZE,
    select: summarySelect,
  });
  return { tag: { name: tag.name, slug: tag.slug }, items: rows.map(toSummary), page: current, pageCount, total };
}

/** Newest public articles, for the feed. */
export async function listRecentPublicArticles(take: number, now = new Date()): Promise<ArticleSummary[]> {
  const rows = await getDb().article.findMany({
    where: publicArticleWhere(now),
    orderBy: [{ publishAt: 'desc' }, { id: 'desc' }],
    take,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** Every public article's address and last change, for the sitemap. */
export async function listPublicArticleUrls(now = new Date()): Promise<{ slug: string; updatedAt: Date }[]> {
  return getDb().article.findMany({
    where: publicArticleWhere(now),
    orderBy: { id: 'asc' },
    select: { slug: true, updatedAt: true },
  });
}
