// First start from several processes at once: migrations applied once, one
// admin, default queues once — on a fresh database of the run's kind.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/kit/databases";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
let database: TestDatabase | undefined;

afterAll(async () => {
  await database?.drop();
});

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5), { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

it("prepares a fresh database from four processes at once", async () => {
  database = await createTestDatabase(); // empty: no template
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    ADMIN_PASSWORD: "concurrent-start-1",
    ADMIN_API_TOKEN: "hd_concurrent_token",
  };
  const results = await Promise.allSettled(
    Array.from({ length: 4 }, () =>
      run(
        path.join(root, "node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/prepare.ts"],
        { cwd: root, env },
      ),
    ),
  );
  const failures = results.filter((r) => r.status === "rejected");
  expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);

  const count = async (sql: string) => Number((await query(database!.url, sql))[0].n);
  expect(
    await count('SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL'),
  ).toBeGreaterThan(0);
  expect(
    await count(
      'SELECT COUNT(*) AS n FROM (SELECT "migration_name" FROM "_prisma_migrations" GROUP BY "migration_name" HAVING COUNT(*) > 1) d',
    ),
  ).toBe(0);
  expect(await count(`SELECT COUNT(*) AS n FROM "Agent" WHERE "role" = 'admin'`)).toBe(1);
  expect(await count('SELECT COUNT(*) AS n FROM "Queue"')).toBe(5);
  expect(await count('SELECT COUNT(*) AS n FROM "Group"')).toBe(1);
  expect(await count('SELECT COUNT(*) AS n FROM "ApiToken"')).toBe(1);
  if (database.url.startsWith("file:")) {
    expect((await query(database.url, "PRAGMA journal_mode"))[0].journal_mode).toBe("wal");
  }
});
