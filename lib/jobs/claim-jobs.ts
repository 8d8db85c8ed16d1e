import { empty, join, sqltag as sql } from "@prisma/client/runtime/client";
import { db, isPostgres } from "../db";

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Only these job types (default: any). */
  types?: string[];
}

/**
 * Claims up to `limit` due jobs with a lease: queued jobs whose time has come, and running
 * jobs whose lease expired (their worker died), oldest `runAt` first. Each claim counts an
 * attempt. Returns the claimed rows in that order.
 *
 * One UPDATE whose subquery picks the jobs, so the claim is atomic without a transaction
 * around it: on PostgreSQL the subquery skips rows other workers are claiming (FOR UPDATE
 * SKIP LOCKED), on SQLite the statement holds the one write lock. Then one read of the
 * claimed rows (typed, payload parsed). Two statements instead of a transaction's five
 * (BENCHMARKS.md, seventh round).
 */
export async function claimJobs({ workerId, limit, leaseMs, now, types }: ClaimOptions) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const ofTypes = types?.length ? sql`AND "type" IN (${join(types)})` : empty;
  const skipLocked = isPostgres() ? sql`FOR UPDATE SKIP LOCKED` : empty;
  const claimed = await db.$queryRaw<{ id: number }[]>`
    UPDATE "Job"
    SET "status" = 'running', "lockedBy" = ${workerId}, "leaseUntil" = ${leaseUntil},
        "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Job"
      WHERE (("status" = 'queued' AND "runAt" <= ${now})
          OR ("status" = 'running' AND "leaseUntil" < ${now})) ${ofTypes}
      ORDER BY "runAt", "id" LIMIT ${limit} ${skipLocked})
    RETURNING "id"`;
  if (claimed.length === 0) return [];
  // Only this worker writes these rows now (its lease): the read sees the claim.
  return db.job.findMany({
    where: { id: { in: claimed.map((row) => Number(row.id)) }, lockedBy: workerId },
    orderBy: [{ runAt: "asc" }, { id: "asc" }],
  });
}
