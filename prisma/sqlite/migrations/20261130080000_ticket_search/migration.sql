-- Full-text search (issue 17): one FTS5 row per ticket, rowid = Ticket.id, holding the
-- number, title, customer (name and address) and the text of every article (internal
-- notes included: agents only). Kept in sync by the triggers below, in the same
-- transaction as every write. Prisma cannot describe it: scripts/db/search-objects.ts
-- lists these objects for the migration check. A later migration that redefines
-- "Ticket", "Article" or "Customer" (new_… table, DROP, RENAME) must drop these triggers
-- first and create them again after; db:migrate:dev writes that itself
-- (scripts/db/search-objects.ts: keepSearchTriggers).
--
-- Folding: unicode61 with remove_diacritics 2 folds case, umlauts and accents; it keeps
-- ß, so the indexed text has ß/ẞ replaced by "ss" (lib/search/fold-text.ts does the
-- same to the query).
CREATE VIRTUAL TABLE "ticket_search" USING fts5(
    "number",
    "title",
    "customer",
    "body",
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The row of every ticket, built from what is stored now.
INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
SELECT t."id", t."number",
       replace(replace(t."title", 'ß', 'ss'), 'ẞ', 'ss'),
       replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
       replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                 FROM "Article" a WHERE a."ticketId" = t."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
FROM "Ticket" t JOIN "Customer" c ON c."id" = t."customerId";

CREATE TRIGGER "ticket_search_ticket_insert" AFTER INSERT ON "Ticket" BEGIN
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT NEW."id", NEW."number",
           replace(replace(NEW."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = NEW."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Customer" c WHERE c."id" = NEW."customerId";
END;

CREATE TRIGGER "ticket_search_ticket_update" AFTER UPDATE OF "number", "title", "customerId" ON "Ticket"
WHEN OLD."number" IS NOT NEW."number" OR OLD."title" IS NOT NEW."title" OR OLD."customerId" IS NOT NEW."customerId"
BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" = NEW."id";
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT NEW."id", NEW."number",
           replace(replace(NEW."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = NEW."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Customer" c WHERE c."id" = NEW."customerId";
END;

CREATE TRIGGER "ticket_search_ticket_delete" AFTER DELETE ON "Ticket" BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" = OLD."id";
END;

-- An article written, changed (re-decoded), moved to another ticket (merge) or deleted:
-- the ticket's row is built again from its articles.
CREATE TRIGGER "ticket_search_article_insert" AFTER INSERT ON "Article" BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" = NEW."ticketId";
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT t."id", t."number",
           replace(replace(t."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = t."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Ticket" t JOIN "Customer" c ON c."id" = t."customerId" WHERE t."id" = NEW."ticketId";
END;

CREATE TRIGGER "ticket_search_article_update" AFTER UPDATE OF "text", "ticketId" ON "Article"
WHEN OLD."text" IS NOT NEW."text" OR OLD."ticketId" IS NOT NEW."ticketId"
BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" IN (OLD."ticketId", NEW."ticketId");
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT t."id", t."number",
           replace(replace(t."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = t."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Ticket" t JOIN "Customer" c ON c."id" = t."customerId" WHERE t."id" IN (OLD."ticketId", NEW."ticketId");
END;

CREATE TRIGGER "ticket_search_article_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" = OLD."ticketId";
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT t."id", t."number",
           replace(replace(t."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(c."name" || ' ' || c."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = t."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Ticket" t JOIN "Customer" c ON c."id" = t."customerId" WHERE t."id" = OLD."ticketId";
END;

CREATE TRIGGER "ticket_search_customer_update" AFTER UPDATE OF "name", "email" ON "Customer"
WHEN OLD."name" IS NOT NEW."name" OR OLD."email" IS NOT NEW."email"
BEGIN
    DELETE FROM "ticket_search" WHERE "rowid" IN (SELECT "id" FROM "Ticket" WHERE "customerId" = NEW."id");
    INSERT INTO "ticket_search" ("rowid", "number", "title", "customer", "body")
    SELECT t."id", t."number",
           replace(replace(t."title", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(NEW."name" || ' ' || NEW."email", 'ß', 'ss'), 'ẞ', 'ss'),
           replace(replace(coalesce((SELECT group_concat(a."text", char(10) || char(10) ORDER BY a."id")
                                     FROM "Article" a WHERE a."ticketId" = t."id"), ''), 'ß', 'ss'), 'ẞ', 'ss')
    FROM "Ticket" t WHERE t."customerId" = NEW."id";
END;
