// The agent dashboard (issue 16 item 1). Open counts per queue and state come from
// openCountsByQueue (SQLite: counter rows kept by triggers; PostgreSQL: the index);
// closed counts and the 30-day chart from QueueDayStats, which the "stats.refresh" job
// keeps (refresh-queue-stats.ts) — nothing here counts closed tickets.
//
// At a million tickets every read here must stay on an index range (BENCHMARKS.md, scale):
// open tickets are named by their queues and states (`queueId IN … AND state IN …`, which
// SQLite walks as (queue, state) ranges of the index instead of scanning it for NOT IN),
// and the unattended list filters by the few absent owners' ids instead of joining Agent.
import { queueFilter, readableTickets, type Scope } from "../access/scope";
import { findAbsentAgentIds } from "../agents/out-of-office";
import { db, isPostgres, type Prisma } from "../db";
import type { TicketState } from "../generated/sqlite/enums";
import { OPEN_STATES } from "../tickets/states";
import { lastDays } from "./days";
import { openCountsByQueue } from "./open-counts";
import { STATS_DAYS } from "./refresh-queue-stats";
import { getSettings } from "../settings/get-settings";

/** How many tickets each dashboard list shows (its count says how many there are). */
export const DASHBOARD_LIST_SIZE = 10;

const rowSelect = {
  id: true,
  number: true,
  title: true,
  state: true,
  priority: true,
  createdAt: true,
  pendingUntil: true,
  escalationDueAt: true,
  queue: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.TicketSelect;

/**
 * Everything on the dashboard for the scope's queues at `now`: open tickets per queue and
 * state, closed in the last STATS_DAYS days per queue, lists (mine, new and unlocked,
 * pending reminders due, escalated, escalating within the hour, unattended because the
 * owner is away or inactive — each with its full count) and the created/closed chart.
 */
export async function getDashboard(options: { scope: Scope; agentId: number; now: Date }) {
  const { scope, now } = options;
  const [queues, absentOwnerIds, settings] = await Promise.all([
    db.queue.findMany({
      where: queueFilter(scope.readQueueIds),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    findAbsentAgentIds(now),
    getSettings(),
  ]);
  const open: Prisma.TicketWhereInput = {
    AND: [
      readableTickets(scope),
      { queueId: { in: queues.map((q) => q.id) }, state: { in: [...OPEN_STATES] } },
    ],
  };
  const days = lastDays(now, settings.timeZone, STATS_DAYS);
  const hourLater = new Date(now.getTime() + 3_600_000);
  /**
   * A list's first DASHBOARD_LIST_SIZE tickets and its count. `leading`: the columns the
   * filter fixes, as its index begins with them. PostgreSQL's planner, asked for `ORDER BY
   * "createdAt" LIMIT 10`, walks the createdAt index and tests every ticket, expecting the
   * few matches to come early; at 1,000,000 tickets the unlocked new tickets took 236 ms
   * that way (BENCHMARKS.md, seventh round). Ordered by the fixed columns first, the order
   * is the composite index's own. SQLite plans these well as they are.
   */
  const list = async (
    where: Prisma.TicketWhereInput,
    orderBy: Prisma.TicketOrderByWithRelationInput,
    leading: Prisma.TicketOrderByWithRelationInput[] = [],
  ) => {
    const all: Prisma.TicketWhereInput = { AND: [open, where] };
    const [count, tickets] = await Promise.all([
      db.ticket.count({ where: all }),
      db.ticket.findMany({
        where: all,
        orderBy: [...(isPostgres() ? leading : []), orderBy, { id: "asc" }],
        take: DASHBOARD_LIST_SIZE,
        select: rowSelect,
      }),
    ]);
    return { count, tickets };
  };
  /**
   * "Mine", most recently updated first. PostgreSQL reads each open state on the (owner,
   * state, updatedAt) index and merges them: one statement over every open state walked
   * the updatedAt index instead, 1.0–1.2 s at 1,000,000 tickets for an owner whose
   * tickets are old.
   */
  const ownedBy = async (ownerId: number) => {
    if (!isPostgres()) return list({ ownerId }, { updatedAt: "desc" });
    const all: Prisma.TicketWhereInput = { AND: [open, { ownerId }] };
    const [count, parts] = await Promise.all([
      db.ticket.count({ where: all }),
      Promise.all(
        OPEN_STATES.map((state) =>
          db.ticket.findMany({
            where: { AND: [all, { state }] },
            orderBy: [{ ownerId: "desc" }, { state: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
            take: DASHBOARD_LIST_SIZE,
            select: { ...rowSelect, updatedAt: true },
          }),
        ),
      ),
    ]);
    const tickets = parts
      .flat()
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id - b.id)
      .slice(0, DASHBOARD_LIST_SIZE)
      .map(({ updatedAt: _updatedAt, ...ticket }) => ticket);
    return { count, tickets };
  };
  const none = { count: 0, tickets: [] };
  const [openCounts, stats, mine, fresh, remindersDue, escalated, escalating, unattended] =
    await Promise.all([
      openCountsByQueue(queues.map((q) => q.id)),
      db.queueDayStats.findMany({
        // Rows keyed by queueId, like tickets: the same scope filter applies.
        where: { day: { gte: days[0] }, ...readableTickets(scope) },
        select: { queueId: true, day: true, created: true, closed: true },
      }),
      ownedBy(options.agentId),
      list({ state: "new", lockedById: null }, { createdAt: "asc" }, [
        { state: "asc" },
        { lockedById: "asc" },
      ]),
      list({ state: "pending_reminder", pendingUntil: { lte: now } }, { pendingUntil: "asc" }),
      // `not: null` changes nothing (lte excludes null) but lets SQLite take the index.
      list({ escalationDueAt: { not: null, lte: now } }, { escalationDueAt: "asc" }),
      list({ escalationDueAt: { gt: now, lte: hourLater } }, { escalationDueAt: "asc" }),
      // Owned by someone inactive or away at `now` (unattendedTickets, less "no owner").
      absentOwnerIds.length > 0
        ? list({ ownerId: { in: absentOwnerIds } }, { createdAt: "asc" })
        : none,
    ]);
  const byQueue = new Map<number, Partial<Record<TicketState, number>>>();
  for (const c of openCounts) {
    const states = byQueue.get(c.queueId) ?? {};
    states[c.state] = c.count;
    byQueue.set(c.queueId, states);
  }
  const closedByQueue = new Map<number, number>();
  const chart = new Map(days.map((day) => [day, { day, created: 0, closed: 0 }]));
  for (const s of stats) {
    closedByQueue.set(s.queueId, (closedByQueue.get(s.queueId) ?? 0) + s.closed);
    const point = chart.get(s.day);
    if (point) {
      point.created += s.created;
      point.closed += s.closed;
    }
  }
  return {
    queues: queues.map((q) => {
      const states = byQueue.get(q.id) ?? {};
      return {
        ...q,
        openByState: states,
        openCount: Object.values(states).reduce((a, b) => a + (b ?? 0), 0),
        closedRecently: closedByQueue.get(q.id) ?? 0,
      };
    }),
    mine,
    fresh,
    remindersDue,
    escalated,
    escalating,
    unattended,
    chart: [...chart.values()],
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
export type DashboardTicket = Dashboard["mine"]["tickets"][number];
