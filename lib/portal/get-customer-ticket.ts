import { db } from "../db";
import { CUSTOMER_VISIBLE_ARTICLE, customerTicketScope } from "./customer-scope";
import type { CustomerSession } from "./get-customer-session";

/**
 * A ticket as its customer sees it: the public fields and the customer-visible
 * articles in order, selected field by field so that internal data (owner,
 * notes, history, addresses of agents) can never leak. Null = "not found".
 */
export async function getCustomerTicket(options: { session: CustomerSession; number: string }) {
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...customerTicketScope(options.session) },
    select: {
      number: true,
      title: true,
      state: true,
      createdAt: true,
      queue: { select: { name: true } },
      articles: {
        where: CUSTOMER_VISIBLE_ARTICLE,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          direction: true,
          channel: true,
          subject: true,
          text: true,
          createdAt: true,
          attachments: {
            orderBy: { id: "asc" },
            select: { id: true, filename: true, contentType: true, size: true },
          },
        },
      },
    },
  });
  if (!ticket) return null;
  const { articles, queue, ...rest } = ticket;
  return {
    ...rest,
    queueName: queue.name,
    updatedAt: articles.at(-1)?.createdAt ?? ticket.createdAt,
    articles: articles.map(({ direction, ...article }) => ({
      ...article,
      isFromCustomer: direction === "in",
    })),
  };
}
