import { getSettings } from "../settings/get-settings";
import type { Scope } from "../access/scope";
import { agentActor } from "../actor";
import { composeAgentArticle } from "./compose-agent-article";
import { createTicket } from "./create-ticket";
import type { AgentTicketInput } from "./schemas";
import { updateTicket } from "./update-ticket";
import { dateFromWallTime } from "./wall-time";

/**
 * A ticket an agent opens (OTRS's phone and e-mail ticket screens): a phone ticket records
 * the customer's call as its first article (from the customer); an e-mail ticket is the
 * desk writing first — its article goes out as mail with our Message-ID, so the customer's
 * answer threads back onto it. The customer is found or created by address; the queue
 * must be one the scope writes (else a validation error on `queue`); the chosen state
 * (pending time in TIME_ZONE) is set after creation, as its own history entry.
 */
export async function createAgentTicket(options: {
  scope: Scope;
  agent: { id: number; email: string };
  input: AgentTicketInput;
}) {
  const { scope, agent, input } = options;
  const pendingUntil = input.state.startsWith("pending_")
    ? dateFromWallTime(input.pendingUntil, (await getSettings()).timeZone)
    : undefined;
  const customer = { email: input.customerEmail, name: input.customerName || undefined };
  const article = composeAgentArticle({
    channel: input.kind,
    ticket: { title: input.subject, customer },
    agent,
    text: input.body,
    subject: input.subject,
  });
  const created = await createTicket({
    customer,
    title: input.subject,
    queueId: input.queueId,
    scope,
    actor: agentActor(agent.id),
    article: { ...article, authorAgentId: agent.id, authorCustomerId: null },
    // The customer did not write: no "we received your request" mail.
    allowAutoResponse: false,
  });
  if (input.state !== "new") {
    await updateTicket({
      ticketId: created.id,
      changes: { state: input.state, ...(pendingUntil ? { pendingUntil } : {}) },
      actor: agentActor(agent.id),
      scope,
    });
  }
  return { number: created.number };
}
