import { getSettings } from "../settings/get-settings";
import { writableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import { loadOwnAddresses } from "../mail/own-addresses";
import { listWritableQueues } from "../queues/list-writable-queues";
import { listStandardResponses } from "../standard-responses/list-standard-responses";
import { renderStandardResponse } from "../standard-responses/render-standard-response";
import { listAssignableAgents } from "./list-assignable-agents";
import { readReplyDraft } from "./reply-drafts";
import { replyRecipients } from "./reply-recipients";
import { ticketTag } from "./ticket-number";
import { wallTimeOf } from "./wall-time";

/**
 * Everything the zoom's action forms need for a ticket the scope may write, or null when
 * it may not (a read-only agent gets no forms): recipients per reply mode (the desk's own
 * addresses left out), the customer's latest message to quote (and its attachments, which
 * a forward sends along), the queue's signature and standard responses (variables filled
 * for this ticket and agent), queues to move to, agents to assign, the current values,
 * and the agent's kept reply draft.
 */
export async function loadTicketActions(options: {
  scope: Scope;
  agent: { id: number; name: string };
  number: string;
}) {
  const { scope, agent } = options;
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...writableTickets(scope) },
    select: {
      id: true,
      number: true,
      title: true,
      state: true,
      priority: true,
      pendingUntil: true,
      queueId: true,
      queue: { select: { name: true, signature: true } },
      customer: { select: { name: true, email: true } },
      owner: { select: { email: true } },
      responsible: { select: { email: true } },
      articles: {
        where: { direction: "in", isAutomatic: false },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: {
          fromAddress: true,
          toAddress: true,
          cc: true,
          text: true,
          createdAt: true,
          // What a forward sends along (only stored bytes can be sent).
          attachments: {
            where: { content: { not: null } },
            orderBy: { id: "asc" },
            select: { id: true, filename: true, size: true, isInline: true },
          },
        },
      },
    },
  });
  if (!ticket) return null;
  const [own, responses, queues, agents, draft] = await Promise.all([
    loadOwnAddresses(),
    listStandardResponses({ scope, queueId: ticket.queueId }),
    listWritableQueues({ scope }),
    listAssignableAgents({ queueId: ticket.queueId }),
    readReplyDraft({ agentId: agent.id, ticketId: ticket.id }),
  ]);
  const lastMessage = ticket.articles[0] ?? null;
  const recipients = (mode: "reply" | "replyAll" | "forward") =>
    replyRecipients({ mode, customerEmail: ticket.customer.email, article: lastMessage, own });
  const values = {
    customer: ticket.customer,
    ticket: { number: ticket.number, title: ticket.title },
    agent: { name: agent.name },
    queue: { name: ticket.queue.name },
  };
  return {
    number: ticket.number,
    state: ticket.state,
    priority: ticket.priority,
    queueId: ticket.queueId,
    owner: ticket.owner?.email ?? "",
    responsible: ticket.responsible?.email ?? "",
    pendingUntil: ticket.pendingUntil
      ? wallTimeOf(ticket.pendingUntil, (await getSettings()).timeZone)
      : "",
    timeZone: (await getSettings()).timeZone,
    subject: `${ticketTag(ticket.number)} Re: ${ticket.title}`,
    signature: ticket.queue.signature.trim(),
    recipients: {
      reply: recipients("reply"),
      replyAll: recipients("replyAll"),
      forward: recipients("forward"),
    },
    lastMessage: lastMessage && {
      from: lastMessage.fromAddress || ticket.customer.email,
      text: lastMessage.text,
      createdAt: lastMessage.createdAt,
    },
    /** The quoted message's attachments: ticked by default for a forward (OTRS, Zammad). */
    originalAttachments: lastMessage?.attachments ?? [],
    standardResponses: responses.map((r) => ({
      id: r.id,
      name: r.name,
      text: renderStandardResponse(r.body, values),
    })),
    queues,
    agents,
    draft,
  };
}
export type TicketActions = NonNullable<Awaited<ReturnType<typeof loadTicketActions>>>;
