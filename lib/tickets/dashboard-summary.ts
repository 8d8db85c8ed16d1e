import { db } from "../db";
import { queueFilter, readableTickets, type Scope } from "../access/scope";
import { CLOSED_STATES } from "./states";
import { ticketSummarySelect } from "./list-tickets";

/** Open ticket counts per queue the scope may read, and the most recently updated open tickets. */
export async function getDashboardSummary(options: { scope: Scope }) {
  const { scope } = options;
  const open = { ...readableTickets(scope), state: { notIn: [...CLOSED_STATES] } };
  const [queues, counts, recent] = await Promise.all([
    db.queue.findMany({
      where: queueFilter(scope.readQueueIds),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.ticket.groupBy({ by: ["queueId"], where: open, _count: { _all: true } }),
    db.ticket.findMany({
      where: open,
      orderBy: { updatedAt: "desc" },
      take: 20,
      select: ticketSummarySelect,
    }),
  ]);
  const countByQueue = new Map(counts.map((c) => [c.queueId, c._count._all]));
  return {
    queues: queues.map((q) => ({ ...q, openCount: countByQueue.get(q.id) ?? 0 })),
    recent,
  };
}
