import { db, type Prisma, type Tx } from "../db";
import { retryDelayMs } from "./backoff";
import { withoutSecrets } from "./secret-payload";

type Claimed = { id: number; attempts: number; maxAttempts: number; payload?: Prisma.JsonValue };

const ownedBy = (job: Claimed, workerId: string) => ({
  id: job.id,
  status: "running" as const,
  lockedBy: workerId,
});

/**
 * Marks a job done — only while this worker still holds it (a worker whose
 * lease expired must not overwrite the new owner). Pass `tx` to commit the
 * job's own writes and its completion together.
 */
export async function completeJob(
  job: Claimed,
  workerId: string,
  now: Date,
  tx?: Tx,
  payload?: Prisma.InputJsonValue,
) {
  const client = tx ?? db;
  const { count } = await client.job.updateMany({
    where: ownedBy(job, workerId),
    data: {
      status: "done",
      finishedAt: now,
      leaseUntil: null,
      lastError: null,
      ...(payload ? { payload } : {}),
    },
  });
  return count === 1;
}

/**
 * Schedules a retry with backoff, or marks the job dead when attempts are used up or the
 * failure is `permanent` (a job that can never succeed: unknown type, invalid payload).
 */
export async function failJob(
  job: Claimed,
  workerId: string,
  now: Date,
  error: unknown,
  { permanent = false }: { permanent?: boolean } = {},
) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const dead = permanent || job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: ownedBy(job, workerId),
    data: dead
      ? {
          status: "dead",
          lastError: message.slice(0, 4000),
          finishedAt: now,
          leaseUntil: null,
          // A dead job is kept for review; a link it carried must not be.
          payload: withoutSecrets(job.payload),
        }
      : {
          status: "queued",
          lastError: message.slice(0, 4000),
          runAt: new Date(now.getTime() + retryDelayMs(job.attempts)),
          leaseUntil: null,
        },
  });
  return dead ? "dead" : "retry";
}

/** Gives a job back untouched (graceful shutdown before it could finish). */
export async function releaseJob(job: Claimed, workerId: string) {
  await db.job.updateMany({
    where: ownedBy(job, workerId),
    data: { status: "queued", leaseUntil: null, lockedBy: null, attempts: { decrement: 1 } },
  });
}

/** Keeps the lease of a long job alive. */
export async function extendLease(job: Claimed, workerId: string, leaseUntil: Date) {
  await db.job.updateMany({ where: ownedBy(job, workerId), data: { leaseUntil } });
}

/** Puts a dead job back in the queue (admin "re-run"). */
export async function rerunJob(jobId: number, now = new Date()) {
  const { count } = await db.job.updateMany({
    where: { id: jobId, status: "dead" },
    data: {
      status: "queued",
      attempts: 0,
      runAt: now,
      lastError: null,
      finishedAt: null,
      lockedBy: null,
    },
  });
  return count === 1;
}
