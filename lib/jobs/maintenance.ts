import { db } from "../db";
import { purgeExpiredRateLimits } from "../rate-limit/hit";
import { getSettings } from "../settings/get-settings";

const DAY = 86_400_000;
/** Dev outbox mail may carry access links (valid 7 days by default): gone after that. */
const OUTBOX_KEPT_DAYS = 7;

/**
 * Housekeeping: expired rate-limit windows and customer tokens, old outbox mail, finished
 * jobs past their retention and — when a retention is set (0 = keep) — the raw bytes of
 * inbound messages processed that long ago (settings: finishedJobsRetentionDays,
 * inboundRawRetentionDays). Failed messages keep their raw bytes for re-processing.
 */
export async function runMaintenance(now = new Date()) {
  const settings = await getSettings();
  await purgeExpiredRateLimits(db, now);
  await db.customerToken.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.outboxMail.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - OUTBOX_KEPT_DAYS * DAY) } },
  });
  await db.job.deleteMany({
    where: {
      status: "done",
      finishedAt: { lt: new Date(now.getTime() - settings.finishedJobsRetentionDays * DAY) },
    },
  });
  if (settings.inboundRawRetentionDays > 0) {
    await db.inboundMessage.updateMany({
      where: {
        status: { in: ["processed", "duplicate", "ignored"] },
        raw: { not: null },
        receivedAt: { lt: new Date(now.getTime() - settings.inboundRawRetentionDays * DAY) },
      },
      data: { raw: null },
    });
  }
}
