import "server-only";
import { db, type Prisma } from "../db";
import type { Role } from "../generated/sqlite/enums";
import { ALL_QUEUES, makeScope, type QueueIds, type Scope } from "./make-scope";

export { ALL_QUEUES };
export type { QueueIds, Scope };

export interface ScopeHolder {
  id: number;
  role: Role;
}

/**
 * The scope of an active agent (the signed-in one, or a token's owner):
 * admins read and write every queue; others the queues of their groups, "rw"
 * membership for writing. Pass `readOnly` for a read-only API token: it writes nothing.
 */
export async function scopeForAgent(
  agent: ScopeHolder,
  options: { readOnly?: boolean } = {},
): Promise<Scope> {
  if (agent.role === "admin") {
    return makeScope({
      agentId: agent.id,
      readQueueIds: ALL_QUEUES,
      writeQueueIds: options.readOnly ? [] : ALL_QUEUES,
    });
  }
  const memberships = await db.groupMember.findMany({
    where: { agentId: agent.id },
    select: { permission: true, group: { select: { queues: { select: { id: true } } } } },
  });
  const read = new Set<number>();
  const write = new Set<number>();
  for (const m of memberships) {
    for (const q of m.group.queues) {
      read.add(q.id);
      if (m.permission === "rw" && !options.readOnly) write.add(q.id);
    }
  }
  return makeScope({
    agentId: agent.id,
    readQueueIds: [...read].sort((a, b) => a - b),
    writeQueueIds: [...write].sort((a, b) => a - b),
  });
}

function includes(ids: QueueIds, queueId: number) {
  return ids === ALL_QUEUES || ids.includes(queueId);
}

/** Whether the scope may read tickets of the queue. */
export const canRead = (scope: Scope, queueId: number) => includes(scope.readQueueIds, queueId);

/** Whether the scope may change tickets of (or move tickets into) the queue. */
export const canWrite = (scope: Scope, queueId: number) => includes(scope.writeQueueIds, queueId);

function ticketFilter(ids: QueueIds): { queueId?: { in: number[] } } {
  return ids === ALL_QUEUES ? {} : { queueId: { in: [...ids] } };
}

/** Prisma `where` part: tickets the scope may read. Spread it into the query itself. */
export const readableTickets = (scope: Scope) => ticketFilter(scope.readQueueIds);

/** Prisma `where` part: tickets the scope may change. Spread it into the write's query itself. */
export const writableTickets = (scope: Scope) => ticketFilter(scope.writeQueueIds);

/**
 * Prisma `where` part for rows that belong to a ticket (articles, history,
 * notifications): `{ ticket: … }` only when there is something to filter — an
 * empty relation filter is not "no filter" (on an optional relation it dropped
 * every row of an admin's notifications).
 */
export function readableTicketRows(scope: Scope): { ticket?: { queueId: { in: number[] } } } {
  const filter = readableTickets(scope);
  return filter.queueId ? { ticket: { queueId: filter.queueId } } : {};
}

/** Prisma `where` part for queues themselves (the `id` column), read or write side. */
export function queueFilter(ids: QueueIds): Prisma.QueueWhereInput {
  return ids === ALL_QUEUES ? {} : { id: { in: [...ids] } };
}
