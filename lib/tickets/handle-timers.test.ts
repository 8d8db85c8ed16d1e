// Pending reminder, auto-close and SLA escalation fire at the right time —
// proven with an injected clock, not sleeps.
import { systemScope } from "../access/system-scope";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "./create-ticket";
import { updateTicket } from "./update-ticket";

let queueId: number;
let adminId: number;

beforeAll(async () => {
  await seedDatabase();
  queueId = (await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } })).id;
  adminId = (await db.agent.findFirstOrThrow()).id;
});

beforeEach(async () => {
  await db.job.deleteMany();
  await db.notification.deleteMany();
});

const workerAt = (at: Date) =>
  createWorker({ handlers: jobHandlers, clock: () => at, log: () => {} });

async function newTicket(now = new Date()) {
  return createTicket({
    scope: systemScope,
    customer: { email: "timer@example.org" },
    title: "Timer",
    queueId,
    actor: SYSTEM,
    now,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });
}

describe("pending timers", () => {
  it("closes a pending auto-close ticket at its time, not before", async () => {
    const ticket = await newTicket();
    const due = new Date(Date.now() + 3 * 86_400_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "pending_auto_close", pendingUntil: due },
    });

    await workerAt(new Date(due.getTime() - 60_000)).drain();
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).state).toBe(
      "pending_auto_close",
    );

    await workerAt(new Date(due.getTime() + 1000)).drain();
    const closed = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      include: { history: true },
    });
    expect(closed.state).toBe("closed_successful");
    expect(closed.closedAt?.getTime()).toBe(due.getTime() + 1000);
    expect(closed.history.map((h) => h.type)).toContain("auto_close");
    expect(closed.history.find((h) => h.type === "auto_close")?.actor).toBe("system");
  });

  it("notifies the owner when a reminder is reached, once, and not after a reschedule", async () => {
    const ticket = await newTicket();
    const first = new Date(Date.now() + 3_600_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { ownerId: adminId, state: "pending_reminder", pendingUntil: first },
    });
    await db.notification.deleteMany(); // the assignment's own notification is not what we count
    await db.job.deleteMany({ where: { type: { not: "ticket.pending-due" } } });

    // Rescheduled to later before the first time: nothing fires at the first time.
    const later = new Date(first.getTime() + 86_400_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { pendingUntil: later },
    });
    await workerAt(new Date(first.getTime() + 1000)).drain();
    expect(await db.notification.count({ where: { type: "pending_reminder" } })).toBe(0);

    await workerAt(new Date(later.getTime() + 1000)).drain();
    const notes = await db.notification.findMany({ where: { type: "pending_reminder" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ agentId: adminId, ticketId: ticket.id });
    const mails = await db.job.findMany({ where: { type: "mail.send" } });
    expect(mails.map((m) => m.payload)).toContainEqual(
      expect.objectContaining({
        kind: "notification",
        data: expect.objectContaining({ event: "pending_reminder" }),
      }),
    );
    await workerAt(new Date(later.getTime() + 5000)).drain();
    expect(await db.notification.count({ where: { type: "pending_reminder" } })).toBe(1);
  });
});

describe("SLA escalation", () => {
  it("computes due times from the queue's SLA and notifies once when the first response is late", async () => {
    await db.queue.update({
      where: { id: queueId },
      data: { slaFirstResponseMinutes: 60, slaSolutionMinutes: 480 },
    });
    const created = new Date();
    const ticket = await newTicket(created);
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored.firstResponseDueAt?.getTime()).toBe(created.getTime() + 3_600_000);
    expect(stored.solutionDueAt?.getTime()).toBe(created.getTime() + 8 * 3_600_000);
    expect(stored.escalationDueAt?.getTime()).toBe(created.getTime() + 3_600_000);

    await workerAt(new Date(created.getTime() + 59 * 60_000)).drain();
    expect(await db.notification.count({ where: { type: "escalation" } })).toBe(0);
    await workerAt(new Date(created.getTime() + 61 * 60_000)).drain();
    const first = await db.notification.count({ where: { type: "escalation" } });
    expect(first).toBeGreaterThan(0);
    await workerAt(new Date(created.getTime() + 62 * 60_000)).drain();
    expect(await db.notification.count({ where: { type: "escalation" } })).toBe(first);
    expect(
      (await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).escalationNotifiedAt,
    ).not.toBeNull();

    // Closing clears every due time.
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "closed_successful" },
    });
    const closed = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect([closed.firstResponseDueAt, closed.solutionDueAt, closed.escalationDueAt]).toEqual([
      null,
      null,
      null,
    ]);
    await db.queue.update({
      where: { id: queueId },
      data: { slaFirstResponseMinutes: null, slaSolutionMinutes: null },
    });
  });
});
