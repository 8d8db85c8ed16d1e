-- DropIndex
DROP INDEX "Ticket_ownerId_state_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Ticket_ownerId_state_updatedAt_queueId_idx" ON "Ticket"("ownerId", "state", "updatedAt", "queueId");
