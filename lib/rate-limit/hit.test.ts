import { describe, expect, it } from "vitest";
import { db } from "../db";
import { hitRateLimit, hitRateLimits, isWithinRateLimit, purgeExpiredRateLimits } from "./hit";

describe("rate limits", () => {
  it("counts per identity and window, and expires", async () => {
    const now = new Date("2026-11-28T10:00:30Z");
    expect(await hitRateLimit(db, "t", "a", 60, now)).toBe(1);
    expect(await hitRateLimit(db, "t", "a", 60, now)).toBe(2);
    expect(await hitRateLimit(db, "t", "b", 60, now)).toBe(1);
    expect(await isWithinRateLimit(db, "t", "a", 3, 60, now)).toBe(true);
    expect(await isWithinRateLimit(db, "t", "a", 3, 60, now)).toBe(false);
    // Next window starts afresh.
    expect(await hitRateLimit(db, "t", "a", 60, new Date("2026-11-28T10:01:00Z"))).toBe(1);
    const row = await db.rateLimit.findFirstOrThrow({
      where: { key: { startsWith: "t:a:" } },
      orderBy: { expiresAt: "asc" },
    });
    expect(row.expiresAt.toISOString()).toBe("2026-11-28T10:01:00.000Z");
    await purgeExpiredRateLimits(db, new Date("2026-11-28T10:01:30Z"));
    expect(await db.rateLimit.count({ where: { key: { startsWith: "t:a:" } } })).toBe(1);
  });

  it("counts several hits in one statement as if one after the other", async () => {
    const now = new Date("2026-11-28T11:00:30Z");
    expect(await hitRateLimit(db, "m", "a", 60, now)).toBe(1);
    // "a" already has one hit; "a" twice more and "c" twice, interleaved with "b".
    expect(await hitRateLimits(db, "m", ["a", "b", "c", "a", "c"], 60, now)).toEqual([
      2, 1, 1, 3, 2,
    ]);
    expect(await hitRateLimit(db, "m", "a", 60, now)).toBe(4);
    expect(await hitRateLimits(db, "m", [], 60, now)).toEqual([]);
    // Each key's row expires with its window, as a single hit's does.
    const rows = await db.rateLimit.findMany({ where: { key: { startsWith: "m:" } } });
    expect(rows.map((r) => r.expiresAt.toISOString())).toEqual(
      rows.map(() => "2026-11-28T11:01:00.000Z"),
    );
  });
});
