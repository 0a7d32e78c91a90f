import 'server-only';
import { Prisma } from '@/generated/prisma/client';
import { removeDiacritics } from '@/lib/slug';

// The statements of public search. The database side ("search_document", "search_heading",
// their indexes and triggers, public.search_normalize) is in prisma/migrations/*_search*/;
// the design is docs/decisions/004-search-in-postgresql.md. Exported for bench/search.ts,
// which runs EXPLAIN ANALYZE on exactly these statements.

export const SEARCH_PAGE_SIZE = 10;
/** Matches ranked, counted and reachable by paging: the newest this many; past it the page says "hơn 1.000 kết quả". */
export const SEARCH_RESULT_CAP = 1000;
/** Typo tolerance is for short queries: a long one compared by trigrams matches at random. */
const TRIGRAM_MAX_CHARS = 60;
/** Title similarity is computed for at most this many titles (the fallback is for typos). */
const TRIGRAM_CANDIDATES = 100;

/** Words as the database indexes them: no diacritics, lower case, runs of [a-z0-9]. */
export function searchTokens(text: string): string[] {
  return (
    removeDiacritics(text)
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

export type SearchTerms = {
  /** Every token but the last: whole words. */
  words: Set<string>;
  /** The last token, matched as a prefix: the reader may still be typing it. */
  prefix: string;
  /** The tokens in order, as "search_title" writes them: phrase tests and trigram fallback. */
  phrase: string;
  /** How a title beginning with the first query word begins (the word, then a space unless it is the prefix). */
  opening: string;
  /** Every word, the last as a prefix (tsquery text). */
  match: string;
  /** The same words in the title, anywhere (tsquery text). */
  titleWords: string;
};

export function searchTerms(query: string): SearchTerms | null {
  const tokens = searchTokens(query);
  const prefix = tokens.at(-1);
  if (!prefix) return null;
  const words = new Set(tokens.slice(0, -1).filter((token) => token !== prefix));
  // Tokens are [a-z0-9]+ only, so no tsquery operator or quote can come from the visitor.
  const lexemes = [...words].map((word) => `'${word}'`);
  return {
    words,
    prefix,
    phrase: tokens.join(' '),
    opening: tokens.length > 1 ? `${tokens[0]} ` : prefix,
    match: [...lexemes, `'${prefix}':*`].join(' & '),
    titleWords: [...lexemes.map((lexeme) => `${lexeme}:A`), `'${prefix}':*A`].join(' & '),
  };
}

export type SearchFilter = { year?: number; tagSlug?: string };

const utc = (now: Date) => Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** publicIssueWhere (src/server/publishing/visibility.ts) for the issue aliased `i`. */
function publicIssueSql(now: Date): Prisma.Sql {
  return Prisma.sql`(i.status IN ('SCHEDULED', 'PUBLISHED') AND i."publishAt" <= ${utc(now)})`;
}

/**
 * The rule of publicArticleWhere (src/server/publishing/visibility.ts) in SQL for the article
 * aliased `a`, so that ranking, counting and paging all happen in the database. That function
 * stays the definition: the rows of a page are fetched again through it, and
 * tests/integration/server/search checks that both select the same articles.
 */
function publicArticleSql(now: Date): Prisma.Sql {
  // Prisma stores DateTime as UTC in `timestamp without time zone`.
  return Prisma.sql`(
    (a.status = 'PUBLISHED' AND a."publishAt" <= ${utc(now)})
    OR (a.status = 'APPROVED' AND EXISTS (
      SELECT 1 FROM "ArticlePlacement" p
      JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId"
      -- In an issue already marked published, an approved article is one taken off and
      -- approved again: it waits for "Xuất bản" (visibility.ts says the same).
      WHERE p."articleId" = a.id AND i.status = 'SCHEDULED' AND i."publishAt" <= ${utc(now)}
    ))
  )`;
}

function filterSql(filter: SearchFilter, now: Date): Prisma.Sql {
  const conditions = [publicArticleSql(now)];
  if (filter.year !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ArticlePlacement" p
      JOIN "IssueSection" s ON s.id = p."sectionId"
      JOIN "Issue" i ON i.id = s."issueId"
      WHERE p."articleId" = a.id AND i.year = ${filter.year}
    )`);
  }
  if (filter.tagSlug !== undefined) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "ArticleTag" atag JOIN "Tag" t ON t.id = atag."tagId"
      WHERE atag."articleId" = a.id AND t.slug = ${filter.tagSlug}
    )`);
  }
  return Prisma.join(conditions, ' AND ');
}

/**
 * One row per result of the page, in order: its id, its public issue (or nulls) and the number
 * of matches counted up to a cap. A page past the end gives one row with the total and a null id.
 */
export type PageRow = {
  id: number | null;
  total: number;
  /** More matches than `total`. */
  isCapped: boolean;
  issueYear: number | null;
  issueNumber: number | null;
  issuePublishAt: Date | null;
};

/** Pages `candidates` (id, "publishAt", score; up to cap + 1 rows) best first, as PageRows. */
function pageOf(candidates: Prisma.Sql, cap: number, page: number, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (${candidates}),
    counted AS (SELECT least(count(*), ${cap})::int AS total, count(*) > ${cap} AS "isCapped" FROM candidates),
    shown AS (
      SELECT id, row_number() OVER (ORDER BY score DESC, "publishAt" DESC, id DESC) AS position
      FROM candidates
      ORDER BY position
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT shown.id, counted.total, counted."isCapped", i.year AS "issueYear", i.number AS "issueNumber", i."publishAt" AS "issuePublishAt"
    FROM counted
    LEFT JOIN shown ON true
    LEFT JOIN "ArticlePlacement" p ON p."articleId" = shown.id
    LEFT JOIN "IssueSection" s ON s.id = p."sectionId"
    LEFT JOIN "Issue" i ON i.id = s."issueId" AND ${publicIssueSql(now)}
    ORDER BY shown.position`;
}

/**
 * Full-text search in bounded work. Candidates: the newest SEARCH_RESULT_CAP + 1 matches (one
 * more than the cap, so the page knows there are more). Those whose title or lead holds every
 * word come first: the title starting with the query, then holding it as typed, then holding
 * every word, then the lead; inside each, a title opening with the first query word, then
 * cover density over title and lead. The other matches follow, newest first. When matches are
 * common the newest-first index is walked and the walk stops at the cap; when they are rare
 * the GIN index finds them all: the planner chooses from the statistics of the vectors.
 */
export function rankedPageSql(terms: SearchTerms, filter: SearchFilter, page: number, now: Date): Prisma.Sql {
  const match = Prisma.sql`${terms.match}::tsquery`;
  return pageOf(
    Prisma.sql`
      -- Scored above the LIMIT: only candidates pay for ranking, and only title or lead matches
      -- pay more than one test. Tiers step by 1; what refines a tier adds less than 1.
      SELECT id, "publishAt",
        CASE WHEN NOT search_heading @@ ${match} THEN -1
             ELSE CASE WHEN starts_with(search_title, ${terms.phrase}) THEN 3
                       WHEN strpos(' ' || search_title, ${` ${terms.phrase}`}) > 0 THEN 2
                       WHEN search_heading @@ ${terms.titleWords}::tsquery THEN 1 ELSE 0 END
               + CASE WHEN starts_with(search_title || ' ', ${terms.opening}) THEN 0.5 ELSE 0 END
               + ts_rank_cd(search_heading, ${match}, 32) / 2
        END AS score
      FROM (
        SELECT a.id, a."publishAt", a.search_heading, a.search_title
        FROM "Article" a
        WHERE a.search_document @@ ${match} AND ${filterSql(filter, now)}
        ORDER BY a."publishAt" DESC, a.id DESC
        LIMIT ${SEARCH_RESULT_CAP + 1}
      ) newest`,
    SEARCH_RESULT_CAP,
    page,
    now,
  );
}

/** Misspelt or cut words that full-text search misses: trigram similarity on titles. */
export function trigramPageSql(terms: SearchTerms, filter: SearchFilter, page: number, now: Date): Prisma.Sql | null {
  if (terms.phrase.length > TRIGRAM_MAX_CHARS) return null;
  return pageOf(
    Prisma.sql`
      SELECT a.id, a."publishAt", word_similarity(${terms.phrase}, a.search_title) AS score
      FROM "Article" a
      WHERE ${terms.phrase} <% a.search_title AND ${filterSql(filter, now)}
      LIMIT ${TRIGRAM_CANDIDATES + 1}`,
    TRIGRAM_CANDIDATES,
    page,
    now,
  );
}
