import { writableTickets, type Scope } from "../access/scope";
import type { Actor } from "../actor";
import { normaliseEmail } from "../customers/find-or-create-customer";
import { transaction } from "../db";
import { NotFoundError } from "../errors";
import { queueAutoResponse } from "../mail/outbound/queue-auto-response";
import { addArticleInTx } from "./add-article";
import { syncPendingTimer } from "./pending-timer";
import { createTicket } from "./create-ticket";
import { recordHistory } from "./record-history";
import { isClosed, isPending } from "./states";
import type { NewArticle } from "./write-article";
import { isCustomerAddress } from "../customers/is-customer-address";

export interface AddFollowUpInput {
  ticketId: number;
  /** The caller's scope (inbound mail: systemScope; portal: customerIntakeScope after its own proof). */
  scope: Scope;
  /** Address the follow-up came from; compared with the ticket's customer. */
  senderEmail: string;
  senderName?: string | null;
  article: NewArticle;
  actor: Actor;
  /** False for mail that must not be answered automatically (automatic, list, desk's own). */
  allowAutoResponse?: boolean;
  /**
   * Sent from one of the desk's own addresses: never the customer's own words
   * (kept like a foreign sender's) and no customer contact.
   */
  isOwnAddress?: boolean;
  now?: Date;
}

export interface FollowUpResult {
  ticketId: number;
  number: string;
  articleId: number;
  reopened: boolean;
  /** A closed ticket past its queue's follow-up window: a new linked ticket was started. */
  newTicket: boolean;
  isForeignSender: boolean;
}

const MAX_MERGE_HOPS = 10;

/**
 * A customer's follow-up (reply mail, portal message) on an existing ticket.
 * Pending tickets reopen; closed ones reopen or, past the queue's follow-up
 * window or by policy, start a new ticket linked to the old one. A sender who
 * is not the ticket's customer is stored and marked, not shown to the customer
 * as theirs, and reopens nothing; neither do automatic mails (auto-replies,
 * bounces, list mail), which must never keep a loop going. The customer's own
 * follow-up gets the queue's follow-up auto-response, or its rejected one when
 * the policy keeps a closed ticket closed (when the queue has such a text).
 */
export async function addFollowUp(input: AddFollowUpInput): Promise<FollowUpResult> {
  const now = input.now ?? new Date();
  const sender = normaliseEmail(input.senderEmail);

  const decision = await transaction(async (tx) => {
    const findWritable = async (id: number) => {
      const found = await tx.ticket.findFirst({
        where: { id, ...writableTickets(input.scope) },
        include: { queue: true, customer: true },
      });
      if (!found) throw new NotFoundError("Ticket not found");
      return found;
    };
    let ticket = await findWritable(input.ticketId);
    for (
      let hop = 0;
      ticket.state === "merged" && ticket.mergedIntoId && hop < MAX_MERGE_HOPS;
      hop++
    ) {
      ticket = await findWritable(ticket.mergedIntoId);
    }
    const isForeignSender =
      !(await isCustomerAddress(tx, ticket.customer, sender)) || input.isOwnAddress === true;
    // Automatic mail (auto-replies, reports) is kept on the ticket but changes nothing;
    // a person's mail that only asks not to be answered is an ordinary follow-up.
    const isAutomatic = input.article.isAutomatic === true;
    const { followUpPolicy, followUpDays } = ticket.queue;
    const pastWindow =
      !ticket.closedAt || now.getTime() - ticket.closedAt.getTime() > followUpDays * 86_400_000;
    if (
      !isForeignSender &&
      !isAutomatic &&
      isClosed(ticket.state) &&
      (followUpPolicy === "new_ticket" || (followUpPolicy === "reopen" && pastWindow))
    ) {
      return { kind: "new-ticket" as const, ticket };
    }

    // Reopen first: adding the article then refreshes the SLA due times for the open ticket.
    const reopen =
      !isForeignSender &&
      !isAutomatic &&
      (isPending(ticket.state) || (isClosed(ticket.state) && followUpPolicy === "reopen"));
    const reopened = { state: "open", pendingUntil: null, closedAt: null } as const;
    if (reopen) {
      await tx.ticket.update({ where: { id: ticket.id }, data: reopened });
      await recordHistory(tx, {
        ticketId: ticket.id,
        type: "state",
        actor: input.actor,
        oldValue: ticket.state,
        newValue: "open",
      });
      await syncPendingTimer(tx, ticket.id, "open", null);
    }
    const { article } = await addArticleInTx(tx, {
      ticketId: ticket.id,
      // Read above in this transaction through the same scope: not read again.
      ticket: reopen ? { ...ticket, ...reopened } : ticket,
      scope: input.scope,
      actor: input.actor,
      now,
      article: {
        ...input.article,
        isForeignSender,
        visibleToCustomer: input.article.visibleToCustomer && !isForeignSender,
        authorCustomerId: isForeignSender ? null : ticket.customerId,
      },
      isCustomerContact: !input.isOwnAddress,
      event: {
        event: "follow_up",
        isForeignSender,
        isAutomatic,
        allowAutoResponse: input.allowAutoResponse ?? true,
      },
    });
    // OTRS "auto follow up" / "auto reject": only for the customer's own words that may be
    // answered; queueAutoResponse applies the loop guards and needs the queue's own text.
    if (!isForeignSender && !isAutomatic && input.allowAutoResponse !== false) {
      const isRejected = isClosed(ticket.state) && followUpPolicy === "reject";
      await queueAutoResponse(
        tx,
        {
          ticketId: ticket.id,
          articleId: article.id,
          customer: ticket.customer,
          queue: ticket.queue,
          event: isRejected ? "reject" : "follow_up",
        },
        now,
      );
    }
    return {
      kind: "added" as const,
      ticket,
      articleId: article.id,
      reopened: reopen,
      isForeignSender,
    };
  });

  if (decision.kind === "added") {
    return {
      ticketId: decision.ticket.id,
      number: decision.ticket.number,
      articleId: decision.articleId,
      reopened: decision.reopened,
      newTicket: false,
      isForeignSender: decision.isForeignSender,
    };
  }
  const old = decision.ticket;
  const created = await createTicket({
    customer: { email: sender, name: input.senderName },
    title: old.title,
    queueId: old.queueId,
    scope: input.scope,
    followUpOf: old.id,
    actor: input.actor,
    allowAutoResponse: input.allowAutoResponse,
    now,
    article: input.article,
  });
  return {
    ticketId: created.id,
    number: created.number,
    articleId: created.articleId,
    reopened: false,
    newTicket: true,
    isForeignSender: false,
  };
}
