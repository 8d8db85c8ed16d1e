-- CreateTable
CREATE TABLE "TicketLink" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TicketLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TicketLink_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Data: a late follow-up's new ticket pointed at the closed one with Ticket.parentId;
-- that is now a link of its own type (source: the closed ticket, target: the new one).
INSERT INTO "TicketLink" ("type", "sourceId", "targetId", "createdAt")
SELECT 'follow_up', "parentId", "id", "createdAt" FROM "Ticket" WHERE "parentId" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "queueId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'new',
    "pendingUntil" DATETIME,
    "priority" INTEGER NOT NULL DEFAULT 3,
    "ownerId" INTEGER,
    "responsibleId" INTEGER,
    "lockedById" INTEGER,
    "lockedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "customerId" INTEGER NOT NULL,
    "position" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "firstResponseAt" DATETIME,
    "lastCustomerContactAt" DATETIME,
    "closedAt" DATETIME,
    "firstResponseDueAt" DATETIME,
    "updateDueAt" DATETIME,
    "solutionDueAt" DATETIME,
    "escalationDueAt" DATETIME,
    "escalationNotifiedAt" DATETIME,
    "mergedIntoId" INTEGER,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Ticket_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "Queue" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_lockedById_fkey" FOREIGN KEY ("lockedById") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("closedAt", "createdAt", "customerId", "escalationDueAt", "escalationNotifiedAt", "firstResponseAt", "firstResponseDueAt", "id", "lastCustomerContactAt", "lockedById", "mergedIntoId", "number", "ownerId", "pendingUntil", "position", "priority", "queueId", "responsibleId", "searchText", "solutionDueAt", "state", "title", "updateDueAt", "updatedAt") SELECT "closedAt", "createdAt", "customerId", "escalationDueAt", "escalationNotifiedAt", "firstResponseAt", "firstResponseDueAt", "id", "lastCustomerContactAt", "lockedById", "mergedIntoId", "number", "ownerId", "pendingUntil", "position", "priority", "queueId", "responsibleId", "searchText", "solutionDueAt", "state", "title", "updateDueAt", "updatedAt" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_number_key" ON "Ticket"("number");
CREATE INDEX "Ticket_queueId_state_updatedAt_idx" ON "Ticket"("queueId", "state", "updatedAt");
CREATE INDEX "Ticket_queueId_id_idx" ON "Ticket"("queueId", "id");
CREATE INDEX "Ticket_queueId_updatedAt_idx" ON "Ticket"("queueId", "updatedAt");
CREATE INDEX "Ticket_state_updatedAt_idx" ON "Ticket"("state", "updatedAt");
CREATE INDEX "Ticket_ownerId_state_updatedAt_idx" ON "Ticket"("ownerId", "state", "updatedAt");
CREATE INDEX "Ticket_customerId_updatedAt_idx" ON "Ticket"("customerId", "updatedAt");
CREATE INDEX "Ticket_state_pendingUntil_idx" ON "Ticket"("state", "pendingUntil");
CREATE INDEX "Ticket_escalationDueAt_idx" ON "Ticket"("escalationDueAt");
CREATE INDEX "Ticket_updatedAt_idx" ON "Ticket"("updatedAt");
CREATE INDEX "Ticket_createdAt_idx" ON "Ticket"("createdAt");
CREATE INDEX "Ticket_queueId_position_idx" ON "Ticket"("queueId", "position");
CREATE INDEX "Ticket_responsibleId_idx" ON "Ticket"("responsibleId");
CREATE INDEX "Ticket_lockedById_idx" ON "Ticket"("lockedById");
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TicketLink_targetId_idx" ON "TicketLink"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_sourceId_targetId_type_key" ON "TicketLink"("sourceId", "targetId", "type");

-- CreateIndex
CREATE INDEX "Notification_ticketId_idx" ON "Notification"("ticketId");
