// Reports per queue and period (issue 16 item 6): tickets created and closed, median first
// response and solution time, and SLA targets met or breached. Scope in the query; the
// period is whole local days in the desk's time zone, `to` included.
import { queueFilter, readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { addBusinessMinutes, parseCalendar } from "../sla/business-time";
import { startOfDay } from "./days";
import { getSettings } from "../settings/get-settings";

export interface QueueReportRow {
  queueId: number;
  queue: string;
  created: number;
  closed: number;
  /** Minutes from creation to the first answer, median over tickets created in the period. */
  medianFirstResponseMinutes: number | null;
  /** Minutes from creation to closing, median over tickets closed in the period. */
  medianSolutionMinutes: number | null;
  /** First response target (tickets created in the period): answered in time / late or overdue. */
  firstResponseMet: number;
  firstResponseBreached: number;
  /** Solution target (tickets closed in the period): closed in time / late. */
  solutionMet: number;
  solutionBreached: number;
}

/** The median of the numbers (mean of the middle two for an even count), null when none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const minutes = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 600) / 100;

/**
 * One row per queue the scope reads, for the local days `from`..`to` ("YYYY-MM-DD").
 * SLA targets are the queue's current ones, with its business calendar; a ticket still
 * unanswered past its first-response target counts as breached. Merged tickets count as
 * closed, like every closed state.
 */
export async function getQueueReport(options: {
  scope: Scope;
  from: string;
  to: string;
  now: Date;
}): Promise<QueueReportRow[]> {
  const { scope, now } = options;
  const { timeZone } = await getSettings();
  const start = startOfDay(options.from, timeZone);
  const end = startOfDay(options.to, timeZone, 1);
  const [queues, created, closed] = await Promise.all([
    db.queue.findMany({
      where: queueFilter(scope.readQueueIds),
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        calendar: true,
        slaFirstResponseMinutes: true,
        slaSolutionMinutes: true,
      },
    }),
    db.ticket.findMany({
      where: { ...readableTickets(scope), createdAt: { gte: start, lt: end } },
      select: { queueId: true, createdAt: true, firstResponseAt: true },
    }),
    db.ticket.findMany({
      where: { ...readableTickets(scope), closedAt: { gte: start, lt: end } },
      select: { queueId: true, createdAt: true, closedAt: true },
    }),
  ]);
  return queues.map((queue) => {
    const calendar = parseCalendar(queue.calendar);
    const due = (from: Date, target: number | null) =>
      target ? addBusinessMinutes(from, target, calendar) : null;
    const mine = created.filter((t) => t.queueId === queue.id);
    const done = closed.filter((t) => t.queueId === queue.id);
    const row: QueueReportRow = {
      queueId: queue.id,
      queue: queue.name,
      created: mine.length,
      closed: done.length,
      medianFirstResponseMinutes: median(
        mine.filter((t) => t.firstResponseAt).map((t) => minutes(t.createdAt, t.firstResponseAt!)),
      ),
      medianSolutionMinutes: median(done.map((t) => minutes(t.createdAt, t.closedAt!))),
      firstResponseMet: 0,
      firstResponseBreached: 0,
      solutionMet: 0,
      solutionBreached: 0,
    };
    for (const t of mine) {
      const target = due(t.createdAt, queue.slaFirstResponseMinutes);
      if (!target) continue;
      if (t.firstResponseAt && t.firstResponseAt <= target) row.firstResponseMet += 1;
      else if (t.firstResponseAt || target < now) row.firstResponseBreached += 1;
    }
    for (const t of done) {
      const target = due(t.createdAt, queue.slaSolutionMinutes);
      if (!target) continue;
      if (t.closedAt! <= target) row.solutionMet += 1;
      else row.solutionBreached += 1;
    }
    return row;
  });
}
