-- CreateTable
CREATE TABLE "IssuePrintFile" (
    "issueId" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "originalName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuePrintFile_pkey" PRIMARY KEY ("issueId")
);

-- AddForeignKey
ALTER TABLE "IssuePrintFile" ADD CONSTRAINT "IssuePrintFile_issueId_fkey" FOREIGN KEY ("issueId") REFERENCES "Issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;
