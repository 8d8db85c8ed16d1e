import type { Tx } from "../db";
import type { Queue, Ticket } from "../generated/sqlite/client";
import { scheduleTimer } from "../jobs/enqueue";
import { isClosed, isPending } from "../tickets/states";
import { addBusinessMinutes, parseCalendar } from "./business-time";

/** A ticket row with its queue row, as `include: { queue: true }` reads them. */
export type EscalationTicket = Ticket & { queue: Queue };

const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/**
 * Recomputes a ticket's SLA due times from its queue (first response, update,
 * solution; business hours when the queue has a calendar) and keeps one
 * escalation-check job at the earliest. A new, later due time re-arms the
 * one-time escalation notification. `known` is the ticket with its queue as the
 * caller just wrote them in this transaction (a new ticket): then they are not read again.
 * Returns the ticket row as updated, or undefined when the ticket has no SLA (nothing written).
 */
export async function refreshEscalation(
  tx: Tx,
  ticketId: number,
  known?: EscalationTicket,
): Promise<Ticket | undefined> {
  const ticket =
    known ??
    (await tx.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      include: { queue: true },
    }));
  const { queue } = ticket;
  const hasSla =
    queue.slaFirstResponseMinutes || queue.slaUpdateMinutes || queue.slaSolutionMinutes;
  if (!hasSla && !ticket.escalationDueAt) return undefined;

  // A calendar that cannot be computed (stored before validation) must never break the
  // write that refreshes the SLA (ticket intake, follow-ups): the ticket gets no SLA, logged.
  let failed = false;
  const due = (start: Date | null, minutes: number | null) => {
    if (!start || !minutes || failed) return null;
    try {
      return addBusinessMinutes(start, minutes, parseCalendar(queue.calendar));
    } catch (error) {
      failed = true;
      console.error(
        `SLA: queue ${queue.id} (${queue.name}) has an unusable calendar; ticket ${ticket.number} gets no SLA due times`,
        error,
      );
      return null;
    }
  };
  let firstResponseDueAt: Date | null = null;
  let updateDueAt: Date | null = null;
  let solutionDueAt: Date | null = null;
  if (!isClosed(ticket.state)) {
    firstResponseDueAt = ticket.firstResponseAt
      ? null
      : due(ticket.createdAt, queue.slaFirstResponseMinutes);
    if (ticket.firstResponseAt && !isPending(ticket.state)) {
      const lastAnswer = await tx.article.findFirst({
        where: { ticketId, direction: "out", visibleToCustomer: true },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const waiting =
        ticket.lastCustomerContactAt &&
        (!lastAnswer || ticket.lastCustomerContactAt > lastAnswer.createdAt);
      updateDueAt = waiting ? due(ticket.lastCustomerContactAt, queue.slaUpdateMinutes) : null;
    }
    solutionDueAt = due(ticket.createdAt, queue.slaSolutionMinutes);
  }
  if (failed) [firstResponseDueAt, updateDueAt, solutionDueAt] = [null, null, null];
  const escalationDueAt = earliest([firstResponseDueAt, updateDueAt, solutionDueAt]);
  const moved = escalationDueAt?.getTime() !== ticket.escalationDueAt?.getTime();
  const updated = await tx.ticket.update({
    where: { id: ticketId },
    data: {
      firstResponseDueAt,
      updateDueAt,
      solutionDueAt,
      escalationDueAt,
      ...(moved &&
      escalationDueAt &&
      (!ticket.escalationDueAt || escalationDueAt > ticket.escalationDueAt)
        ? { escalationNotifiedAt: null }
        : {}),
    },
  });
  if (moved)
    await scheduleTimer(tx, {
      type: "ticket.escalation",
      payload: { ticketId },
      dedupeKey: `ticket:${ticketId}:escalation`,
      runAt: escalationDueAt,
    });
  return updated;
}
