// Backup and restore of the desk's database (README "Backup and restore").
//   SQLite:      an online copy through SQLite's backup API (better-sqlite3),
//                consistent and safe while the desk runs and writes.
//   PostgreSQL:  pg_dump --format=custom / pg_restore (Debian's postgresql-client).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqlitePath } from "../../lib/config";
import { redact } from "./migrations";

/** A libpq connection URI from a DATABASE_URL (Prisma's `schema` parameter is not libpq's). */
export function libpqUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete("schema");
  return parsed.toString();
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) =>
      reject(new Error(`${command} could not run (${error.message}): install postgresql-client`)),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Default file name for a backup of `url`, under ./backups, stamped with the UTC time. */
export function defaultBackupFile(url: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const ext = databaseProvider(url) === "postgresql" ? "dump" : "db";
  return path.resolve("backups", `helpdesk-${stamp}.${ext}`);
}

/**
 * Writes a consistent backup of the database at `url` to `file` while the desk
 * may keep running: every transaction committed before the backup began is in
 * it. Throws when the source cannot be read or the file exists.
 */
export async function backupDatabase({ url, file }: { url: string; file: string }) {
  if (fs.existsSync(file)) throw new Error(`${file} exists: choose another file`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  if (databaseProvider(url) === "postgresql") {
    await runTool("pg_dump", ["--format=custom", "--no-owner", `--file=${partial}`, libpqUrl(url)]);
  } else {
    const source = sqlitePath(url);
    if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
    const connection = new Database(source, { fileMustExist: true, timeout: 15_000 });
    try {
      // Large steps: a write between steps makes SQLite restart the copy, so
      // under steady intake small steps might never finish. WAL lets the
      // desk keep writing while a step reads.
      await connection.backup(partial, { progress: () => 1_000_000 });
    } finally {
      connection.close();
    }
  }
  // Only a finished backup carries the final name.
  fs.renameSync(partial, file);
}

async function postgresIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'",
    );
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

/**
 * Restores `file` (made by backupDatabase) into the database at `url`. The
 * target must be empty (a fresh database or no SQLite file) unless `replace`
 * is set; stop the desk first. Afterwards `npm run db:migrate` brings an older
 * backup up to the current schema.
 */
export async function restoreDatabase({
  url,
  file,
  replace = false,
}: {
  url: string;
  file: string;
  replace?: boolean;
}) {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  if (databaseProvider(url) === "postgresql") {
    if (!replace && !(await postgresIsEmpty(url)))
      throw new Error(`${redact(url)} is not empty: restore into a fresh database, or --replace`);
    await runTool("pg_restore", [
      "--no-owner",
      "--exit-on-error",
      ...(replace ? ["--clean", "--if-exists"] : []),
      `--dbname=${libpqUrl(url)}`,
      file,
    ]);
    return;
  }
  const target = sqlitePath(url);
  if (!replace && fs.existsSync(target) && fs.statSync(target).size > 0)
    throw new Error(`${target} exists: restore into a new file, or --replace (desk stopped)`);
  // Check it is a SQLite database before touching the target.
  new Database(file, { readonly: true, fileMustExist: true }).prepare("SELECT 1").get();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  fs.copyFileSync(file, partial);
  for (const stale of [`${target}-wal`, `${target}-shm`]) fs.rmSync(stale, { force: true });
  fs.renameSync(partial, target);
}
