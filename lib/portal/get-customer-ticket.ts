import { db } from "../db";
import { CUSTOMER_VISIBLE_ARTICLE, customerTicketScope, isInCustomerScope } from "./customer-scope";
import type { Locale } from "../i18n/locales";
import { publicQueueName } from "../queues/public-queue-name";
import type { CustomerSession } from "./get-customer-session";

/**
 * A ticket as its customer sees it: the public fields and the customer-visible
 * articles in order, selected field by field so that internal data (owner,
 * notes, history, addresses of agents) can never leak. Null = "not found".
 */
export async function getCustomerTicket(options: {
  session: CustomerSession;
  number: string;
  /** Language of the topic (queue) name. */
  locale: Locale;
}) {
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...customerTicketScope(options.session) },
    select: {
      number: true,
      title: true,
      state: true,
      createdAt: true,
      queue: { select: { name: true, publicNameEn: true, publicNameDe: true } },
      mergedInto: { select: { id: true, number: true, customerId: true } },
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
  const { articles, queue, mergedInto, ...rest } = ticket;
  return {
    ...rest,
    queueName: publicQueueName(queue, options.locale),
    // A merged ticket names its target; a link only where this session may open it.
    mergedInto: mergedInto && {
      number: mergedInto.number,
      isVisible: isInCustomerScope(options.session, mergedInto),
    },
    updatedAt: articles.at(-1)?.createdAt ?? ticket.createdAt,
    articles: articles.map(({ direction, ...article }) => ({
      ...article,
      isFromCustomer: direction === "in",
    })),
  };
}
