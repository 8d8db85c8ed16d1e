-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Ticket_queueId_id_idx" ON "Ticket"("queueId", "id");
