import { insertRows, type Prisma, type Tx } from "../db";
import { jobPayloadSchemas, type JobPayloadInput, type JobType } from "./job-types";

export interface EnqueueInput<T extends JobType> {
  type: T;
  /** Checked against the type's schema (job-types.ts); a payload it refuses throws. */
  payload: JobPayloadInput<T>;
  runAt?: Date;
  maxAttempts?: number;
  /** One live job per key: enqueueing again reschedules it (timers). */
  dedupeKey?: string;
}

/**
 * Adds a job inside the caller's transaction, so it exists only if the change commits.
 * The payload is parsed with its type's schema first (a ZodError rolls the change back).
 */
export async function enqueue<T extends JobType>(tx: Tx, input: EnqueueInput<T>) {
  const data = jobRow(input, new Date());
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
 * Adds several unkeyed jobs inside the caller's transaction with one multi-row insert;
 * each payload is checked as `enqueue` checks it.
 */
export async function enqueueMany(tx: Tx, inputs: Omit<EnqueueInput<JobType>, "dedupeKey">[]) {
  if (inputs.length === 0) return;
  const now = new Date();
  await insertRows(
    inputs.map((input) => jobRow(input, now)),
    {
      one: (data) => tx.job.create({ data, select: { id: true } }),
      many: (data) => tx.job.createManyAndReturn({ data, select: { id: true } }),
    },
  );
}

/** The row of a new job; the payload parsed with its type's schema (a refused one throws). */
function jobRow(input: Omit<EnqueueInput<JobType>, "dedupeKey">, now: Date) {
  return {
    type: input.type,
    payload: jobPayloadSchemas[input.type].parse(input.payload) as Prisma.InputJsonValue,
    runAt: input.runAt ?? now,
    maxAttempts: input.maxAttempts ?? 8,
  };
}

/**
 * Keeps one keyed timer job in step with a time: (re)scheduled at `runAt`, or
 * cancelled while it has not run yet when there is no time any more.
 */
export async function scheduleTimer<T extends JobType>(
  tx: Tx,
  timer: { type: T; payload: JobPayloadInput<T>; dedupeKey: string; runAt: Date | null },
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
