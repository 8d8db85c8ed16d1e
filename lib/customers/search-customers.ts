import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * Known customers whose address or name contains `q` (lower-cased match), for the new-ticket
 * forms' autocomplete: only customers of tickets the scope may read, never desk addresses;
 * at most 10, by address.
 */
export async function searchCustomers(options: { scope: Scope; q: string }) {
  const q = options.q.trim().toLowerCase();
  return db.customer.findMany({
    where: {
      isDeskAddress: false,
      OR: [{ email: { contains: q } }, { name: { contains: q } }],
      tickets: { some: readableTickets(options.scope) },
    },
    orderBy: { email: "asc" },
    take: 10,
    select: { email: true, name: true },
  });
}
