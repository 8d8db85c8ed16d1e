import { agentActor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import { db, transaction } from "../db";
import { NotFoundError } from "../errors";
import { assertTicketVersion } from "./assert-ticket-version";
import { articleCopyOf } from "./copy-article";
import { createTicket } from "./create-ticket";
import { linkTickets } from "./link-tickets";
import { recordHistory } from "./record-history";

/** A split ticket's title: the article's subject without reply prefixes and the old ticket tag. */
export function splitTitle(subject: string): string {
  return subject
    .replace(/\[Ticket#\d+\]/gi, "")
    .replace(/^(\s*(re|aw|fwd?|wg)\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim();
}

export interface SplitArticleInput {
  articleId: number;
  agentId: number;
  /** The caller's scope: it must be able to write the article's ticket (and so its queue). */
  scope: Scope;
  /** The version of the article's ticket the agent's page showed (assertTicketVersion). */
  expectedVersion?: number;
  now?: Date;
}

/**
 * Splits an article off into a new ticket (OTRS "Split"): same queue, title from the article's
 * subject (else the old title), the customer who wrote it when known (else the old ticket's:
 * an agent's article, a foreign sender's mail),
 * the article copied with its attachments as the first article (copiedFromId marks it on both
 * tickets), a parent/child link (old ticket the parent) and a `split` history entry on each —
 * one transaction. No auto-response: the customer already wrote. Returns the new ticket.
 */
export async function splitArticle(input: SplitArticleInput) {
  const now = input.now ?? new Date();
  const found = await db.article.findFirst({
    where: { id: input.articleId, ticket: writableTickets(input.scope) },
    select: {
      ticket: {
        select: {
          id: true,
          number: true,
          title: true,
          queueId: true,
          customer: { select: { email: true, name: true } },
        },
      },
      authorCustomer: { select: { email: true, name: true } },
      subject: true,
    },
  });
  if (!found) throw new NotFoundError("Article not found");
  const old = found.ticket;
  const article = await transaction((tx) => articleCopyOf(tx, input.articleId));
  const actor = agentActor(input.agentId);
  const created = await createTicket({
    customer: found.authorCustomer ?? old.customer,
    title: splitTitle(found.subject) || old.title,
    queueId: old.queueId,
    scope: input.scope,
    actor,
    allowAutoResponse: false,
    isCustomerContact: article.direction === "in",
    now,
    article: { ...article, createdAt: now },
    onCreated: async (tx, ticket) => {
      await assertTicketVersion(tx, {
        ticketId: old.id,
        expected: input.expectedVersion,
        scope: input.scope,
      });
      await linkTickets(tx, {
        type: "parent_child",
        sourceId: old.id,
        targetId: ticket.id,
        actor,
        scope: input.scope,
      });
      await recordHistory(tx, [
        { ticketId: old.id, type: "split", actor, newValue: `to ${ticket.number}` },
        { ticketId: ticket.id, type: "split", actor, newValue: `from ${old.number}` },
      ]);
    },
  });
  return { id: created.id, number: created.number };
}
