import "server-only";
import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * The ticket number `query` names, when it is exactly the number of a ticket the scope
 * may read (spaces around it and a leading "#" allowed); null otherwise. The header
 * search box opens such a ticket directly instead of listing hits.
 */
export async function findTicketNumber(options: { scope: Scope; query: string }) {
  const number = options.query.trim().replace(/^#/, "");
  if (!/^\d{6,20}$/.test(number)) return null;
  const ticket = await db.ticket.findFirst({
    where: { number, ...readableTickets(options.scope) },
    select: { number: true },
  });
  return ticket?.number ?? null;
}
