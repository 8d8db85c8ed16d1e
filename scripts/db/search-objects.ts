// Database objects of full-text search (issue 17) that Prisma cannot describe: created by
// raw-SQL migrations (prisma/*/migrations/*_ticket_search), left out of the comparison with
// models.prisma as "external" tables. Triggers, functions, text search configurations and
// extensions are not compared by the schema engine at all; they are listed here so
// lib/search/search-objects.test.ts can check that every migrated database has them.
import type { Provider } from "./schema-engine";

/** The FTS5 table and the shadow tables SQLite creates for it. */
const SQLITE_TABLES = ["", "_data", "_idx", "_content", "_docsize", "_config"].map(
  (suffix) => `ticket_search${suffix}`,
);

/** The search table (body copy + tsvector document, GIN index) in the public schema. */
const POSTGRES_TABLES = ["public.ticket_search"];

/** Tables the migration check and `dev` leave alone (SchemaFilter.externalTables). */
export function searchTables(provider: Provider): string[] {
  return provider === "sqlite" ? SQLITE_TABLES : POSTGRES_TABLES;
}

/** The triggers that keep the index in the same transaction as every write. */
export const SEARCH_TRIGGERS = {
  sqlite: [
    "ticket_search_ticket_insert",
    "ticket_search_ticket_update",
    "ticket_search_ticket_delete",
    "ticket_search_article_insert",
    "ticket_search_article_update",
    "ticket_search_article_delete",
    "ticket_search_customer_update",
  ],
  postgresql: [
    "ticket_search_ticket_insert",
    "ticket_search_ticket_update",
    "ticket_search_article_insert",
    "ticket_search_article_update",
    "ticket_search_article_delete",
    "ticket_search_customer_update",
  ],
} satisfies Record<Provider, string[]>;
