// The aggregate behind the dashboard's chart and closed counts (issue 16 item 1): tickets
// created and closed per queue and local day, recomputed from the tickets on a schedule
// by the "stats.refresh" job — never a counter bumped on each ticket write, so intake
// does not contend on a hot row. A run recomputes today and yesterday; the first run of a
// day and the first after a worker starts recompute all STATS_DAYS days.
import { config } from "../config";
import { db, transaction, type Tx } from "../db";
import { enqueue } from "../jobs/enqueue";
import type { JobPayload } from "../jobs/job-types";
import type { JobContext } from "../jobs/worker";
import { dayOf, lastDays, startOfDay } from "./days";

/** Days the dashboard chart shows, and the most a run recomputes. */
export const STATS_DAYS = 30;
/** Minutes between two runs of the refresh job. */
export const STATS_REFRESH_MINUTES = 10;

/** Counts of one day: created and closed per queue. */
async function countDay(tx: Tx, day: string, timeZone: string) {
  const from = startOfDay(day, timeZone);
  const to = startOfDay(day, timeZone, 1);
  const [created, closed] = await Promise.all([
    tx.ticket.groupBy({
      by: ["queueId"],
      where: { createdAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
    tx.ticket.groupBy({
      by: ["queueId"],
      where: { closedAt: { gte: from, lt: to } },
      _count: { _all: true },
    }),
  ]);
  const rows = new Map<number, { created: number; closed: number }>();
  for (const c of created) rows.set(c.queueId, { created: c._count._all, closed: 0 });
  for (const c of closed) {
    rows.set(c.queueId, { created: rows.get(c.queueId)?.created ?? 0, closed: c._count._all });
  }
  return rows;
}

/**
 * Recomputes QueueDayStats of today and yesterday (a ticket closed today may have been
 * created yesterday), or with `full` of the last STATS_DAYS days (a reopened ticket no
 * longer counts as closed on its old day), in the desk's time zone. A day's rows are
 * replaced as a whole. Returns the days refreshed.
 */
export async function refreshQueueStats(options: { now: Date; full?: boolean; tx?: Tx }) {
  const { timeZone } = config;
  const days = lastDays(options.now, timeZone, options.full ? STATS_DAYS : 2);
  const work = async (tx: Tx) => {
    for (const day of days) {
      const counts = await countDay(tx, day, timeZone);
      await tx.queueDayStats.deleteMany({ where: { day } });
      await tx.queueDayStats.createMany({
        data: [...counts].map(([queueId, c]) => ({ queueId, day, ...c, refreshedAt: options.now })),
      });
    }
    return days;
  };
  return options.tx ? work(options.tx) : transaction(work);
}

/** Schedules the next run: one job per time slot (dedupe key), so workers never double it. */
export async function scheduleStatsRefresh(tx: Tx, now: Date) {
  const slotMs = STATS_REFRESH_MINUTES * 60_000;
  const runAt = new Date(Math.floor(now.getTime() / slotMs) * slotMs + slotMs);
  await enqueue(tx, {
    type: "stats.refresh",
    payload: {},
    runAt,
    dedupeKey: `stats.refresh:${runAt.toISOString()}`,
  });
}

/** Job handler for "stats.refresh": recomputes the statistics and schedules the next run. */
export async function handleStatsRefresh(payload: JobPayload<"stats.refresh">, ctx: JobContext) {
  const { timeZone } = config;
  const slotMs = STATS_REFRESH_MINUTES * 60_000;
  const isFirstOfDay =
    dayOf(new Date(ctx.now.getTime() - slotMs), timeZone) !== dayOf(ctx.now, timeZone);
  await transaction(async (tx) => {
    await refreshQueueStats({ now: ctx.now, full: payload.full || isFirstOfDay, tx });
    await scheduleStatsRefresh(tx, ctx.now);
    await ctx.complete(tx);
  });
}

/**
 * At worker start: makes sure a refresh is scheduled (runs one now when none is queued).
 * Harmless when several workers start at once: the slot's dedupe key keeps one job.
 */
export async function ensureStatsRefreshScheduled(now = new Date()) {
  const queued = await db.job.count({
    where: { type: "stats.refresh", status: { in: ["queued", "running"] } },
  });
  if (queued > 0) return;
  try {
    await transaction((tx) =>
      enqueue(tx, {
        type: "stats.refresh",
        payload: { full: true },
        dedupeKey: `stats.refresh:start:${Math.floor(now.getTime() / 60_000)}`,
      }),
    );
  } catch (error) {
    console.warn("could not schedule the statistics refresh (another worker did?)", error);
  }
}
