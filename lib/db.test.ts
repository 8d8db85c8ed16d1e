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
});
