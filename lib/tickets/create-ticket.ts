import { queueFilter, type Scope } from "../access/scope";
import type { Actor } from "../actor";
import { findOrCreateCustomer } from "../customers/find-or-create-customer";
import { transaction, type Tx } from "../db";
import { UserFacingError } from "../errors";
import { enqueue } from "../jobs/enqueue";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { isLocale } from "../i18n/locales";
import { queueAutoResponse } from "../mail/outbound/queue-auto-response";
import { refreshEscalation } from "../sla/refresh-escalation";
import { failPoint } from "../system/fail-point";
import { allocateTicketNumber } from "./allocate-ticket-number";
import { linkTickets } from "./link-tickets";
import { recordHistory } from "./record-history";
import { singleLine, writeArticle, type NewArticle } from "./write-article";

export interface CreateTicketInput {
  customer: { email: string; name?: string | null };
  title: string;
  queueId: number;
  /** The caller's scope: it must be able to write the queue. */
  scope: Scope;
  priority?: number;
  ownerId?: number | null;
  /** The first article; its author is the customer unless an agent is given. */
  article: NewArticle;
  actor: Actor;
  /** A follow-up past a closed ticket's window starts a new ticket linked to it (follow_up link). */
  followUpOf?: number | null;
  /** False for mail that must never be answered automatically (loops, bounces). */
  allowAutoResponse?: boolean;
  /** False when the first article is not the customer's contact (mail from a desk address). */
  isCustomerContact?: boolean;
  /** More writes that belong to the creation, in its transaction (a split's link and history). */
  onCreated?: (tx: Tx, ticket: { id: number; number: string }) => Promise<void>;
  now?: Date;
}

export function buildSearchText(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase();
}

/**
 * Creates a ticket with its customer (matched or created by address), first
 * article, history entry, auto-response mail job (for customer requests, unless
 * suppressed) and "created" event (agent notifications) — in one transaction.
 * Returns the ticket row as stored at commit (SLA due times included; an `onCreated`
 * change shows only when the SLA re-read it), its customer, queue and first article.
 */
export async function createTicket(input: CreateTicketInput) {
  const now = input.now ?? new Date();
  const number = await allocateTicketNumber(now);
  const customer = await findOrCreateCustomer(input.customer);
  const created = await transaction(async (tx) => {
    const queue = await tx.queue.findFirst({
      where: { AND: [{ id: input.queueId }, queueFilter(input.scope.writeQueueIds)] },
    });
    if (!queue)
      throw new UserFacingError(
        "Unknown queue",
        "validation",
        { queue: ["Unknown queue"] },
        "unknownQueue",
      );
    const fromCustomer = input.article.direction === "in";
    const ticket = await tx.ticket.create({
      data: {
        number,
        title: singleLine(input.title).slice(0, 250) || "(no subject)",
        queueId: queue.id,
        priority: input.priority ?? queue.defaultPriority,
        ownerId: input.ownerId ?? null,
        customerId: customer.id,
        createdAt: now,
        lastCustomerContactAt: fromCustomer && input.isCustomerContact !== false ? now : null,
        searchText: buildSearchText([number, input.title, customer.email, customer.name]),
      },
    });
    failPoint("ticket.after-insert");
    const article = await writeArticle(tx, ticket.id, {
      ...input.article,
      // An explicit null: inbound mail that is not the customer's own words (desk address).
      authorCustomerId:
        input.article.authorCustomerId !== undefined
          ? input.article.authorCustomerId
          : fromCustomer
            ? customer.id
            : null,
    });
    await recordHistory(tx, {
      ticketId: ticket.id,
      type: "created",
      actor: input.actor,
      newValue: `${queue.name}; ${input.article.channel}`,
    });
    if (input.followUpOf) {
      // The closed ticket a late follow-up came in on links to its successor.
      await linkTickets(tx, {
        type: "follow_up",
        sourceId: input.followUpOf,
        targetId: ticket.id,
        actor: input.actor,
        scope: input.scope,
      });
    }
    await input.onCreated?.(tx, ticket);
    // The row just written and its queue: the SLA is computed without reading them again
    // (onCreated may have changed the ticket: then it is read as before).
    const refreshed = await refreshEscalation(
      tx,
      ticket.id,
      input.onCreated ? undefined : { ...ticket, queue },
    );
    const autoResponseQueued =
      fromCustomer && (input.allowAutoResponse ?? true) && !customer.isDeskAddress
        ? await queueAutoResponse(
            tx,
            { ticketId: ticket.id, articleId: article.id, customer, queue },
            now,
          )
        : false;
    if (input.article.channel === "email" && input.article.direction === "out") {
      // The desk writes first (an agent's outbound ticket): sent with the article's Message-ID.
      await enqueueMail(tx, {
        kind: "agent-reply",
        to: input.article.toAddress || customer.email,
        ticketId: ticket.id,
        articleId: article.id,
        locale: isLocale(customer.locale) ? customer.locale : undefined,
      });
    }
    await enqueue(tx, {
      type: "ticket.event",
      payload: { event: "created", ticketId: ticket.id, articleId: article.id },
    });
    return {
      ...(refreshed ?? ticket),
      customer,
      queue,
      article,
      articleId: article.id,
      autoResponseQueued,
    };
  });
  failPoint("ticket.after-commit");
  return created;
}
