import { writableTickets, type Scope } from "../access/scope";
import { agentActor } from "../actor";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { addArticle } from "./add-article";
import { composeAgentArticle } from "./compose-agent-article";
import type { NoteInput } from "./schemas";

/**
 * An internal note (never shown to the customer) or a phone note (a call taken or made,
 * shown to the customer only when `visibleToCustomer`) on a ticket the scope may write;
 * NotFoundError otherwise. Direction, sender and recipient: composeAgentArticle.
 */
export async function addAgentNote(options: {
  scope: Scope;
  agent: { id: number; email: string };
  input: NoteInput;
}) {
  const { scope, agent, input } = options;
  const ticket = await db.ticket.findFirst({
    where: { number: input.number, ...writableTickets(scope) },
    select: { id: true, title: true, customer: { select: { email: true } } },
  });
  if (!ticket) throw new NotFoundError("Ticket not found");
  return addArticle({
    ticketId: ticket.id,
    scope,
    actor: agentActor(agent.id),
    article: composeAgentArticle({
      channel: input.kind,
      ticket,
      agent,
      text: input.body,
      subject: input.subject || undefined,
      call: input.call,
      visibleToCustomer: input.kind === "phone" && input.visibleToCustomer,
    }),
  });
}
