-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "isDeskAddress" BOOLEAN NOT NULL DEFAULT false;
