import type { Tx } from "../db";
import type { TicketState } from "../generated/sqlite/enums";
import { scheduleTimer } from "../jobs/enqueue";
import { isPending } from "./states";

/** Keeps the ticket's pending timer job in step with its state (one job per ticket). */
export async function syncPendingTimer(
  tx: Tx,
  ticketId: number,
  state: TicketState,
  pendingUntil: Date | null,
) {
  await scheduleTimer(tx, {
    type: "ticket.pending-due",
    payload: { ticketId },
    dedupeKey: `ticket:${ticketId}:pending`,
    runAt: isPending(state) ? pendingUntil : null,
  });
}
