// Ticket.version: changes with every change an agent would want to know about, so a
// change made against an older version can be refused ("changed meanwhile by …").
// Counted: state, owner, responsible, queue, priority, title, lock, a new article, a link.
// Not counted: timers and bookkeeping (SLA/escalation refresh, escalation notified,
// search text, notifications, pending-time reschedules by the system).

/**
 * Spread into the `data` of the ticket update that makes such a change (updateTicket,
 * addArticle, linkTickets, auto-close, the auto-response article): the version grows by
 * one per such write, however many fields it changes.
 */
export const NEXT_VERSION = { version: { increment: 1 } } as const;
