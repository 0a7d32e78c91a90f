-- Public pages are served from a page cache in every app server (docs/decisions/011-public-page-cache.md).
-- A committed change that can alter what the public sees sends NOTIFY bantin_public_change, and
-- every server LISTENs and stops serving what it rendered before. PostgreSQL delivers a NOTIFY
-- only when its transaction commits, once per transaction and payload (the table name), so a
-- rolled-back change refreshes nothing and a publish of 40 articles sends one message per table.
-- Changes that no reader can see (draft autosaves, uploads, composing a draft issue) send nothing.

CREATE FUNCTION bantin_notify_public_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('bantin_public_change', TG_TABLE_NAME);
  RETURN NULL;
END $$;

-- An article may be public when published, or approved inside a scheduled issue (visibility.ts).
CREATE FUNCTION bantin_article_may_be_public(article_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "Article" WHERE id = article_id AND status IN ('APPROVED', 'PUBLISHED'))
$$;

-- An issue is public, or will be at its stored time, once scheduled or published.
CREATE FUNCTION bantin_issue_may_be_public(issue_id integer) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "Issue" WHERE id = issue_id AND status IN ('SCHEDULED', 'PUBLISHED'))
$$;

CREATE TRIGGER "Issue_public_insert" AFTER INSERT ON "Issue" FOR EACH ROW
  WHEN (NEW.status IN ('SCHEDULED', 'PUBLISHED')) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Issue_public_update" AFTER UPDATE ON "Issue" FOR EACH ROW
  WHEN (OLD.status IN ('SCHEDULED', 'PUBLISHED') OR NEW.status IN ('SCHEDULED', 'PUBLISHED'))
  EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Issue_public_delete" AFTER DELETE ON "Issue" FOR EACH ROW
  WHEN (OLD.status IN ('SCHEDULED', 'PUBLISHED')) EXECUTE FUNCTION bantin_notify_public_change();

CREATE TRIGGER "Article_public_insert" AFTER INSERT ON "Article" FOR EACH ROW
  WHEN (NEW.status IN ('APPROVED', 'PUBLISHED')) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Article_public_update" AFTER UPDATE ON "Article" FOR EACH ROW
  WHEN (OLD.status IN ('APPROVED', 'PUBLISHED') OR NEW.status IN ('APPROVED', 'PUBLISHED'))
  EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Article_public_delete" AFTER DELETE ON "Article" FOR EACH ROW
  WHEN (OLD.status IN ('APPROVED', 'PUBLISHED')) EXECUTE FUNCTION bantin_notify_public_change();

CREATE TRIGGER "IssueSection_public_insert" AFTER INSERT ON "IssueSection" FOR EACH ROW
  WHEN (bantin_issue_may_be_public(NEW."issueId")) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "IssueSection_public_update" AFTER UPDATE ON "IssueSection" FOR EACH ROW
  WHEN (bantin_issue_may_be_public(OLD."issueId") OR bantin_issue_may_be_public(NEW."issueId"))
  EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "IssueSection_public_delete" AFTER DELETE ON "IssueSection" FOR EACH ROW
  WHEN (bantin_issue_may_be_public(OLD."issueId")) EXECUTE FUNCTION bantin_notify_public_change();

CREATE TRIGGER "ArticlePlacement_public_insert" AFTER INSERT ON "ArticlePlacement" FOR EACH ROW
  WHEN (bantin_article_may_be_public(NEW."articleId")) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "ArticlePlacement_public_update" AFTER UPDATE ON "ArticlePlacement" FOR EACH ROW
  WHEN (bantin_article_may_be_public(OLD."articleId") OR bantin_article_may_be_public(NEW."articleId"))
  EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "ArticlePlacement_public_delete" AFTER DELETE ON "ArticlePlacement" FOR EACH ROW
  WHEN (bantin_article_may_be_public(OLD."articleId")) EXECUTE FUNCTION bantin_notify_public_change();

CREATE TRIGGER "ArticleTag_public_insert" AFTER INSERT ON "ArticleTag" FOR EACH ROW
  WHEN (bantin_article_may_be_public(NEW."articleId")) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "ArticleTag_public_delete" AFTER DELETE ON "ArticleTag" FOR EACH ROW
  WHEN (bantin_article_may_be_public(OLD."articleId")) EXECUTE FUNCTION bantin_notify_public_change();

-- Renaming or removing a tag, changing an image's caption, credit or alt text: rare, and any
-- public page may show them. Saving an article upserts its tags without changing them.
CREATE TRIGGER "Tag_public_update" AFTER UPDATE ON "Tag" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Tag_public_delete" AFTER DELETE ON "Tag" FOR EACH STATEMENT EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Media_public_update" AFTER UPDATE ON "Media" FOR EACH ROW
  WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "Media_public_delete" AFTER DELETE ON "Media" FOR EACH STATEMENT EXECUTE FUNCTION bantin_notify_public_change();

-- Settings (masthead, credit line, logo) appear on every public page; old slugs answer with redirects.
CREATE TRIGGER "Publication_public_change" AFTER INSERT OR UPDATE OR DELETE ON "Publication"
  FOR EACH STATEMENT EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "PublicationSection_public_change" AFTER INSERT OR UPDATE OR DELETE ON "PublicationSection"
  FOR EACH STATEMENT EXECUTE FUNCTION bantin_notify_public_change();
CREATE TRIGGER "ArticleSlugRedirect_public_change" AFTER INSERT OR UPDATE OR DELETE ON "ArticleSlugRedirect"
  FOR EACH STATEMENT EXECUTE FUNCTION bantin_notify_public_change();
