import { readableTicketRows, type Scope } from "../access/scope";
import { db } from "../db";

/** A ticket's history, oldest first, with the acting agent's name; empty when the scope may not read it. */
export async function getTicketHistory(options: { scope: Scope; ticketId: number }) {
  return db.historyEntry.findMany({
    where: { ticketId: options.ticketId, ...readableTicketRows(options.scope) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actorAgent: { select: { name: true } } },
  });
}
