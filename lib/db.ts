// The one database handle. The client is chosen from DATABASE_URL at run time:
// SQLite (better-sqlite3) by default, PostgreSQL for a postgres:// URL. Both
// generated clients come from the same models, so they share one type.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from "@prisma/driver-adapter-utils";
import { Mutex } from "async-mutex";
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
  return new SqliteClient({ adapter: oneAtATime(adapter) });
}

/**
 * better-sqlite3 gives a process one connection, and Prisma's adapter runs a query made
 * outside any transaction on it even while another request's transaction is open (BEGIN
 * sent, its callback awaiting): the query joins that transaction and is undone if it rolls
 * back — a ticket-number increment, a stored inbound mail, a rate-limit hit. Here such a
 * query waits until no transaction is open; transactions already run one at a time.
 */
function oneAtATime(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const mutex = new Mutex();
  const wrap = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop === "queryRaw" || prop === "executeRaw" || prop === "executeScript")
          return (arg: never) => mutex.runExclusive(() => value.call(target, arg));
        if (prop === "startTransaction")
          return async (isolationLevel?: never): Promise<Transaction> => {
            const release = await mutex.acquire();
            try {
              const tx: Transaction = await value.call(target, isolationLevel);
              let open = true;
              const end = (fn: () => Promise<void>) => async () => {
                try {
                  await fn();
                } finally {
                  if (open) release();
                  open = false;
                }
              };
              const commit = end(() => tx.commit());
              const rollback = end(() => tx.rollback());
              return new Proxy(tx, {
                get: (t, p) =>
                  p === "commit"
                    ? commit
                    : p === "rollback"
                      ? rollback
                      : typeof Reflect.get(t, p) === "function"
                        ? Reflect.get(t, p).bind(t)
                        : Reflect.get(t, p),
              });
            } catch (error) {
              release();
              throw error;
            }
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(factory, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === "connect")
        return async () => {
          const adapter = await value.call(target);
          reusePreparedStatements((adapter as unknown as { client: BetterSqlite3Database }).client);
          return wrap(adapter);
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

type BetterSqlite3Database = {
  prepare: (sql: string) => BetterSqlite3Statement;
};
type BetterSqlite3Statement = {
  reader: boolean;
  columns: () => unknown[];
  raw: (on?: boolean) => BetterSqlite3Statement;
  all: (...args: unknown[]) => unknown[];
  run: (...args: unknown[]) => unknown;
  bind: (...args: unknown[]) => BetterSqlite3Statement;
};

/** Statements kept per connection (distinct SQL texts the app sends; the oldest goes first). */
const PREPARED_STATEMENTS = 1000;

/**
 * Prisma's better-sqlite3 adapter prepares every query anew (`prepare(sql).bind(args)`), and
 * compiling the SQL was ~9 % of the server's CPU under intake load (BENCHMARKS.md). Here
 * `prepare` returns a cached statement per SQL text; `bind` (which better-sqlite3 allows once
 * per statement) becomes a view that passes the arguments to each call instead. Only the
 * calls the adapter makes are offered (`reader`, `columns`, `raw().all`, `run`).
 */
function reusePreparedStatements(database: BetterSqlite3Database) {
  const prepare = database.prepare.bind(database);
  const cache = new Map<string, BetterSqlite3Statement>();
  database.prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= PREPARED_STATEMENTS) cache.delete(cache.keys().next().value!);
      cache.set(sql, statement);
    }
    const prepared = statement;
    const view = (args: unknown[]) => ({
      reader: prepared.reader,
      columns: () => prepared.columns(),
      run: () => prepared.run(...args),
      raw: () => ({ all: () => prepared.raw(true).all(...args) }),
    });
    return {
      ...view([]),
      bind: (...args: unknown[]) => view(args),
    } as unknown as BetterSqlite3Statement;
  };
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
 * A query on `db` inside a transaction would take a second pooled connection while the
 * first is held (PostgreSQL: enough concurrent requests doing it starve the pool until
 * each fails with P2028, as the scale-out test saw), or wait for the open transaction
 * itself (SQLite, see oneAtATime). Under test (or with HELPDESK_STRICT_TX=1) it throws,
 * so the code passes its `tx` down; in production it runs through the open transaction.
 */
function guardNesting(client: Db): Db {
  const strict = process.env.NODE_ENV === "test" || process.env.HELPDESK_STRICT_TX === "1";
  return new Proxy(client, {
    get(target, prop) {
      const tx = openTransaction.getStore();
      if (tx && typeof prop === "string" && !prop.startsWith("_") && prop !== "then") {
        if (strict && prop !== "$disconnect" && prop !== "$connect")
          throw new Error(
            `db.${prop} used inside a transaction: pass its tx down (a second connection can starve the pool)`,
          );
        if (prop in tx) {
          const inner = Reflect.get(tx, prop);
          return typeof inner === "function" ? inner.bind(tx) : inner;
        }
      }
      const value = Reflect.get(target, prop);
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
 * (Turning the adapter's BEGIN into BEGIN IMMEDIATE instead would save that statement, but
 * with the job worker in the web process a transaction then never committed: BENCHMARKS.md.)
 */
export async function transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Called inside a transaction (production only; tests throw on it): one transaction.
  const open = openTransaction.getStore();
  if (open) return fn(open);
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

/**
 * Inserts `rows` in one statement and returns what each write returns, in order: `one` for a
 * single row (`create`), else `many` with all of them (`createManyAndReturn`). Prisma 7
 * caches the compiled plan of each query shape, but never createMany's and
 * createManyAndReturn's (prisma/orm#29382: their row count is part of the shape), which its
 * query compiler then compiles again on every call, data and all. The common case — one
 * ticket, one article, one history entry — takes the cached path; from a few rows on, one
 * multi-row insert is still cheaper than a cached `create` per row (BENCHMARKS.md, tenth round).
 */
export async function insertRows<Row, Written>(
  rows: Row[],
  write: { one: (row: Row) => Promise<Written>; many: (rows: Row[]) => Promise<Written[]> },
): Promise<Written[]> {
  if (rows.length === 0) return [];
  if (rows.length === 1) return [await write.one(rows[0])];
  return write.many(rows);
}
