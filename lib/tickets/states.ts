// Ticket states are listed once, in prisma/models.prisma (enum TicketState); everything
// here is derived from the generated enum object. A state added there is a type error in
// STATE_TYPES (and in the en/de catalogues' `states`) until it is described.
import { TicketState } from "../generated/sqlite/enums";

export { TicketState };

/** OTRS state types: how a state behaves for timers, SLA and follow-ups. */
export type StateType = "new" | "open" | "pending" | "closed" | "merged";

const STATE_TYPES = {
  new: "new",
  open: "open",
  pending_reminder: "pending",
  pending_auto_close: "pending",
  closed_successful: "closed",
  closed_unsuccessful: "closed",
  merged: "merged",
} as const satisfies Record<TicketState, StateType>;

/** Every state, in the order of the enum. */
export const TICKET_STATES: readonly TicketState[] = Object.values(TicketState);
export const stateType = (state: TicketState): StateType => STATE_TYPES[state];

/** States with a pending time (reminder, auto-close). */
export const PENDING_STATES = TICKET_STATES.filter((s) => STATE_TYPES[s] === "pending");
/** States that end the work on a ticket; merged counts as closed. */
export const CLOSED_STATES = TICKET_STATES.filter(
  (s) => STATE_TYPES[s] === "closed" || STATE_TYPES[s] === "merged",
);

/** States of tickets still being worked on (neither closed nor merged). */
export const OPEN_STATES = TICKET_STATES.filter((s) => !CLOSED_STATES.includes(s));

export const isPending = (state: TicketState) => STATE_TYPES[state] === "pending";

/** Whether a stored text (a history value, say) names a ticket state. */
export const isTicketState = (value: string): value is TicketState =>
  (TICKET_STATES as readonly string[]).includes(value);
export const isClosed = (state: TicketState) => CLOSED_STATES.includes(state);
