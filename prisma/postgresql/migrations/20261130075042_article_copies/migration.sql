-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "copiedFromId" INTEGER;

-- CreateIndex
CREATE INDEX "Article_copiedFromId_idx" ON "Article"("copiedFromId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;
