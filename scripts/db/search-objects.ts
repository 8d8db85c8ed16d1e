// Database objects that Prisma cannot describe: full-text search (issue 17) and, on SQLite,
// the ticket counts per queue and state (issue 18). Created by raw-SQL migrations
// (prisma/*/migrations/*_ticket_search, *_ticket_counts), left out of the comparison with
// models.prisma as "external" tables. Triggers, functions, text search configurations and
// extensions are not compared by the schema engine at all; they are listed here so
// lib/search/search-objects.test.ts can check that every migrated database has them.
import fs from "node:fs";
import path from "node:path";
import type { Provider } from "./schema-engine";

/** The FTS5 table and the shadow tables SQLite creates for it. */
const SQLITE_SEARCH_TABLES = ["", "_data", "_idx", "_content", "_docsize", "_config"].map(
  (suffix) => `ticket_search${suffix}`,
);

/** Tickets per queue and state, kept by triggers (lib/reports/open-counts.ts). */
export const TICKET_COUNTS_TABLE = "ticket_counts";

/** The search table (body copy + tsvector document, GIN index) in the public schema. */
const POSTGRES_TABLES = ["public.ticket_search"];

/** The search tables of a provider. */
export function searchTables(provider: Provider): string[] {
  return provider === "sqlite" ? SQLITE_SEARCH_TABLES : POSTGRES_TABLES;
}

/** Tables the migration check and `dev` leave alone (SchemaFilter.externalTables). */
export function externalTables(provider: Provider): string[] {
  return provider === "sqlite" ? [...SQLITE_SEARCH_TABLES, TICKET_COUNTS_TABLE] : POSTGRES_TABLES;
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

/** The triggers that keep the ticket counts (SQLite only). */
export const TICKET_COUNTS_TRIGGERS = [
  "ticket_counts_insert",
  "ticket_counts_update",
  "ticket_counts_delete",
];

/** Every trigger a migrated database has, per provider. */
export const TRIGGERS = {
  sqlite: [...SEARCH_TRIGGERS.sqlite, ...TICKET_COUNTS_TRIGGERS],
  postgresql: SEARCH_TRIGGERS.postgresql,
} satisfies Record<Provider, string[]>;

/** The migration that created the search objects (its name, the same for both providers). */
export const SEARCH_MIGRATION = "20261130080000_ticket_search";
/** The migration that created the ticket counts. */
export const TICKET_COUNTS_MIGRATION = "20261130231700_ticket_counts";

// A SQLite table redefinition (CREATE new_X, copy, DROP X, RENAME) as Prisma writes it.
const REDEFINES_INDEXED_TABLE = /^DROP TABLE "(Ticket|Article|Customer)";$/m;

/**
 * A new SQLite migration script that keeps the triggers (search and ticket counts): when
 * it redefines "Ticket", "Article" or "Customer", SQLite would drop that table's triggers
 * and refuse the RENAME while other triggers name the dropped table ("error in trigger
 * …: no such table"). So the triggers are dropped first and created again at the end, as
 * the migrations in `migrationsDir` that made them define them. Other scripts are
 * returned unchanged.
 */
export function keepTriggers(script: string, migrationsDir: string): string {
  if (!REDEFINES_INDEXED_TABLE.test(script)) return script;
  const creates = [SEARCH_MIGRATION, TICKET_COUNTS_MIGRATION].flatMap((name) => {
    const source = path.join(migrationsDir, name, "migration.sql");
    if (!fs.existsSync(source)) return [];
    return fs.readFileSync(source, "utf8").match(/^CREATE TRIGGER[\s\S]*?^END;$/gm) ?? [];
  });
  if (creates.length === 0) return script;
  return [
    "-- Triggers (search, ticket counts): dropped before the tables are redefined, created again after.",
    ...TRIGGERS.sqlite.map((name) => `DROP TRIGGER IF EXISTS "${name}";`),
    "",
    script.trimEnd(),
    "",
    ...creates.map((create) => `${create}\n`),
  ].join("\n");
}
