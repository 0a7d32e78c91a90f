-- CreateEnum
CREATE TYPE "BackupStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "BackupTrigger" AS ENUM ('SCHEDULED', 'MANUAL', 'COMMAND');

-- CreateTable
CREATE TABLE "BackupSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "isEnabled" BOOLEAN NOT NULL DEFAULT false,
    "dailyTime" TEXT NOT NULL DEFAULT '02:30',
    "keepCount" INTEGER NOT NULL DEFAULT 14,
    "directory" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackupSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" SERIAL NOT NULL,
    "trigger" "BackupTrigger" NOT NULL,
    "slot" TEXT,
    "status" "BackupStatus" NOT NULL DEFAULT 'RUNNING',
    "hostname" TEXT NOT NULL,
    "file" TEXT,
    "byteSize" BIGINT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppInstance" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "migration" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BackupRun_slot_key" ON "BackupRun"("slot");

-- CreateIndex
CREATE INDEX "BackupRun_status_finishedAt_idx" ON "BackupRun"("status", "finishedAt");

-- Hand-written: rules the datamodel cannot express.
ALTER TABLE "BackupSettings" ADD CONSTRAINT "BackupSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "BackupSettings" ADD CONSTRAINT "BackupSettings_daily_time" CHECK ("dailyTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE "BackupSettings" ADD CONSTRAINT "BackupSettings_keep_count" CHECK ("keepCount" BETWEEN 1 AND 365);
ALTER TABLE "BackupRun" ADD CONSTRAINT "BackupRun_finished" CHECK (("status" = 'RUNNING') = ("finishedAt" IS NULL));
