import type { Actor } from "../actor";
import { canWrite, writableTickets, type Scope } from "../access/scope";
import { transaction, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { TicketState } from "../generated/sqlite/enums";
import { enqueue } from "../jobs/enqueue";
import { assertTicketVersion } from "./assert-ticket-version";
import { refreshEscalation } from "../sla/refresh-escalation";
import { syncPendingTimer } from "./pending-timer";
import type { HistoryType } from "./history-types";
import { recordHistory, type HistoryInput } from "./record-history";
import { isClosed, isPending } from "./states";
import { NEXT_VERSION } from "./ticket-version";
import { singleLine } from "./write-article";

export interface TicketChanges {
  state?: TicketState;
  priority?: number;
  queueId?: number;
  ownerId?: number | null;
  responsibleId?: number | null;
  title?: string;
  /** The agent holding the lock (null unlocks); lockedAt is set with it. */
  lockedById?: number | null;
  pendingUntil?: Date | null;
}

export interface UpdateTicketInput {
  ticketId: number;
  changes: TicketChanges;
  actor: Actor;
  /** The caller's scope: it must be able to write the ticket's queue and a target queue. */
  scope: Scope;
  /** The version the agent's page showed: an older one is refused (assertTicketVersion). */
  expectedVersion?: number;
  now?: Date;
}

const str = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);

/**
 * Changes state, priority, queue, owner, responsible, title, lock or pending time, with one
 * history entry per change and a new ticket version (ticket-version.ts) when anything changed.
 */
export async function updateTicket(input: UpdateTicketInput) {
  return transaction((tx) => updateTicketInTx(tx, input));
}

/** updateTicket inside the caller's transaction (a reply that also sets the next state). */
export async function updateTicketInTx(tx: Tx, input: UpdateTicketInput) {
  const now = input.now ?? new Date();
  const { changes, scope } = input;
  await assertTicketVersion(tx, {
    ticketId: input.ticketId,
    expected: input.expectedVersion,
    scope,
  });
  const ticket = await tx.ticket.findFirst({
    where: { id: input.ticketId, ...writableTickets(scope) },
  });
  if (!ticket) throw new NotFoundError("Ticket not found");
  if (changes.queueId !== undefined && !canWrite(scope, changes.queueId)) {
    throw new UserFacingError(
      "Unknown queue",
      "validation",
      { queue: ["Unknown queue"] },
      "unknownQueue",
    );
  }

  const state = changes.state ?? ticket.state;
  const pendingUntil =
    changes.pendingUntil !== undefined
      ? changes.pendingUntil
      : isPending(state)
        ? ticket.pendingUntil
        : null;
  if (isPending(state) && !pendingUntil) {
    throw new UserFacingError(
      "A pending state needs a pending time",
      "validation",
      {
        pendingUntil: ["Required for pending states"],
      },
      "pendingTimeRequired",
    );
  }

  const data: Record<string, unknown> = {};
  const history: HistoryInput[] = [];
  const track = (
    field: keyof TicketChanges,
    type: HistoryType,
    oldValue: unknown,
    newValue: unknown,
  ) => {
    if (newValue === undefined || str(oldValue) === str(newValue)) return;
    data[field] = newValue;
    history.push({
      ticketId: ticket.id,
      type,
      actor: input.actor,
      oldValue: str(oldValue),
      newValue: str(newValue),
    });
  };
  track("state", "state", ticket.state, changes.state);
  track("priority", "priority", ticket.priority, changes.priority);
  track("queueId", "queue", ticket.queueId, changes.queueId);
  track("ownerId", "owner", ticket.ownerId, changes.ownerId);
  track("responsibleId", "responsible", ticket.responsibleId, changes.responsibleId);
  track(
    "title",
    "title",
    ticket.title,
    changes.title === undefined ? undefined : singleLine(changes.title).slice(0, 250),
  );
  track("lockedById", "lock", ticket.lockedById, changes.lockedById);
  track(
    "pendingUntil",
    "pending_time",
    ticket.pendingUntil,
    isPending(state) ? pendingUntil : null,
  );
  if (history.length === 0) return ticket;

  if (changes.state && changes.state !== ticket.state) {
    data.closedAt = isClosed(changes.state) ? now : null;
  }
  if ("lockedById" in data) data.lockedAt = data.lockedById === null ? null : now;
  // The manual order belongs to a queue: a ticket moved elsewhere starts unordered there.
  if ("queueId" in data) data.position = null;
  // The permission stays in the write's own query.
  const updated = await tx.ticket.update({
    where: { id: ticket.id, ...writableTickets(scope) },
    data: { ...data, ...NEXT_VERSION, updatedAt: now },
  });
  await recordHistory(tx, history);
  await syncPendingTimer(tx, ticket.id, updated.state, updated.pendingUntil);
  await refreshEscalation(tx, ticket.id);
  if (changes.ownerId && changes.ownerId !== ticket.ownerId) {
    await enqueue(tx, {
      type: "ticket.event",
      payload: { event: "assigned", ticketId: ticket.id, ownerId: changes.ownerId },
    });
  }
  return updated;
}
