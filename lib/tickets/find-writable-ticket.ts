import { writableTickets, type Scope } from "../access/scope";
import { db } from "../db";

/** The id of the ticket `number` if the scope may write it, else null (absent and read-only alike). */
export async function findWritableTicketId(options: { scope: Scope; number: string }) {
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...writableTickets(options.scope) },
    select: { id: true },
  });
  return ticket?.id ?? null;
}
