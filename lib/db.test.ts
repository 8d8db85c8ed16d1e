import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { databaseUrl, sqlitePath } from "./config";
import { db, insertRows, isPostgres, transaction } from "./db";
import { forgetCachedSettings, getSettings } from "./settings/get-settings";

// A query on `db` inside a transaction takes a second pooled connection while the first
// is held; fifty concurrent requests doing so starved PostgreSQL's pool until every one
// failed with P2028 (the scale-out test). Under test such nesting throws.
describe("transactions and the pool", () => {
  it("refuse a query on db inside a transaction, and allow it through tx", async () => {
    await expect(transaction(() => db.ticket.count())).rejects.toThrow(
      /db\.ticket used inside a transaction/,
    );
    await expect(transaction((tx) => tx.ticket.count())).resolves.toBeTypeOf("number");
    await expect(db.ticket.count()).resolves.toBeTypeOf("number");
  });

  it("read settings missing from the cache through the open transaction", async () => {
    forgetCachedSettings();
    const inside = await transaction(() => getSettings());
    forgetCachedSettings();
    expect(inside).toEqual(await getSettings());
  });

  it("share one settings read among concurrent misses outside a transaction", async () => {
    forgetCachedSettings();
    const reads = await Promise.all(Array.from({ length: 20 }, () => getSettings()));
    expect(new Set(reads).size).toBe(1);
  });

  it("never undo a write made outside a transaction when another transaction rolls back", async () => {
    // SQLite: one connection per process. A write made while another request's transaction
    // was open used to join it, and vanished with its rollback.
    const expiresAt = new Date(Date.now() + 60_000);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = transaction(async (tx) => {
      await tx.rateLimit.create({ data: { key: "db-test:inside", count: 1, expiresAt } });
      entered();
      await gate;
      throw new Error("rolled back");
    });
    await inside;
    // .then: Prisma's promises start only when awaited or chained.
    const outside = db.rateLimit
      .create({ data: { key: "db-test:outside", count: 1, expiresAt } })
      .then((row) => row);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await expect(failing).rejects.toThrow("rolled back");
    await outside;
    expect(await db.rateLimit.findUnique({ where: { key: "db-test:inside" } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: "db-test:outside" } })).not.toBeNull();
  });
});

// SQLite: statements are prepared once per SQL text and reused (lib/db.ts,
// reusePreparedStatements). A reused statement must take each call's own arguments,
// return rows or changes as a fresh one would, and keep working inside transactions.
describe("reused prepared statements", () => {
  it("give each call its own arguments, for reads, writes and raw queries", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    const keys = ["stmt-a", "stmt-b", "stmt-c"];
    for (const [i, key] of keys.entries())
      await db.rateLimit.create({ data: { key, count: i + 1, expiresAt } });
    // The same SQL text three times, with different arguments each time.
    for (const [i, key] of keys.entries())
      expect((await db.rateLimit.findUnique({ where: { key } }))?.count).toBe(i + 1);
    const { count } = await db.rateLimit.updateMany({
      where: { key: { in: keys.slice(0, 2) } },
      data: { count: 10 },
    });
    expect(count).toBe(2);
    expect(
      (await db.rateLimit.findMany({ where: { key: { in: keys } }, orderBy: { key: "asc" } })).map(
        (r) => r.count,
      ),
    ).toEqual([10, 10, 3]);
    for (const [i, key] of keys.entries()) {
      const rows = await db.$queryRaw<{ count: bigint | number }[]>`
        SELECT "count" FROM "RateLimit" WHERE "key" = ${key}`;
      expect(Number(rows[0].count)).toBe(i < 2 ? 10 : 3);
    }
    const remove = () => db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${"stmt-c"}`;
    expect(await remove()).toBe(1);
    expect(await remove()).toBe(0);
  });

  it("work the same inside transactions, committed or rolled back, one after another", async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    for (let i = 0; i < 3; i++) {
      await transaction((tx) =>
        tx.rateLimit.create({ data: { key: `stmt-tx-${i}`, count: i, expiresAt } }),
      );
      await expect(
        transaction(async (tx) => {
          await tx.rateLimit.create({ data: { key: `stmt-rolled-${i}`, count: i, expiresAt } });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
    }
    const rows = await db.rateLimit.findMany({
      where: { key: { startsWith: "stmt-" } },
      orderBy: { key: "asc" },
    });
    expect(rows.filter((r) => r.key.startsWith("stmt-tx-")).map((r) => r.count)).toEqual([0, 1, 2]);
    expect(rows.some((r) => r.key.startsWith("stmt-rolled-"))).toBe(false);
  });
});

describe.runIf(!isPostgres())("SQLite transactions", () => {
  it("hold the write lock from their first statement, even when they only read", async () => {
    // Another process (here: another connection) cannot start writing meanwhile: it waits
    // on its busy timeout instead of our transaction failing when it upgrades to write.
    const other = new Database(sqlitePath(databaseUrl()), { timeout: 0 });
    try {
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const reading = transaction(async (tx) => {
        await tx.ticket.count();
        entered();
        await gate;
      });
      await inside;
      expect(() => other.prepare("BEGIN IMMEDIATE").run()).toThrow(/locked|busy/i);
      release();
      await reading;
      other.prepare("BEGIN IMMEDIATE").run();
      other.prepare("ROLLBACK").run();
    } finally {
      other.close();
    }
  });
});

// Prisma compiles createMany's plan again on every call (it caches every other query's):
// one row goes through `create`, several through one multi-row insert.
describe("insertRows", () => {
  const write = (used: string[]) => ({
    one: (data: { key: string; count: number; expiresAt: Date }) => {
      used.push("one");
      return db.rateLimit.create({ data, select: { key: true } });
    },
    many: (data: { key: string; count: number; expiresAt: Date }[]) => {
      used.push("many");
      return db.rateLimit.createManyAndReturn({ data, select: { key: true } });
    },
  });
  const rows = (keys: string[]) =>
    keys.map((key, i) => ({ key, count: i, expiresAt: new Date(Date.now() + 60_000) }));

  it("writes one row with create, several with one insert, none without a statement", async () => {
    const used: string[] = [];
    expect(await insertRows([], write(used))).toEqual([]);
    expect(await insertRows(rows(["ins-1"]), write(used))).toEqual([{ key: "ins-1" }]);
    const several = await insertRows(rows(["ins-2", "ins-3", "ins-4"]), write(used));
    expect(several.map((r) => r.key).sort()).toEqual(["ins-2", "ins-3", "ins-4"]);
    expect(used).toEqual(["one", "many"]);
    const stored = await db.rateLimit.findMany({
      where: { key: { startsWith: "ins-" } },
      orderBy: { key: "asc" },
    });
    expect(stored.map((r) => [r.key, r.count])).toEqual([
      ["ins-1", 0],
      ["ins-2", 0],
      ["ins-3", 1],
      ["ins-4", 2],
    ]);
  });
});
