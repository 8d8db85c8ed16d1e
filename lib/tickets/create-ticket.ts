import type { Actor } from "../actor";
import { findOrCreateCustomer } from "../customers/find-or-create-customer";
import { transaction } from "../db";
import { enqueue } from "../jobs/enqueue";
import { queueAutoResponse } from "../mail/outbound/queue-auto-response";
import { refreshEscalation } from "../sla/refresh-escalation";
import { failPoint } from "../system/fail-point";
import { allocateTicketNumber } from "./allocate-ticket-number";
import { recordHistory } from "./record-history";
import { singleLine, writeArticle, type NewArticle } from "./write-article";

export interface CreateTicketInput {
  customer: { email: string; name?: string | null };
  title: string;
  queueId: number;
  priority?: number;
  ownerId?: number | null;
  /** The first article; its author is the customer unless an agent is given. */
  article: NewArticle;
  actor: Actor;
  /** A follow-up past a closed ticket's window starts a new ticket linked to it. */
  parentId?: number | null;
  /** False for mail that must never be answered automatically (loops, bounces). */
  allowAutoResponse?: boolean;
  now?: Date;
}

export function buildSearchText(parts: (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ").toLowerCase();
}

/**
 * Creates a ticket with its customer (matched or created by address), first
 * article, history entry, auto-response mail job (for customer requests, unless
 * suppressed) and "created" event (agent notifications) — in one transaction.
 */
export async function createTicket(input: CreateTicketInput) {
  const now = input.now ?? new Date();
  const number = await allocateTicketNumber(now);
  const customer = await findOrCreateCustomer(input.customer);
  const created = await transaction(async (tx) => {
    const queue = await tx.queue.findUniqueOrThrow({ where: { id: input.queueId } });
    const fromCustomer = input.article.direction === "in";
    const ticket = await tx.ticket.create({
      data: {
        number,
        title: singleLine(input.title).slice(0, 250) || "(no subject)",
        queueId: queue.id,
        priority: input.priority ?? queue.defaultPriority,
        ownerId: input.ownerId ?? null,
        customerId: customer.id,
        parentId: input.parentId ?? null,
        createdAt: now,
        lastCustomerContactAt: fromCustomer ? now : null,
        searchText: buildSearchText([number, input.title, customer.email, customer.name]),
      },
    });
    failPoint("ticket.after-insert");
    const article = await writeArticle(tx, ticket.id, {
      ...input.article,
      authorCustomerId: input.article.authorCustomerId ?? (fromCustomer ? customer.id : null),
    });
    await recordHistory(tx, {
      ticketId: ticket.id,
      type: "created",
      actor: input.actor,
      newValue: `${queue.name}; ${input.article.channel}`,
    });
    if (input.parentId) {
      // The closed ticket a late follow-up came in on points to its successor.
      await recordHistory(tx, {
        ticketId: input.parentId,
        type: "follow_up_ticket",
        actor: input.actor,
        newValue: number,
      });
    }
    await refreshEscalation(tx, ticket.id);
    const autoResponseQueued =
      fromCustomer && (input.allowAutoResponse ?? true)
        ? await queueAutoResponse(
            tx,
            { ticketId: ticket.id, articleId: article.id, customer, queue },
            now,
          )
        : false;
    await enqueue(tx, {
      type: "ticket.event",
      payload: { event: "created", ticketId: ticket.id, articleId: article.id },
    });
    return { ...ticket, customer, queue, articleId: article.id, autoResponseQueued };
  });
  failPoint("ticket.after-commit");
  return created;
}
