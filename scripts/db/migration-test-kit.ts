// For tests of one migration's data changes: a database migrated up to just before it
// (from a copy of prisma/), and plain SQL against it, on either database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { migrateDeploy } from "./migrations";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresQuery,
  type Provider,
} from "./schema-engine";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A new database with every migration before `migration` applied; `cleanups` receives
 * what removes it. Apply the rest with `migrateDeploy(url)` (this project's folder).
 */
export async function databaseBefore(
  provider: Provider,
  migration: string,
  cleanups: (() => Promise<unknown> | void)[],
): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-migration-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(ROOT, "prisma"), path.join(dir, "prisma"), {
    recursive: true,
    verbatimSymlinks: true,
  });
  const migrations = path.join(dir, "prisma", provider, "migrations");
  for (const name of fs.readdirSync(migrations))
    if (name >= migration) fs.rmSync(path.join(migrations, name), { recursive: true });
  let url = `file:${path.join(dir, "test.db")}`;
  if (provider === "postgresql") {
    url = await createPostgresDatabase(SERVER, "hd_migration_data_test");
    cleanups.push(() => dropPostgresDatabase(SERVER, url));
  }
  await migrateDeploy(url, { root: dir });
  return url;
}

/** Runs statements in order and returns the rows of the last one. */
export async function sql(url: string, statements: string[]): Promise<Record<string, unknown>[]> {
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
