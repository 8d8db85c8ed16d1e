-- AlterTable
ALTER TABLE "Queue" ADD COLUMN     "publicNameDe" TEXT,
ADD COLUMN     "publicNameEn" TEXT;

