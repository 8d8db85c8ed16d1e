import { describe, expect, it } from "vitest";
import { db, transaction } from "./db";
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
