// The queue's manual order (issue 16 item 3, DESIGN "Manual order"): relative moves on
// gapped integer keys in Ticket.position. A move writes one row — the moved ticket gets a
// key between its new neighbours — until a gap is used up; then the queue's ordered
// tickets are renumbered GAP apart, in the same transaction. Tickets never ordered by hand
// (position null) follow the ordered ones by age; a move relative to one of them first
// gives keys to the unordered tickets up to it, so the order the agent saw is kept.
import { writableTickets, type Scope } from "../access/scope";
import { isPostgres, transaction, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { CLOSED_STATES } from "../tickets/states";

/** Distance between neighbouring keys after a renumbering. */
export const POSITION_GAP = 1024;

export interface MoveTicketInput {
  scope: Scope;
  ticketId: number;
  /** The ticket to move next to: same queue, also writable. */
  targetId: number;
  place: "before" | "after";
}

/** Serialises moves within one queue: PostgreSQL locks the queue row; SQLite's transaction() holds the write lock. */
async function lockQueue(tx: Tx, queueId: number) {
  if (isPostgres()) await tx.$executeRaw`SELECT 1 FROM "Queue" WHERE "id" = ${queueId} FOR UPDATE`;
}

/** Gives keys after the current last one to the queue's unordered open tickets up to `upTo` (by age). */
async function orderUnorderedUpTo(tx: Tx, queueId: number, upTo: { createdAt: Date; id: number }) {
  const last = await tx.ticket.findFirst({
    where: { queueId, position: { not: null } },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  const unordered = await tx.ticket.findMany({
    where: {
      queueId,
      position: null,
      state: { notIn: [...CLOSED_STATES] },
      OR: [
        { createdAt: { lt: upTo.createdAt } },
        { createdAt: upTo.createdAt, id: { lte: upTo.id } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  let key = last?.position ?? 0;
  for (const t of unordered) {
    key += POSITION_GAP;
    await tx.ticket.update({ where: { id: t.id }, data: { position: key } });
  }
}

/** Renumbers the queue's ordered tickets GAP apart, keeping their order; returns how many. */
async function renumberQueue(tx: Tx, queueId: number) {
  const ordered = await tx.ticket.findMany({
    where: { queueId, position: { not: null } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const [i, t] of ordered.entries()) {
    await tx.ticket.update({ where: { id: t.id }, data: { position: (i + 1) * POSITION_GAP } });
  }
  return ordered.length;
}

/** The key between the target and its neighbour on `place`'s side, or null when no integer fits. */
async function keyNextTo(
  tx: Tx,
  options: { queueId: number; movingId: number; targetPosition: number; place: "before" | "after" },
) {
  const { queueId, movingId, targetPosition: p, place } = options;
  const neighbour = await tx.ticket.findFirst({
    where: {
      queueId,
      id: { not: movingId },
      position: place === "before" ? { lt: p } : { gt: p },
    },
    orderBy: { position: place === "before" ? "desc" : "asc" },
    select: { position: true },
  });
  if (!neighbour?.position && neighbour?.position !== 0) {
    return place === "before" ? p - POSITION_GAP : p + POSITION_GAP;
  }
  const key = Math.trunc((p + neighbour.position) / 2);
  return key === p || key === neighbour.position ? null : key;
}

/**
 * Puts a ticket right before or after another ticket of the same queue, for every agent
 * of the queue. Needs write access to the queue (rw); a ticket the scope cannot write,
 * or a target in another queue, is "not found". Safe when agents move tickets of one
 * queue at the same time: moves of a queue run one after the other.
 * Returns the moved ticket's new key and whether the queue was renumbered.
 */
export async function moveTicket(input: MoveTicketInput) {
  return transaction(async (tx) => {
    const moving = await tx.ticket.findFirst({
      where: { id: input.ticketId, ...writableTickets(input.scope) },
      select: { id: true, queueId: true },
    });
    if (!moving || input.ticketId === input.targetId) throw new NotFoundError("Ticket not found");
    await lockQueue(tx, moving.queueId);
    const findTarget = () =>
      tx.ticket.findFirst({
        where: { id: input.targetId, queueId: moving.queueId, ...writableTickets(input.scope) },
        select: { id: true, position: true, createdAt: true },
      });
    let target = await findTarget();
    if (!target) throw new NotFoundError("Ticket not found");
    if (target.position === null) {
      await orderUnorderedUpTo(tx, moving.queueId, target);
      target = (await findTarget())!;
    }
    const options = { queueId: moving.queueId, movingId: moving.id, place: input.place };
    let key = await keyNextTo(tx, { ...options, targetPosition: target.position! });
    let renumbered = false;
    if (key === null) {
      await renumberQueue(tx, moving.queueId);
      renumbered = true;
      target = (await findTarget())!;
      key = (await keyNextTo(tx, { ...options, targetPosition: target.position! }))!;
    }
    await tx.ticket.update({ where: { id: moving.id }, data: { position: key } });
    return { position: key, renumbered };
  });
}
