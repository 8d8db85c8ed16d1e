// Ticket.version grows with every change an agent would want to know about and stays put
// for timers and bookkeeping (issue 8).
import { systemScope } from "@/lib/access/system-scope";
import { beforeAll, describe, expect, it } from "vitest";
import { agentActor, SYSTEM } from "../actor";
import { db, transaction } from "../db";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { seedDatabase } from "../setup/seed";
import { refreshEscalation } from "../sla/refresh-escalation";
import { addArticle } from "./add-article";
import { addFollowUp } from "./add-follow-up";
import { createTicket } from "./create-ticket";
import { linkTickets } from "./link-tickets";
import { updateTicket, type TicketChanges } from "./update-ticket";

let queueId: number;
let otherQueueId: number;
let agentId: number;

beforeAll(async () => {
  await seedDatabase();
  queueId = (await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } })).id;
  otherQueueId = (await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } })).id;
  agentId = (await db.agent.findFirstOrThrow()).id;
  // SLA targets, so that escalation times and timers exist.
  await db.queue.update({
    where: { id: queueId },
    data: { slaFirstResponseMinutes: 60, slaSolutionMinutes: 600 },
  });
});

const version = async (id: number) =>
  (await db.ticket.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

const worker = (at: Date, types: string[]) =>
  createWorker({ handlers: jobHandlers, clock: () => at, types, log: () => {} });

async function newTicket() {
  await db.job.deleteMany();
  const ticket = await createTicket({
    scope: systemScope,
    customer: { email: "version@example.org" },
    title: "Version",
    queueId,
    actor: SYSTEM,
    article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
  });
  return ticket;
}

describe("ticket version", () => {
  it("grows once per agent change: state, owner, responsible, queue, priority, title, lock", async () => {
    const ticket = await newTicket();
    const changes: TicketChanges[] = [
      { state: "open" },
      { ownerId: agentId },
      { responsibleId: agentId },
      { queueId: otherQueueId },
      { priority: 5 },
      { title: "Version, renamed" },
      { lockedById: agentId },
      { lockedById: null },
      { state: "closed_successful", priority: 1 }, // two fields, one write
    ];
    let expected = await version(ticket.id);
    for (const change of changes) {
      await updateTicket({
        scope: systemScope,
        ticketId: ticket.id,
        actor: agentActor(agentId),
        changes: change,
      });
      expected += 1;
      expect(await version(ticket.id), JSON.stringify(change)).toBe(expected);
    }
    // The same values again change nothing, so the version stays.
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { priority: 1 },
    });
    expect(await version(ticket.id)).toBe(expected);
  });

  it("records lock time and title with their history", async () => {
    const ticket = await newTicket();
    const now = new Date("2026-11-30T09:00:00Z");
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(agentId),
      changes: { lockedById: agentId, title: "  New\ntitle " },
      now,
    });
    const locked = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      include: { history: { orderBy: { id: "asc" } } },
    });
    expect(locked).toMatchObject({ lockedById: agentId, lockedAt: now, title: "New title" });
    expect(locked.history.map((h) => h.type)).toEqual(["created", "title", "lock"]);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { lockedById: null },
    });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      lockedById: null,
      lockedAt: null,
    });
  });

  it("grows with a new article: an agent's note, a customer follow-up, the auto-response", async () => {
    const ticket = await newTicket();
    let expected = await version(ticket.id);
    await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(agentId),
      article: { channel: "note", direction: "internal", visibleToCustomer: false, text: "n" },
    });
    expect(await version(ticket.id)).toBe((expected += 1));
    await addFollowUp({
      scope: systemScope,
      ticketId: ticket.id,
      senderEmail: "version@example.org",
      actor: { kind: "customer", customerId: ticket.customerId, email: "version@example.org" },
      article: { channel: "email", direction: "in", visibleToCustomer: true, text: "more" },
    });
    expect(await version(ticket.id)).toBeGreaterThan(expected);
    expected = await version(ticket.id);
    // The queued auto-response, sent to the outbox, is an article on the ticket.
    expect(await worker(new Date(), ["mail.send"]).drain()).toBeGreaterThan(0);
    expect(await version(ticket.id)).toBe(expected + 1);
  });

  it("grows on both tickets when they are linked", async () => {
    const [a, b] = [await newTicket(), await newTicket()];
    const [va, vb] = [await version(a.id), await version(b.id)];
    await transaction((tx) =>
      linkTickets(tx, {
        scope: systemScope,
        type: "normal",
        sourceId: a.id,
        targetId: b.id,
        actor: SYSTEM,
      }),
    );
    expect([await version(a.id), await version(b.id)]).toEqual([va + 1, vb + 1]);
  });

  it("stays for timers and bookkeeping: SLA refresh, escalation, reminders, notifications", async () => {
    const ticket = await newTicket();
    const due = new Date(Date.now() + 86_400_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "pending_reminder", pendingUntil: due },
    });
    const before = await version(ticket.id);
    await transaction((tx) => refreshEscalation(tx, ticket.id));
    // Agent notifications for the events so far.
    expect(await worker(new Date(), ["ticket.event"]).drain()).toBeGreaterThan(0);
    // The escalation (solution due in 600 min) and the reminder a day later.
    const later = new Date(due.getTime() + 60_000);
    expect(await worker(later, ["ticket.escalation", "ticket.pending-due"]).drain()).toBe(2);
    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.escalationNotifiedAt).not.toBeNull();
    expect(await db.historyEntry.count({ where: { ticketId: ticket.id, type: "reminder" } })).toBe(
      1,
    );
    expect(after.version).toBe(before);
  });

  it("grows when a pending auto-close ticket is closed by its timer", async () => {
    const ticket = await newTicket();
    const due = new Date(Date.now() + 86_400_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "pending_auto_close", pendingUntil: due },
    });
    const before = await version(ticket.id);
    await worker(new Date(due.getTime() + 1000), ["ticket.pending-due"]).drain();
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      state: "closed_successful",
      version: before + 1,
    });
  });
});
