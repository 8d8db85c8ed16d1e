import type { Actor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import type { Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { TicketLinkType } from "../generated/sqlite/enums";
import { recordHistory } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";

export interface LinkTicketsInput {
  /** normal: no direction; parent_child: source is the parent; follow_up: source is the closed ticket. */
  type: TicketLinkType;
  sourceId: number;
  targetId: number;
  actor: Actor;
  /** The caller's scope: it must be able to write both tickets' queues. */
  scope: Scope;
}

// What the other ticket is, seen from the source and from the target (history values).
export const ROLES: Record<TicketLinkType, { fromSource: string; fromTarget: string }> = {
  normal: { fromSource: "normal", fromTarget: "normal" },
  parent_child: { fromSource: "child", fromTarget: "parent" },
  follow_up: { fromSource: "follow_up", fromTarget: "follow_up_of" },
};

/**
 * The one way to link two tickets (OTRS link types), inside the caller's transaction:
 * one TicketLink row, a "link" history entry on each ticket ("<role> <other number>"),
 * and a new version of both. Linking the same pair again is a no-op (returns false);
 * a normal link is stored once whichever ticket is named first. Throws NotFoundError
 * when a ticket is outside the caller's queues, UserFacingError for a self-link.
 */
export async function linkTickets(tx: Tx, input: LinkTicketsInput): Promise<boolean> {
  if (input.sourceId === input.targetId)
    throw new UserFacingError("A ticket cannot be linked to itself", "validation");
  const [sourceId, targetId] =
    input.type === "normal"
      ? [Math.min(input.sourceId, input.targetId), Math.max(input.sourceId, input.targetId)]
      : [input.sourceId, input.targetId];
  const tickets = await tx.ticket.findMany({
    where: { id: { in: [sourceId, targetId] }, ...writableTickets(input.scope) },
    select: { id: true, number: true },
  });
  const source = tickets.find((t) => t.id === sourceId);
  const target = tickets.find((t) => t.id === targetId);
  if (!source || !target) throw new NotFoundError("Ticket not found");

  const key = { sourceId_targetId_type: { sourceId, targetId, type: input.type } };
  if (await tx.ticketLink.findUnique({ where: key, select: { id: true } })) return false;
  await tx.ticketLink.create({ data: { sourceId, targetId, type: input.type } });
  await tx.ticket.updateMany({ where: { id: { in: [sourceId, targetId] } }, data: NEXT_VERSION });
  const role = ROLES[input.type];
  await recordHistory(tx, [
    {
      ticketId: sourceId,
      type: "link",
      actor: input.actor,
      newValue: `${role.fromSource} ${target.number}`,
    },
    {
      ticketId: targetId,
      type: "link",
      actor: input.actor,
      newValue: `${role.fromTarget} ${source.number}`,
    },
  ]);
  return true;
}
