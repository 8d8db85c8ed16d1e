import { describe, expect, it } from "vitest";
import { db } from "../db";
import { hitRateLimit, isWithinRateLimit, purgeExpiredRateLimits } from "./hit";

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
});
