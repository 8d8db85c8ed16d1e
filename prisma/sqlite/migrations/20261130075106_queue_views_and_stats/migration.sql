-- CreateTable
CREATE TABLE "QueueDayStats" (
    "queueId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "refreshedAt" DATETIME NOT NULL,

    PRIMARY KEY ("queueId", "day")
);

-- CreateIndex
CREATE INDEX "QueueDayStats_day_idx" ON "QueueDayStats"("day");

-- CreateIndex
CREATE INDEX "Ticket_queueId_priority_id_idx" ON "Ticket"("queueId", "priority", "id");

-- CreateIndex
CREATE INDEX "Ticket_queueId_createdAt_id_idx" ON "Ticket"("queueId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_queueId_escalationDueAt_id_idx" ON "Ticket"("queueId", "escalationDueAt", "id");

-- CreateIndex
CREATE INDEX "Ticket_closedAt_idx" ON "Ticket"("closedAt");
