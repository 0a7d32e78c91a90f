import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { listPublicIssueYears } from '@/server/issues/queries';
import { publicArticleWhere } from '@/server/publishing/visibility';
import { buildExcerpt, excerptSource, type ExcerptPart } from './excerpt';
import {
  SEARCH_PAGE_SIZE,
  SEARCH_RESULT_CAP,
  rankedPageSql,
  searchTerms,
  trigramPageSql,
  type PageRow,
  type SearchFilter,
  type SearchTerms,
} from './sql';

// Public search: what a visitor asks, and the page of results they get back.

export { SEARCH_PAGE_SIZE, SEARCH_RESULT_CAP };
export type { ExcerptPart };

const MAX_QUERY_CHARS = 200;
const MAX_PAGE = Math.ceil(SEARCH_RESULT_CAP / SEARCH_PAGE_SIZE);

export type SearchResultItem = {
  slug: string;
  title: string;
  lead: string | null;
  excerptParts: ExcerptPart[];
  /** Null when the article is in no issue, or in one that is not public. */
  issue: { year: number; number: number } | null;
  publishAt: Date | null;
};

export type SearchResults = {
  /** The query as searched: NFC, trimmed, at most 200 characters. */
  query: string;
  /** The filters applied, after validation (an invalid one is dropped). */
  year: number | null;
  tagSlug: string | null;
  items: SearchResultItem[];
  /** Matches, counted up to a cap (SEARCH_RESULT_CAP, less for the typo fallback). */
  total: number;
  /** More match than `total`, the cap: the page says "hơn 1.000 kết quả". */
  isTotalCapped: boolean;
  page: number;
  pageCount: number;
};

export type SearchInput = {
  query?: string | null;
  year?: number | string | null;
  tagSlug?: string | null;
  page?: number | string | null;
};

export type SearchFilters = {
  years: number[];
  tags: { name: string; slug: string }[];
};

// Anything a visitor can put in the URL arrives here: nothing in it may make the search fail,
// so each field falls back to "no filter" or page 1 instead of raising.
const searchInputSchema = z.object({
  query: z
    .string()
    .catch('')
    // Control characters become spaces (the query is shown back); the cut counts code points,
    // so it never splits a surrogate pair (emoji).
    .transform((text) =>
      Array.from(
        text
          .normalize('NFC')
          .replace(/\p{Cc}+/gu, ' ')
          .trim(),
      )
        .slice(0, MAX_QUERY_CHARS)
        .join('')
        .trim(),
    ),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  tagSlug: z
    .string()
    .max(120)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional()
    .catch(undefined),
  page: z.coerce
    .number()
    .int()
    .catch(1)
    .transform((page) => Math.min(Math.max(page, 1), MAX_PAGE)),
});

type Strategy = (page: number) => ReturnType<typeof rankedPageSql> | null;

/** The rows of `page`, or of the last page when `page` is past the end. */
async function pageRows(strategy: Strategy, requestedPage: number): Promise<{ rows: PageRow[]; page: number } | null> {
  const db = getDb();
  const sql = strategy(requestedPage);
  if (!sql) return null;
  const rows = await db.$queryRaw<PageRow[]>(sql);
  const total = rows[0]?.total ?? 0;
  if (total === 0) return null;
  const lastPage = Math.ceil(total / SEARCH_PAGE_SIZE);
  if (requestedPage <= lastPage) return { rows, page: requestedPage };
  return { rows: await db.$queryRaw<PageRow[]>(strategy(lastPage)!), page: lastPage };
}

/**
 * Published articles matching `query`, best first, accent-insensitive: "chuyen doi so" finds
 * "Chuyển đổi số". Never throws on visitor input; a page past the end gives the last page.
 */
export async function searchArticles(input: SearchInput, now = new Date()): Promise<SearchResults> {
  const { query, year, tagSlug, page: requestedPage } = searchInputSchema.parse(input);
  const terms = searchTerms(query);
  const applied = { query, year: year ?? null, tagSlug: tagSlug ?? null };
  const empty: SearchResults = { ...applied, items: [], total: 0, isTotalCapped: false, page: 1, pageCount: 0 };
  if (!terms) return empty;

  const filter: SearchFilter = { year, tagSlug };
  const found =
    (await pageRows((page) => rankedPageSql(terms, filter, page, now), requestedPage)) ??
    (await pageRows((page) => trigramPageSql(terms, filter, page, now), requestedPage));
  if (!found) return empty;

  const { total, isCapped } = found.rows[0]!;
  return {
    ...applied,
    items: await loadItems(found.rows, terms, now),
    total,
    isTotalCapped: isCapped,
    page: found.page,
    pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
  };
}

/** The page's articles, read again through publicArticleWhere, with their excerpts. */
async function loadItems(rows: PageRow[], terms: SearchTerms, now: Date): Promise<SearchResultItem[]> {
  const ids = rows.flatMap((row) => row.id ?? []);
  const articles = await getDb().article.findMany({
    where: { AND: [{ id: { in: ids } }, publicArticleWhere(now)] },
    select: { id: true, slug: true, title: true, lead: true, body: true, publishAt: true },
  });
  const byId = new Map(articles.map((article) => [article.id, article]));
  return rows.flatMap((row) => {
    const article = row.id === null ? undefined : byId.get(row.id);
    if (!article) return [];
    const issue = row.issueYear !== null && row.issueNumber !== null ? { year: row.issueYear, number: row.issueNumber } : null;
    return [
      {
        slug: article.slug,
        title: article.title,
        lead: article.lead,
        excerptParts: buildExcerpt(excerptSource(article.lead, article.body), terms),
        issue,
        // An approved article of a scheduled issue is public from its issue's time.
        publishAt: article.publishAt ?? row.issuePublishAt,
      },
    ];
  });
}

/** Choices for the filter selects: years with a public issue, tags of public articles. */
export async function listSearchFilters(now = new Date()): Promise<SearchFilters> {
  const [years, tags] = await Promise.all([
    listPublicIssueYears(now),
    getDb().tag.findMany({
      where: { articles: { some: { article: publicArticleWhere(now) } } },
      select: { name: true, slug: true },
    }),
  ]);
  const collator = new Intl.Collator('vi');
  return {
    years: years.map((row) => row.year),
    tags: tags.sort((a, b) => collator.compare(a.name, b.name)),
  };
}
