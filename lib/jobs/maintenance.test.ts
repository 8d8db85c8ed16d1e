import { expect, it } from "vitest";
import { db } from "../db";
import { hitRateLimit } from "../rate-limit/hit";
import { seedDatabase } from "../setup/seed";
import { runMaintenance } from "./maintenance";

it("purges expired rate limits and customer tokens and old finished jobs, keeping the rest", async () => {
  await seedDatabase();
  const now = new Date("2026-11-28T12:00:00Z");
  const customer = await db.customer.create({ data: { email: "m@example.org" } });
  await db.customerToken.createMany({
    data: [
      {
        kind: "access",
        tokenHash: "old",
        customerId: customer.id,
        expiresAt: new Date("2026-11-27T00:00:00Z"),
      },
      {
        kind: "access",
        tokenHash: "live",
        customerId: customer.id,
        expiresAt: new Date("2026-12-01T00:00:00Z"),
      },
    ],
  });
  await hitRateLimit(db, "x", "old", 60, new Date("2026-11-28T10:00:00Z"));
  await hitRateLimit(db, "x", "live", 3600, now);
  await db.job.createMany({
    data: [
      { type: "t", payload: {}, status: "done", finishedAt: new Date("2026-10-01T00:00:00Z") },
      { type: "t", payload: {}, status: "done", finishedAt: new Date("2026-11-27T00:00:00Z") },
      { type: "t", payload: {}, status: "dead", finishedAt: new Date("2026-10-01T00:00:00Z") },
    ],
  });
  await runMaintenance(now);
  expect((await db.customerToken.findMany()).map((t) => t.tokenHash)).toEqual(["live"]);
  expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual([
    expect.stringMatching(/^x:live:/),
  ]);
  expect((await db.job.findMany({ where: { type: "t" } })).map((j) => j.status).sort()).toEqual([
    "dead",
    "done",
  ]);
});
