import type { CustomerSession } from "./get-customer-session";

/** Tickets a customer session may see: its customer's, or the one ticket its access link opened. */
export function customerTicketScope(session: CustomerSession) {
  return { customerId: session.customerId, ...(session.ticketId ? { id: session.ticketId } : {}) };
}

/** The same rule as customerTicketScope, for a ticket already loaded (e.g. a merge target). */
export function isInCustomerScope(
  session: CustomerSession,
  ticket: { id: number; customerId: number },
): boolean {
  return (
    ticket.customerId === session.customerId &&
    (session.ticketId === null || session.ticketId === ticket.id)
  );
}

/** Articles a customer may see: never internal notes, foreign senders' mail or hidden articles. */
export const CUSTOMER_VISIBLE_ARTICLE = {
  visibleToCustomer: true,
  isForeignSender: false,
  direction: { not: "internal" as const },
  channel: { not: "note" as const },
};
