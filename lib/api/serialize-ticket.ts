import type { findTicketByNumber } from "../tickets/find-ticket";
import type { ticketSummarySelect } from "../tickets/list-tickets";
import type { Prisma } from "../db";

type TicketDetail = NonNullable<Awaited<ReturnType<typeof findTicketByNumber>>>;
type TicketSummary = Prisma.TicketGetPayload<{ select: typeof ticketSummarySelect }>;

export function serializeTicketSummary(ticket: TicketSummary | TicketDetail) {
  return {
    number: ticket.number,
    title: ticket.title,
    state: ticket.state,
    queue: ticket.queue.name,
    priority: ticket.priority,
    owner: ticket.owner ? { email: ticket.owner.email, name: ticket.owner.name } : null,
    customer: { email: ticket.customer.email, name: ticket.customer.name },
    pendingUntil: ticket.pendingUntil?.toISOString() ?? null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function serializeArticle(article: TicketDetail["articles"][number]) {
  return {
    id: article.id,
    channel: article.channel,
    direction: article.direction,
    visibleToCustomer: article.visibleToCustomer,
    isForeignSender: article.isForeignSender,
    isAutomatic: article.isAutomatic,
    from: article.fromAddress,
    to: article.toAddress,
    cc: article.cc,
    subject: article.subject,
    text: article.text,
    messageId: article.messageId,
    createdAt: article.createdAt.toISOString(),
    attachments: article.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      sha256: a.sha256,
    })),
  };
}

export function serializeTicket(ticket: TicketDetail) {
  return { ...serializeTicketSummary(ticket), articles: ticket.articles.map(serializeArticle) };
}
