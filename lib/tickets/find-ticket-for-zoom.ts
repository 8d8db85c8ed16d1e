import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { CLOSED_STATES } from "./states";

const person = { select: { id: true, name: true, email: true } };

/**
 * Everything the agent's ticket zoom reads, if the scope may read the ticket
 * (null otherwise, as if absent): the ticket with queue, owner, responsible
 * and customer; its articles in order with author, HTML and attachment list
 * (no bytes); and the customer's other open tickets, only from queues the
 * scope may read (newest change first, at most `otherLimit`).
 */
export async function findTicketForZoom(options: {
  scope: Scope;
  number: string;
  otherLimit?: number;
}) {
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...readableTickets(options.scope) },
    include: {
      queue: { select: { id: true, name: true } },
      owner: person,
      responsible: person,
      customer: { select: { id: true, name: true, email: true } },
      articles: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        include: {
          authorAgent: { select: { name: true } },
          authorCustomer: { select: { name: true, email: true } },
          attachments: {
            orderBy: { id: "asc" },
            select: {
              id: true,
              filename: true,
              contentType: true,
              size: true,
              contentId: true,
              isInline: true,
            },
          },
        },
      },
    },
  });
  if (!ticket) return null;
  const otherOpenTickets = await db.ticket.findMany({
    where: {
      AND: [
        { customerId: ticket.customerId, id: { not: ticket.id }, state: { notIn: CLOSED_STATES } },
        readableTickets(options.scope),
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: options.otherLimit ?? 10,
    select: { number: true, title: true, state: true },
  });
  return { ...ticket, otherOpenTickets };
}

/** The zoom's ticket (see findTicketForZoom). */
export type ZoomTicket = NonNullable<Awaited<ReturnType<typeof findTicketForZoom>>>;
/** One article of the zoom's ticket. */
export type ZoomArticle = ZoomTicket["articles"][number];
