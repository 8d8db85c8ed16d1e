import { isPostgres, transaction } from "../db";

export interface ClaimOptions {
  workerId: string;
  limit: number;
  leaseMs: number;
  now: Date;
  /** Only these job types (default: any). */
  types?: string[];
}

/**
 * Claims due jobs with a lease: queued jobs whose time has come, and running
 * jobs whose lease expired (their worker died). PostgreSQL skips rows other
 * workers are claiming (FOR UPDATE SKIP LOCKED); SQLite has one writer at a
 * time, which transaction() holds. Each claim counts an attempt.
 */
export async function claimJobs({ workerId, limit, leaseMs, now, types }: ClaimOptions) {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  return transaction(async (tx) => {
    let ids: number[];
    if (isPostgres()) {
      const typeFilter = types?.length ? `AND "type" = ANY($3::text[])` : "";
      const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
        `SELECT "id" FROM "Job"
         WHERE (("status" = 'queued' AND "runAt" <= $1) OR ("status" = 'running' AND "leaseUntil" < $1)) ${typeFilter}
         ORDER BY "runAt", "id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
        now,
        limit,
        ...(types?.length ? [types] : []),
      );
      ids = rows.map((r) => Number(r.id));
    } else {
      const rows = await tx.job.findMany({
        where: {
          OR: [
            { status: "queued", runAt: { lte: now } },
            { status: "running", leaseUntil: { lt: now } },
          ],
          ...(types?.length ? { type: { in: types } } : {}),
        },
        orderBy: [{ runAt: "asc" }, { id: "asc" }],
        take: limit,
        select: { id: true },
      });
      ids = rows.map((r) => r.id);
    }
    if (ids.length === 0) return [];
    // One UPDATE … RETURNING (no re-read); RETURNING keeps no order, the claim order is restored.
    const claimed = await tx.job.updateManyAndReturn({
      where: { id: { in: ids } },
      data: { status: "running", lockedBy: workerId, leaseUntil, attempts: { increment: 1 } },
    });
    const order = new Map(ids.map((id, i) => [id, i]));
    return claimed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  });
}
