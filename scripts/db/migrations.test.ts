// The migration runner's own tests (issue 8), on both databases whatever the run's
// TEST_DATABASE: apply, status, the check that catches a model change without a
// migration (and fails when PostgreSQL cannot be reached), concurrent apply from
// several processes. Model changes are tried on a copy of prisma/, never the real one.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateCheck, migrateDeploy, migrateDev, migrateStatus, PROVIDERS } from "./migrations";
import { TRIGGERS } from "./search-objects";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresQuery,
  type Provider,
} from "./schema-engine";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const cleanups: (() => Promise<unknown> | void)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-migrations-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An empty database of `provider`, dropped after the file. */
async function emptyDatabase(provider: Provider): Promise<string> {
  if (provider === "sqlite") return `file:${path.join(tempDir(), "test.db")}`;
  const url = await createPostgresDatabase(SERVER, "hd_migrations_test");
  cleanups.push(() => dropPostgresDatabase(SERVER, url));
  return url;
}

/** A copy of this project's prisma/ folder (models symlinks kept relative). */
function projectCopy(): string {
  const root = tempDir();
  fs.cpSync(path.join(ROOT, "prisma"), path.join(root, "prisma"), {
    recursive: true,
    verbatimSymlinks: true,
  });
  return root;
}

async function appliedNames(url: string): Promise<string[]> {
  const sql =
    'SELECT "migration_name" AS name FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL ORDER BY 1';
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5), { readonly: true });
    try {
      return (db.prepare(sql).all() as { name: string }[]).map((row) => row.name);
    } finally {
      db.close();
    }
  }
  return (await postgresQuery(url, sql)).rows.map((row) => String(row.name));
}

const localMigrations = (provider: Provider, root = ROOT) =>
  fs
    .readdirSync(path.join(root, "prisma", provider, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const migrateCli = (args: string[], env: Record<string, string>) =>
  run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--conditions=react-server", "scripts/db/migrate.ts", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe.each(PROVIDERS)("migration runner on %s", (provider) => {
  it("applies every migration once, then reports the database up to date", async () => {
    const url = await emptyDatabase(provider);
    const before = await migrateStatus(url);
    expect(before.upToDate).toBe(false);
    expect(before.pending).toEqual(localMigrations(provider));

    expect(await migrateDeploy(url)).toEqual(localMigrations(provider));
    expect(await migrateDeploy(url)).toEqual([]);
    expect(await appliedNames(url)).toEqual(localMigrations(provider));
    const after = await migrateStatus(url);
    expect(after).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
  });

  it("reports migrations edited after being applied, and ones missing from the folder", async () => {
    const root = projectCopy();
    const url = await emptyDatabase(provider);
    await migrateDeploy(url, { root });
    const [first, ...rest] = localMigrations(provider, root);
    const last = rest.at(-1) ?? first;
    fs.appendFileSync(
      path.join(root, "prisma", provider, "migrations", first, "migration.sql"),
      "\n-- edited\n",
    );
    if (last !== first)
      fs.rmSync(path.join(root, "prisma", provider, "migrations", last), { recursive: true });

    const status = await migrateStatus(url, { root });
    expect(status.upToDate).toBe(false);
    expect(status.edited).toEqual([first]);
    if (last !== first) expect(status.unknown).toEqual([last]);
  });

  it("check passes for this project, catches a model change without a migration, and passes again once dev wrote it", async () => {
    expect(await migrateCheck({ providers: [provider] })).toEqual([
      { provider, ok: true, problems: [] },
    ]);

    const root = projectCopy();
    fs.appendFileSync(
      path.join(root, "prisma", "models.prisma"),
      "\nmodel MigrationProbe {\n  id    Int    @id @default(autoincrement())\n  label String\n}\n",
    );
    const [changed] = await migrateCheck({ root, providers: [provider] });
    expect(changed.ok).toBe(false);
    expect(changed.problems.join("\n")).toContain("MigrationProbe");

    const url = await emptyDatabase(provider);
    const dev = await migrateDev("add probe", { root, providers: [provider], url });
    expect(dev.created).toHaveLength(1);
    expect(dev.created[0]).toMatch(new RegExp(`^prisma/${provider}/migrations/\\d{14}_add_probe$`));
    expect(dev.applied).toEqual(localMigrations(provider, root));
    const script = fs.readFileSync(path.join(root, dev.created[0], "migration.sql"), "utf8");
    expect(script).toContain("MigrationProbe");
    // The search and count objects of the raw-SQL migrations (search-objects.ts) are left alone.
    expect(script).not.toContain("ticket_search");
    expect(script).not.toContain("ticket_counts");
    expect(await migrateCheck({ root, providers: [provider] })).toEqual([
      { provider, ok: true, problems: [] },
    ]);
  });

  it("check ignores exactly the search and count objects: another table outside the models still fails it", async () => {
    const root = projectCopy();
    const dir = path.join(root, "prisma", provider, "migrations", "29991231000000_stray");
    fs.mkdirSync(dir);
    fs.writeFileSync(
      path.join(dir, "migration.sql"),
      'CREATE TABLE "ticket_search_stray" ("id" INTEGER);\n',
    );
    const [result] = await migrateCheck({ root, providers: [provider] });
    expect(result.ok).toBe(false);
    expect(result.problems.join("\n")).toContain("ticket_search_stray");
    expect(result.problems.join("\n")).not.toMatch(/ticket_search(?!_stray)|ticket_counts/);
  });

  it("dev keeps the search and count triggers when a model change redefines an indexed table", async () => {
    const root = projectCopy();
    const models = path.join(root, "prisma", "models.prisma");
    // Optional title: SQLite can only redefine the table; PostgreSQL alters the column.
    fs.writeFileSync(
      models,
      fs.readFileSync(models, "utf8").replace(/^(\s+title\s+)String(\s)/m, "$1String?$2"),
    );
    const url = await emptyDatabase(provider);
    const dev = await migrateDev("optional title", { root, providers: [provider], url });
    expect(dev.created).toHaveLength(1);
    expect(dev.applied).toEqual(localMigrations(provider, root));
    const triggers =
      provider === "sqlite"
        ? `SELECT name FROM sqlite_master WHERE type = 'trigger'`
        : `SELECT DISTINCT trigger_name AS name FROM information_schema.triggers`;
    let names: Record<string, unknown>[];
    if (provider === "sqlite") {
      const db = new Database(url.slice(5), { readonly: true });
      names = db.prepare(triggers).all() as Record<string, unknown>[];
      db.close();
    } else names = (await postgresQuery(url, triggers)).rows;
    expect(names.map((row) => row.name)).toEqual(expect.arrayContaining(TRIGGERS[provider]));
  });

  it("applies once when several processes deploy at the same time", async () => {
    const url = await emptyDatabase(provider);
    const results = await Promise.all(
      [1, 2, 3].map(() => migrateCli(["deploy"], { DATABASE_URL: url })),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    // Each migration recorded once, by exactly one of the processes.
    expect(await appliedNames(url)).toEqual(localMigrations(provider));
    const reported = results.flatMap((result) =>
      [...result.stdout.matchAll(/^ {2}- (\S+)$/gm)].map((match) => match[1]),
    );
    expect(reported.sort()).toEqual(localMigrations(provider));
  });
});

describe("db:migrate:check without a PostgreSQL server", () => {
  const nobody = { MIGRATE_POSTGRES_URL: "postgresql://postgres@127.0.0.1:1/postgres" };

  it("fails instead of passing when asked to check PostgreSQL", async () => {
    const [reachable] = await migrateCheck({ providers: ["postgresql"] });
    expect(reachable.ok).toBe(true); // the real server answers here
    const previous = process.env.MIGRATE_POSTGRES_URL;
    process.env.MIGRATE_POSTGRES_URL = nobody.MIGRATE_POSTGRES_URL;
    try {
      const [unreachable] = await migrateCheck({ providers: ["postgresql"] });
      expect(unreachable.ok).toBe(false);
      expect(unreachable.problems.join()).toContain("no PostgreSQL server answers at");
    } finally {
      if (previous === undefined) delete process.env.MIGRATE_POSTGRES_URL;
      else process.env.MIGRATE_POSTGRES_URL = previous;
    }
  });

  it("exits non-zero from the command line, by default and with --provider postgresql", async () => {
    for (const args of [["check"], ["check", "--provider", "postgresql"]]) {
      const result = await migrateCli(args, nobody);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stderr).toContain("postgresql: FAILED");
    }
    const sqliteOnly = await migrateCli(["check", "--provider", "sqlite"], nobody);
    expect(sqliteOnly.code).toBe(0);
  });
});
