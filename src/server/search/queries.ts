import 'server-only';
import { z } from 'zod';
import { getDb } from '@/server/db/client';
import { publicArticleWhere, publicIssueWhere } from '@/server/publishing/visibility';
import { Prisma } from '@/generated/prisma/client';
import { removeDiacritics } from '@/lib/slug';
import { cleanText } from '@/lib/text';

// Public search. The database side (the "search_document" column, its triggers and indexes,
// public.search_normalize) is in prisma/migrations/*_search/migration.sql.

export const SEARCH_PAGE_SIZE = 10;
const MAX_QUERY_CHARS = 200;
const MAX_PAGE = 1000;
const EXCERPT_WORDS = 36;
/** Words kept before the first match, so an excerpt starts with some context. */
const EXCERPT_LEAD_IN = 6;

export type ExcerptPart = { text: string; isMatch: boolean };

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
  total: number;
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

/** Words as the database indexes them: no diacritics, lower case, runs of [a-z0-9]. */
export function searchTokens(text: string): string[] {
  return (
    removeDiacritics(text)
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

type SearchTerms = {
  /** Every token but the last: whole words. */
  words: Set<string>;
  /** The last token, matched as a prefix: the reader may still be typing it. */
  prefix: string;
  tsquery: string;
  /** The tokens in order, for the title bonus and the trigram fallback. */
  phrase: string;
};

function searchTerms(query: string): SearchTerms | null {
  const tokens = searchTokens(query);
  const prefix = tokens.at(-1);
  if (!prefix) return null;
  const words = new Set(tokens.slice(0, -1).filter((token) => token !== prefix));
  // Tokens are [a-z0-9]+ only, so no tsquery operator can come from the visitor.
  const tsquery = [...words, `${prefix}:*`].join(' & ');
  return { words, prefix, tsquery, phrase: tokens.join(' ') };
}

/**
 * The rule of publicArticleWhere (src/server/publishing/visibility.ts) in SQL, so that ranking,
 * counting and paging all happen in the database. That function stays the definition: the rows
 * of a page are fetched again through it, and tests/integration/server/search checks that both
 * select the same articles.
 */
function publicArticleSql(now: Date): Prisma.Sql {
  // Prisma stores DateTime as UTC in `timestamp without time zone`.
  const at = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return Prisma.sql`(
    (a.status = 'PUBLISHED' AND a."publishAt" <= ${at})
    OR (a.status = 'APPROVED' AND EXISTS (
      SELECT 1 FROM "ArticlePlacement" p
      JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId"
      WHERE p."articleId" = a.id AND i.status = 'SCHEDULED' AND i."publishAt" <= ${at}
    ))
  )`;
}

function filterSql(input: { year?: number; tagSlug?: string }, now: Date): Prisma.Sql {
  const conditions = [publicArticleSql(now)];
  if (input.year !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ArticlePlacement" p
      JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId"
      WHERE p."articleId" = a.id AND i.year = ${input.year}
    )`);
  }
  if (input.tagSlug !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ArticleTag" atag JOIN "Tag" t ON t.id = atag."tagId"
      WHERE atag."articleId" = a.id AND t.slug = ${input.tagSlug}
    )`);
  }
  return Prisma.join(conditions, ' AND ');
}

type Strategy = { match: Prisma.Sql; rank: Prisma.Sql };

function fullTextStrategy(terms: SearchTerms): Strategy {
  const query = Prisma.sql`to_tsquery('simple', ${terms.tsquery})`;
  return {
    match: Prisma.sql`a.search_document @@ ${query}`,
    // Cover density with the default weights (title 1.0, lead 0.4, body 0.2, tags 0.1),
    // divided by the log of the length, plus a bonus when the title holds the whole query.
    rank: Prisma.sql`ts_rank_cd(a.search_document, ${query}, 1)
      + CASE WHEN strpos(' ' || public.search_normalize(a.title), ${` ${terms.phrase}`}) > 0 THEN 1 ELSE 0 END`,
  };
}

/** Misspelt or cut words that full-text search misses: trigram similarity on titles. */
function trigramStrategy(terms: SearchTerms): Strategy {
  return {
    match: Prisma.sql`${terms.phrase} <% public.search_normalize(a.title)`,
    rank: Prisma.sql`word_similarity(${terms.phrase}, public.search_normalize(a.title))`,
  };
}

async function countMatches(strategy: Strategy, filters: Prisma.Sql): Promise<number> {
  const [row] = await getDb().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Article" a WHERE ${strategy.match} AND ${filters}`;
  return row?.total ?? 0;
}

async function pageOfIds(strategy: Strategy, filters: Prisma.Sql, page: number): Promise<number[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a
    WHERE ${strategy.match} AND ${filters}
    ORDER BY ${strategy.rank} DESC, a."publishAt" DESC NULLS LAST, a.id DESC
    LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`;
  return rows.map((row) => row.id);
}

/**
 * Published articles matching `query`, best first, accent-insensitive: "chuyen doi so" finds
 * "Chuyển đổi số". Never throws on visitor input; a page past the end gives the last page.
 */
export async function searchArticles(input: SearchInput, now = new Date()): Promise<SearchResults> {
  const { query, year, tagSlug, page: requestedPage } = searchInputSchema.parse(input);
  const terms = searchTerms(query);
  const applied = { query, year: year ?? null, tagSlug: tagSlug ?? null };
  const empty: SearchResults = { ...applied, items: [], total: 0, page: 1, pageCount: 0 };
  if (!terms) return empty;

  const filters = filterSql({ year, tagSlug }, now);
  let strategy = fullTextStrategy(terms);
  let total = await countMatches(strategy, filters);
  if (total === 0) {
    strategy = trigramStrategy(terms);
    total = await countMatches(strategy, filters);
  }
  if (total === 0) return empty;

  const pageCount = Math.ceil(total / SEARCH_PAGE_SIZE);
  const page = Math.min(requestedPage, pageCount);
  const ids = await pageOfIds(strategy, filters, page);
  return { ...applied, items: await loadItems(ids, terms, now), total, page, pageCount };
}

async function loadItems(ids: number[], terms: SearchTerms, now: Date): Promise<SearchResultItem[]> {
  const db = getDb();
  const articles = await db.article.findMany({
    where: { AND: [{ id: { in: ids } }, publicArticleWhere(now)] },
    select: {
      id: true,
      slug: true,
      title: true,
      lead: true,
      body: true,
      publishAt: true,
      placement: { select: { section: { select: { issue: { select: { id: true, year: true, number: true, publishAt: true } } } } } },
    },
  });
  const issueIds = articles.flatMap((article) => article.placement?.section.issue.id ?? []);
  const publicIssueIds = new Set(
    (await db.issue.findMany({ where: { AND: [{ id: { in: issueIds } }, publicIssueWhere(now)] }, select: { id: true } })).map(
      (issue) => issue.id,
    ),
  );
  const byId = new Map(articles.map((article) => [article.id, article]));
  return ids.flatMap((id) => {
    const article = byId.get(id);
    if (!article) return [];
    const placedIssue = article.placement?.section.issue;
    const issue = placedIssue && publicIssueIds.has(placedIssue.id) ? placedIssue : null;
    return [
      {
        slug: article.slug,
        title: article.title,
        lead: article.lead,
        excerptParts: buildExcerpt(`${article.lead ?? ''} ${bodyText(article.body)}`, terms),
        issue: issue ? { year: issue.year, number: issue.number } : null,
        publishAt: article.publishAt ?? issue?.publishAt ?? null,
      },
    ];
  });
}

/** The readable text of a stored rich-text body: text nodes and image captions, in order. */
function bodyText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const { text, attrs, content } = node as { text?: unknown; attrs?: { caption?: unknown } | null; content?: unknown };
  if (typeof text === 'string') return text;
  const caption = typeof attrs?.caption === 'string' ? attrs.caption : '';
  const inner = Array.isArray(content) ? content.map(bodyText).join('') : '';
  // Blocks (and hard breaks) end words; inline text nodes of one paragraph join as written.
  return ` ${caption}${inner} `;
}

/**
 * A window of about 36 words around the densest cluster of matches, split into parts that
 * the page renders as text and <mark>. Matching follows the search: accent-insensitive
 * whole words, and the last query word as a prefix.
 */
export function buildExcerpt(source: string, terms: Pick<SearchTerms, 'words' | 'prefix'>): ExcerptPart[] {
  const text = cleanText(source);
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)].map((match) => {
    const key = removeDiacritics(match[0]).toLowerCase();
    // The query term this word matches, if any.
    const term = terms.words.has(key) ? key : key.startsWith(terms.prefix) ? terms.prefix : null;
    return { start: match.index, end: match.index + match[0].length, term };
  });
  if (words.length === 0) return [];

  let bestStart = 0;
  let bestScore = 0;
  for (const [index, word] of words.entries()) {
    if (!word.term) continue;
    const start = Math.max(0, index - EXCERPT_LEAD_IN);
    const distinct = new Set(words.slice(start, start + EXCERPT_WORDS).flatMap((w) => w.term ?? []));
    if (distinct.size > bestScore) {
      bestScore = distinct.size;
      bestStart = start;
    }
    if (distinct.size === terms.words.size + 1) break;
  }

  const window = words.slice(bestStart, bestStart + EXCERPT_WORDS);
  const reachesEnd = bestStart + EXCERPT_WORDS >= words.length;
  // Whole text at either end keeps opening quotes and closing punctuation.
  const from = bestStart === 0 ? 0 : window[0]!.start;
  const to = reachesEnd ? text.length : window.at(-1)!.end;
  const parts: ExcerptPart[] = [];
  const pushText = (value: string) => {
    const last = parts.at(-1);
    if (last && !last.isMatch) last.text += value;
    else if (value) parts.push({ text: value, isMatch: false });
  };
  if (bestStart > 0) pushText('… ');
  let cursor = from;
  for (const word of window) {
    if (!word.term) continue;
    pushText(text.slice(cursor, word.start));
    parts.push({ text: text.slice(word.start, word.end), isMatch: true });
    cursor = word.end;
  }
  pushText(text.slice(cursor, to));
  if (!reachesEnd) pushText(' …');
  return parts;
}

/** Choices for the filter selects: years with a public issue, tags of public articles. */
export async function listSearchFilters(now = new Date()): Promise<SearchFilters> {
  const db = getDb();
  const [issues, tags] = await Promise.all([
    db.issue.findMany({ where: publicIssueWhere(now), distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } }),
    db.tag.findMany({
      where: { articles: { some: { article: publicArticleWhere(now) } } },
      select: { name: true, slug: true },
    }),
  ]);
  const collator = new Intl.Collator('vi');
  return {
    years: issues.map((issue) => issue.year),
    tags: tags.sort((a, b) => collator.compare(a.name, b.name)),
  };
}
