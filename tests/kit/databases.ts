// Fresh databases for tests: a new SQLite file, or a new database on the
// PostgreSQL server when TEST_DATABASE=postgresql (created per run, dropped after).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const testProvider = () =>
  process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const postgresServer = () =>
  process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

function withDatabase(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: postgresServer() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** An empty database; `template` copies an already migrated one (fast). */
export async function createTestDatabase(template?: string): Promise<TestDatabase> {
  const id = `hd_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  if (testProvider() === "postgresql") {
    const templateName = template ? new URL(template).pathname.slice(1) : undefined;
    await onServer(`CREATE DATABASE "${id}"${templateName ? ` TEMPLATE "${templateName}"` : ""}`);
    return {
      url: withDatabase(postgresServer(), id),
      drop: () => onServer(`DROP DATABASE IF EXISTS "${id}" WITH (FORCE)`),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-test-"));
  const file = path.join(dir, "helpdesk.db");
  if (template) fs.copyFileSync(template.replace(/^file:/, ""), file);
  return {
    url: `file:${file}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
