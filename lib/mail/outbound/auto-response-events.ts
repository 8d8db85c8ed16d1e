// The registry of auto-response events (AutoResponse.event): when a queue's own text
// replaces the built-in one. Only new_ticket is sent today; follow_up and reject are the
// OTRS events the administration pages will offer.
export const AUTO_RESPONSE_EVENTS = {
  new_ticket: "a customer's request became a new ticket",
  follow_up: "a customer's follow-up reopened a ticket",
  reject: "a follow-up to a closed ticket was stored without reopening it",
} as const;

export type AutoResponseEvent = keyof typeof AUTO_RESPONSE_EVENTS;
