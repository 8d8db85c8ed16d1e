import type { Prisma, Tx } from "../db";

export interface EnqueueInput {
  type: string;
  payload: Prisma.InputJsonValue;
  runAt?: Date;
  maxAttempts?: number;
  /** One live job per key: enqueueing again reschedules it (timers). */
  dedupeKey?: string;
}

/** Adds a job inside the caller's transaction, so it exists only if the change commits. */
export async function enqueue(tx: Tx, input: EnqueueInput) {
  const data = {
    type: input.type,
    payload: input.payload,
    runAt: input.runAt ?? new Date(),
    maxAttempts: input.maxAttempts ?? 8,
  };
  if (!input.dedupeKey) return tx.job.create({ data });
  return tx.job.upsert({
    where: { dedupeKey: input.dedupeKey },
    create: { ...data, dedupeKey: input.dedupeKey },
    update: {
      ...data,
      status: "queued",
      attempts: 0,
      lastError: null,
      lockedBy: null,
      leaseUntil: null,
      finishedAt: null,
    },
  });
}

/**
 * Keeps one keyed timer job in step with a time: (re)scheduled at `runAt`, or
 * cancelled while it has not run yet when there is no time any more.
 */
export async function scheduleTimer(
  tx: Tx,
  timer: { type: string; payload: Prisma.InputJsonValue; dedupeKey: string; runAt: Date | null },
) {
  if (timer.runAt) {
    await enqueue(tx, {
      type: timer.type,
      payload: timer.payload,
      runAt: timer.runAt,
      dedupeKey: timer.dedupeKey,
    });
  } else {
    await tx.job.deleteMany({ where: { dedupeKey: timer.dedupeKey, status: "queued" } });
  }
}
