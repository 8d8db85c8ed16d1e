// Migration 20261130061500_ticket_links_version_lock turns Ticket.parentId (the closed ticket
// a late follow-up started from) into follow_up links, on both databases, keeping the rows.
import { afterAll, describe, expect, it } from "vitest";
import { databaseBefore, sql } from "./migration-test-kit";
import { migrateDeploy, PROVIDERS } from "./migrations";
import type { Provider } from "./schema-engine";

const MIGRATION = "20261130061500_ticket_links_version_lock";
const cleanups: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe.each(PROVIDERS)("ticket links migration on %s", (provider: Provider) => {
  it("turns every parentId into a follow_up link and drops the column", async () => {
    const url = await databaseBefore(provider, MIGRATION, cleanups);

    const now = provider === "sqlite" ? "1764460800000" : "CURRENT_TIMESTAMP";
    const ticket = (id: number, parentId: number | null) =>
      `INSERT INTO "Ticket" ("id", "number", "title", "queueId", "customerId", "parentId", "updatedAt") VALUES (${id}, '2026113010000${id}', 'T${id}', 1, 1, ${parentId ?? "NULL"}, ${now})`;
    await sql(url, [
      `INSERT INTO "Group" ("id", "name") VALUES (1, 'g')`,
      `INSERT INTO "Queue" ("id", "name", "groupId", "updatedAt") VALUES (1, 'q', 1, ${now})`,
      `INSERT INTO "Customer" ("id", "email", "updatedAt") VALUES (1, 'c@example.org', ${now})`,
      ticket(1, null),
      ticket(2, 1),
      ticket(3, 1),
      ticket(4, null),
    ]);

    expect(await migrateDeploy(url)).toContain(MIGRATION);
    const links = await sql(url, [
      `SELECT "type", "sourceId", "targetId" FROM "TicketLink" ORDER BY "targetId"`,
    ]);
    expect(links).toEqual([
      { type: "follow_up", sourceId: 1, targetId: 2 },
      { type: "follow_up", sourceId: 1, targetId: 3 },
    ]);
    const tickets = await sql(url, [`SELECT * FROM "Ticket" ORDER BY "id"`]);
    expect(tickets.map((t) => [t.id, t.version, "parentId" in t])).toEqual([
      [1, 1, false],
      [2, 1, false],
      [3, 1, false],
      [4, 1, false],
    ]);
  });
});
