-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('CREATED', 'SAVED', 'CHECKPOINT', 'REPLACED', 'SUBMITTED', 'APPROVED', 'RETURNED', 'PUBLISHED', 'UNPUBLISHED', 'RESTORED', 'REVISION_PUBLISHED');

-- CreateEnum
CREATE TYPE "CommentKind" AS ENUM ('NOTE', 'RETURN', 'UNPUBLISH');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('RETURNED', 'APPROVED', 'SUBMITTED', 'COMMENTED', 'MENTIONED', 'ISSUE_PUBLISHED', 'PUBLISH_FAILED');

-- AlterTable
ALTER TABLE "ArticleRevision" ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'SAVED';

-- CreateTable
CREATE TABLE "ArticleComment" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "kind" "CommentKind" NOT NULL DEFAULT 'NOTE',
    "body" TEXT NOT NULL,
    "quote" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "recipientId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "actorId" INTEGER,
    "articleId" INTEGER,
    "issueId" INTEGER,
    "commentId" INTEGER,
    "excerpt" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" SERIAL NOT NULL,
    "notificationId" INTEGER,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EditingLease" (
    "articleId" INTEGER NOT NULL,
    "holderId" INTEGER NOT NULL,
    "tabId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "previousHolderId" INTEGER,
    "previousTabId" TEXT,
    "takenOverAt" TIMESTAMP(3),

    CONSTRAINT "EditingLease_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "ArticleComment_articleId_createdAt_idx" ON "ArticleComment"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_readAt_idx" ON "Notification"("recipientId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_recipientId_createdAt_idx" ON "Notification"("recipientId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_sentAt_nextAttemptAt_idx" ON "EmailOutbox"("sentAt", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "ArticleComment" ADD CONSTRAINT "ArticleComment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleComment" ADD CONSTRAINT "ArticleComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleComment" ADD CONSTRAINT "ArticleComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "ArticleComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditingLease" ADD CONSTRAINT "EditingLease_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditingLease" ADD CONSTRAINT "EditingLease_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditingLease" ADD CONSTRAINT "EditingLease_previousHolderId_fkey" FOREIGN KEY ("previousHolderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written (not in the datamodel).
-- Revisions kept before kinds existed: the first one of each article is its creation.
UPDATE "ArticleRevision" SET "kind" = 'CREATED' WHERE "version" = 1;

-- A published issue whose public content changed (one of its articles unpublished): its pages
-- and PDF are refreshed like after publishing.
ALTER TABLE "PublishOutbox" DROP CONSTRAINT "PublishOutbox_kind";
ALTER TABLE "PublishOutbox" ADD CONSTRAINT "PublishOutbox_kind" CHECK ("kind" IN ('issue.published', 'issue.unpublished', 'issue.changed'));

ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_attempts_nonnegative" CHECK ("attempts" >= 0);
ALTER TABLE "EditingLease" ADD CONSTRAINT "EditingLease_expires_after_start" CHECK ("expiresAt" > "startedAt");
-- A notification is about something: an article or an issue.
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_has_subject" CHECK ("articleId" IS NOT NULL OR "issueId" IS NOT NULL);
