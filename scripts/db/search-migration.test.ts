// Migration 20261130080000_ticket_search builds the search index for the tickets already
// stored (number, title, customer, every article, notes included), on both databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDeploy, PROVIDERS } from "./migrations";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresQuery,
  type Provider,
} from "./schema-engine";

const MIGRATION = "20261130080000_ticket_search";
const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Runs statements in order and returns the rows of the last one. */
async function sql(url: string, statements: string[]): Promise<Record<string, unknown>[]> {
  let rows: Record<string, unknown>[] = [];
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5));
    try {
      for (const statement of statements) {
        const prepared = db.prepare(statement);
        rows = prepared.reader
          ? (prepared.all() as Record<string, unknown>[])
          : (prepared.run(), []);
      }
    } finally {
      db.close();
    }
    return rows;
  }
  for (const statement of statements) rows = (await postgresQuery(url, statement)).rows;
  return rows;
}

describe.each(PROVIDERS)("search migration on %s", (provider: Provider) => {
  it("indexes the tickets and articles already stored, then keeps the index with new writes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-search-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    // The migrations before this one.
    fs.cpSync(path.join(ROOT, "prisma"), path.join(dir, "prisma"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const migrations = path.join(dir, "prisma", provider, "migrations");
    for (const name of fs.readdirSync(migrations))
      if (name >= MIGRATION) fs.rmSync(path.join(migrations, name), { recursive: true });
    let url = `file:${path.join(dir, "search.db")}`;
    if (provider === "postgresql") {
      url = await createPostgresDatabase(SERVER, "hd_search_migration_test");
      cleanups.push(() => dropPostgresDatabase(SERVER, url));
    }
    await migrateDeploy(url, { root: dir });

    const now = provider === "sqlite" ? "'2026-11-30T08:00:00.000+00:00'" : "CURRENT_TIMESTAMP";
    const article = (ticketId: number, text: string, channel = "web", direction = "in") =>
      `INSERT INTO "Article" ("ticketId", "channel", "direction", "text") VALUES (${ticketId}, '${channel}', '${direction}', '${text}')`;
    await sql(url, [
      `INSERT INTO "Group" ("id", "name") VALUES (1, 'g')`,
      `INSERT INTO "Queue" ("id", "name", "groupId", "updatedAt") VALUES (1, 'q', 1, ${now})`,
      `INSERT INTO "Customer" ("id", "email", "name", "updatedAt") VALUES (1, 'c@example.org', 'Jörg Weiß', ${now})`,
      `INSERT INTO "Ticket" ("id", "number", "title", "queueId", "customerId", "updatedAt") VALUES (1, '2026113010000011', 'Alte Anfrage', 1, 1, ${now})`,
      `INSERT INTO "Ticket" ("id", "number", "title", "queueId", "customerId", "updatedAt") VALUES (2, '2026113010000021', 'Andere', 1, 1, ${now})`,
      article(1, "Die Heizung in der Lindenstraße ist kalt."),
      article(1, "Thermostat getauscht.", "note", "internal"),
      article(2, "Nichts davon."),
    ]);

    expect(await migrateDeploy(url)).toContain(MIGRATION);
    const matches = (words: string) =>
      provider === "sqlite"
        ? `SELECT "rowid" AS "id" FROM "ticket_search" WHERE "ticket_search" MATCH '${words}' ORDER BY 1`
        : `SELECT "ticket_id" AS "id" FROM "ticket_search" WHERE "document" @@ plainto_tsquery('ticket_search_simple', '${words}') ORDER BY 1`;
    const ids = async (words: string) =>
      (await sql(url, [matches(words)])).map((row) => Number(row.id));
    expect(await ids("lindenstrasse")).toEqual([1]);
    expect(await ids("thermostat")).toEqual([1]);
    expect(await ids("weiss")).toEqual([1, 2]);
    expect(await ids("2026113010000021")).toEqual([2]);

    await sql(url, [article(2, "Thermostat auch hier.", "note", "internal")]);
    expect(await ids("thermostat")).toEqual([1, 2]);
  });
});
