// Prisma's WASM schema engine, run on driver adapters: the CLI's `migrate`
// commands need a native engine binary, which cannot be downloaded offline.
import { sqliteFile } from "../../lib/config";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type Provider = "sqlite" | "postgresql";

/** Server for throwaway PostgreSQL databases when DATABASE_URL is not PostgreSQL. */
export const DEFAULT_POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

let engineClass: Promise<typeof SchemaEngine> | undefined;
let lastPanic = "";

// The package imports its .wasm file as an ES module, which Node cannot do
// without a flag: instantiate it by hand, as Prisma's CLI does. Once per
// process, because wasm-bindgen keeps the instance in module state.
function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    // Rust panics report their message here; without it we only see "unreachable".
    Object.assign(globalThis, {
      PRISMA_WASM_PANIC_REGISTRY: { set_message: (message: string) => (lastPanic = message) },
    });
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = createRequire(import.meta.url).resolve(
      "@prisma/schema-engine-wasm/schema_engine_bg",
    );
    const wasmModule = new WebAssembly.Module(fs.readFileSync(glue.replace(/\.js$/, ".wasm")));
    const instance = new WebAssembly.Instance(wasmModule, {
      "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports,
    });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

/** Adapter factory that remembers what it opened, so everything can be closed. */
interface DatabaseFactory extends SqlMigrationAwareDriverAdapterFactory {
  close(): Promise<void>;
}

/** Runs `work` with an engine connected to `url`; shadow databases are throwaway ones. */
export async function withEngine<T>(
  provider: Provider,
  url: string,
  schemaFiles: { path: string; content: string }[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const factory = provider === "sqlite" ? sqliteFactory(url) : postgresFactory(url);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  try {
    const Engine = await loadEngineClass();
    const datamodels = schemaFiles.map((file): [string, string] => [file.path, file.content]);
    const log = (line: string) => process.env.MIGRATE_DEBUG && console.error(line);
    engine = await Engine.new({ datamodels }, log, bound);
    return await work(engine);
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    engine?.free();
    await factory.close();
  }
}

// Engine errors end with a Rust span trace, and errors thrown by adapter code
// arrive as "External error id#N": keep the message, the original error and
// the migration concerned.
function engineError(error: unknown, registry: ErrorRegistry): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (error.message === "unreachable" && lastPanic)
    return new Error(`Schema engine panic: ${lastPanic}`);
  const head = error.message
    .replace(/\n\s+0: [\s\S]*$/, "")
    .replace(/^external connector error\n/, "")
    .trim();
  const external = /External error id#(\d+)/.exec(head);
  const original = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  const code = "code" in error && typeof error.code === "string" ? `${error.code}: ` : "";
  const migration = /migration_name="([^"]+)"/.exec(error.message);
  const message = original instanceof Error ? original.message : head;
  return new Error(`${code}${message}${migration ? ` (migration ${migration[1]})` : ""}`, {
    cause: error,
  });
}

function trackingFactory(
  base: Pick<SqlMigrationAwareDriverAdapterFactory, "provider" | "adapterName">,
  connect: () => Promise<SqlDriverAdapter>,
  connectToShadowDb: () => Promise<SqlDriverAdapter>,
): DatabaseFactory {
  const open = new Set<SqlDriverAdapter>();
  const track = async (opening: Promise<SqlDriverAdapter>) => {
    const adapter = await opening;
    const tracked = override(adapter, {
      dispose: async () => {
        if (open.delete(tracked)) await adapter.dispose();
      },
    });
    open.add(tracked);
    return tracked;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => track(connect()),
    connectToShadowDb: () => track(connectToShadowDb()),
    close: async () => {
      for (const adapter of [...open]) await adapter.dispose();
    },
  };
}

/** A proxy of `target` with some members replaced; the others stay bound to it. */
function override<T extends object>(target: T, members: Partial<T>): T {
  return new Proxy(target, {
    get(object, key) {
      if (Object.hasOwn(members, key)) return members[key as keyof T];
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}

export { sqliteFile };

function sqliteFactory(url: string): DatabaseFactory {
  // The app's busy timeout (lib/db.ts): another process's first-start seed may
  // hold the write lock for seconds (the admin's password hash) while this one
  // checks the migrations; better-sqlite3's 5 s default failed under load.
  const main = new PrismaBetterSqlite3({ url: sqliteFile(url), timeout: 15_000 });
  const shadow = new PrismaBetterSqlite3({ url: ":memory:" });
  return trackingFactory(
    main,
    () => main.connect(),
    async () => withScriptFallback(await shadow.connect()),
  );
}

// The engine replays each migration.sql on the shadow database in a single
// call, but better-sqlite3 prepares one statement at a time: run it as a script.
function withScriptFallback(adapter: SqlDriverAdapter): SqlDriverAdapter {
  async function orScript<T>(query: SqlQuery, run: () => Promise<T>, noRows: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const multiple = error instanceof Error && error.message.includes("more than one statement");
      if (!multiple || query.args.length > 0) throw error;
      await adapter.executeScript(query.sql);
      return noRows;
    }
  }
  return override(adapter, {
    queryRaw: (query) =>
      orScript(query, () => adapter.queryRaw(query), {
        columnNames: [],
        columnTypes: [],
        rows: [],
      }),
    executeRaw: (query) => orScript(query, () => adapter.executeRaw(query), 0),
  });
}

function postgresFactory(url: string): DatabaseFactory {
  // PrismaPg's own shadow keeps the main connection string (so it would be the
  // real database) and drops it before closing its pool: make a real one here.
  const connectToShadowDb = async () => {
    const database = await createPostgresDatabase(url, "shadow");
    const drop = () => dropPostgresDatabase(url, database);
    const adapter = await connectPostgres(database).catch(async (error: unknown) => {
      await drop();
      throw error;
    });
    return override(adapter, {
      dispose: async () => {
        await adapter.dispose();
        await drop();
      },
    });
  };
  return trackingFactory(new PrismaPg(url), () => connectPostgres(url), connectToShadowDb);
}

async function connectPostgres(url: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString: url, max: 2 }).connect();
  const pool = adapter.underlyingDriver();
  // Catalog queries return `"char"` columns (OID 18) that the adapter cannot
  // deserialise (prisma/orm#27403): announce them as text before pg reads them.
  pool.on("connect", (client) => {
    client.connection.prependListener(
      "rowDescription",
      (message: { fields: { dataTypeID: number }[] }) => {
        for (const field of message.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
      },
    );
  });
  return override<SqlDriverAdapter>(adapter, {
    // PrismaPg splits scripts on every ";", even inside strings and comments:
    // send the script whole, as one simple query, like Prisma's native engine
    // (which also makes it atomic). Errors become adapter errors, so the engine
    // records the real message.
    executeScript: async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        if (!(error instanceof pg.DatabaseError)) throw error;
        const { code = "", severity = "ERROR", message, detail, column, hint } = error;
        const cause = { code, severity, message, detail, column, hint };
        throw new DriverAdapterError({ kind: "postgres", ...cause });
      }
    },
  });
}

export async function postgresQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the server of `url`; returns its URL. */
export async function createPostgresDatabase(url: string, purpose: string): Promise<string> {
  const name = `${purpose}_${crypto.randomBytes(8).toString("hex")}`;
  await postgresQuery(url, `CREATE DATABASE "${name}"`);
  const created = new URL(url);
  created.pathname = `/${name}`;
  return created.toString();
}

/** Drops the database of `url`, connected through `server` (not that database). */
export async function dropPostgresDatabase(server: string, url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await postgresQuery(server, `DROP DATABASE IF EXISTS "${name}"`);
}

/** Runs `work` on an empty database of `provider`, removed afterwards. */
export async function withThrowawayDatabase<T>(
  provider: Provider,
  postgresServer: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-migrate-"));
    try {
      return await work(`file:${path.join(dir, "throwaway.db")}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const url = await createPostgresDatabase(postgresServer, "throwaway");
  try {
    return await work(url);
  } finally {
    await dropPostgresDatabase(postgresServer, url);
  }
}
