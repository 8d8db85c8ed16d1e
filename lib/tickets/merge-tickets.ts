import type { Actor } from "../actor";
import { writableTickets, type Scope } from "../access/scope";
import { transaction, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { refreshEscalation } from "../sla/refresh-escalation";
import { assertTicketVersion } from "./assert-ticket-version";
import { copyArticles } from "./copy-article";
import { syncPendingTimer } from "./pending-timer";
import { recordHistory } from "./record-history";
import { NEXT_VERSION } from "./ticket-version";

// DESIGN "Merge". Decisions:
// - Articles are COPIED onto the target (with attachments, keeping their times, marked by
//   copiedFromId), not moved as OTRS does: the merged ticket keeps its own record, so its
//   customer still reads their conversation there (the portal shows it closed as "merged").
// - Two customers: the copies are visible to agents only, so neither customer ever reads the
//   other's words; a follow-up of the merged ticket's customer lands on the target as a
//   foreign sender's (addFollowUp), also hidden from the target's customer.
// - Follow-ups to the old number (tag, Message-ID, portal) reach the target because
//   addFollowUp follows mergedInto (A→B→C).

const MAX_HOPS = 10;

export interface MergeTicketsInput {
  /** The ticket that is merged (closed as `merged`). */
  sourceId: number;
  /** The number of the ticket it is merged into; a merged target is followed to its end. */
  targetNumber: string;
  actor: Actor;
  /** The caller's scope: it must be able to write both tickets. */
  scope: Scope;
  /** The version the agent's page showed (assertTicketVersion). */
  expectedVersion?: number;
  now?: Date;
}

export interface MergePlan {
  source: { id: number; number: string; customerEmail: string; articleCount: number };
  target: { id: number; number: string; title: string; customerEmail: string };
  /** False: the copies are for agents only (two customers). */
  isSameCustomer: boolean;
}

const noTarget = () =>
  new UserFacingError("No such ticket", "validation", { targetNumber: ["notFound"] }, "notFound");

/** What a merge would do (the confirm dialog's facts); throws as mergeTickets would. */
export async function planMerge(
  tx: Tx,
  input: Omit<MergeTicketsInput, "actor" | "now">,
): Promise<MergePlan> {
  const source = await tx.ticket.findFirst({
    where: { id: input.sourceId, ...writableTickets(input.scope) },
    select: {
      id: true,
      number: true,
      state: true,
      customerId: true,
      customer: { select: { email: true } },
      _count: { select: { articles: true } },
    },
  });
  if (!source) throw new NotFoundError("Ticket not found");
  if (source.state === "merged")
    throw new UserFacingError("Already merged", "conflict", undefined, "alreadyMerged");
  const select = {
    id: true,
    number: true,
    title: true,
    customerId: true,
    mergedIntoId: true,
    customer: { select: { email: true } },
  } as const;
  let target = await tx.ticket.findFirst({
    where: { number: input.targetNumber.trim(), ...writableTickets(input.scope) },
    select,
  });
  for (let hop = 0; target?.mergedIntoId && hop < MAX_HOPS; hop++) {
    target = await tx.ticket.findFirst({
      where: { id: target.mergedIntoId, ...writableTickets(input.scope) },
      select,
    });
  }
  if (!target || target.mergedIntoId) throw noTarget();
  if (target.id === source.id)
    throw new UserFacingError(
      "A ticket cannot be merged into itself",
      "validation",
      { targetNumber: ["mergeIntoItself"] },
      "mergeIntoItself",
    );
  return {
    source: {
      id: source.id,
      number: source.number,
      customerEmail: source.customer.email,
      articleCount: source._count.articles,
    },
    target: {
      id: target.id,
      number: target.number,
      title: target.title,
      customerEmail: target.customer.email,
    },
    isSameCustomer: source.customerId === target.customerId,
  };
}

/**
 * Merges a ticket into another (by number), in one transaction: its articles and attachments
 * are copied onto the target in time order (for agents only when the customers differ), it is
 * closed as `merged` pointing to the target, unlocked, and both get a `merge` history entry and
 * a new version. Throws NotFoundError (source outside the scope), UserFacingError for a missing
 * target, a self-merge or an already merged source, StaleVersionError for an old version.
 */
export async function mergeTickets(input: MergeTicketsInput): Promise<MergePlan> {
  const now = input.now ?? new Date();
  return transaction(async (tx) => {
    await assertTicketVersion(tx, {
      ticketId: input.sourceId,
      expected: input.expectedVersion,
      scope: input.scope,
    });
    const plan = await planMerge(tx, input);
    const { source, target } = plan;
    const articles = await tx.article.findMany({
      where: { ticketId: source.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    await copyArticles(tx, {
      articleIds: articles.map((a) => a.id),
      ticketId: target.id,
      hideFromCustomer: !plan.isSameCustomer,
    });
    const before = await tx.ticket.findUniqueOrThrow({
      where: { id: source.id },
      select: { state: true },
    });
    await tx.ticket.update({
      where: { id: source.id, ...writableTickets(input.scope) },
      data: {
        state: "merged",
        mergedIntoId: target.id,
        closedAt: now,
        pendingUntil: null,
        lockedById: null,
        lockedAt: null,
        updatedAt: now,
        ...NEXT_VERSION,
      },
    });
    await tx.ticket.update({
      where: { id: target.id, ...writableTickets(input.scope) },
      data: { updatedAt: now, ...NEXT_VERSION },
    });
    await recordHistory(tx, [
      {
        ticketId: source.id,
        type: "state",
        actor: input.actor,
        oldValue: before.state,
        newValue: "merged",
      },
      { ticketId: source.id, type: "merge", actor: input.actor, newValue: `into ${target.number}` },
      { ticketId: target.id, type: "merge", actor: input.actor, newValue: `from ${source.number}` },
    ]);
    await syncPendingTimer(tx, source.id, "merged", null);
    await refreshEscalation(tx, source.id);
    await refreshEscalation(tx, target.id);
    return plan;
  });
}

/** The facts of a merge before it happens (the confirm step), without changing anything. */
export async function previewMerge(
  input: Omit<MergeTicketsInput, "actor" | "now">,
): Promise<MergePlan> {
  return transaction(async (tx) => {
    await assertTicketVersion(tx, {
      ticketId: input.sourceId,
      expected: input.expectedVersion,
      scope: input.scope,
    });
    return planMerge(tx, input);
  });
}
