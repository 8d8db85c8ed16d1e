import { SYSTEM } from "../actor";
import { transaction } from "../db";
import type { JobPayload } from "../jobs/job-types";
import type { JobContext } from "../jobs/worker";
import { notifyAgents } from "../notifications/notify-agents";
import { refreshEscalation } from "../sla/refresh-escalation";
import { recordHistory } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";

/**
 * Job handler for "ticket.pending-due": at the pending time a reminder
 * notifies the owner (or the queue), and auto-close closes the ticket. A
 * ticket that left the pending state or was rescheduled is left alone.
 */
export async function handlePendingDue(
  { ticketId }: JobPayload<"ticket.pending-due">,
  ctx: JobContext,
) {
  await transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
    const due = ticket?.pendingUntil && ticket.pendingUntil <= ctx.now;
    if (ticket && due && ticket.state === "pending_auto_close") {
      await tx.ticket.update({
        where: { id: ticket.id },
        data: {
          state: "closed_successful",
          closedAt: ctx.now,
          pendingUntil: null,
          updatedAt: ctx.now,
          ...NEXT_VERSION,
        },
      });
      await recordHistory(tx, [
        {
          ticketId: ticket.id,
          type: "state",
          actor: SYSTEM,
          oldValue: ticket.state,
          newValue: "closed_successful",
        },
        { ticketId: ticket.id, type: "auto_close", actor: SYSTEM, newValue: ctx.now.toISOString() },
      ]);
      await refreshEscalation(tx, ticket.id);
    } else if (ticket && due && ticket.state === "pending_reminder") {
      await notifyAgents(tx, {
        event: "pending_reminder",
        ticket,
        message: `${ticket.number} — ${ticket.title}`,
        now: ctx.now,
      });
      await recordHistory(tx, {
        ticketId: ticket.id,
        type: "reminder",
        actor: SYSTEM,
        newValue: ctx.now.toISOString(),
      });
    }
    await ctx.complete(tx);
  });
}

/** Job handler for "ticket.escalation": notifies once when an SLA due time passes unmet. */
export async function handleEscalation(
  { ticketId }: JobPayload<"ticket.escalation">,
  ctx: JobContext,
) {
  await transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
    if (
      ticket?.escalationDueAt &&
      ticket.escalationDueAt <= ctx.now &&
      !ticket.escalationNotifiedAt
    ) {
      await tx.ticket.update({ where: { id: ticket.id }, data: { escalationNotifiedAt: ctx.now } });
      await notifyAgents(tx, {
        event: "escalation",
        ticket,
        message: `${ticket.number} — ${ticket.title}`,
        now: ctx.now,
      });
      await recordHistory(tx, {
        ticketId: ticket.id,
        type: "escalation",
        actor: SYSTEM,
        newValue: ticket.escalationDueAt.toISOString(),
      });
    }
    await ctx.complete(tx);
  });
}
