import { writableTickets, type Scope } from "../access/scope";
import { isPostgres, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";

/** Who made the latest change to a ticket, from its newest history entry. */
export interface LastChange {
  /** An agent's name, a customer's address, or "" for the system (timers, jobs). */
  by: string;
  kind: "agent" | "customer" | "system";
  at: Date;
}

/**
 * A change made against an older ticket version (DESIGN "Agent work"): refused, never applied.
 * Agent actions answer it with the `staleVersion` key and `lastChange` ("changed by Tom Becker
 * 2 minutes ago"); the API answers 409.
 */
export class StaleVersionError extends UserFacingError {
  constructor(
    readonly lastChange: LastChange | null,
    readonly currentVersion: number,
  ) {
    super("The ticket was changed meanwhile", "conflict", undefined, "staleVersion");
    this.name = "StaleVersionError";
  }
}

/** The newest history entry of a ticket as "who, when" (null when it has none). */
export async function findLastChange(tx: Tx, ticketId: number): Promise<LastChange | null> {
  const entry = await tx.historyEntry.findFirst({
    where: { ticketId },
    orderBy: { id: "desc" }, // the last one written (times may come from an injected clock)
    select: { createdAt: true, actor: true, actorAgent: { select: { name: true } } },
  });
  if (!entry) return null;
  if (entry.actorAgent) return { by: entry.actorAgent.name, kind: "agent", at: entry.createdAt };
  if (entry.actor.startsWith("customer:"))
    return { by: entry.actor.slice("customer:".length), kind: "customer", at: entry.createdAt };
  return { by: "", kind: "system", at: entry.createdAt };
}

/**
 * Refuses a change made against an old version: call it first in the write's transaction with
 * the version the agent's page was loaded with (every agent change form posts it). Throws
 * StaleVersionError (with who changed the ticket last, and when) when the ticket's version is
 * another (the row stays locked until the transaction ends), NotFoundError when the ticket is
 * absent or outside the scope. `expected` undefined checks nothing (API
 * callers that send no version).
 */
export async function assertTicketVersion(
  tx: Tx,
  options: {
    ticketId: number;
    expected: number | undefined;
    /** The caller's scope: a ticket it cannot write is "not found", never "changed by …". */
    scope: Scope;
  },
): Promise<void> {
  if (options.expected === undefined) return;
  const writable = await tx.ticket.findFirst({
    where: { id: options.ticketId, ...writableTickets(options.scope) },
    select: { id: true },
  });
  if (!writable) throw new NotFoundError("Ticket not found");
  // The row stays locked until the transaction ends, so two agents' changes against the same
  // version cannot both pass (SQLite: transaction() already holds the one write lock).
  const rows = isPostgres()
    ? await tx.$queryRaw<{ version: number }[]>`
        SELECT "version" FROM "Ticket" WHERE "id" = ${options.ticketId} FOR UPDATE`
    : await tx.ticket.findMany({ where: { id: options.ticketId }, select: { version: true } });
  const ticket = rows[0];
  if (!ticket) throw new NotFoundError("Ticket not found");
  if (Number(ticket.version) !== options.expected)
    throw new StaleVersionError(await findLastChange(tx, options.ticketId), Number(ticket.version));
}
