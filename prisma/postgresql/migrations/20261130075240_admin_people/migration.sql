-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "discardReason" TEXT,
ADD COLUMN     "discardedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AgentPasswordToken" (
    "id" SERIAL NOT NULL,
    "agentId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentPasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerAlias" (
    "id" SERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "customerId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgentPasswordToken_tokenHash_key" ON "AgentPasswordToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AgentPasswordToken_agentId_idx" ON "AgentPasswordToken"("agentId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerAlias_address_key" ON "CustomerAlias"("address");

-- CreateIndex
CREATE INDEX "CustomerAlias_customerId_idx" ON "CustomerAlias"("customerId");

-- AddForeignKey
ALTER TABLE "AgentPasswordToken" ADD CONSTRAINT "AgentPasswordToken_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerAlias" ADD CONSTRAINT "CustomerAlias_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search text of existing customers (address, name, organisation, lower-cased).
UPDATE "Customer" SET "searchText" = lower("email" || ' ' || "name" || ' ' || coalesce("organisation", ''));
