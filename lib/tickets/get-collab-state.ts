import { readableTicketRows, readableTickets, type Scope } from "../access/scope";
import { db, type Prisma } from "../db";
import { listTicketLinks, type TicketLinkView } from "./list-ticket-links";
import { findActiveLock, type ActiveLock } from "./ticket-lock";

export interface ArticleMark {
  /** This article copies one of another ticket (a split or a merge): that ticket's number. */
  copiedFrom?: { number: string; kind: "split" | "merge" };
  /** Numbers of the tickets this article was copied to (split off, merged into). */
  copiedTo: string[];
}

export interface CollabState {
  lock: ActiveLock | null;
  links: TicketLinkView[];
  /** Per article id: where it came from / went to; only articles that have a mark. */
  marks: Record<number, ArticleMark>;
  mergedInto: { number: string } | null;
}

/**
 * What the zoom shows about working together on a ticket the scope may read: the active
 * lock, the links from this ticket's side, and the marks of copied articles. Null when the
 * ticket is not readable.
 */
export async function getCollabState(options: {
  ticketId: number;
  scope: Scope;
  now?: Date;
}): Promise<CollabState | null> {
  const ticket = await db.ticket.findFirst({
    where: { id: options.ticketId, ...readableTickets(options.scope) },
    select: { id: true, mergedInto: { select: { number: true } } },
  });
  if (!ticket) return null;
  const readableRows = readableTicketRows(options.scope);
  const marked: Prisma.ArticleWhereInput = {
    ticketId: ticket.id,
    OR: [{ copiedFromId: { not: null } }, { copies: { some: readableRows } }],
  };
  // Most tickets have no copied article. Prisma still loads the relations of an empty result
  // (`copiedFromId IN (NULL)`), which SQLite — its statistics say nearly every copiedFromId is
  // null — answers by scanning Article: ask first.
  const hasMarks = (await db.article.count({ where: marked, take: 1 })) > 0;
  const articles = !hasMarks
    ? []
    : await db.article.findMany({
        where: marked,
        select: {
          id: true,
          copiedFrom: {
            select: { ticket: { select: { number: true, mergedIntoId: true } } },
          },
          copies: { where: readableRows, select: { ticket: { select: { number: true } } } },
        },
      });
  const marks: Record<number, ArticleMark> = {};
  for (const article of articles) {
    const from = article.copiedFrom?.ticket;
    marks[article.id] = {
      // A merge copies onto the ticket the original's ticket was merged into; else a split.
      ...(from && {
        copiedFrom: {
          number: from.number,
          kind: from.mergedIntoId === ticket.id ? "merge" : "split",
        },
      }),
      copiedTo: [...new Set(article.copies.map((c) => c.ticket.number))],
    };
  }
  return {
    lock: await findActiveLock(db, { ticketId: ticket.id, now: options.now }),
    links: await listTicketLinks({ ticketId: ticket.id, scope: options.scope }),
    marks,
    mergedInto: ticket.mergedInto,
  };
}
