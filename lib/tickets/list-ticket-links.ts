import { readableTickets, type Scope } from "../access/scope";
import { db } from "../db";
import type { TicketState } from "../generated/sqlite/enums";
import { ROLES } from "./link-tickets";

/** What the other ticket is to this one: related, its parent/child, follow-up or its origin. */
export type LinkRole = "normal" | "parent" | "child" | "follow_up" | "follow_up_of";

export interface TicketLinkView {
  id: number;
  role: LinkRole;
  other: { number: string; title: string; state: TicketState };
}

/**
 * A ticket's links in both directions, as seen from it, oldest first; links to tickets the
 * scope cannot read are left out (as if absent).
 */
export async function listTicketLinks(options: {
  ticketId: number;
  scope: Scope;
}): Promise<TicketLinkView[]> {
  const readable = readableTickets(options.scope);
  const other = { select: { number: true, title: true, state: true } } as const;
  const links = await db.ticketLink.findMany({
    where: {
      OR: [
        { sourceId: options.ticketId, source: readable, target: readable },
        { targetId: options.ticketId, source: readable, target: readable },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, type: true, sourceId: true, source: other, target: other },
  });
  return links.map((link) => {
    const fromSource = link.sourceId === options.ticketId;
    return {
      id: link.id,
      role: (fromSource ? ROLES[link.type].fromSource : ROLES[link.type].fromTarget) as LinkRole,
      other: fromSource ? link.target : link.source,
    };
  });
}
