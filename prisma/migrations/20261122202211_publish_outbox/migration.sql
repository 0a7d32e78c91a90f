-- CreateTable
CREATE TABLE "PublishOutbox" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "issueId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "PublishOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublishOutbox_processedAt_id_idx" ON "PublishOutbox"("processedAt", "id");

-- Hand-written (not in the datamodel): the kinds processOutbox knows how to run.
ALTER TABLE "PublishOutbox" ADD CONSTRAINT "PublishOutbox_kind" CHECK ("kind" IN ('issue.published', 'issue.unpublished'));
ALTER TABLE "PublishOutbox" ADD CONSTRAINT "PublishOutbox_attempts_nonnegative" CHECK ("attempts" >= 0);
