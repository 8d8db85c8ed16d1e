import { beforeAll, describe, expect, it } from "vitest";
import { agentOfQueue, makeTicket, queueIds } from "../../tests/kit/queue-tickets";
import { readableTickets, scopeForAgent, type Scope } from "../access/scope";
import { unattendedTickets } from "../agents/out-of-office";
import { db, transaction } from "../db";
import { enqueue } from "../jobs/enqueue";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { seedDatabase } from "../setup/seed";
import { CLOSED_STATES } from "../tickets/states";
import { DASHBOARD_LIST_SIZE, getDashboard } from "./get-dashboard";
import { getQueueReport } from "./queue-report";
import { csvCell, toCsv } from "./to-csv";

const now = new Date("2026-06-15T12:00:00Z");
const at = (text: string) => new Date(`2026-06-${text}Z`);
let queues: Record<string, number>;
let agent: { id: number; role: "agent" | "admin" };
let scope: Scope;

beforeAll(async () => {
  await seedDatabase(); // TIME_ZONE is UTC in tests
  queues = await queueIds();
  agent = await agentOfQueue(queues.Web, "rw", "Dash");
  const away = await agentOfQueue(queues.Web, "rw", "Away");
  await db.agent.update({
    where: { id: away.id },
    data: { outOfOfficeFrom: at("14T00:00:00"), outOfOfficeTo: at("20T00:00:00") },
  });
  // Report data (Web: first response 60 min, solution 240 min; Misc: no SLA).
  await makeTicket(queues.Web, {
    createdAt: at("10T08:00:00"),
    firstResponseAt: at("10T08:30:00"),
    closedAt: at("10T10:00:00"),
    state: "closed_successful",
  });
  await makeTicket(queues.Web, {
    createdAt: at("10T09:00:00"),
    firstResponseAt: at("10T11:00:00"),
    closedAt: at("11T09:00:00"),
    state: "closed_unsuccessful",
  });
  await makeTicket(queues.Web, { createdAt: at("12T10:00:00"), state: "open", ownerId: agent.id });
  await makeTicket(queues.Web, { createdAt: at("15T11:30:00"), state: "new" });
  await makeTicket(queues.Misc, {
    createdAt: at("14T09:00:00"),
    closedAt: at("14T10:00:00"),
    state: "closed_successful",
  });
  await makeTicket(queues.Web, {
    createdAt: at("01T09:00:00"),
    state: "new",
    lockedById: agent.id,
  }); // before the period
  await db.queue.update({
    where: { id: queues.Web },
    data: { slaFirstResponseMinutes: 60, slaSolutionMinutes: 240 },
  });
  // Dashboard-only data in WLAN.
  const day13 = at("13T09:00:00");
  await makeTicket(queues.WLAN, {
    createdAt: day13,
    state: "pending_reminder",
    pendingUntil: at("15T10:00:00"),
  });
  await makeTicket(queues.WLAN, {
    createdAt: day13,
    state: "pending_reminder",
    pendingUntil: at("16T10:00:00"),
  });
  await makeTicket(queues.WLAN, {
    createdAt: day13,
    state: "open",
    escalationDueAt: at("15T11:00:00"),
  });
  await makeTicket(queues.WLAN, {
    createdAt: day13,
    state: "open",
    escalationDueAt: at("15T12:30:00"),
  });
  await makeTicket(queues.WLAN, {
    createdAt: day13,
    state: "open",
    escalationDueAt: at("15T14:00:00"),
  });
  await makeTicket(queues.WLAN, { createdAt: day13, state: "open", ownerId: away.id });
  scope = await scopeForAgent(agent);
  // The statistics job, on the test's clock.
  await transaction((tx) =>
    enqueue(tx, { type: "stats.refresh", payload: { full: true }, runAt: now }),
  );
  await createWorker({ handlers: jobHandlers, clock: () => now, log: () => {} }).drain();
});

describe("reports", () => {
  it("counts created, closed, medians and SLA per queue for a period", async () => {
    const rows = await getQueueReport({ scope, from: "2026-06-10", to: "2026-06-15", now });
    const web = rows.find((r) => r.queue === "Web")!;
    expect(web).toMatchObject({
      created: 4,
      closed: 2,
      medianFirstResponseMinutes: 75,
      medianSolutionMinutes: 780,
      firstResponseMet: 1,
      firstResponseBreached: 2, // one answered late, one unanswered past its target
      solutionMet: 1,
      solutionBreached: 1,
    });
    const misc = rows.find((r) => r.queue === "Misc")!;
    expect(misc).toMatchObject({
      created: 1,
      closed: 1,
      medianFirstResponseMinutes: null,
      medianSolutionMinutes: 60,
      firstResponseMet: 0,
      firstResponseBreached: 0,
    });
    const oneDay = await getQueueReport({ scope, from: "2026-06-11", to: "2026-06-11", now });
    expect(oneDay.find((r) => r.queue === "Web")).toMatchObject({ created: 0, closed: 1 });
  });

  it("keeps the report to the agent's queues", async () => {
    const wlanOnly = await db.queue.update({
      where: { id: queues.WLAN },
      data: { group: { create: { name: "wlan-only" } } },
    });
    const outsider = await scopeForAgent(await agentOfQueue(wlanOnly.id, "ro", "Outsider"));
    const rows = await getQueueReport({
      scope: outsider,
      from: "2026-06-01",
      to: "2026-06-15",
      now,
    });
    expect(rows.map((r) => r.queue)).toEqual(["WLAN"]);
    await db.queue.update({
      where: { id: queues.WLAN },
      data: { groupId: (await db.queue.findUniqueOrThrow({ where: { id: queues.Web } })).groupId },
    });
  });

  it("writes CSV that a spreadsheet does not run as formulas", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(["+1", "-2", "@sum", "\tx", "plain"].map(csvCell)).toEqual([
      "'+1",
      "'-2",
      "'@sum",
      "'\tx",
      "plain",
    ]);
    expect(csvCell(-3)).toBe("-3");
    expect(
      toCsv([
        ["a", "b,c"],
        [1, null],
      ]),
    ).toBe('a,"b,c"\r\n1,\r\n');
  });
});

describe("dashboard", () => {
  it("shows counts and lists of known data, and the chart from the statistics job", async () => {
    const dashboard = await getDashboard({ scope, agentId: agent.id, now });
    const web = dashboard.queues.find((q) => q.name === "Web")!;
    expect(web.openByState).toEqual({ open: 1, new: 2 });
    expect(web.openCount).toBe(3);
    expect(web.closedRecently).toBe(2);
    const wlan = dashboard.queues.find((q) => q.name === "WLAN")!;
    expect(wlan.openByState).toEqual({ pending_reminder: 2, open: 4 });
    expect(dashboard.mine.count).toBe(1);
    expect(dashboard.fresh.count).toBe(1); // the other new one is locked
    expect(dashboard.remindersDue.count).toBe(1);
    expect(dashboard.escalated.count).toBe(1);
    expect(dashboard.escalating.count).toBe(1);
    expect(dashboard.unattended.count).toBe(1);
    expect(dashboard.chart).toHaveLength(30);
    const day = (d: string) => dashboard.chart.find((p) => p.day === `2026-06-${d}`);
    expect(day("10")).toEqual({ day: "2026-06-10", created: 2, closed: 1 });
    expect(day("11")).toEqual({ day: "2026-06-11", created: 0, closed: 1 });
    expect(day("13")).toMatchObject({ created: 6 });
    expect(day("15")).toMatchObject({ created: 1 });
    // The job scheduled its next run.
    const next = await db.job.findFirst({ where: { type: "stats.refresh", status: "queued" } });
    expect(next?.runAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("lists mine and the new unlocked tickets in the order one ORDER BY gives", async () => {
    // More of the agent's tickets than a list shows, across every open state, with ties.
    const states = ["open", "new", "pending_reminder", "pending_auto_close"] as const;
    for (let i = 0; i < 14; i++)
      await makeTicket(i % 2 ? queues.Web : queues.Misc, {
        state: states[i % 4],
        ownerId: agent.id,
        updatedAt: at(`1${i % 7}T0${i % 3}:00:00`),
        createdAt: at(`0${(i % 5) + 1}T10:00:00`),
      });
    const dashboard = await getDashboard({ scope, agentId: agent.id, now });
    const open = { ...readableTickets(scope), state: { notIn: [...CLOSED_STATES] } };
    const first = async (where: object, orderBy: object) =>
      (
        await db.ticket.findMany({
          where: { AND: [open, where] },
          orderBy: [orderBy, { id: "asc" }],
          take: DASHBOARD_LIST_SIZE,
          select: { id: true },
        })
      ).map((t) => t.id);
    expect(dashboard.mine.tickets.map((t) => t.id)).toEqual(
      await first({ ownerId: agent.id }, { updatedAt: "desc" }),
    );
    expect(dashboard.mine.tickets).toHaveLength(DASHBOARD_LIST_SIZE);
    expect(dashboard.fresh.tickets.map((t) => t.id)).toEqual(
      await first({ state: "new", lockedById: null }, { createdAt: "asc" }),
    );
  });

  it("counts what counting the tickets one by one gives, for an agent and for an admin", async () => {
    // An inactive owner in the agent's queue and an absent one outside it.
    const gone = await agentOfQueue(queues.Web, "rw", "Gone");
    await db.agent.update({ where: { id: gone.id }, data: { active: false } });
    await makeTicket(queues.Web, { createdAt: at("14T08:00:00"), state: "open", ownerId: gone.id });
    await makeTicket(queues.Misc, { createdAt: at("14T09:00:00"), state: "new", ownerId: gone.id });
    const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
    for (const [who, agentId] of [
      [scope, agent.id],
      [await scopeForAgent(admin), admin.id],
    ] as const) {
      const dashboard = await getDashboard({ scope: who, agentId, now });
      const open = { ...readableTickets(who), state: { notIn: [...CLOSED_STATES] } };
      const count = (where: object) => db.ticket.count({ where: { AND: [open, where] } });
      const groups = await db.ticket.groupBy({
        by: ["queueId", "state"],
        where: open,
        _count: { _all: true },
      });
      for (const queue of dashboard.queues) {
        const expected = Object.fromEntries(
          groups.filter((g) => g.queueId === queue.id).map((g) => [g.state, g._count._all]),
        );
        expect(queue.openByState).toEqual(expected);
      }
      expect(dashboard.mine.count).toBe(await count({ ownerId: agentId }));
      expect(dashboard.fresh.count).toBe(await count({ state: "new", lockedById: null }));
      expect(dashboard.escalated.count).toBe(await count({ escalationDueAt: { lte: now } }));
      const unattended = await count({ AND: [{ ownerId: { not: null } }, unattendedTickets(now)] });
      expect(dashboard.unattended.count).toBe(unattended);
      expect(dashboard.unattended.tickets.map((t) => t.id)).toEqual(
        (
          await db.ticket.findMany({
            where: { AND: [open, { ownerId: { not: null } }, unattendedTickets(now)] },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
            select: { id: true },
          })
        ).map((t) => t.id),
      );
    }
    expect(
      (await getDashboard({ scope, agentId: agent.id, now })).unattended.count,
    ).toBeGreaterThanOrEqual(2);
  });
});
