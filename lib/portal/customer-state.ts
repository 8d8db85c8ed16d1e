// Ticket states in the customer's words (DESIGN "Customer words"): the one
// mapping every customer-facing page and mail uses. Agents keep OTRS's states.
import type { TicketState } from "../generated/sqlite/enums";
import type { Messages } from "../i18n/catalogues";
import type { getTranslator } from "../i18n/translator";

export type CustomerState = Exclude<keyof Messages["portal"]["states"], "mergedInto">;

/** A translator over the whole catalogue (getTranslations(), useTranslations(), getTranslator). */
export type CatalogueTranslator = ReturnType<typeof getTranslator>;

const CUSTOMER_STATE: Record<TicketState, CustomerState> = {
  new: "received",
  open: "in_progress",
  pending_reminder: "on_hold",
  pending_auto_close: "on_hold",
  closed_successful: "closed",
  closed_unsuccessful: "closed",
  merged: "merged",
};

/** The customer's word for an agent state (new → received, pending … → on hold, …). */
export function customerStateOf(state: TicketState): CustomerState {
  return CUSTOMER_STATE[state];
}

/**
 * The state as a customer reads it, e.g. "on hold" or "merged into 2026…".
 * `mergedInto` is the target's number (null when unknown); whether it may be
 * linked is the page's decision (see getCustomerTicket's `mergedInto.isVisible`).
 */
export function describeCustomerState(
  ticket: { state: TicketState; mergedInto?: { number: string } | null },
  t: CatalogueTranslator,
): string {
  const word = customerStateOf(ticket.state);
  if (word === "merged" && ticket.mergedInto)
    return t("portal.states.mergedInto", { number: ticket.mergedInto.number });
  return t(`portal.states.${word}`);
}
