-- CreateIndex
CREATE INDEX "Issue_year_number_id_idx" ON "Issue"("year", "number", "id");

-- CreateIndex
CREATE INDEX "Article_publishAt_id_idx" ON "Article"("publishAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_updatedAt_id_idx" ON "Article"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Article_createdAt_id_idx" ON "Article"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Article_title_id_idx" ON "Article"("title", "id");

-- Hand-written (not in the datamodel): search ranks a bounded set of candidates
-- (docs/decisions/004-search-in-postgresql.md, 2026-11-30).
--
-- NOTE: as in the search migration, semicolons appear only at statement ends (the adapter
-- splits the script on every one of them).

-- Title A and lead B with positions, for ranking the candidates (no index: candidates come
-- from the document's GIN index or the newest-first walk). Small enough to stay in the row.
-- Generated: always in step with title and lead.
CREATE FUNCTION public.article_search_heading(p_title text, p_lead text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('simple', public.search_normalize(coalesce(p_title, ''))), 'A')
        || setweight(to_tsvector('simple', public.search_normalize(coalesce(p_lead, ''))), 'B');

ALTER TABLE "Article" ADD COLUMN "search_heading" tsvector
    GENERATED ALWAYS AS (public.article_search_heading(title, lead)) STORED;

-- The title as searched ("chuyen doi so viet nam"): ranking tests whether it starts with or
-- holds the query, and the typo fallback compares trigrams, without normalising per row.
ALTER TABLE "Article" ADD COLUMN "search_title" text
    GENERATED ALWAYS AS (btrim(public.search_normalize(title))) STORED;

CREATE INDEX "Article_search_title_trgm_idx" ON "Article" USING GIN ("search_title" public.gin_trgm_ops);
DROP INDEX "Article_title_trgm_idx";

-- The whole document now only answers "does it match": ranking reads search_heading. Without
-- positions and weights (strip) it is about 2.5 times smaller, and testing one row while
-- walking the newest articles is 3 to 4 times cheaper. Same inputs and trigger as before.
CREATE OR REPLACE FUNCTION public.article_search_document(
    p_article_id integer, p_title text, p_lead text, p_body jsonb, p_source_authors text, p_source_outlet text
) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN strip(to_tsvector('simple', public.search_normalize(concat_ws(' ',
        p_title,
        p_lead,
        left(concat_ws(' ',
            (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(p_body, 'strict $.**.text') AS t),
            (SELECT string_agg(c #>> '{}', ' ') FROM jsonb_path_query(p_body, 'strict $.**.caption') AS c)
        ), 300000),
        p_source_authors,
        p_source_outlet,
        (SELECT string_agg(tag.name, ' ') FROM "ArticleTag" AS at JOIN "Tag" AS tag ON tag.id = at."tagId"
         WHERE at."articleId" = p_article_id)
    ))));

-- What search reads per row stays in the row (MAIN: out of line only if the row outgrows a
-- page). Stored out of line, as a tsvector that compresses badly was, each row tested costs a
-- TOAST lookup: walking 1,000 matches took 5.7 ms instead of 0.8 ms on the benchmark data.
ALTER TABLE "Article"
    ALTER COLUMN "search_document" SET STORAGE MAIN,
    ALTER COLUMN "search_heading" SET STORAGE MAIN,
    ALTER COLUMN "search_title" SET STORAGE MAIN;

-- Rewrites every row: the new document, the heading recomputed, both stored as above.
UPDATE "Article" SET "search_document" = public.article_search_document(id, title, lead, body, "sourceAuthors", "sourceOutlet");

-- A pending list (fastupdate) is read in full by every search until a vacuum merges it:
-- writes are rare here, reads are not.
ALTER INDEX "Article_search_document_idx" SET (fastupdate = off);
SELECT gin_clean_pending_list('"Article_search_document_idx"'::regclass);
