// The one database handle. The client is chosen from DATABASE_URL at run time:
// SQLite (better-sqlite3) by default, PostgreSQL for a postgres:// URL. Both
// generated clients come from the same models, so they share one type.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { config, databaseProvider, databaseUrl, sqlitePath } from "./config";
import { isContentionError } from "./errors";

export type Db = InstanceType<typeof SqliteClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type { Prisma } from "./generated/sqlite/client";

function createClient(): Db {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: config.dbPoolSize,
    });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // busy timeout: wait for another process's write instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: sqlitePath(url), timeout: 15_000 });
  return new SqliteClient({ adapter });
}

const globalForDb = globalThis as unknown as {
  helpdeskDb?: Db;
  helpdeskTx?: AsyncLocalStorage<Tx>;
};

/** The transaction the running code is inside (set by `transaction`), per async context. */
const openTransaction = (globalForDb.helpdeskTx ??= new AsyncLocalStorage<Tx>());

/** The client of the transaction the caller runs inside, or undefined outside one. */
export const currentTransaction = (): Tx | undefined => openTransaction.getStore();

/**
 * Under test (or with HELPDESK_STRICT_TX=1), `db` refuses to be used inside a
 * transaction: such a query takes a second pooled connection while the first is
 * held, and enough concurrent requests doing it starve the pool until every one
 * times out (PostgreSQL; seen as P2028 in the scale-out test). Pass the `tx` down.
 */
function guardNesting(client: Db): Db {
  const strict = process.env.NODE_ENV === "test" || process.env.HELPDESK_STRICT_TX === "1";
  if (!strict) return client;
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof prop === "string" && !prop.startsWith("_") && openTransaction.getStore()) {
        if (prop !== "then" && prop !== "$disconnect" && prop !== "$connect")
          throw new Error(
            `db.${prop} used inside a transaction: pass its tx down (a second connection can starve the pool)`,
          );
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const db: Db = globalForDb.helpdeskDb ?? guardNesting(createClient());
globalForDb.helpdeskDb = db;

export const isPostgres = () => databaseProvider() === "postgresql";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` in one interactive transaction (our only transaction form; see
 * CONTRIBUTING.md). On SQLite the first statement takes the write lock, so a
 * second process waits on the busy timeout instead of failing when it would
 * upgrade a read snapshot; contention that still fails is retried.
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const postgres = isPostgres();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(
        async (tx) => {
          if (!postgres)
            await tx.$executeRawUnsafe('UPDATE "TicketCounter" SET "value" = "value" WHERE 0');
          return openTransaction.run(tx, () => fn(tx));
        },
        { maxWait: 30_000, timeout: 60_000 },
      );
    } catch (error) {
      if (attempt >= 6 || !isContentionError(error)) throw error;
      await sleep(20 * attempt + Math.random() * 50);
    }
  }
}
