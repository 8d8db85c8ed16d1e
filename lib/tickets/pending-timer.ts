import type { Tx } from "../db";
import { cancelJob, enqueue } from "../jobs/enqueue";
import type { TicketState } from "../generated/sqlite/enums";
import { isPending } from "./states";

/** Keeps the ticket's pending timer job in step with its state (one job per ticket). */
export async function syncPendingTimer(
  tx: Tx,
  ticketId: number,
  state: TicketState,
  pendingUntil: Date | null,
) {
  const dedupeKey = `ticket:${ticketId}:pending`;
  if (isPending(state) && pendingUntil) {
    await enqueue(tx, {
      type: "ticket.pending-due",
      payload: { ticketId },
      runAt: pendingUntil,
      dedupeKey,
    });
  } else {
    await cancelJob(tx, dedupeKey);
  }
}
