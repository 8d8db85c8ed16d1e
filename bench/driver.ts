// Straight database access for the benchmark's baseline and seed: the drivers
// the app uses (better-sqlite3, pg), no Prisma, no framework.
import Database from "better-sqlite3";
import pg from "pg";

export type Row = Record<string, unknown>;

export interface Driver {
  kind: "sqlite" | "postgresql";
  /** Runs statements in one transaction. */
  transaction<T>(
    fn: (run: (sql: string, params?: unknown[]) => Promise<Row[]>) => Promise<T>,
  ): Promise<T>;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** `$1, $2` placeholders (PostgreSQL's, a number may repeat) as SQLite's `?` with the values in order. */
function toSqlite(sql: string, params: unknown[]): [string, unknown[]] {
  const values: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
    values.push(params[Number(n) - 1]);
    return "?";
  });
  return [text, values];
}
const sqliteValue = (v: unknown) =>
  v instanceof Date
    ? v.toISOString().replace("Z", "+00:00")
    : typeof v === "boolean"
      ? v
        ? 1
        : 0
      : v;

/** A driver on `url` (file:… or postgres://…); `pool` connections on PostgreSQL. */
export function openDriver(url: string, pool = 20): Driver {
  if (url.startsWith("postgres")) {
    const client = new pg.Pool({ connectionString: url, max: pool });
    // An idle connection closed by the server (the database dropped at the end) is no crash.
    client.on("error", () => {});
    return {
      kind: "postgresql",
      async transaction(fn) {
        const conn = await client.connect();
        try {
          await conn.query("BEGIN");
          const result = await fn(async (sql, params) => (await conn.query(sql, params)).rows);
          await conn.query("COMMIT");
          return result;
        } catch (error) {
          await conn.query("ROLLBACK").catch(() => {});
          throw error;
        } finally {
          conn.release();
        }
      },
      query: async (sql, params) => (await client.query(sql, params)).rows,
      close: () => client.end(),
    };
  }
  const file = url.replace(/^file:/, "");
  const sqlite = new Database(file, { timeout: 15_000 });
  sqlite.pragma("journal_mode = WAL");
  const run = async (sql: string, params: unknown[] = []) => {
    const [text, ordered] = toSqlite(sql, params);
    const statement = sqlite.prepare(text);
    const values = ordered.map(sqliteValue);
    return statement.reader ? (statement.all(...values) as Row[]) : (statement.run(...values), []);
  };
  return {
    kind: "sqlite",
    async transaction(fn) {
      sqlite.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(run);
        sqlite.exec("COMMIT");
        return result;
      } catch (error) {
        sqlite.exec("ROLLBACK");
        throw error;
      }
    },
    query: run,
    close: async () => {
      sqlite.close();
    },
  };
}
