// Once per vitest run: a migrated template database that each test file copies.
import { migrateDeploy } from "../../scripts/db/migrations";
import { createTestDatabase, testProvider, type TestDatabase } from "./databases";

let template: TestDatabase | undefined;

export async function setup() {
  template = await createTestDatabase();
  await migrateDeploy(template.url);
  process.env.TEST_TEMPLATE_DATABASE_URL = template.url;
  console.log(
    `test databases: ${testProvider()} (template ${template.url.replace(/\/\/[^@]*@/, "//")})`,
  );
}

export async function teardown() {
  await template?.drop();
}
