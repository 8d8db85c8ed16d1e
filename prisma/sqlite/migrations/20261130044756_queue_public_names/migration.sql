-- AlterTable
ALTER TABLE "Queue" ADD COLUMN "publicNameDe" TEXT;
ALTER TABLE "Queue" ADD COLUMN "publicNameEn" TEXT;

