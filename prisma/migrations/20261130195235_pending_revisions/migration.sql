-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "updatedById" INTEGER;

-- CreateTable
CREATE TABLE "ArticlePendingRevision" (
    "articleId" INTEGER NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "lead" TEXT,
    "body" JSONB NOT NULL,
    "sourceAuthors" TEXT,
    "sourceOutlet" TEXT,
    "sourceUrl" TEXT,
    "tags" TEXT[],
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArticlePendingRevision_pkey" PRIMARY KEY ("articleId")
);

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePendingRevision" ADD CONSTRAINT "ArticlePendingRevision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePendingRevision" ADD CONSTRAINT "ArticlePendingRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A pending revision always continues the live version it was started from.
ALTER TABLE "ArticlePendingRevision" ADD CONSTRAINT "ArticlePendingRevision_version_check" CHECK ("version" > "baseVersion" AND "baseVersion" > 0);

-- Until now every save kept a revision: the current version's author is its revision's.
UPDATE "Article" a SET "updatedById" = r."authorId" FROM "ArticleRevision" r WHERE r."articleId" = a.id AND r.version = a.version;

-- One spelling of each audited entity type.
UPDATE "AuditEvent" SET "entityType" = 'user' WHERE "entityType" = 'User';
UPDATE "AuditEvent" SET "entityType" = 'loginAttempt' WHERE "entityType" = 'LoginAttempt';
