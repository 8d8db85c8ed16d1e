-- CreateIndex
CREATE INDEX "Ticket_queueId_state_position_createdAt_id_idx" ON "Ticket"("queueId", "state", "position", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_queueId_state_priority_createdAt_id_idx" ON "Ticket"("queueId", "state", "priority" DESC, "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_queueId_state_createdAt_id_idx" ON "Ticket"("queueId", "state", "createdAt", "id");
