-- Full-text search (issue 17): one row per ticket in "ticket_search" with a copy of its
-- article text (for snippets) and a tsvector document (GIN index) over the number, title,
-- customer (name and address) and the text of every article (internal notes included:
-- agents only). Kept in sync by the triggers below, in the same transaction as every
-- write. Prisma cannot describe it: scripts/db/search-objects.ts lists these objects for
-- the migration check.
--
-- Word forms: the document holds the text three times, through "german" and "english"
-- (stemming) and "simple" (the words as written). Each configuration runs unaccent first
-- (postgresql-contrib, part of Debian's server package; a trusted extension, so the
-- database owner may create it): case, umlauts and accents are folded and ß becomes ss.
CREATE EXTENSION IF NOT EXISTS "unaccent";

CREATE TEXT SEARCH CONFIGURATION "ticket_search_german" (COPY = pg_catalog.german);
ALTER TEXT SEARCH CONFIGURATION "ticket_search_german"
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart WITH "unaccent", german_stem;
CREATE TEXT SEARCH CONFIGURATION "ticket_search_english" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "ticket_search_english"
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart WITH "unaccent", english_stem;
CREATE TEXT SEARCH CONFIGURATION "ticket_search_simple" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "ticket_search_simple"
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart WITH "unaccent", simple;

CREATE TABLE "ticket_search" (
    "ticket_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "Ticket" ("id") ON DELETE CASCADE,
    "body" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL
);
CREATE INDEX "ticket_search_document_idx" ON "ticket_search" USING GIN ("document");

-- The words of a text as the query sees them (lib/search/fold-text.ts: letters and digits;
-- everything else separates). PostgreSQL's parser would otherwise keep "walrus@firma.example",
-- "1.5" or "-2026" (of "paging-2026") as one token that no typed word matches.
CREATE FUNCTION "ticket_search_words"(value TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT regexp_replace(value, '[[:punct:]]+', ' ', 'g')
$$;

-- The document: number, title (weight A) and customer (B) as written; title and articles
-- (D) also stemmed in German and English.
CREATE FUNCTION "ticket_search_document"(head TEXT, title TEXT, who TEXT, body TEXT)
RETURNS TSVECTOR LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('ticket_search_simple', "ticket_search_words"(head)), 'A')
        || setweight(to_tsvector('ticket_search_german', "ticket_search_words"(title)), 'A')
        || setweight(to_tsvector('ticket_search_english', "ticket_search_words"(title)), 'A')
        || setweight(to_tsvector('ticket_search_simple', "ticket_search_words"(who)), 'B')
        || to_tsvector('ticket_search_simple', "ticket_search_words"(body))
        || to_tsvector('ticket_search_german', "ticket_search_words"(body))
        || to_tsvector('ticket_search_english', "ticket_search_words"(body))
$$;

-- Builds one ticket's row again from what is stored now (deletes it when the ticket is gone).
-- Takes the ticket's row lock first: a concurrent writer of the same ticket waits, and the
-- articles are then read in a fresh snapshot, so no committed article is left out.
-- A tsvector holds at most 1 MB: the article text is cut at 200,000 characters, and if the
-- document is still too large, at 20,000.
CREATE FUNCTION "ticket_search_refresh"(target INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    head TEXT;
    title TEXT;
    who TEXT;
    content TEXT;
    doc TSVECTOR;
BEGIN
    SELECT t."number" || ' ' || t."title", t."title", c."name" || ' ' || c."email"
      INTO head, title, who
      FROM "Ticket" t JOIN "Customer" c ON c."id" = t."customerId"
     WHERE t."id" = target
       FOR NO KEY UPDATE OF t;
    IF NOT FOUND THEN
        DELETE FROM "ticket_search" WHERE "ticket_id" = target;
        RETURN;
    END IF;
    SELECT left(coalesce(string_agg(a."text", E'\n\n' ORDER BY a."id"), ''), 200000)
      INTO content
      FROM "Article" a WHERE a."ticketId" = target;
    BEGIN
        doc := "ticket_search_document"(head, title, who, content);
    EXCEPTION WHEN program_limit_exceeded THEN
        content := left(content, 20000);
        doc := "ticket_search_document"(head, title, who, content);
    END;
    INSERT INTO "ticket_search" ("ticket_id", "body", "document") VALUES (target, content, doc)
    ON CONFLICT ("ticket_id") DO UPDATE SET "body" = EXCLUDED."body", "document" = EXCLUDED."document";
END;
$$;

CREATE FUNCTION "ticket_search_ticket_trigger"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "ticket_search_refresh"(NEW."id");
    RETURN NULL;
END;
$$;

CREATE FUNCTION "ticket_search_article_trigger"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM "ticket_search_refresh"(OLD."ticketId");
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."ticketId" <> OLD."ticketId") THEN
        PERFORM "ticket_search_refresh"(NEW."ticketId");
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION "ticket_search_customer_trigger"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "ticket_search_refresh"(t."id") FROM "Ticket" t WHERE t."customerId" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ticket_search_ticket_insert" AFTER INSERT ON "Ticket"
    FOR EACH ROW EXECUTE FUNCTION "ticket_search_ticket_trigger"();
CREATE TRIGGER "ticket_search_ticket_update" AFTER UPDATE OF "number", "title", "customerId" ON "Ticket"
    FOR EACH ROW
    WHEN (OLD."number" IS DISTINCT FROM NEW."number" OR OLD."title" IS DISTINCT FROM NEW."title"
          OR OLD."customerId" IS DISTINCT FROM NEW."customerId")
    EXECUTE FUNCTION "ticket_search_ticket_trigger"();

-- An article written, changed (re-decoded), moved to another ticket (merge) or deleted.
CREATE TRIGGER "ticket_search_article_insert" AFTER INSERT ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "ticket_search_article_trigger"();
CREATE TRIGGER "ticket_search_article_update" AFTER UPDATE OF "text", "ticketId" ON "Article"
    FOR EACH ROW
    WHEN (OLD."text" IS DISTINCT FROM NEW."text" OR OLD."ticketId" IS DISTINCT FROM NEW."ticketId")
    EXECUTE FUNCTION "ticket_search_article_trigger"();
CREATE TRIGGER "ticket_search_article_delete" AFTER DELETE ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "ticket_search_article_trigger"();

CREATE TRIGGER "ticket_search_customer_update" AFTER UPDATE OF "name", "email" ON "Customer"
    FOR EACH ROW
    WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email")
    EXECUTE FUNCTION "ticket_search_customer_trigger"();

-- The row of every ticket, built from what is stored now.
SELECT "ticket_search_refresh"("id") FROM "Ticket";
