// Before each test file: its own fresh copy of the migrated template, so lib
// code imported by the test talks to a real, empty database.
import { afterAll } from "vitest";
import { createTestDatabase } from "./databases";

const database = await createTestDatabase(process.env.TEST_TEMPLATE_DATABASE_URL);
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import("../../lib/db");
  await db.$disconnect();
  await database.drop();
});
