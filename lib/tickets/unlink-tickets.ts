import type { Actor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import type { Tx } from "../db";
import { NotFoundError } from "../errors";
import { ROLES } from "./link-tickets";
import { recordHistory } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";

/**
 * Removes one link (TicketLink id) inside the caller's transaction: an `unlink` history entry
 * on each ticket ("<role> <other number>", as linkTickets wrote it) and a new version of both.
 * NotFoundError when the link is gone or either ticket is outside the caller's write scope.
 */
export async function unlinkTickets(
  tx: Tx,
  input: { linkId: number; actor: Actor; scope: Scope },
): Promise<void> {
  const writable = writableTickets(input.scope);
  const link = await tx.ticketLink.findFirst({
    where: { id: input.linkId, source: writable, target: writable },
    select: {
      id: true,
      type: true,
      source: { select: { id: true, number: true } },
      target: { select: { id: true, number: true } },
    },
  });
  if (!link) throw new NotFoundError("Link not found");
  await tx.ticketLink.delete({ where: { id: link.id } });
  await tx.ticket.updateMany({
    where: { id: { in: [link.source.id, link.target.id] } },
    data: NEXT_VERSION,
  });
  const role = ROLES[link.type];
  await recordHistory(tx, [
    {
      ticketId: link.source.id,
      type: "unlink",
      actor: input.actor,
      oldValue: `${role.fromSource} ${link.target.number}`,
    },
    {
      ticketId: link.target.id,
      type: "unlink",
      actor: input.actor,
      oldValue: `${role.fromTarget} ${link.source.number}`,
    },
  ]);
}
