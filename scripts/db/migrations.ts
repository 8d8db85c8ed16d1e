// Offline `prisma migrate` (deploy, status, check, dev) on the WASM schema
// engine. Migrations live in prisma/<provider>/migrations and are recorded in
// Prisma's `_prisma_migrations` table, so the native CLI reads the same history.
import { databaseProvider, DEFAULT_DATABASE_URL } from "../../lib/config";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationList, SchemaContainer } from "@prisma/schema-engine-wasm";
import Database from "better-sqlite3";
import {
  DEFAULT_POSTGRES_SERVER,
  postgresQuery,
  sqliteFile,
  withEngine,
  withThrowawayDatabase,
  type Provider,
} from "./schema-engine";
import { withMigrationLock } from "./migration-lock";
import { externalTables, keepTriggers } from "./search-objects";

export type { Provider };
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** What the engine leaves alone: the search and ticket-count objects of raw-SQL migrations (search-objects.ts). */
const filters = (provider: Provider) => ({
  externalTables: externalTables(provider),
  externalEnums: [],
});

/**
 * Where the models and migrations are read from: a folder holding
 * `prisma/<provider>/{*.prisma,migrations/}`. Default: this project. Tests point it
 * at a copy to try model changes without touching the real folders.
 */
export interface ProjectOptions {
  root?: string;
}

export interface DatabaseTarget {
  provider: Provider;
  url: string;
}

/** The database of DATABASE_URL (default: SQLite in ./data), its folder created. */
export function resolveDatabase(url = process.env.DATABASE_URL): DatabaseTarget {
  const value = url?.trim() || DEFAULT_DATABASE_URL;
  if (databaseProvider(value) === "postgresql") return { provider: "postgresql", url: value };
  if (!value.startsWith("file:")) {
    throw new Error(`Unsupported database URL "${redact(value)}": use file:… or postgresql://…`);
  }
  const file = sqliteFile(value);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return { provider: "sqlite", url: value };
}

/** Hides the password of a connection URL, for messages. */
export function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, "$1***@");
}

/**
 * Names of migrations recorded as finished, read with a plain connection. Lets
 * an up-to-date database skip the engine: on SQLite the engine wants an
 * exclusive lock, which fails while another process (a running desk) has the
 * file open.
 */
async function finishedMigrations(target: DatabaseTarget): Promise<Set<string>> {
  const sql =
    'SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL';
  try {
    if (target.provider === "postgresql") {
      return new Set((await postgresQuery(target.url, sql)).rows.map((row) => String(row.name)));
    }
    const file = sqliteFile(target.url);
    if (!fs.existsSync(file)) return new Set();
    const connection = new Database(file, { readonly: true, timeout: 15_000 });
    try {
      return new Set((connection.prepare(sql).all() as { name: string }[]).map((row) => row.name));
    } finally {
      connection.close();
    }
  } catch {
    return new Set(); // no history table yet
  }
}

/** Applies pending migrations; returns the names applied. Safe to run concurrently. */
export async function migrateDeploy(
  url?: string,
  { root = ROOT }: ProjectOptions = {},
): Promise<string[]> {
  const target = resolveDatabase(url);
  const local = migrationList(target.provider, root).migrationDirectories.map(
    (directory) => directory.path,
  );
  const finished = await finishedMigrations(target);
  if (local.every((name) => finished.has(name))) return [];
  return withMigrationLock(target, async () => {
    // Another process may have applied them while we waited for the lock (and be seeding
    // now): check again, or the engine would wait on its writes and time out.
    const applied = await finishedMigrations(target);
    if (local.every((name) => applied.has(name))) return [];
    const migrationsList = migrationList(target.provider, root);
    const output = await withEngine(
      target.provider,
      target.url,
      schemaFiles(target.provider, root),
      (engine) => engine.applyMigrations({ migrationsList, filters: filters(target.provider) }),
    );
    return output.appliedMigrationNames;
  });
}

export interface MigrationStatus {
  target: DatabaseTarget;
  local: string[];
  /** In the folder, not applied. */
  pending: string[];
  /** Applied, missing from the folder. */
  unknown: string[];
  failed: string[];
  /** Applied, then changed in the folder. */
  edited: string[];
  upToDate: boolean;
}

/** How the database of `url` (default DATABASE_URL) stands against the migration folder. */
export async function migrateStatus(
  url?: string,
  { root = ROOT }: ProjectOptions = {},
): Promise<MigrationStatus> {
  const target = resolveDatabase(url);
  const migrationsList = migrationList(target.provider, root);
  const local = migrationsList.migrationDirectories.map((directory) => directory.path);
  const status = {
    target,
    local,
    pending: local,
    unknown: [],
    failed: [],
    edited: [],
    upToDate: false,
  };
  // Opening a missing SQLite file would create it.
  if (target.provider === "sqlite" && !fs.existsSync(sqliteFile(target.url))) return status;

  const diagnosis = await withEngine(
    target.provider,
    target.url,
    schemaFiles(target.provider, root),
    (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: filters(target.provider),
      }),
  );
  const history = diagnosis.history;
  const pending =
    history && "unappliedMigrationNames" in history ? history.unappliedMigrationNames : [];
  const unknown =
    history && "unpersistedMigrationNames" in history ? history.unpersistedMigrationNames : [];
  const { failedMigrationNames: failed, editedMigrationNames: edited } = diagnosis;
  const upToDate = !history && failed.length === 0 && edited.length === 0;
  return { ...status, pending, unknown, failed, edited, upToDate };
}

export interface CheckResult {
  provider: Provider;
  ok: boolean;
  problems: string[];
}

/**
 * For each provider asked for (default both), applies every migration to an empty
 * throwaway database and compares the result with prisma/models.prisma. A provider
 * that cannot be checked (no PostgreSQL server answers at MIGRATE_POSTGRES_URL or the
 * default server) is a failure, never a pass.
 */
export async function migrateCheck(
  options: ProjectOptions & { providers?: readonly Provider[] } = {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const provider of options.providers ?? PROVIDERS)
    results.push(await checkProvider(provider, options.root ?? ROOT));
  return results;
}

async function checkProvider(provider: Provider, root: string): Promise<CheckResult> {
  const server = postgresServer();
  if (provider === "postgresql" && !(await postgresAnswers(server))) {
    return {
      provider,
      ok: false,
      problems: [
        `cannot check: no PostgreSQL server answers at ${redact(server)} ` +
          "(start one, set MIGRATE_POSTGRES_URL, or check only SQLite with --provider sqlite)",
      ],
    };
  }
  const problems: string[] = [];
  const lockfile = readIfExists(path.join(migrationsDir(provider, root), "migration_lock.toml"));
  if (lockfile !== null && !lockfile.includes(`provider = "${provider}"`)) {
    problems.push(`migration_lock.toml does not say provider = "${provider}"`);
  }
  const files = schemaFiles(provider, root);
  try {
    const summary = await withThrowawayDatabase(provider, server, (url) =>
      withEngine(provider, url, files, async (engine) => {
        await engine.applyMigrations({
          migrationsList: migrationList(provider, root),
          filters: filters(provider),
        });
        const diff = await engine.diff({
          from: { tag: "schemaDatasource", files, configDir: root },
          to: { tag: "schemaDatamodel", files },
          script: false,
          exitCode: true,
          filters: filters(provider),
        });
        return diff.exitCode === 0 ? null : (diff.stdout ?? "").trim();
      }),
    );
    if (summary) problems.push(`the models differ from the migrations:\n${summary}`);
  } catch (error) {
    problems.push(`the migrations do not apply to an empty database: ${(error as Error).message}`);
  }
  return { provider, ok: problems.length === 0, problems };
}

export interface DevResult {
  /** New migration folders, relative to the project. */
  created: string[];
  /** Migrations applied to the dev database. */
  applied: string[];
  target: DatabaseTarget;
}

/**
 * Writes `<timestamp>_<name>/migration.sql` for each provider whose migrations
 * lag behind the models, then applies pending migrations to the dev database.
 */
export async function migrateDev(
  name: string,
  options: ProjectOptions & { providers?: readonly Provider[]; url?: string } = {},
): Promise<DevResult> {
  const root = options.root ?? ROOT;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error(`Invalid migration name "${name}"`);
  const folder = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${slug}`;
  const providers = options.providers ?? PROVIDERS;

  // Every script is computed before anything is written, so a failure for
  // one provider leaves no half-made migration behind.
  const scripts: [Provider, string][] = [];
  for (const provider of providers) {
    const script = await pendingScript(provider, root);
    if (script !== null)
      scripts.push([
        provider,
        provider === "sqlite" ? keepTriggers(script, migrationsDir(provider, root)) : script,
      ]);
  }
  const created: string[] = [];
  for (const [provider, script] of scripts) {
    const dir = path.join(migrationsDir(provider, root), folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), script);
    created.push(path.relative(root, dir));
  }
  for (const provider of providers) writeLockfile(provider, root);

  const target = resolveDatabase(options.url);
  const applied = providers.includes(target.provider)
    ? await migrateDeploy(target.url, { root })
    : [];
  return { created, applied, target };
}

// SQL from the state the existing migrations produce to the current models;
// null when they agree.
async function pendingScript(provider: Provider, root: string): Promise<string | null> {
  const server = postgresServer();
  if (provider === "postgresql" && !(await postgresAnswers(server))) {
    throw new Error(
      `The postgresql migration needs a PostgreSQL server and none answers at ${redact(server)}: ` +
        "set MIGRATE_POSTGRES_URL, or pass --provider to migrate only the DATABASE_URL one",
    );
  }
  const files = schemaFiles(provider, root);
  return withThrowawayDatabase(provider, server, (url) =>
    withEngine(provider, url, files, async (engine) => {
      const diff = await engine.diff({
        from: { tag: "migrations", ...migrationList(provider, root) },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: filters(provider),
      });
      return diff.exitCode === 0 ? null : (diff.stdout ?? "");
    }),
  );
}

function migrationsDir(provider: Provider, root: string): string {
  return path.join(root, "prisma", provider, "migrations");
}

// The same text as `prisma migrate dev` writes.
function lockfileContent(provider: Provider): string {
  return [
    "# Please do not edit this file manually",
    "# It should be added in your version-control system (e.g., Git)",
    `provider = "${provider}"`,
    "",
  ].join("\n");
}

function writeLockfile(provider: Provider, root: string): void {
  const file = path.join(migrationsDir(provider, root), "migration_lock.toml");
  if (readIfExists(file) === null) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lockfileContent(provider));
  }
}

function migrationList(provider: Provider, root: string): MigrationList {
  const baseDir = migrationsDir(provider, root);
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    // A missing lock file is written by `dev`; until then the engine needs it to know the provider.
    lockfile: {
      path: "migration_lock.toml",
      content: readIfExists(path.join(baseDir, "migration_lock.toml")) ?? lockfileContent(provider),
    },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => {
      const content = readIfExists(path.join(baseDir, name, "migration.sql"));
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content:
            content === null
              ? { tag: "error", value: "migration.sql is missing" }
              : { tag: "ok", value: content },
        },
      };
    }),
  };
}

function schemaFiles(provider: Provider, root: string): SchemaContainer[] {
  const dir = path.join(root, "prisma", provider);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => ({
      path: path.join(dir, file),
      content: fs.readFileSync(path.join(dir, file), "utf8"),
    }));
}

function readIfExists(file: string): string | null {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Where throwaway PostgreSQL databases are created (check, dev). */
function postgresServer(): string {
  const database = process.env.DATABASE_URL ?? "";
  const fallback = databaseProvider(database) === "postgresql" ? database : DEFAULT_POSTGRES_SERVER;
  return process.env.MIGRATE_POSTGRES_URL || fallback;
}

async function postgresAnswers(url: string): Promise<boolean> {
  try {
    await postgresQuery(url, "SELECT 1");
    return true;
  } catch {
    return false;
  }
}
