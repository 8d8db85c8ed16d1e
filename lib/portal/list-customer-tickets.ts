import { db } from "../db";
import { CUSTOMER_VISIBLE_ARTICLE, isInCustomerScope } from "./customer-scope";
import type { CustomerSession } from "./get-customer-session";

/**
 * All tickets of a customer signed in for all of them (a sign-in link), newest
 * first. Last activity is the latest message the customer can see, so internal
 * work never shows through.
 */
export async function listCustomerTickets(options: { session: CustomerSession }) {
  const { session } = options;
  if (session.ticketId !== null) return [];
  const tickets = await db.ticket.findMany({
    where: { customerId: session.customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      number: true,
      title: true,
      state: true,
      createdAt: true,
      // All of the customer's tickets are visible here; another customer's target is not.
      mergedInto: { select: { id: true, number: true, customerId: true } },
      articles: {
        where: CUSTOMER_VISIBLE_ARTICLE,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { createdAt: true },
      },
    },
  });
  return tickets.map(({ articles, mergedInto, ...ticket }) => ({
    ...ticket,
    mergedInto: mergedInto && {
      number: mergedInto.number,
      isVisible: isInCustomerScope(session, mergedInto),
    },
    lastActivityAt: articles[0]?.createdAt ?? ticket.createdAt,
  }));
}
