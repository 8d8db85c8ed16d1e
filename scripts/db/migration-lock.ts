// Keeps migrators of the same database from running at once, across processes.
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFile, type Provider } from "./schema-engine";

// Not Prisma's own id (72707369): the engine takes that one itself on another
// connection while we hold ours, which would deadlock.
const POSTGRES_LOCK_ID = 4_803_154_227;
const SQLITE_LOCK_TIMEOUT_MS = 10 * 60_000;

const localLocks = new Map<string, Promise<unknown>>();

// Calls within this process queue first: waiting for the SQLite lock blocks
// the event loop, so a second caller would never let the first one finish.
export function withMigrationLock<T>(
  target: { provider: Provider; url: string },
  work: () => Promise<T>,
): Promise<T> {
  const previous = localLocks.get(target.url) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => withProcessLock(target, work));
  localLocks.set(target.url, run);
  return run;
}

async function withProcessLock<T>(
  target: { provider: Provider; url: string },
  work: () => Promise<T>,
): Promise<T> {
  if (target.provider === "postgresql") {
    // A session lock on a dedicated connection: released when it closes, even on a crash.
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [POSTGRES_LOCK_ID]);
      return await work();
    } finally {
      await client.end();
    }
  }
  const file = sqliteFile(target.url);
  if (file === ":memory:") return work();
  // An exclusive transaction on a lock file next to the database, which itself
  // stays free for the engine; SQLite drops the lock if this process dies.
  const lock = new Database(`${file}.migrate-lock`, { timeout: SQLITE_LOCK_TIMEOUT_MS });
  try {
    lock.exec("BEGIN EXCLUSIVE");
    // WAL lets the app's processes read while one of them writes.
    const db = new Database(file, { timeout: SQLITE_LOCK_TIMEOUT_MS });
    try {
      db.pragma("journal_mode = WAL");
    } finally {
      db.close();
    }
    return await work();
  } finally {
    if (lock.inTransaction) lock.exec("ROLLBACK");
    lock.close();
  }
}
