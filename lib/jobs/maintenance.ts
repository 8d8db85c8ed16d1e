import { db } from "../db";
import { purgeExpiredRateLimits } from "../rate-limit/hit";

const DONE_JOBS_KEPT_DAYS = 14;

/** Housekeeping: expired rate-limit windows and customer tokens, old finished jobs. */
export async function runMaintenance(now = new Date()) {
  await purgeExpiredRateLimits(db, now);
  await db.customerToken.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.job.deleteMany({
    where: {
      status: "done",
      finishedAt: { lt: new Date(now.getTime() - DONE_JOBS_KEPT_DAYS * 86_400_000) },
    },
  });
}
