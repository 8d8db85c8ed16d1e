// Open tickets per queue and state, the dashboard's first section (issue 18: at 1,000,000
// tickets, counting the open ones — 300,000 index entries in the benchmark's desk — took
// 36 ms of every dashboard).
import { db, isPostgres } from "../db";
import type { TicketState } from "../generated/sqlite/enums";
import { SqlParams } from "../search/search-sql";
import { OPEN_STATES } from "../tickets/states";

/** One queue's tickets in one state. */
export type OpenCount = { queueId: number; state: TicketState; count: number };

/**
 * The open tickets (OPEN_STATES) of each queue in `queueIds`, per state; states without
 * tickets are left out. The caller passes only queues the agent may read.
 *
 * SQLite reads `ticket_counts`, which triggers keep in the same transaction as every
 * ticket insert, delete and change of queue or state (migration *_ticket_counts): every
 * SQLite write holds the one write lock anyway, so the counter rows cost no concurrency.
 * PostgreSQL counts from the (queueId, state, updatedAt) index instead: a counter row
 * there would serialise concurrent ticket writes in a queue.
 */
export async function openCountsByQueue(queueIds: number[]): Promise<OpenCount[]> {
  if (queueIds.length === 0) return [];
  if (isPostgres()) {
    const rows = await db.ticket.groupBy({
      by: ["queueId", "state"],
      where: { queueId: { in: queueIds }, state: { in: [...OPEN_STATES] } },
      _count: { _all: true },
    });
    return rows.map((r) => ({ queueId: r.queueId, state: r.state, count: r._count._all }));
  }
  const params = new SqlParams("sqlite");
  const rows = await db.$queryRawUnsafe<
    { queueId: number | bigint; state: TicketState; count: number | bigint }[]
  >(
    `SELECT "queueId", "state", "count" FROM "ticket_counts"
     WHERE "queueId" IN (${params.list(queueIds)}) AND "state" IN (${params.list([...OPEN_STATES])})
       AND "count" > 0`,
    ...params.values,
  );
  return rows.map((r) => ({ queueId: Number(r.queueId), state: r.state, count: Number(r.count) }));
}
