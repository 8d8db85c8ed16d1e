-- CreateEnum
CREATE TYPE "TicketLinkType" AS ENUM ('normal', 'parent_child', 'follow_up');

-- CreateTable
CREATE TABLE "TicketLink" (
    "id" SERIAL NOT NULL,
    "type" "TicketLinkType" NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TicketLink_pkey" PRIMARY KEY ("id")
);

-- Data: a late follow-up's new ticket pointed at the closed one with Ticket.parentId;
-- that is now a link of its own type (source: the closed ticket, target: the new one).
INSERT INTO "TicketLink" ("type", "sourceId", "targetId", "createdAt")
SELECT 'follow_up', "parentId", "id", "createdAt" FROM "Ticket" WHERE "parentId" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "Ticket" DROP CONSTRAINT "Ticket_parentId_fkey";

-- AlterTable
ALTER TABLE "Ticket" DROP COLUMN "parentId",
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "TicketLink_targetId_idx" ON "TicketLink"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketLink_sourceId_targetId_type_key" ON "TicketLink"("sourceId", "targetId", "type");

-- CreateIndex
CREATE INDEX "Notification_ticketId_idx" ON "Notification"("ticketId");

-- CreateIndex
CREATE INDEX "Ticket_queueId_position_idx" ON "Ticket"("queueId", "position");

-- CreateIndex
CREATE INDEX "Ticket_responsibleId_idx" ON "Ticket"("responsibleId");

-- CreateIndex
CREATE INDEX "Ticket_lockedById_idx" ON "Ticket"("lockedById");

-- CreateIndex
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketLink" ADD CONSTRAINT "TicketLink_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
