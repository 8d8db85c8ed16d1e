-- Tickets per queue and state (issue 18: the dashboard at 1,000,000 tickets), kept by the
-- triggers below in the same transaction as every ticket write, so the dashboard reads
-- a few rows instead of counting every open ticket (300,000 index entries in the
-- benchmark's desk: 36 ms). SQLite only: every write already holds SQLite's one write
-- lock, so a counter row costs no concurrency; PostgreSQL counts from the index instead
-- (lib/reports/open-counts.ts). Prisma cannot describe the triggers:
-- scripts/db/search-objects.ts lists these objects for the migration check, and
-- db:migrate:dev drops and re-creates the triggers around a later redefinition of
-- "Ticket" (keepTriggers).
CREATE TABLE "ticket_counts" (
    "queueId" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    PRIMARY KEY ("queueId", "state")
) WITHOUT ROWID;

-- The counts of the tickets stored now.
INSERT INTO "ticket_counts" ("queueId", "state", "count")
SELECT "queueId", "state", COUNT(*) FROM "Ticket" GROUP BY "queueId", "state";

CREATE TRIGGER "ticket_counts_insert" AFTER INSERT ON "Ticket" BEGIN
    INSERT INTO "ticket_counts" ("queueId", "state", "count") VALUES (NEW."queueId", NEW."state", 1)
    ON CONFLICT ("queueId", "state") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ticket_counts_update" AFTER UPDATE OF "queueId", "state" ON "Ticket"
WHEN OLD."queueId" IS NOT NEW."queueId" OR OLD."state" IS NOT NEW."state" BEGIN
    UPDATE "ticket_counts" SET "count" = "count" - 1
    WHERE "queueId" = OLD."queueId" AND "state" = OLD."state";
    INSERT INTO "ticket_counts" ("queueId", "state", "count") VALUES (NEW."queueId", NEW."state", 1)
    ON CONFLICT ("queueId", "state") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ticket_counts_delete" AFTER DELETE ON "Ticket" BEGIN
    UPDATE "ticket_counts" SET "count" = "count" - 1
    WHERE "queueId" = OLD."queueId" AND "state" = OLD."state";
END;
