// Migration 20261130080000_ticket_search builds the search index for the tickets already
// stored (number, title, customer, every article, notes included), on both databases.
import { afterAll, describe, expect, it } from "vitest";
import { databaseBefore, sql } from "./migration-test-kit";
import { migrateDeploy, PROVIDERS } from "./migrations";
import type { Provider } from "./schema-engine";

const MIGRATION = "20261130080000_ticket_search";
const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(PROVIDERS)("search migration on %s", (provider: Provider) => {
  it("indexes the tickets and articles already stored, then keeps the index with new writes", async () => {
    const url = await databaseBefore(provider, MIGRATION, cleanups);

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
