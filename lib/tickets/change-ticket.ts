import { getSettings } from "../settings/get-settings";
import { writableTickets, type Scope } from "../access/scope";
import { agentActor } from "../actor";
import { db } from "../db";
import { NotFoundError } from "../errors";
import type { TicketState } from "../generated/sqlite/enums";
import { findAssignableAgent } from "./find-assignable-agent";
import { updateTicket, type TicketChanges } from "./update-ticket";
import { dateFromWallTime } from "./wall-time";

/** One change an agent makes from the ticket zoom. */
export type AgentTicketChange =
  | { kind: "state"; state: TicketState; pendingUntil: string }
  | { kind: "priority"; priority: number }
  | { kind: "queue"; queueId: number }
  | { kind: "owner" | "responsible"; agent: string };

/**
 * Applies one change from the zoom's forms to a ticket the scope may write (NotFoundError
 * otherwise): state (a pending time typed in TIME_ZONE), priority, queue (only a queue the
 * scope writes: updateTicket), owner or responsible (an agent with rw on the ticket's
 * queue: findAssignableAgent; "" for nobody). The new owner is notified (updateTicket's
 * "assigned" event).
 */
export async function changeTicket(options: {
  scope: Scope;
  agentId: number;
  number: string;
  change: AgentTicketChange;
}) {
  const { scope, change } = options;
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...writableTickets(scope) },
    select: { id: true, queueId: true },
  });
  if (!ticket) throw new NotFoundError("Ticket not found");
  const changes: TicketChanges = {};
  switch (change.kind) {
    case "state":
      changes.state = change.state;
      if (change.state.startsWith("pending_"))
        changes.pendingUntil = dateFromWallTime(
          change.pendingUntil,
          (await getSettings()).timeZone,
        );
      break;
    case "priority":
      changes.priority = change.priority;
      break;
    case "queue":
      changes.queueId = change.queueId;
      break;
    case "owner":
    case "responsible": {
      const agent = change.agent
        ? await findAssignableAgent({
            email: change.agent,
            queueId: ticket.queueId,
            role: change.kind,
          })
        : null;
      changes[change.kind === "owner" ? "ownerId" : "responsibleId"] = agent?.id ?? null;
      break;
    }
  }
  return updateTicket({ ticketId: ticket.id, changes, actor: agentActor(options.agentId), scope });
}
