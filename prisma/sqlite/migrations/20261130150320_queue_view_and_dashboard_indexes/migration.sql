-- DropIndex
DROP INDEX "Ticket_queueId_priority_id_idx";

-- DropIndex
DROP INDEX "Ticket_queueId_position_idx";

-- CreateIndex
CREATE INDEX "Ticket_state_lockedById_createdAt_queueId_idx" ON "Ticket"("state", "lockedById", "createdAt", "queueId");

-- CreateIndex
CREATE INDEX "Ticket_queueId_position_createdAt_id_idx" ON "Ticket"("queueId", "position", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_queueId_priority_createdAt_id_idx" ON "Ticket"("queueId", "priority" DESC, "createdAt", "id");
