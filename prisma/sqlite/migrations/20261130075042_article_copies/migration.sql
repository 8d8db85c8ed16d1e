-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "ticketId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "visibleToCustomer" BOOLEAN NOT NULL DEFAULT true,
    "authorAgentId" INTEGER,
    "authorCustomerId" INTEGER,
    "isForeignSender" BOOLEAN NOT NULL DEFAULT false,
    "isAutomatic" BOOLEAN NOT NULL DEFAULT false,
    "fromAddress" TEXT NOT NULL DEFAULT '',
    "toAddress" TEXT NOT NULL DEFAULT '',
    "cc" TEXT NOT NULL DEFAULT '',
    "subject" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "html" TEXT,
    "messageId" TEXT,
    "inReplyTo" TEXT,
    "references" TEXT,
    "contentHash" TEXT,
    "copiedFromId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Article_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Article_authorAgentId_fkey" FOREIGN KEY ("authorAgentId") REFERENCES "Agent" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_authorCustomerId_fkey" FOREIGN KEY ("authorCustomerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("authorAgentId", "authorCustomerId", "cc", "channel", "contentHash", "createdAt", "direction", "fromAddress", "html", "id", "inReplyTo", "isAutomatic", "isForeignSender", "messageId", "references", "subject", "text", "ticketId", "toAddress", "visibleToCustomer") SELECT "authorAgentId", "authorCustomerId", "cc", "channel", "contentHash", "createdAt", "direction", "fromAddress", "html", "id", "inReplyTo", "isAutomatic", "isForeignSender", "messageId", "references", "subject", "text", "ticketId", "toAddress", "visibleToCustomer" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_ticketId_createdAt_idx" ON "Article"("ticketId", "createdAt");
CREATE INDEX "Article_messageId_idx" ON "Article"("messageId");
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");
CREATE INDEX "Article_copiedFromId_idx" ON "Article"("copiedFromId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
