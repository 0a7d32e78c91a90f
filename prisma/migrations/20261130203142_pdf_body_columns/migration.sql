-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "bodyColumns" INTEGER NOT NULL DEFAULT 1;

-- Hand-written: the print layout has one or two columns, nothing else.
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_bodyColumns_range" CHECK ("bodyColumns" IN (1, 2));
