-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "discardReason" TEXT;
ALTER TABLE "InboundMessage" ADD COLUMN "discardedAt" DATETIME;

-- CreateTable
CREATE TABLE "AgentPasswordToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgentPasswordToken_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CustomerAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "address" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerAlias_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'agent',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT,
    "outOfOfficeFrom" DATETIME,
    "outOfOfficeTo" DATETIME,
    "notificationSettings" JSONB,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Agent" ("active", "createdAt", "email", "id", "locale", "name", "notificationSettings", "outOfOfficeFrom", "outOfOfficeTo", "passwordHash", "role", "updatedAt") SELECT "active", "createdAt", "email", "id", "locale", "name", "notificationSettings", "outOfOfficeFrom", "outOfOfficeTo", "passwordHash", "role", "updatedAt" FROM "Agent";
DROP TABLE "Agent";
ALTER TABLE "new_Agent" RENAME TO "Agent";
CREATE UNIQUE INDEX "Agent_email_key" ON "Agent"("email");
CREATE TABLE "new_Customer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "organisation" TEXT,
    "locale" TEXT,
    "bouncingAt" DATETIME,
    "isDeskAddress" BOOLEAN NOT NULL DEFAULT false,
    "erasedAt" DATETIME,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Customer" ("bouncingAt", "createdAt", "email", "id", "isDeskAddress", "locale", "name", "organisation", "updatedAt") SELECT "bouncingAt", "createdAt", "email", "id", "isDeskAddress", "locale", "name", "organisation", "updatedAt" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE UNIQUE INDEX "Customer_email_key" ON "Customer"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AgentPasswordToken_tokenHash_key" ON "AgentPasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AgentPasswordToken_agentId_idx" ON "AgentPasswordToken"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAlias_address_key" ON "CustomerAlias"("address");

-- CreateIndex
CREATE INDEX "CustomerAlias_customerId_idx" ON "CustomerAlias"("customerId");

-- Search text of existing customers (address, name, organisation, lower-cased).
UPDATE "Customer" SET "searchText" = lower("email" || ' ' || "name" || ' ' || coalesce("organisation", ''));
