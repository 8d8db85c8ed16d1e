// Bulk actions on selected tickets (queue view, and any other ticket list such as search
// results): one change applied ticket by ticket through updateTicket, so each ticket gets
// its own permission check in the write's query, its own history entry and version.
import { agentActor } from "../actor";
import { canWrite, writableTickets, type Scope } from "../access/scope";
import { isAway, suggestColleague } from "../agents/out-of-office";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { findAssignableAgent } from "../tickets/find-assignable-agent";
import { mergeTickets } from "../tickets/merge-tickets";
import { updateTicket, type TicketChanges } from "../tickets/update-ticket";
import type { BulkActionInput } from "./schemas";

/** Why a ticket was not changed: no write access (or gone), or the change does not apply to it. */
export type RefusalReason = "noAccess" | "notAllowed";

export interface BulkResult {
  changed: number;
  unchanged: number;
  refused: { ticketId: number; reason: RefusalReason }[];
  /** Set when tickets were given to an agent who is away: until when, and a colleague to ask. */
  awayOwner?: { name: string; until: string; suggestion: { id: number; name: string } | null };
}

/** The ticket changes of one bulk action, for the acting agent (merge has its own path). */
function changesOf(
  input: Exclude<BulkActionInput, { action: "merge" }>,
  agentId: number,
): TicketChanges {
  switch (input.action) {
    case "state":
      return { state: input.state };
    case "priority":
      return { priority: input.priority };
    case "queue":
      return { queueId: input.queueId };
    case "owner":
      return { ownerId: input.ownerId === 0 ? null : input.ownerId };
    case "lock":
      return { lockedById: agentId };
    case "unlock":
      return { lockedById: null };
    case "take_over":
      return { ownerId: agentId, lockedById: agentId };
  }
}

/** Whether the agent may own a ticket of the queue: the one rule, findAssignableAgent. */
async function canOwn(ownerId: number, queueId: number) {
  const agent = await db.agent.findUnique({ where: { id: ownerId }, select: { email: true } });
  if (!agent) return false;
  try {
    await findAssignableAgent({ email: agent.email, queueId, role: "owner" });
    return true;
  } catch (error) {
    if (error instanceof UserFacingError) return false;
    throw error;
  }
}

/**
 * Applies one bulk action to each selected ticket, each in its own transaction (one
 * refused ticket does not undo the others). A ticket the scope cannot write counts as
 * refused "noAccess" (not found and no access look the same); a change that cannot apply
 * (an owner without rw on that ticket's queue, a target queue the scope cannot write)
 * as "notAllowed". Returns the summary the page shows.
 */
export async function bulkUpdateTickets(options: {
  scope: Scope;
  agentId: number;
  input: BulkActionInput;
  now?: Date;
}): Promise<BulkResult> {
  const { scope, input } = options;
  const now = options.now ?? new Date();
  if (input.action === "merge") return bulkMerge({ ...options, ticketIds: input.ticketIds, now });
  const changes = changesOf(input, options.agentId);
  const result: BulkResult = { changed: 0, unchanged: 0, refused: [] };
  if (changes.queueId !== undefined && !canWrite(scope, changes.queueId)) {
    throw new UserFacingError("Unknown queue", "validation", { queueId: [""] }, "unknownQueue");
  }
  let lastQueueId: number | undefined;
  for (const ticketId of [...new Set(input.ticketIds)]) {
    const ticket = await db.ticket.findUnique({
      where: { id: ticketId },
      select: { queueId: true, version: true },
    });
    const queueId = changes.queueId ?? ticket?.queueId;
    // Only for tickets the scope may change: others are refused as "no access" below.
    const isWritable = ticket !== null && canWrite(scope, ticket.queueId);
    if (isWritable && changes.ownerId && queueId && !(await canOwn(changes.ownerId, queueId))) {
      result.refused.push({ ticketId, reason: "notAllowed" });
      continue;
    }
    try {
      const updated = await updateTicket({
        ticketId,
        changes,
        actor: agentActor(options.agentId),
        scope,
        now,
      });
      if (ticket && updated.version === ticket.version) result.unchanged += 1;
      else result.changed += 1;
      lastQueueId = updated.queueId;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      result.refused.push({
        ticketId,
        reason: error.code === "not_found" ? "noAccess" : "notAllowed",
      });
    }
  }
  if (input.action === "owner" && input.ownerId && lastQueueId !== undefined) {
    result.awayOwner = await awayWarning(input.ownerId, lastQueueId, now);
  }
  return result;
}

/** The warning for tickets given to an absent agent, with a colleague of the queue to suggest. */
async function awayWarning(ownerId: number, queueId: number, now: Date) {
  const owner = await db.agent.findUnique({
    where: { id: ownerId },
    select: { name: true, outOfOfficeFrom: true, outOfOfficeTo: true },
  });
  if (!owner || !isAway(owner, now)) return undefined;
  const suggestion = await suggestColleague({ queueId, exceptAgentId: ownerId, now });
  return {
    name: owner.name,
    until: owner.outOfOfficeTo!.toISOString(),
    suggestion: suggestion && { id: suggestion.id, name: suggestion.name },
  };
}

/**
 * "Merge into one": every selected ticket the scope may write is merged into the oldest of
 * them (mergeTickets: articles copied in time order, hidden from the target's customer when
 * the customers differ; the merged ticket closed as `merged`). Tickets the scope cannot write
 * are refused "noAccess"; one that cannot be merged (already merged) "notAllowed".
 */
async function bulkMerge(options: {
  scope: Scope;
  agentId: number;
  ticketIds: number[];
  now: Date;
}): Promise<BulkResult> {
  const result: BulkResult = { changed: 0, unchanged: 0, refused: [] };
  const ids = [...new Set(options.ticketIds)];
  const writable = await db.ticket.findMany({
    where: { id: { in: ids }, ...writableTickets(options.scope) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, number: true },
  });
  const allowed = new Set(writable.map((t) => t.id));
  for (const id of ids)
    if (!allowed.has(id)) result.refused.push({ ticketId: id, reason: "noAccess" });
  const [target, ...sources] = writable;
  if (!target) return result;
  result.unchanged += 1; // the target keeps its number and gains the others' articles
  for (const source of sources) {
    try {
      await mergeTickets({
        sourceId: source.id,
        targetNumber: target.number,
        actor: agentActor(options.agentId),
        scope: options.scope,
        now: options.now,
      });
      result.changed += 1;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      result.refused.push({
        ticketId: source.id,
        reason: error.code === "not_found" ? "noAccess" : "notAllowed",
      });
    }
  }
  return result;
}
