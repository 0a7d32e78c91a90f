-- AlterTable
ALTER TABLE "LoginAttempt" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");

-- Hand-written: an aggregate row counts at least one attempt.
ALTER TABLE "LoginAttempt" ADD CONSTRAINT "LoginAttempt_attempts_positive" CHECK ("attempts" >= 1);
