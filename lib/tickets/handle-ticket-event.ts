import { db, transaction } from "../db";
import type { TicketEventPayload } from "../jobs/job-types";
import type { JobContext } from "../jobs/worker";
import { findQueueMembers, notifyAgents } from "../notifications/notify-agents";

/** Job handler for "ticket.event": turns domain events into agent notifications. */
export async function handleTicketEvent(payload: TicketEventPayload, ctx: JobContext) {
  const ticket = await db.ticket.findUnique({ where: { id: payload.ticketId } });
  if (!ticket) return; // deleted meanwhile
  const summary = `${ticket.number} — ${ticket.title}`;
  await transaction(async (tx) => {
    switch (payload.event) {
      case "created": {
        await notifyAgents(tx, {
          event: "new_ticket",
          ticket,
          agentIds: await findQueueMembers(tx, ticket.queueId),
          message: summary,
          now: ctx.now,
        });
        break;
      }
      case "follow_up":
        await notifyAgents(tx, {
          event: "follow_up",
          ticket,
          message: payload.isForeignSender ? `${summary} (sender is not the customer)` : summary,
          now: ctx.now,
        });
        break;
      case "assigned":
        if (payload.ownerId) {
          await notifyAgents(tx, {
            event: "assigned",
            ticket,
            agentIds: [payload.ownerId],
            message: summary,
            now: ctx.now,
          });
        }
        break;
      default:
        break; // agent articles notify nobody
    }
    await ctx.complete(tx);
  });
}
