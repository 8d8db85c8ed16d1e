import { readableTickets, type Scope } from "../access/scope";
import { isAway, unattendedTickets } from "../agents/out-of-office";
import { db, type Prisma } from "../db";
import { CLOSED_STATES, OPEN_STATES } from "../tickets/states";
import {
  compareByOrder,
  decodeCursor,
  encodeCursor,
  keyValues,
  orderSegments,
  segmentPosition,
  type SortKey,
} from "./keyset";
import { listViewQueues } from "./list-view-queues";
import type { QueueSort, QueueView } from "./schemas";

/**
 * The order of each sort; the ticket id last makes every order total. Indexes
 * (prisma/models.prisma), each serving its whole order within a queue: (queueId, priority
 * desc, createdAt, id), (queueId, createdAt, id), (queueId, escalationDueAt, id),
 * (queueId, position, createdAt, id) — a nullable first key is read in two segments
 * (orderSegments), each an index range. Open tickets are read per queue and state
 * (IN_PARTS).
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
 * Sorts whose open tickets are read in parts — one per queue of the view and open state, each
 * on an index (queueId, state, …the sort's keys) that gives the part's rows in order, at most
 * a page plus one — and merged in order. In one statement, "not closed" was checked row by
 * row while SQLite walked the sort's index from the oldest tickets, which on a desk are mostly
 * closed (1,000,000 tickets: one queue's first page by age read ~15,900 rows, 42–48 ms), and
 * over several queues it sorted every open ticket of them (0.4–1.2 s for 3–10 queues). `state IN
 * (…)` on the state index still needs a sort, and SQLite's planner (with ANALYZE statistics)
 * then prefers the index that gives the order. A part costs ~0.3 ms on SQLite and ~0.8 ms of
 * PostgreSQL's parse, plan and run, so the cost grows with queues × open states (an admin's 20
 * queues: 80 parts); PostgreSQL runs them side by side on the pool. Escalation keeps one statement:
 * closed tickets have no due time, so its index reaches the open ones first (≤ 13 ms at 1M).
 */
const IN_PARTS: Record<QueueSort, boolean> = {
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
  const cursor = before ?? after;
  // The open tickets in a sort of IN_PARTS are read in parts, each an index range that gives
  // the sort's order: one per queue of the view and open state; the parts' rows are merged in
  // the sort's order. Other views are one statement.
  const inParts = view.state === "open" && IN_PARTS[view.sort];
  const oneQueue = input.queueId !== undefined ? { queueId: input.queueId } : {};
  const viewQueueIds = !inParts
    ? []
    : input.queueId !== undefined
      ? [input.queueId]
      : (await listViewQueues(input)).map((q) => q.id);
  const parts: Prisma.TicketWhereInput[] = !inParts
    ? [oneQueue]
    : viewQueueIds.flatMap((queueId) => OPEN_STATES.map((state) => ({ queueId, state })));
  // AND keeps the scope's queue filter whatever the parts say.
  const where: Prisma.TicketWhereInput = {
    AND: [
      readableTickets(input.scope),
      ...queueViewFilter(inParts ? { ...view, state: "all" } : view, input),
    ],
  };
  const keySelect = Object.fromEntries(keys.map((k) => [k.field, true])) as Prisma.TicketSelect;
  // Read in the order's segments (a nullable first key: its values, then its nulls) until
  // one row more than the page is there. One part: the page's rows at once; several: each
  // part's sort keys, merged, then the page's rows by id.
  const readSegment = async (segment: ReturnType<typeof orderSegments>[number], take: number) => {
    const orderBy = segment.orderBy as Prisma.TicketOrderByWithRelationInput[];
    // The cursor's condition in this segment's terms (segmentPosition).
    const position = cursor
      ? segmentPosition(keys, segment.where, cursor, before ? "before" : "after")
      : null;
    if (position === false) return [];
    const inPart = (part: Prisma.TicketWhereInput) => ({
      AND: [
        where,
        segment.where as Prisma.TicketWhereInput,
        ...(position ? [position as Prisma.TicketWhereInput] : []),
        part,
      ],
    });
    // Manual order's positions are given by hand, to few tickets: they are one statement,
    // over the view's queues named (each an index range of (queueId, position, …)). Without
    // them, "all queues" of an admin (who reads every queue) had no index for "position is
    // not null" on PostgreSQL: it read every open ticket's row, 300–380 ms at 1,000,000.
    const handOrdered = keys[0]?.nullable && segment.where[keys[0].field] !== null;
    const segmentParts =
      inParts && handOrdered
        ? [{ queueId: { in: viewQueueIds }, state: { in: [...OPEN_STATES] } }]
        : parts;
    if (segmentParts.length === 1)
      return db.ticket.findMany({ where: inPart(segmentParts[0]!), orderBy, take, select });
    // At once: PostgreSQL runs them on the pool's connections side by side (BENCHMARKS.md,
    // eighth round); SQLite's one connection takes them in turn.
    const found = (
      await Promise.all(
        segmentParts.map((part) =>
          db.ticket.findMany({ where: inPart(part), orderBy, take, select: keySelect }),
        ),
      )
    ).flat() as Record<string, unknown>[];
    const ids = found
      .sort(compareByOrder(segment.orderBy))
      .slice(0, take)
      .map((row) => row.id as number);
    const byId = new Map(
      (await db.ticket.findMany({ where: { AND: [where, { id: { in: ids } }] }, select })).map(
        (row) => [row.id, row],
      ),
    );
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const rows: Awaited<ReturnType<typeof readSegment>> = [];
  for (const segment of orderSegments(keys, !!before)) {
    if (parts.length === 0) break;
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
