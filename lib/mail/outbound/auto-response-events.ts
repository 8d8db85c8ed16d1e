// The registry of auto-response events (AutoResponse.event), OTRS's AutoResponse types
// "auto reply" (new_ticket), "auto follow up" and "auto reject". new_ticket has a built-in
// text that a queue's own replaces; follow_up and reject go out only while the queue has
// an active text of its own (lib/mail/outbound/queue-auto-response.ts).
export const AUTO_RESPONSE_EVENTS = {
  new_ticket: "a customer's request became a new ticket",
  follow_up: "a customer's follow-up reopened a ticket",
  reject: "a follow-up to a closed ticket was stored without reopening it",
} as const;

export type AutoResponseEvent = keyof typeof AUTO_RESPONSE_EVENTS;
