import type { TicketState } from "../generated/sqlite/enums";

export const TICKET_STATES = [
  "new",
  "open",
  "pending_reminder",
  "pending_auto_close",
  "closed_successful",
  "closed_unsuccessful",
  "merged",
] as const satisfies readonly TicketState[];

export const PENDING_STATES: readonly TicketState[] = ["pending_reminder", "pending_auto_close"];
export const CLOSED_STATES: readonly TicketState[] = [
  "closed_successful",
  "closed_unsuccessful",
  "merged",
];

/** Whether a stored text (a history value, say) names a ticket state. */
export const isTicketState = (value: string): value is TicketState =>
  (TICKET_STATES as readonly string[]).includes(value);
export const isPending = (state: TicketState) => PENDING_STATES.includes(state);
export const isClosed = (state: TicketState) => CLOSED_STATES.includes(state);
