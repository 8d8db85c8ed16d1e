// Database objects of full-text search (issue 17) that Prisma cannot describe: created by
// raw-SQL migrations (prisma/*/migrations/*_ticket_search), left out of the comparison with
// models.prisma as "external" tables. Triggers, functions, text search configurations and
// extensions are not compared by the schema engine at all; they are listed here so
// lib/search/search-objects.test.ts can check that every migrated database has them.
import fs from "node:fs";
import path from "node:path";
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

/** The migration that created the search objects (its name, the same for both providers). */
export const SEARCH_MIGRATION = "20261130080000_ticket_search";

// A SQLite table redefinition (CREATE new_X, copy, DROP X, RENAME) as Prisma writes it.
const REDEFINES_INDEXED_TABLE = /^DROP TABLE "(Ticket|Article|Customer)";$/m;

/**
 * A new SQLite migration script that keeps the search triggers: when it redefines
 * "Ticket", "Article" or "Customer", SQLite would drop that table's triggers and refuse
 * the RENAME while other triggers name the dropped table ("error in trigger …: no such
 * table"). So the search triggers are dropped first and created again at the end, as the
 * search migration in `migrationsDir` defines them. Other scripts are returned unchanged.
 */
export function keepSearchTriggers(script: string, migrationsDir: string): string {
  const source = path.join(migrationsDir, SEARCH_MIGRATION, "migration.sql");
  if (!REDEFINES_INDEXED_TABLE.test(script) || !fs.existsSync(source)) return script;
  const creates = fs.readFileSync(source, "utf8").match(/^CREATE TRIGGER[\s\S]*?^END;$/gm) ?? [];
  return [
    "-- Search triggers (lib/search): dropped before the tables are redefined, created again after.",
    ...SEARCH_TRIGGERS.sqlite.map((name) => `DROP TRIGGER IF EXISTS "${name}";`),
    "",
    script.trimEnd(),
    "",
    ...creates.map((create) => `${create}\n`),
  ].join("\n");
}
