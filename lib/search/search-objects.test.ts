// The search objects exist in a migrated database (and so survive later migrations: a
// SQLite table redefinition drops the table's triggers), and the migration check ignores
// exactly them (scripts/db/migrations.test.ts: another unknown table is still reported).
import { describe, expect, it } from "vitest";
import { testProvider } from "../../tests/kit/databases";
import { TICKET_COUNTS_TABLE, TRIGGERS, searchTables } from "../../scripts/db/search-objects";
import { db } from "../db";

const provider = testProvider();

async function names(sql: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(sql);
  return rows.map((row) => row.name).sort();
}

describe(`search and count objects on ${provider}`, () => {
  it("has every search and count table and trigger after all migrations", async () => {
    if (provider === "sqlite") {
      expect(await names(`SELECT name FROM sqlite_master WHERE type = 'trigger'`)).toEqual(
        expect.arrayContaining(TRIGGERS.sqlite),
      );
      expect(
        await names(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'ticket_search%'`,
        ),
      ).toEqual([...searchTables("sqlite")].sort());
      expect(
        await names(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${TICKET_COUNTS_TABLE}'`,
        ),
      ).toEqual([TICKET_COUNTS_TABLE]);
    } else {
      expect(
        await names(`SELECT DISTINCT trigger_name AS name FROM information_schema.triggers`),
      ).toEqual(expect.arrayContaining(TRIGGERS.postgresql));
      expect(
        await names(
          `SELECT 'public.' || tablename AS name FROM pg_tables WHERE tablename LIKE 'ticket_search%'`,
        ),
      ).toEqual(searchTables("postgresql"));
      expect(await names(`SELECT extname AS name FROM pg_extension`)).toContain("unaccent");
    }
  });
});
