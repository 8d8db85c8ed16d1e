// The integration API's operations: permission-scoped calls into the domain,
// answering the documented JSON shapes (docs/api.md).
import { canWrite } from "../access/scope";
import { agentActor } from "../actor";
import { NotFoundError, UserFacingError } from "../errors";
import { FALLBACK_QUEUE, findQueueByName } from "../queues/find-queue";
import { addArticle } from "../tickets/add-article";
import { composeAgentArticle } from "../tickets/compose-agent-article";
import { createTicket } from "../tickets/create-ticket";
import { findAssignableAgent } from "../tickets/find-assignable-agent";
import {
  findArticleWithAttachments,
  findTicketByNumber,
  findTicketHeader,
} from "../tickets/find-ticket";
import { searchTickets } from "../search/search-tickets";
import { listTickets } from "../tickets/list-tickets";
import type {
  ApiAddArticleInput,
  ApiCreateTicketInput,
  ApiListTicketsInput,
  ApiUpdateTicketInput,
} from "../tickets/schemas";
import { updateTicket, type TicketChanges } from "../tickets/update-ticket";
import { assertCanWrite, type ApiCaller } from "./authenticate";
import { serializeArticle, serializeTicket, serializeTicketSummary } from "./serialize-ticket";

const unknownQueue = () =>
  new UserFacingError("Unknown queue", "validation", { queue: ["unknown queue"] });

async function visibleTicket(caller: ApiCaller, number: string) {
  const ticket = await findTicketByNumber({ scope: caller.scope, number });
  // 404 also for tickets that exist elsewhere: a 403 would confirm them.
  if (!ticket) throw new NotFoundError("Ticket not found");
  return ticket;
}

/** The ticket for a write: 404 when invisible, 403 when only readable. */
async function writableTicket(caller: ApiCaller, number: string) {
  assertCanWrite(caller);
  const ticket = await findTicketHeader({ scope: caller.scope, number });
  if (!ticket) throw new NotFoundError("Ticket not found");
  if (!canWrite(caller.scope, ticket.queueId)) {
    throw new UserFacingError("You have read-only access to this ticket", "forbidden");
  }
  if (ticket.state === "merged")
    throw new UserFacingError("The ticket was merged into another", "conflict");
  return ticket;
}

export async function apiGetTicket(caller: ApiCaller, number: string) {
  return serializeTicket(await visibleTicket(caller, number));
}

/**
 * Lists tickets newest first, or with `q` searches them (lib/search: ranked, with a
 * snippet and a total). The cursor is the previous page's `nextCursor` of the same kind.
 */
export async function apiListTickets(caller: ApiCaller, input: ApiListTicketsInput) {
  let queueId: number | undefined;
  if (input.queue) {
    const queue = await findQueueByName(input.queue, caller.scope.readQueueIds);
    if (!queue)
      return input.q
        ? { data: [], total: 0, totalCapped: false, nextCursor: null }
        : { data: [], nextCursor: null };
    queueId = queue.id;
  }
  if (input.q) {
    const result = await searchTickets({
      scope: caller.scope,
      query: input.q,
      filters: { queueId, state: input.state },
      cursor: input.cursor,
      limit: input.limit,
    });
    return {
      data: result.hits.map((hit) => ({ ...serializeTicketSummary(hit), snippet: hit.snippet })),
      total: result.total,
      totalCapped: result.totalCapped,
      nextCursor: result.nextCursor,
    };
  }
  const cursor = input.cursor === undefined ? undefined : Number(input.cursor);
  if (cursor !== undefined && !(Number.isSafeInteger(cursor) && cursor > 0))
    throw new UserFacingError("Invalid cursor", "validation", { cursor: ["Invalid cursor"] });
  const page = await listTickets({
    scope: caller.scope,
    queueId,
    state: input.state,
    cursor,
    limit: input.limit,
  });
  return {
    data: page.tickets.map(serializeTicketSummary),
    nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
  };
}

export async function apiCreateTicket(caller: ApiCaller, input: ApiCreateTicketInput) {
  assertCanWrite(caller);
  const queue = await findQueueByName(input.queue ?? FALLBACK_QUEUE, caller.scope.writeQueueIds);
  if (!queue) throw unknownQueue();
  const channel = input.channel ?? "web";
  const created = await createTicket({
    customer: input.customer,
    title: input.subject,
    queueId: queue.id,
    scope: caller.scope,
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
  // The answer from the rows just written (as GET would read them; no owner yet).
  return serializeTicket({
    ...created,
    owner: null,
    articles: [{ ...created.article, attachments: [] }],
  });
}

export async function apiUpdateTicket(
  caller: ApiCaller,
  number: string,
  input: ApiUpdateTicketInput,
) {
  const ticket = await writableTicket(caller, number);
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
    const queue = await findQueueByName(input.queue, caller.scope.writeQueueIds);
    if (!queue) throw unknownQueue();
    changes.queueId = queue.id;
  }
  if (input.owner !== undefined) {
    if (input.owner === null) changes.ownerId = null;
    else {
      const owner = await findAssignableAgent({
        email: input.owner,
        queueId: changes.queueId ?? ticket.queueId,
        role: "owner",
      });
      changes.ownerId = owner.id;
    }
  }
  await updateTicket({
    ticketId: ticket.id,
    changes,
    actor: agentActor(caller.agent.id),
    scope: caller.scope,
  });
  return apiGetTicket(caller, number);
}

export async function apiAddArticle(caller: ApiCaller, number: string, input: ApiAddArticleInput) {
  const ticket = await writableTicket(caller, number);
  const { article } = await addArticle({
    ticketId: ticket.id,
    scope: caller.scope,
    actor: agentActor(caller.agent.id),
    article: composeAgentArticle({
      channel: input.channel,
      ticket,
      agent: caller.agent,
      text: input.body,
      subject: input.subject,
      visibleToCustomer: input.visibleToCustomer,
    }),
  });
  return serializeArticle(
    await findArticleWithAttachments({ scope: caller.scope, id: article.id }),
  );
}
