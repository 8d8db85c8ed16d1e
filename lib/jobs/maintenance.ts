import { db } from "../db";
import { purgeExpiredRateLimits } from "../rate-limit/hit";

const DONE_JOBS_KEPT_DAYS = 14;
/** Dev outbox mail may carry access links (valid 7 days by default): gone after that. */
const OUTBOX_KEPT_DAYS = 7;

/** Housekeeping: expired rate-limit windows and customer tokens, old finished jobs and outbox mail. */
export async function runMaintenance(now = new Date()) {
  await purgeExpiredRateLimits(db, now);
  await db.customerToken.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.outboxMail.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - OUTBOX_KEPT_DAYS * 86_400_000) } },
  });
  await db.job.deleteMany({
    where: {
      status: "done",
      finishedAt: { lt: new Date(now.getTime() - DONE_JOBS_KEPT_DAYS * 86_400_000) },
    },
  });
}
