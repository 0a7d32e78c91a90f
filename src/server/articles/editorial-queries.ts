import 'server-only';
import { getDb } from '../db/client';
import { draftOf } from './content';
import { NotFoundError } from '../errors';
import { referencedMediaIds, storedDocument, type RichDocument } from '@/content/schema';
import type { ArticleDraft, SavedArticle } from '@/schemas/article';
import type { ArticleStatus, IssueStatus } from '@/generated/prisma/enums';
import type { Prisma } from '@/generated/prisma/client';
import { EDITORIAL_PAGE_SIZE, pageWindow } from '@/lib/paging';

// What the editorial area reads: dashboard lists, the article list, one article to edit, its
// revisions. Every reader here is signed in (the pages call requirePageActor first).

export type EditorialListItem = {
  id: number;
  /** The version the next change starts from (a live article's pending revision's). */
  version: number;
  title: string;
  status: ArticleStatus;
  updatedAt: Date;
  author: string;
  returnComment: string | null;
};

export const listSelect = {
  id: true,
  version: true,
  pendingRevision: { select: { version: true } },
  title: true,
  status: true,
  updatedAt: true,
  returnComment: true,
  author: { select: { name: true } },
} as const;

type ListRow = Prisma.ArticleGetPayload<{ select: typeof listSelect }>;

export const toListItem = (row: ListRow): EditorialListItem => ({
  id: row.id,
  version: row.pendingRevision?.version ?? row.version,
  title: row.title,
  status: row.status,
  updatedAt: row.updatedAt,
  author: row.author.name,
  returnComment: row.returnComment,
});

export const ARTICLE_SORTS = {
  'moi-cap-nhat': [{ updatedAt: 'desc' }, { id: 'desc' }],
  'cu-nhat': [{ updatedAt: 'asc' }, { id: 'asc' }],
  'tieu-de': [{ title: 'asc' }, { id: 'asc' }],
  'moi-tao': [{ createdAt: 'desc' }, { id: 'desc' }],
} satisfies Record<string, Prisma.ArticleOrderByWithRelationInput[]>;

export type ArticleSort = keyof typeof ARTICLE_SORTS;

export type ArticleFilter = {
  status?: ArticleStatus;
  tagSlug?: string;
  /** A section (chuyên mục) title, across issues. */
  sectionTitle?: string;
  authorId?: number;
  text?: string;
  sort: ArticleSort;
  page: number;
};

export type ArticleListPage = {
  items: (EditorialListItem & { tags: string[] })[];
  page: number;
  pageCount: number;
  total: number;
};

/**
 * Articles whose title or lead contains the text, accent- and case-insensitive ("chuyen doi so"
 * finds "Chuyển đổi số"), through the search migration's public.search_normalize: letters and
 * digits only, so nothing typed can act as a LIKE wildcard.
 */
async function idsMatchingText(text: string): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    WITH q AS (SELECT '%' || btrim(public.search_normalize(${text})) || '%' AS pattern)
    SELECT a.id FROM "Article" a, q
    WHERE public.search_normalize(a.title) LIKE q.pattern OR public.search_normalize(coalesce(a.lead, '')) LIKE q.pattern`;
  return rows.map((row) => row.id);
}

export async function listEditorialArticles(filter: ArticleFilter): Promise<ArticleListPage> {
  const db = getDb();
  const text = filter.text?.trim().slice(0, 200);
  const where: Prisma.ArticleWhereInput = {
    status: filter.status,
    authorId: filter.authorId,
    tags: filter.tagSlug ? { some: { tag: { slug: filter.tagSlug } } } : undefined,
    placement: filter.sectionTitle ? { section: { title: filter.sectionTitle } } : undefined,
    id: text ? { in: await idsMatchingText(text) } : undefined,
  };
  const total = await db.article.count({ where });
  const { page, pageCount, skip, take } = pageWindow(total, filter.page, EDITORIAL_PAGE_SIZE);
  const rows = await db.article.findMany({
    where,
    orderBy: ARTICLE_SORTS[filter.sort],
    skip,
    take,
    select: { ...listSelect, tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } } },
  });
  return {
    items: rows.map((row) => ({ ...toListItem(row), tags: row.tags.map(({ tag }) => tag.name) })),
    page,
    pageCount,
    total,
  };
}

/** Everyone who wrote an article, every tag and section name, for the list's filters. */
export async function listFilterChoices() {
  const db = getDb();
  const [authors, tags, sections] = await Promise.all([
    db.user.findMany({ where: { articles: { some: {} } }, orderBy: { name: 'asc' }, select: { id: true, name: true } }),
    db.tag.findMany({ orderBy: { name: 'asc' }, select: { name: true, slug: true } }),
    db.issueSection.findMany({ distinct: ['title'], orderBy: { title: 'asc' }, select: { title: true } }),
  ]);
  return { authors, tags, sections: sections.map((section) => section.title) };
}

/** The text an article and each of its revisions carry. */
export type ArticleContent = {
  title: string;
  lead: string | null;
  body: RichDocument;
  sourceAuthors: string | null;
  sourceOutlet: string | null;
  sourceUrl: string | null;
};

export type EditableArticle = ArticleContent & {
  id: number;
  slug: string;
  status: ArticleStatus;
  /** The article's own version (the public one when it is live). */
  version: number;
  authorId: number;
  author: string;
  tags: { name: string; slug: string }[];
  returnComment: string | null;
  publishAt: Date | null;
  /** Published at least once: the slug no longer follows the title. */
  slugFixed: boolean;
  updatedAt: Date;
  placement: { section: string; issue: { year: number; number: number; status: IssueStatus } } | null;
  media: Map<number, { width: number; height: number }>;
  /** Published, or approved in a scheduled issue: edits go to a pending revision. */
  isLive: boolean;
  /** "Bản sửa chưa xuất bản": what the editor works on while the public keeps the text above. */
  pendingRevision: (ArticleContent & { version: number; tags: string[]; updatedAt: Date; author: string | null }) | null;
};

/** One article as the editor and the preview need it, whatever its status. */
export async function getEditableArticle(id: number): Promise<EditableArticle> {
  const db = getDb();
  const row = await db.article.findUnique({
    where: { id },
    include: {
      author: { select: { name: true } },
      tags: { include: { tag: true }, orderBy: { tag: { name: 'asc' } } },
      placement: { include: { section: { include: { issue: { select: { year: true, number: true, status: true } } } } } },
      pendingRevision: { include: { author: { select: { name: true } } } },
    },
  });
  if (!row) throw new NotFoundError('Không tìm thấy bài viết.');
  const body = storedDocument(row.body);
  const pending = row.pendingRevision;
  const pendingBody = pending ? storedDocument(pending.body) : null;
  const media = await db.media.findMany({
    where: { id: { in: [...referencedMediaIds(body), ...(pendingBody ? referencedMediaIds(pendingBody) : [])] } },
    select: { id: true, width: true, height: true },
  });
  const issue = row.placement?.section.issue;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    version: row.version,
    authorId: row.authorId,
    author: row.author.name,
    title: row.title,
    lead: row.lead,
    body,
    sourceAuthors: row.sourceAuthors,
    sourceOutlet: row.sourceOutlet,
    sourceUrl: row.sourceUrl,
    tags: row.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug })),
    returnComment: row.returnComment,
    publishAt: row.publishAt,
    slugFixed: row.publishedAt !== null,
    updatedAt: row.updatedAt,
    placement: row.placement && issue ? { section: row.placement.section.title, issue } : null,
    media: new Map(media.map((m) => [m.id, { width: m.width, height: m.height }])),
    isLive: row.status === 'PUBLISHED' || (row.status === 'APPROVED' && issue?.status === 'SCHEDULED'),
    pendingRevision:
      pending && pendingBody
        ? {
            version: pending.version,
            title: pending.title,
            lead: pending.lead,
            body: pendingBody,
            sourceAuthors: pending.sourceAuthors,
            sourceOutlet: pending.sourceOutlet,
            sourceUrl: pending.sourceUrl,
            tags: pending.tags,
            updatedAt: pending.updatedAt,
            author: pending.author?.name ?? null,
          }
        : null,
  };
}

/** The editor's starting point: the text it works on (the pending revision's, if any) as form fields. */
export function editorDataOf(article: EditableArticle): { article: SavedArticle; draft: ArticleDraft; live: ArticleDraft } {
  const pending = article.pendingRevision;
  const live = draftOf(
    article,
    article.tags.map((tag) => tag.name),
  );
  return {
    article: {
      id: article.id,
      slug: article.slug,
      version: pending?.version ?? article.version,
      status: article.status,
      isLive: article.isLive,
      hasPendingRevision: pending !== null,
    },
    draft: pending ? draftOf(pending, pending.tags) : live,
    live,
  };
}
