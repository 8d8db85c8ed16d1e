// The job worker: claims due jobs with a lease, runs their handlers, retries
// failures with backoff, and shuts down gracefully. Several workers may run
// at once (separate processes); see claimJobs for how they never share a job.
import { hostname } from "node:os";
import type { Job } from "../generated/sqlite/client";
import type { Prisma, Tx } from "../db";
import { whenWebIdle } from "../http/web-activity";
import { claimJobs } from "./claim-jobs";
import { completeJob, extendLease, failJob, releaseJob } from "./finish-job";
import {
  InvalidJobError,
  isJobType,
  parseJobPayload,
  type JobPayload,
  type JobType,
} from "./job-types";

export interface JobContext {
  now: Date;
  workerId: string;
  /** Completes the job inside the handler's own transaction, with its writes. */
  complete: (tx: Tx, payload?: Prisma.InputJsonValue) => Promise<boolean>;
}

/** Runs one job of type T with its payload already parsed by the type's schema. */
export type JobHandler<T extends JobType> = (
  payload: JobPayload<T>,
  ctx: JobContext,
  job: Job,
) => Promise<void>;
export type JobHandlers = { [T in JobType]: JobHandler<T> };

export interface WorkerOptions {
  handlers: Partial<JobHandlers>;
  workerId?: string;
  /** Injectable clock: tests move time instead of sleeping. */
  clock?: () => Date;
  concurrency?: number;
  leaseMs?: number;
  pollMs?: number;
  types?: string[];
  /**
   * Milliseconds a claim waits at most for the web server in this process to have no
   * request in flight (default 100; 0 does not wait). See `start`.
   */
  webYieldMs?: number;
  log?: (message: string, error?: unknown) => void;
}

export function createWorker(options: WorkerOptions) {
  const workerId =
    options.workerId ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const clock = options.clock ?? (() => new Date());
  const concurrency = options.concurrency ?? 4;
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 1000;
  const webYieldMs = options.webYieldMs ?? 100;
  const log =
    options.log ??
    ((message, error) => (error ? console.error(message, error) : console.log(message)));
  const inFlight = new Map<Promise<void>, Job>();
  let stopping = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  /** Ends the wait for the web server (see `start`), so that `stop` does not wait for it. */
  let endYield: (() => void) | undefined;

  /** Parses the payload with the type's schema and calls the handler with it. */
  async function dispatch<T extends JobType>(type: T, job: Job, ctx: JobContext) {
    const handler: JobHandler<T> | undefined = options.handlers[type];
    if (!handler) throw new InvalidJobError(`no handler for job type "${type}"`);
    await handler(parseJobPayload(type, job.payload), ctx, job);
  }

  async function run(job: Job) {
    let completed = false;
    const heartbeat = setInterval(
      () => void extendLease(job, workerId, new Date(clock().getTime() + leaseMs)).catch(() => {}),
      Math.max(leaseMs / 3, 1000),
    );
    try {
      if (!isJobType(job.type)) throw new InvalidJobError(`unknown job type "${job.type}"`);
      await dispatch(job.type, job, {
        now: clock(),
        workerId,
        complete: async (tx, payload) =>
          (completed = await completeJob(job, workerId, clock(), tx, payload)),
      });
      if (!completed) await completeJob(job, workerId, clock());
    } catch (error) {
      // A job that can never succeed is dead at once instead of retrying with backoff.
      const permanent = error instanceof InvalidJobError;
      const outcome = await failJob(job, workerId, clock(), error, { permanent }).catch((e) =>
        log(`job ${job.id}: could not record failure`, e),
      );
      log(
        `job ${job.id} (${job.type}) failed, attempt ${job.attempts}/${job.maxAttempts}${outcome === "dead" ? ", now dead" : ""}`,
        error,
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Claims up to the free capacity and starts those jobs; returns how many started.
   * While jobs run, it claims only once half the slots are free: one claim transaction
   * for several jobs, not one per finished job (a claim costs a write transaction).
   */
  async function tick(): Promise<number> {
    const free = concurrency - inFlight.size;
    if (free <= 0 || stopping) return 0;
    if (inFlight.size > 0 && free < Math.ceil(concurrency / 2)) return 0;
    const jobs = await claimJobs({
      workerId,
      limit: free,
      leaseMs,
      now: clock(),
      types: options.types,
    });
    for (const job of jobs) {
      const p: Promise<void> = run(job).finally(() => {
        inFlight.delete(p);
        wake?.();
      });
      inFlight.set(p, job);
    }
    return jobs.length;
  }

  return {
    workerId,
    /** Runs due jobs until none is left (for tests and scripts); returns how many ran. */
    async drain(): Promise<number> {
      let total = 0;
      for (;;) {
        const started = await tick();
        total += started;
        if (started === 0 && inFlight.size === 0) return total;
        if (inFlight.size > 0) await Promise.race(inFlight.keys());
      }
    },
    start() {
      if (loop) return;
      stopping = false;
      loop = (async () => {
        while (!stopping) {
          // One turn of the event loop before each claim. On SQLite every statement settles
          // without I/O, so without it a worker with due jobs would claim and run them as
          // promise callbacks until none is left, and the web server in the same process
          // would read no request meanwhile (BENCHMARKS.md, sixth round).
          await new Promise<void>((resolve) => setImmediate(resolve));
          // Requests first: while the web server in this process has requests in flight, a
          // claim waits until it has none, or webYieldMs at most. Jobs (mail, notifications)
          // can wait a moment; an agent's page or an intake request should not wait for them.
          // Under load the worker thus still claims every webYieldMs (BENCHMARKS.md, eleventh
          // round).
          if (webYieldMs > 0)
            await new Promise<void>((resolve) => {
              endYield = resolve;
              void whenWebIdle(webYieldMs).then(resolve);
            });
          if (stopping) break;
          let started = 0;
          try {
            started = await tick();
          } catch (error) {
            log("worker: claiming jobs failed", error);
          }
          if (stopping) break;
          if (started === 0 || inFlight.size >= concurrency) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, pollMs);
            });
          }
        }
      })();
    },
    /**
     * Stops claiming and lets jobs in flight finish for up to `graceMs`; jobs
     * still running then are released (queued again at once, their attempt not
     * counted) instead of waiting for their lease to expire.
     */
    async stop({ graceMs = 20_000 }: { graceMs?: number } = {}) {
      stopping = true;
      wake?.();
      endYield?.();
      await loop;
      loop = undefined;
      const finished = Promise.allSettled([...inFlight.keys()]);
      const timedOut = await Promise.race([
        finished.then(() => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
      ]);
      if (timedOut)
        await Promise.all([...inFlight.values()].map((job) => releaseJob(job, workerId)));
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
