import type { Actor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import { transaction, type Tx } from "../db";
import { NotFoundError } from "../errors";
import type { Queue, Ticket } from "../generated/sqlite/client";
import { isLocale } from "../i18n/locales";
import { enqueue } from "../jobs/enqueue";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { refreshEscalation } from "../sla/refresh-escalation";
import { assertTicketVersion } from "./assert-ticket-version";
import { recordHistory } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";
import { writeArticle, type NewArticle } from "./write-article";

export interface AddArticleInput {
  ticketId: number;
  article: NewArticle;
  actor: Actor;
  /** The caller's scope: it must be able to write the ticket's queue. */
  scope: Scope;
  /** False for inbound mail that is not the customer's contact (from a desk address). */
  isCustomerContact?: boolean;
  /** An outgoing e-mail's further recipients (comma-separated addresses); cc is also stored on the article. */
  mail?: { bcc?: string };
  /** Extra fields for the "article" event job (follow-up flags). */
  event?: Record<string, string | number | boolean>;
  /**
   * The version the agent's page showed: an older one is refused (assertTicketVersion), so a
   * reply is not sent over a customer mail that arrived while the agent was writing.
   */
  expectedVersion?: number;
  /**
   * The ticket as the caller has just read it in this transaction through `scope`, with its
   * queue and with the caller's own changes since applied: used instead of a second read.
   */
  ticket?: Ticket & { queue: Queue };
  now?: Date;
}

/** Adds an article inside an existing transaction; see addArticle. */
export async function addArticleInTx(tx: Tx, input: AddArticleInput) {
  const now = input.now ?? new Date();
  const { article } = input;
  await assertTicketVersion(tx, {
    ticketId: input.ticketId,
    expected: input.expectedVersion,
    scope: input.scope,
  });
  const ticket =
    input.ticket ??
    (await tx.ticket.findFirst({
      where: {
        id: input.ticketId,
        ...writableTickets(input.scope),
      },
      include: { queue: true },
    }));
  if (!ticket) throw new NotFoundError("Ticket not found");
  const isFirstResponse =
    article.direction === "out" && article.visibleToCustomer && !ticket.firstResponseAt;
  const changes = {
    updatedAt: now,
    ...(article.direction === "in" && input.isCustomerContact !== false
      ? { lastCustomerContactAt: now }
      : {}),
    ...(isFirstResponse ? { firstResponseAt: now } : {}),
  };
  await tx.ticket.update({ where: { id: ticket.id }, data: { ...changes, ...NEXT_VERSION } });
  const created = await writeArticle(tx, ticket.id, article);
  await recordHistory(tx, {
    ticketId: ticket.id,
    type: "article",
    actor: input.actor,
    newValue: `${article.channel}/${article.direction}`,
  });
  // The SLA from the row as just changed (the version aside, which it does not use): no re-read.
  await refreshEscalation(tx, ticket.id, { ...ticket, ...changes });
  if (article.channel === "email" && article.direction === "out") {
    // An agent's mail reply: sent by the worker with the article's Message-ID.
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: ticket.customerId } });
    await enqueueMail(tx, {
      kind: "agent-reply",
      to: article.toAddress || customer.email,
      ...(article.cc ? { cc: article.cc } : {}),
      ...(input.mail?.bcc ? { bcc: input.mail.bcc } : {}),
      ticketId: ticket.id,
      articleId: created.id,
      locale: isLocale(customer.locale) ? customer.locale : undefined,
    });
  }
  await enqueue(tx, {
    type: "ticket.event",
    payload: { event: "article", ticketId: ticket.id, articleId: created.id, ...input.event },
  });
  return { ticket, article: created };
}

/**
 * Adds an article to a ticket with its history entry, event and — for an
 * outgoing e-mail — the mail job that sends it, in one transaction.
 */
export async function addArticle(input: AddArticleInput) {
  return transaction((tx) => addArticleInTx(tx, input));
}
