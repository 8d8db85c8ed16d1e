import { readableTickets, type Scope } from "../access/scope";
import { isAway, unattendedTickets } from "../agents/out-of-office";
import { db, type Prisma } from "../db";
import { CLOSED_STATES, OPEN_STATES } from "../tickets/states";
import {
  afterKeys,
  beforeKeys,
  compareByOrder,
  decodeCursor,
  encodeCursor,
  keyValues,
  orderSegments,
  type SortKey,
} from "./keyset";
import type { QueueSort, QueueView } from "./schemas";

/**
 * The order of each sort; the ticket id last makes every order total. Indexes
 * (prisma/models.prisma), each serving its whole order within a queue: (queueId, priority
 * desc, createdAt, id), (queueId, createdAt, id), (queueId, escalationDueAt, id),
 * (queueId, position, createdAt, id) — a nullable first key is read in two segments
 * (orderSegments), each an index range. The open tickets of one queue are read per state
 * (see BY_STATE).
 */
export const SORT_KEYS: Record<QueueSort, SortKey[]> = {
  // Most urgent first; the oldest first within a priority.
  priority: [
    { field: "priority", direction: "desc" },
    { field: "createdAt", direction: "asc", isDate: true },
    { field: "id", direction: "asc" },
  ],
  // Oldest (longest waiting) first.
  age: [
    { field: "createdAt", direction: "asc", isDate: true },
    { field: "id", direction: "asc" },
  ],
  // Soonest escalation first; tickets without an SLA due time last.
  escalation: [
    { field: "escalationDueAt", direction: "asc", nullable: true, isDate: true },
    { field: "id", direction: "asc" },
  ],
  // The queue's manual order; tickets never ordered by hand follow, oldest first.
  manual: [
    { field: "position", direction: "asc", nullable: true },
    { field: "createdAt", direction: "asc", isDate: true },
    { field: "id", direction: "asc" },
  ],
};

/**
 * Sorts whose open tickets in one queue are read one state at a time, each on an index
 * (queueId, state, …the sort's keys) and merged in order: walking the sort's own index,
 * "not closed" is checked row by row, and a desk's oldest tickets are mostly closed — at
 * 1,000,000 tickets SQLite stepped over ~45,000 of them for the first page by age (42–48 ms
 * a statement; per state ≤ 1 ms). `state IN (…)` on the state index would need a sort,
 * and SQLite's planner (with ANALYZE statistics) then prefers the index that gives the
 * order. Escalation keeps one statement: closed tickets have no due time, so its index
 * reaches the open ones first.
 */
const BY_STATE: Record<QueueSort, boolean> = {
  priority: true,
  age: true,
  escalation: false,
  manual: true,
};

export interface ListQueueTicketsInput {
  scope: Scope;
  /** One queue; omitted = every queue the scope reads ("all my queues"). */
  queueId?: number;
  view: QueueView;
  /** The viewer, for the owner filter "me". */
  agentId: number;
  now: Date;
  limit?: number;
}

const select = {
  id: true,
  number: true,
  title: true,
  state: true,
  priority: true,
  position: true,
  createdAt: true,
  escalationDueAt: true,
  queueId: true,
  lockedById: true,
  queue: { select: { id: true, name: true } },
  customer: { select: { email: true, name: true } },
  owner: {
    select: { id: true, name: true, active: true, outOfOfficeFrom: true, outOfOfficeTo: true },
  },
} satisfies Prisma.TicketSelect;

/** Prisma `where` for the view's filters (state, owner, priority, unattended). */
export function queueViewFilter(
  view: QueueView,
  options: { agentId: number; now: Date },
): Prisma.TicketWhereInput[] {
  const filters: Prisma.TicketWhereInput[] = [];
  if (view.state === "open") filters.push({ state: { notIn: [...CLOSED_STATES] } });
  else if (view.state !== "all") filters.push({ state: view.state });
  if (view.owner === "me") filters.push({ ownerId: options.agentId });
  else if (view.owner === "none") filters.push({ ownerId: null });
  else if (typeof view.owner === "number") filters.push({ ownerId: view.owner });
  if (view.priority) filters.push({ priority: view.priority });
  if (view.unattended) filters.push(unattendedTickets(options.now));
  return filters;
}

/**
 * One page of a queue view (or of every queue the scope reads), keyset-paginated both ways:
 * `view.after` continues past a row, `view.before` goes back from one (the rows before it,
 * nearest first, then turned back round). `nextCursor` / `prevCursor` are opaque strings
 * for the URL (`?after=` / `?before=`), null on the last / first page. A cursor that does
 * not fit the sort starts at the first page. Each row says whether it is unattended (no
 * owner, or the owner away or inactive at `now`).
 */
export async function listQueueTickets(input: ListQueueTicketsInput) {
  const { view } = input;
  const limit = Math.min(Math.max(input.limit ?? 25, 1), 200);
  const keys = SORT_KEYS[view.sort];
  const before = view.before ? decodeCursor(view.before, view.sort, keys.length) : null;
  const after = !before && view.after ? decodeCursor(view.after, view.sort, keys.length) : null;
  const position = before ? beforeKeys(keys, before) : after ? afterKeys(keys, after) : null;
  // One queue's open tickets, state by state (BY_STATE); otherwise the view's state filter.
  // Over several queues an index per state gives no order either, so that stays one statement.
  const byState = input.queueId !== undefined && view.state === "open" && BY_STATE[view.sort];
  // AND keeps the scope's queue filter even when a queue is asked for.
  const where: Prisma.TicketWhereInput = {
    AND: [
      readableTickets(input.scope),
      ...(input.queueId !== undefined ? [{ queueId: input.queueId }] : []),
      ...queueViewFilter(byState ? { ...view, state: "all" } : view, input),
      ...(position ? [position as Prisma.TicketWhereInput] : []),
    ],
  };
  // Read in the order's segments (a nullable first key: its values, then its nulls) until
  // one row more than the page is there.
  const readSegment = async (segment: ReturnType<typeof orderSegments>[number], take: number) => {
    const orderBy = segment.orderBy as Prisma.TicketOrderByWithRelationInput[];
    const read = (state?: (typeof OPEN_STATES)[number]) =>
      db.ticket.findMany({
        where: {
          AND: [where, segment.where as Prisma.TicketWhereInput, ...(state ? [{ state }] : [])],
        },
        orderBy,
        take,
        select,
      });
    if (!byState) return read();
    const perState: Awaited<ReturnType<typeof read>> = [];
    for (const state of OPEN_STATES) perState.push(...(await read(state)));
    return perState.sort(compareByOrder(segment.orderBy)).slice(0, take);
  };
  const rows: Awaited<ReturnType<typeof readSegment>> = [];
  for (const segment of orderSegments(keys, !!before)) {
    rows.push(...(await readSegment(segment, limit + 1 - rows.length)));
    if (rows.length > limit) break;
  }
  const hasMore = rows.length > limit;
  const page = before ? rows.slice(0, limit).reverse() : rows.slice(0, limit);
  const cursorOf = (row: (typeof page)[number] | undefined) =>
    row ? encodeCursor(view.sort, keyValues(keys, row)) : null;
  // Going forward there is a page before whenever we came from a row; going back, one after.
  const hasPrev = before ? hasMore : !!after;
  const hasNext = before ? true : hasMore;
  return {
    tickets: page.map((t) => ({
      ...t,
      isOwnerAway: t.owner ? isAway(t.owner, input.now) || !t.owner.active : false,
      isUnattended: !t.owner || !t.owner.active || isAway(t.owner, input.now),
    })),
    nextCursor: hasNext ? cursorOf(page[page.length - 1]) : null,
    prevCursor: hasPrev ? cursorOf(page[0]) : null,
  };
}

export type QueueTicketRow = Awaited<ReturnType<typeof listQueueTickets>>["tickets"][number];
