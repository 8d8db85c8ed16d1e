// The integration API's operations: permission-scoped calls into the domain,
// answering the documented JSON shapes (docs/api.md).
import { agentActor } from "../actor";
import { queueIdsFor } from "../agents/queue-access";
import { db } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { createMessageId } from "../mail/message-id";
import { FALLBACK_QUEUE, findQueueByName } from "../queues/find-queue";
import { addArticle } from "../tickets/add-article";
import { createTicket } from "../tickets/create-ticket";
import {
  findArticleWithAttachments,
  findTicketByNumber,
  findTicketHeader,
} from "../tickets/find-ticket";
import { listTickets } from "../tickets/list-tickets";
import type {
  ApiAddArticleInput,
  ApiCreateTicketInput,
  ApiListTicketsInput,
  ApiUpdateTicketInput,
} from "../tickets/schemas";
import { updateTicket, type TicketChanges } from "../tickets/update-ticket";
import type { ApiCaller } from "./authenticate";
import { serializeArticle, serializeTicket, serializeTicketSummary } from "./serialize-ticket";

const unknownQueue = () =>
  new UserFacingError("Unknown queue", "validation", { queue: ["unknown queue"] });

async function visibleTicket(caller: ApiCaller, number: string) {
  const ticket = await findTicketByNumber(number, await caller.readableQueueIds());
  // 404 also for tickets that exist elsewhere: a 403 would confirm them.
  if (!ticket) throw new NotFoundError("Ticket not found");
  return ticket;
}

/** The ticket for a write: 404 when invisible, 403 when only readable. */
async function writableTicket(caller: ApiCaller, number: string) {
  const ticket = await findTicketHeader(number, await caller.readableQueueIds());
  if (!ticket) throw new NotFoundError("Ticket not found");
  const writable = await caller.writableQueueIds();
  if (writable && !writable.includes(ticket.queueId)) {
    throw new UserFacingError("You have read-only access to this ticket", "forbidden");
  }
  if (ticket.state === "merged")
    throw new UserFacingError("The ticket was merged into another", "conflict");
  return { ticket, writable };
}

export async function apiGetTicket(caller: ApiCaller, number: string) {
  return serializeTicket(await visibleTicket(caller, number));
}

export async function apiListTickets(caller: ApiCaller, input: ApiListTicketsInput) {
  const readable = await caller.readableQueueIds();
  let queueId: number | undefined;
  if (input.queue) {
    const queue = await findQueueByName(input.queue, readable);
    if (!queue) return { data: [], nextCursor: null };
    queueId = queue.id;
  }
  const page = await listTickets({
    readableQueueIds: readable,
    queueId,
    state: input.state,
    q: input.q,
    cursor: input.cursor,
    limit: input.limit,
  });
  return {
    data: page.tickets.map(serializeTicketSummary),
    nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
  };
}

export async function apiCreateTicket(caller: ApiCaller, input: ApiCreateTicketInput) {
  const writable = await caller.writableQueueIds();
  const queue = await findQueueByName(input.queue ?? FALLBACK_QUEUE, writable);
  if (!queue) throw unknownQueue();
  const channel = input.channel ?? "web";
  const created = await createTicket({
    customer: input.customer,
    title: input.subject,
    queueId: queue.id,
    priority: input.priority,
    actor: agentActor(caller.agent.id),
    article: {
      channel,
      direction: "in",
      visibleToCustomer: true,
      subject: input.subject,
      text: input.body,
      fromAddress: input.customer.email,
    },
  });
  return apiGetTicket(caller, created.number);
}

export async function apiUpdateTicket(
  caller: ApiCaller,
  number: string,
  input: ApiUpdateTicketInput,
) {
  const { ticket, writable } = await writableTicket(caller, number);
  const changes: TicketChanges = {
    state: input.state,
    priority: input.priority,
    pendingUntil:
      input.pendingUntil === undefined
        ? undefined
        : input.pendingUntil === null
          ? null
          : new Date(input.pendingUntil),
  };
  if (input.queue !== undefined) {
    const queue = await findQueueByName(input.queue, writable);
    if (!queue) throw unknownQueue();
    changes.queueId = queue.id;
  }
  if (input.owner !== undefined) {
    if (input.owner === null) changes.ownerId = null;
    else {
      const owner = await db.agent.findUnique({ where: { email: input.owner } });
      // The owner must be able to work on the ticket where it will be (after a queue change).
      const ownerQueues = owner?.active ? await queueIdsFor(owner, "rw") : [];
      const targetQueue = changes.queueId ?? ticket.queueId;
      if (!owner?.active || (ownerQueues && !ownerQueues.includes(targetQueue))) {
        throw new UserFacingError("Unknown agent", "validation", {
          owner: ["unknown agent, or no write access to the queue"],
        });
      }
      changes.ownerId = owner.id;
    }
  }
  await updateTicket({
    ticketId: ticket.id,
    changes,
    actor: agentActor(caller.agent.id),
    writableQueueIds: writable,
  });
  return apiGetTicket(caller, number);
}

export async function apiAddArticle(caller: ApiCaller, number: string, input: ApiAddArticleInput) {
  const { ticket, writable } = await writableTicket(caller, number);
  const direction =
    input.channel === "note" ? "internal" : input.channel === "phone" ? "in" : "out";
  const { article } = await addArticle({
    ticketId: ticket.id,
    writableQueueIds: writable,
    actor: agentActor(caller.agent.id),
    article: {
      channel: input.channel,
      direction,
      visibleToCustomer: input.visibleToCustomer ?? input.channel !== "note",
      subject: input.subject ?? `Re: ${ticket.title}`,
      text: input.body,
      authorAgentId: caller.agent.id,
      // A phone note records the customer's call; mail gets its sender when sent.
      fromAddress:
        input.channel === "phone"
          ? ticket.customer.email
          : input.channel === "note"
            ? caller.agent.email
            : "",
      toAddress: input.channel === "email" ? ticket.customer.email : "",
      messageId: input.channel === "email" ? createMessageId() : null,
    },
  });
  return serializeArticle(await findArticleWithAttachments(article.id));
}
