import { db, type Prisma } from "../db";
import type { TicketState } from "../generated/sqlite/enums";
import { readableTickets, type Scope } from "../access/scope";

export interface ListTicketsInput {
  /** The caller's scope: only tickets it may read are listed. */
  scope: Scope;
  queueId?: number;
  state?: TicketState;
  /** Id of the last ticket of the previous page (newest first). */
  cursor?: number;
  limit?: number;
}

export const ticketSummarySelect = {
  id: true,
  number: true,
  title: true,
  state: true,
  priority: true,
  pendingUntil: true,
  escalationDueAt: true,
  createdAt: true,
  updatedAt: true,
  queue: { select: { name: true } },
  owner: { select: { email: true, name: true } },
  customer: { select: { email: true, name: true } },
} satisfies Prisma.TicketSelect;

/** Tickets newest first, keyset-paginated by id so pages stay stable while tickets change. */
export async function listTickets(input: ListTicketsInput) {
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  // AND keeps the scope's queue filter even when a queue is asked for.
  const filters: Prisma.TicketWhereInput = {
    ...(input.queueId !== undefined ? { queueId: input.queueId } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db.ticket.findMany({
    where: { AND: [readableTickets(input.scope), filters] },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: ticketSummarySelect,
  });
  const tickets = rows.slice(0, limit);
  return { tickets, nextCursor: rows.length > limit ? tickets[tickets.length - 1].id : null };
}
