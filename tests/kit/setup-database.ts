// Before each test file: its own fresh copy of the migrated template, so lib
// code imported by the test talks to a real, empty database, and its own data
// directory (attachments, raw mail), as two test files run at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createTestDatabase } from "./databases";

const database = await createTestDatabase(process.env.TEST_TEMPLATE_DATABASE_URL);
process.env.DATABASE_URL = database.url;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-test-data-"));
process.env.DATA_DIR = dataDir;

afterAll(async () => {
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  await database.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
