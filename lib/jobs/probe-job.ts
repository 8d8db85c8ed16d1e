import { db } from "../db";
import type { Job } from "../generated/sqlite/client";
import { hitRateLimit } from "../rate-limit/hit";
import type { JobPayload } from "./job-types";
import type { JobContext } from "./worker";

/**
 * "system.probe": waits `ms` and counts its own executions. Used by the
 * worker tests and benchmarks to observe claiming (a job run twice shows a
 * count of 2); harmless in production.
 */
export async function probeJob({ ms = 0 }: JobPayload<"system.probe">, _ctx: JobContext, job: Job) {
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  await hitRateLimit(db, "probe", String(job.id), 10 * 365 * 86_400);
}
