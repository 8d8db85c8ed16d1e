import { db } from "../db";

/** A ticket's history, oldest first, with the acting agent's name. */
export async function getTicketHistory(ticketId: number) {
  return db.historyEntry.findMany({
    where: { ticketId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { actorAgent: { select: { name: true } } },
  });
}
