// Migration 20261130061500_ticket_links_version_lock turns Ticket.parentId (the closed ticket
// a late follow-up started from) into follow_up links, on both databases, keeping the rows.
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

const MIGRATION = "20261130061500_ticket_links_version_lock";
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

describe.each(PROVIDERS)("ticket links migration on %s", (provider: Provider) => {
  it("turns every parentId into a follow_up link and drops the column", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-links-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    // The migrations before this one.
    fs.cpSync(path.join(ROOT, "prisma"), path.join(dir, "prisma"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const migrations = path.join(dir, "prisma", provider, "migrations");
    for (const name of fs.readdirSync(migrations))
      if (name >= MIGRATION) fs.rmSync(path.join(migrations, name), { recursive: true });
    let url = `file:${path.join(dir, "links.db")}`;
    if (provider === "postgresql") {
      url = await createPostgresDatabase(SERVER, "hd_links_migration_test");
      cleanups.push(() => dropPostgresDatabase(SERVER, url));
    }
    await migrateDeploy(url, { root: dir });

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
