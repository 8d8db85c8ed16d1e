import { db } from "../db";

/** Dead jobs (retries used up) for the admin page, newest first. */
export async function listDeadJobs(limit = 200) {
  return db.job.findMany({
    where: { status: "dead" },
    orderBy: { finishedAt: "desc" },
    take: limit,
    select: {
      id: true,
      type: true,
      attempts: true,
      lastError: true,
      finishedAt: true,
    },
  });
}

export async function countJobsByStatus() {
  const rows = await db.job.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all])) as Record<string, number>;
}
