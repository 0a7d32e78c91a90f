-- Accent-insensitive full-text search over articles (src/server/search/queries.ts).
-- Kept out of the Prisma datamodel: Prisma never reads or writes "search_document", the
-- triggers below maintain it.
--
-- NOTE: this script is applied through @prisma/adapter-pg, whose executeScript splits the
-- file on every semicolon character, even inside strings and comments. So semicolons appear
-- here only at statement ends: the PL/pgSQL bodies are E'' strings that write them as \073,
-- and the other functions are single SQL expressions or single statements.

CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

-- unaccent() is only STABLE (its dictionary could change), so an index cannot use it. Naming
-- the dictionary explicitly makes the result fixed, the usual way to index it.
CREATE FUNCTION public.immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN public.unaccent('public.unaccent'::regdictionary, $1);

-- The one normal form of searchable text, shared by documents, the title index and the
-- query builder in TypeScript (removeDiacritics, lower case, words of [a-z0-9]): "Chuyển đổi
-- số, 2025!" becomes "chuyen doi so 2025 ".
CREATE FUNCTION public.search_normalize(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(lower(public.immutable_unaccent($1)), '[^a-z0-9]+', ' ', 'g');

-- Title A, lead B, body text and image captions C, source names and tag names D. 'simple'
-- configuration: Vietnamese has no stemmer, and every syllable counts (no stop words). The
-- body text is capped so that an extreme document cannot overflow a tsvector (1 MB).
CREATE FUNCTION public.article_search_document(
    p_article_id integer, p_title text, p_lead text, p_body jsonb, p_source_authors text, p_source_outlet text
) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('simple', public.search_normalize(coalesce(p_title, ''))), 'A')
        || setweight(to_tsvector('simple', public.search_normalize(coalesce(p_lead, ''))), 'B')
        || setweight(to_tsvector('simple', public.search_normalize(left(concat_ws(' ',
               (SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(p_body, 'strict $.**.text') AS t),
               (SELECT string_agg(c #>> '{}', ' ') FROM jsonb_path_query(p_body, 'strict $.**.caption') AS c)
           ), 300000))), 'C')
        || setweight(to_tsvector('simple', public.search_normalize(concat_ws(' ', p_source_authors, p_source_outlet,
               (SELECT string_agg(tag.name, ' ') FROM "ArticleTag" AS at JOIN "Tag" AS tag ON tag.id = at."tagId"
                WHERE at."articleId" = p_article_id)
           ))), 'D');

ALTER TABLE "Article" ADD COLUMN "search_document" tsvector NOT NULL DEFAULT ''::tsvector;

UPDATE "Article" SET "search_document" = public.article_search_document(id, title, lead, body, "sourceAuthors", "sourceOutlet");

CREATE INDEX "Article_search_document_idx" ON "Article" USING GIN ("search_document");
-- Fallback for partial or misspelt words when full-text search finds nothing.
CREATE INDEX "Article_title_trgm_idx" ON "Article" USING GIN (public.search_normalize("title") public.gin_trgm_ops);

-- Article rows: recomputed whenever a searchable column is written.
CREATE FUNCTION public.article_search_document_trigger() RETURNS trigger
    LANGUAGE plpgsql AS
E'BEGIN
    NEW.search_document := public.article_search_document(NEW.id, NEW.title, NEW.lead, NEW.body, NEW."sourceAuthors", NEW."sourceOutlet")\073
    RETURN NEW\073
END';

CREATE TRIGGER "Article_search_document" BEFORE INSERT OR UPDATE OF title, lead, body, "sourceAuthors", "sourceOutlet"
    ON "Article" FOR EACH ROW EXECUTE FUNCTION public.article_search_document_trigger();

-- Tag names are part of the document: adding or removing a tag, or renaming one, refreshes
-- the articles concerned. This UPDATE writes only "search_document", so the trigger above
-- does not run again.
CREATE FUNCTION public.refresh_article_search_documents(p_article_ids integer[]) RETURNS void
    LANGUAGE sql AS
'UPDATE "Article" AS a
    SET "search_document" = public.article_search_document(a.id, a.title, a.lead, a.body, a."sourceAuthors", a."sourceOutlet")
    WHERE a.id = ANY (p_article_ids)';

-- OLD is NULL on INSERT and NEW on DELETE (PostgreSQL 11+), and ANY ignores NULLs.
CREATE FUNCTION public.article_tag_search_trigger() RETURNS trigger
    LANGUAGE plpgsql AS
E'BEGIN
    PERFORM public.refresh_article_search_documents(ARRAY[OLD."articleId", NEW."articleId"])\073
    RETURN NULL\073
END';

CREATE TRIGGER "ArticleTag_search_document" AFTER INSERT OR UPDATE OR DELETE
    ON "ArticleTag" FOR EACH ROW EXECUTE FUNCTION public.article_tag_search_trigger();

CREATE FUNCTION public.tag_search_trigger() RETURNS trigger
    LANGUAGE plpgsql AS
E'BEGIN
    PERFORM public.refresh_article_search_documents(ARRAY(SELECT "articleId" FROM "ArticleTag" WHERE "tagId" = NEW.id))\073
    RETURN NULL\073
END';

CREATE TRIGGER "Tag_search_document" AFTER UPDATE OF name ON "Tag"
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.tag_search_trigger();
