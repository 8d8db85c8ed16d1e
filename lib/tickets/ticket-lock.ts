import { agentActor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import { db, transaction, type Tx } from "../db";
import { getSettings } from "../settings/get-settings";
import { NotFoundError, UserFacingError } from "../errors";
import { assertTicketVersion } from "./assert-ticket-version";
import { recordHistory, type HistoryInput } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";

// DESIGN "Lock and owner": a lock tells colleagues that someone works on a ticket. It ends
// when its holder unlocks it, or after lockTimeoutMinutes() without activity by its holder
// (any history entry they cause on the ticket). An ended lock may stay in the row until the
// next lock or reply replaces it: readers ask findActiveLock, never lockedById alone.

/**
 * Minutes without activity after which a lock ends: the lock-timeout setting (lib/settings;
 * LOCK_TIMEOUT_MINUTES gives only its first value, default 60).
 */
export async function lockTimeoutMinutes(): Promise<number> {
  return (await getSettings()).lockTimeoutMinutes;
}

export interface ActiveLock {
  agentId: number;
  name: string;
  /** When the lock was taken. */
  since: Date;
  /** When it ends unless its holder does something on the ticket. */
  expiresAt: Date;
}

/** The lock holding a ticket at `now`, or null (never locked, unlocked, or timed out). */
export async function findActiveLock(
  client: Tx | typeof db,
  options: { ticketId: number; now?: Date },
): Promise<ActiveLock | null> {
  const now = options.now ?? new Date();
  const ticket = await client.ticket.findUnique({
    where: { id: options.ticketId },
    select: { lockedAt: true, lockedBy: { select: { id: true, name: true } } },
  });
  if (!ticket?.lockedBy || !ticket.lockedAt) return null;
  const activity = await client.historyEntry.findFirst({
    where: { ticketId: options.ticketId, actorAgentId: ticket.lockedBy.id },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const last = Math.max(ticket.lockedAt.getTime(), activity?.createdAt.getTime() ?? 0);
  const expiresAt = new Date(last + (await lockTimeoutMinutes()) * 60_000);
  if (expiresAt <= now) return null;
  return {
    agentId: ticket.lockedBy.id,
    name: ticket.lockedBy.name,
    since: ticket.lockedAt,
    expiresAt,
  };
}

export interface LockInput {
  ticketId: number;
  agentId: number;
  /** The caller's scope: it must be able to write the ticket's queue. */
  scope: Scope;
  /** The version the agent's page showed (assertTicketVersion). */
  expectedVersion?: number;
  now?: Date;
}

const lockedByOther = () =>
  new UserFacingError(
    "The ticket is locked by a colleague",
    "conflict",
    undefined,
    "lockedByOther",
  );

async function findWritable(tx: Tx, input: LockInput) {
  const ticket = await tx.ticket.findFirst({
    where: { id: input.ticketId, ...writableTickets(input.scope) },
    select: { id: true, lockedById: true, ownerId: true },
  });
  if (!ticket) throw new NotFoundError("Ticket not found");
  await assertTicketVersion(tx, {
    ticketId: ticket.id,
    expected: input.expectedVersion,
    scope: input.scope,
  });
  return ticket;
}

/** Sets (or moves) the lock to an agent at `now`, with its history entry and a new version. */
async function writeLock(
  tx: Tx,
  ticket: { id: number; lockedById: number | null },
  lockedById: number | null,
  actorId: number,
  now: Date,
  extra: { ownerId?: number; history?: HistoryInput[] } = {},
) {
  await tx.ticket.update({
    where: { id: ticket.id },
    data: {
      lockedById,
      lockedAt: lockedById === null ? null : now,
      ...(extra.ownerId !== undefined ? { ownerId: extra.ownerId } : {}),
      ...NEXT_VERSION,
      updatedAt: now,
    },
  });
  const lock: HistoryInput[] =
    ticket.lockedById === lockedById
      ? [] // renewed (a timed-out lock of the same agent): no change to tell
      : [
          {
            ticketId: ticket.id,
            type: "lock",
            actor: agentActor(actorId),
            oldValue: ticket.lockedById === null ? null : String(ticket.lockedById),
            newValue: lockedById === null ? null : String(lockedById),
            at: now,
          },
        ];
  await recordHistory(tx, [...lock, ...(extra.history ?? [])]);
}

/**
 * Locks a ticket for an agent. Refused ("lockedByOther") while a colleague's lock is active;
 * a timed-out lock is taken over; an agent's own active lock stays as it is.
 */
export async function lockTicket(input: LockInput): Promise<void> {
  const now = input.now ?? new Date();
  await transaction(async (tx) => {
    const ticket = await findWritable(tx, input);
    const active = await findActiveLock(tx, { ticketId: ticket.id, now });
    if (active && active.agentId !== input.agentId) throw lockedByOther();
    if (active) return; // already theirs
    await writeLock(tx, ticket, input.agentId, input.agentId, now);
  });
}

/**
 * Unlocks a ticket: its holder's own lock, or a lock that has timed out. A colleague's active
 * lock is refused ("lockedByOther"); an unlocked ticket stays as it is.
 */
export async function unlockTicket(input: LockInput): Promise<void> {
  const now = input.now ?? new Date();
  await transaction(async (tx) => {
    const ticket = await findWritable(tx, input);
    if (ticket.lockedById === null) return;
    const active = await findActiveLock(tx, { ticketId: ticket.id, now });
    if (active && active.agentId !== input.agentId) throw lockedByOther();
    await writeLock(tx, ticket, null, input.agentId, now);
  });
}

/**
 * What replying does to the lock (as OTRS): the replying agent takes the lock, and the
 * ownership when the ticket has no owner — inside the reply's transaction, called by the
 * agent reply path before it writes the article. A colleague's active lock is kept (the
 * form warned before sending); returns who holds it then. The ticket must already have
 * been checked as writable by the caller.
 */
export async function takeLockForReply(
  tx: Tx,
  options: { ticketId: number; agentId: number; now?: Date },
): Promise<{ lockedBy: ActiveLock | null; tookOwnership: boolean }> {
  const now = options.now ?? new Date();
  const ticket = await tx.ticket.findUnique({
    where: { id: options.ticketId },
    select: { id: true, lockedById: true, ownerId: true },
  });
  if (!ticket) throw new NotFoundError("Ticket not found");
  const active = await findActiveLock(tx, { ticketId: ticket.id, now });
  if (active && active.agentId !== options.agentId)
    return { lockedBy: active, tookOwnership: false };
  const tookOwnership = ticket.ownerId === null;
  const owner: HistoryInput[] = tookOwnership
    ? [
        {
          ticketId: ticket.id,
          type: "owner",
          actor: agentActor(options.agentId),
          oldValue: null,
          newValue: String(options.agentId),
          at: now,
        },
      ]
    : [];
  if (!active || tookOwnership) {
    await writeLock(tx, ticket, options.agentId, options.agentId, now, {
      ownerId: tookOwnership ? options.agentId : undefined,
      history: owner,
    });
  }
  return { lockedBy: null, tookOwnership };
}
