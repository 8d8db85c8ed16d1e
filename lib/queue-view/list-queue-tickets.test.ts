import { beforeAll, describe, expect, it } from "vitest";
import { agentOfQueue, makeTicket, queueIds } from "../../tests/kit/queue-tickets";
import { scopeForAgent, type Scope } from "../access/scope";
import { systemScope } from "../access/system-scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { OPEN_STATES } from "../tickets/states";
import { afterKeys, compareByOrder, orderByKeys, orderSegments, segmentPosition } from "./keyset";
import { listQueueTickets, SORT_KEYS } from "./list-queue-tickets";
import { QUEUE_SORTS, queueViewSchema, type QueueViewInput } from "./schemas";

let queues: Record<string, number>;
const now = new Date("2026-06-01T12:00:00Z");
const ids: number[] = [];

beforeAll(async () => {
  await seedDatabase();
  queues = await queueIds();
  const away = await agentOfQueue(queues.Web, "rw", "Away");
  await db.agent.update({
    where: { id: away.id },
    data: { outOfOfficeFrom: new Date("2026-05-30"), outOfOfficeTo: new Date("2026-06-10") },
  });
  // 30 tickets with many ties: 3 creation times, 2 priorities, half without escalation,
  // a third ordered by hand (with equal keys in two queues), some owned by someone away,
  // the open ones in every open state (open tickets are read per queue and state).
  for (let i = 0; i < 30; i++) {
    const ticket = await makeTicket(i % 5 === 4 ? queues.Misc : queues.Web, {
      createdAt: new Date(Date.UTC(2026, 4, 1 + (i % 3))),
      priority: i % 2 ? 5 : 3,
      escalationDueAt: i % 2 ? null : new Date(Date.UTC(2026, 5, 1 + (i % 4))),
      position: i % 3 === 0 ? 1024 * (i % 4) : null,
      ownerId: i % 7 === 0 ? away.id : null,
      state: i === 29 ? "closed_successful" : OPEN_STATES[i % OPEN_STATES.length],
    });
    ids.push(ticket.id);
  }
  // VoIP in a group of its own: not in the Web reader's scope.
  await db.queue.update({
    where: { id: queues.VoIP },
    data: { group: { create: { name: "telephony" } } },
  });
  await makeTicket(queues.VoIP);
});

/** Every page of a view (in the system scope unless told), following the cursors. */
async function allPages(
  view: QueueViewInput,
  options: { queueId?: number; limit: number; scope?: Scope },
) {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listQueueTickets({
      scope: options.scope ?? systemScope,
      queueId: options.queueId,
      view: queueViewSchema.parse({ ...view, after: cursor }),
      agentId: 0,
      now,
      limit: options.limit,
    });
    seen.push(...result.tickets.map((t) => t.id));
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error("no last page");
}

describe("queue view paging", () => {
  it("loses and repeats no ticket across pages in any sort, with ties in every key", async () => {
    for (const sort of QUEUE_SORTS) {
      const whole = await allPages({ sort }, { limit: 200 });
      for (const limit of [1, 4, 7]) {
        const paged = await allPages({ sort }, { limit });
        expect(paged, `${sort} by ${limit}`).toEqual(whole);
      }
      expect(new Set(whole).size).toBe(whole.length);
      expect(whole).toHaveLength(30); // 29 open + the VoIP one; the closed one is filtered
    }
  });

  it("walks back page by page to exactly the pages it walked forward, in every sort", async () => {
    const page = (view: QueueViewInput, queueId: number | undefined, limit: number) =>
      listQueueTickets({
        scope: systemScope,
        queueId,
        view: queueViewSchema.parse(view),
        agentId: 0,
        now,
        limit,
      });
    // Every sort over all queues, the manual order inside Web (ordered tickets with equal
    // positions, then the unordered ones by age with equal ages), and a filtered view.
    const views: [QueueViewInput, number | undefined][] = [
      ...QUEUE_SORTS.map((sort): [QueueViewInput, undefined] => [{ sort }, undefined]),
      ...QUEUE_SORTS.map((sort): [QueueViewInput, number] => [{ sort }, queues.Web]),
      [{ sort: "manual", state: "all" }, queues.Web],
      [{ sort: "priority", priority: "3", state: "all" }, queues.Web],
    ];
    for (const [view, queueId] of views) {
      for (const limit of [1, 4, 7]) {
        const label = `${JSON.stringify(view)} by ${limit}`;
        const forward: number[][] = [];
        let result = await page(view, queueId, limit);
        expect(result.prevCursor, label).toBeNull(); // the first page has no previous
        forward.push(result.tickets.map((t) => t.id));
        while (result.nextCursor) {
          result = await page({ ...view, after: result.nextCursor }, queueId, limit);
          forward.push(result.tickets.map((t) => t.id));
        }
        const backward = [result.tickets.map((t) => t.id)];
        while (result.prevCursor) {
          result = await page({ ...view, before: result.prevCursor }, queueId, limit);
          backward.unshift(result.tickets.map((t) => t.id));
          expect(result.nextCursor, label).not.toBeNull();
        }
        expect(backward, label).toEqual(forward);
        expect(forward.length, label).toBeGreaterThan(1);
      }
    }
  });

  it("reads a view in parts (queue by queue, state by state) in the database's own order", async () => {
    const reader = await scopeForAgent(await agentOfQueue(queues.Web, "ro", "Part reader"));
    // One queue; every queue (system scope); a reader's queues (Web and Misc, not VoIP).
    const cases = [
      {
        label: "one queue",
        scope: systemScope,
        queueId: queues.Web,
        where: { queueId: queues.Web },
      },
      { label: "every queue", scope: systemScope, queueId: undefined, where: {} },
      {
        label: "a reader's queues",
        scope: reader,
        queueId: undefined,
        where: { queueId: { in: [queues.Web, queues.Misc] } },
      },
    ];
    for (const { label, scope, queueId, where } of cases) {
      for (const sort of QUEUE_SORTS) {
        // One statement sorts them; "nulls last" as the view shows them.
        const expected = await db.ticket.findMany({
          where: { ...where, state: { in: [...OPEN_STATES] } },
          orderBy: orderByKeys(SORT_KEYS[sort]) as never,
          select: { id: true },
        });
        expect(expected.length).toBeGreaterThan(20);
        for (const limit of [1, 3, 7, 200]) {
          const paged = await allPages({ sort }, { queueId, limit, scope });
          expect(paged, `${label}, ${sort} by ${limit}`).toEqual(expected.map((t) => t.id));
        }
      }
    }
  });

  it("compares rows as ORDER BY does: dates by time, directions, nulls where told", () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const rows = [
      { id: 1, p: null, at: day(2) },
      { id: 2, p: 5, at: day(3) },
      { id: 3, p: 5, at: day(1) },
      { id: 4, p: 9, at: day(1) },
    ];
    const sorted = (orderBy: Record<string, unknown>[]) =>
      [...rows].sort(compareByOrder(orderBy)).map((r) => r.id);
    expect(sorted([{ p: { sort: "asc", nulls: "last" } }, { at: "asc" }])).toEqual([3, 2, 4, 1]);
    expect(sorted([{ p: { sort: "desc", nulls: "first" } }, { at: "asc" }])).toEqual([1, 4, 3, 2]);
    expect(sorted([{ at: "desc" }, { id: "asc" }])).toEqual([2, 1, 3, 4]);
  });

  it("gives each segment of a nullable first key only the cursor's condition it can hold", () => {
    const keys = SORT_KEYS.escalation;
    const [values, nulls] = orderSegments(keys, false).map((segment) => segment.where);
    const due = "2026-06-01T00:00:00.000Z";
    const at = (...bounds: unknown[]) => JSON.stringify(bounds);
    // From a ticket without a due time: after it only other nulls by id, before it every value.
    expect(segmentPosition(keys, values, [null, 7], "after")).toBe(false);
    expect(segmentPosition(keys, values, [null, 7], "before")).toBeNull();
    expect(at(segmentPosition(keys, nulls, [null, 7], "after"))).toContain('{"id":{"gt":7}}');
    expect(at(segmentPosition(keys, nulls, [null, 7], "before"))).toContain('{"id":{"lt":7}}');
    // From a ticket with a due time: every null is after it, none before it; among the
    // values, the bound holds no branch for nulls.
    expect(segmentPosition(keys, nulls, [due, 7], "after")).toBeNull();
    expect(segmentPosition(keys, nulls, [due, 7], "before")).toBe(false);
    const among = at(segmentPosition(keys, values, [due, 7], "after"));
    expect(among).toContain('"escalationDueAt":{"gte":');
    expect(among).not.toContain('"escalationDueAt":null}]');
    // Without a nullable first key, the cursor's condition as for the whole order.
    const [whole] = orderSegments(SORT_KEYS.age, false);
    expect(segmentPosition(SORT_KEYS.age, whole.where, [due, 7], "after")).toEqual(
      afterKeys(SORT_KEYS.age, [due, 7]),
    );
  });

  it("orders as each sort says", async () => {
    const rows = await db.ticket.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const manual = await allPages(
      { sort: "manual", state: "all" },
      { queueId: queues.Web, limit: 5 },
    );
    const positions = manual.map((id) => byId.get(id)!.position);
    const firstNull = positions.indexOf(null);
    expect(positions.slice(firstNull).every((p) => p === null)).toBe(true); // unordered last
    const unordered = manual.slice(firstNull).map((id) => byId.get(id)!.createdAt.getTime());
    expect(unordered).toEqual([...unordered].sort((a, b) => a - b)); // by age
    const priority = await allPages({ sort: "priority" }, { queueId: queues.Web, limit: 3 });
    expect(byId.get(priority[0])!.priority).toBe(5);
    expect(byId.get(priority[priority.length - 1])!.priority).toBe(3);
    const escalation = await allPages({ sort: "escalation" }, { queueId: queues.Web, limit: 3 });
    expect(byId.get(escalation[escalation.length - 1])!.escalationDueAt).toBeNull();
  });

  it("filters by state, priority, owner and unattended, inside the scope", async () => {
    const reader = await scopeForAgent(await agentOfQueue(queues.Web, "ro", "Reader"));
    const list = (view: QueueViewInput) =>
      listQueueTickets({
        scope: reader,
        view: queueViewSchema.parse(view),
        agentId: 0,
        now,
        limit: 200,
      });
    const all = await list({ state: "all" });
    expect(all.tickets.every((t) => t.queue.name === "Web" || t.queue.name === "Misc")).toBe(true);
    expect(all.tickets).toHaveLength(30);
    expect((await list({ state: "closed_successful" })).tickets.map((t) => t.id)).toEqual([
      ids[29],
    ]);
    expect((await list({ priority: "5" })).tickets.every((t) => t.priority === 5)).toBe(true);
    const unattended = await list({ unattended: "1" });
    expect(unattended.tickets).toHaveLength(29); // nobody owns or the owner is away
    expect(unattended.tickets.filter((t) => t.isOwnerAway)).toHaveLength(5); // 0, 7, 14, 21, 28
    const owned = await list({ owner: "none" });
    expect(owned.tickets.every((t) => t.owner === null)).toBe(true);
  });
});
