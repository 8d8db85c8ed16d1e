// Defect (issue 8): a queue calendar without business hours passed validation and then made
// every ticket creation in that queue throw inside the transaction. Calendars stored before
// validation existed must never break intake: such tickets get no SLA, and it is logged.
import { systemScope } from "@/lib/access/system-scope";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { receiveInboundMail } from "../mail/inbound/receive-inbound-mail";
import { seedDatabase } from "../setup/seed";
import { addFollowUp } from "../tickets/add-follow-up";
import { createTicket } from "../tickets/create-ticket";
import { updateTicket } from "../tickets/update-ticket";

const sla = { slaFirstResponseMinutes: 60, slaUpdateMinutes: 120, slaSolutionMinutes: 600 };
const unusable = {
  "no business hours": { hours: {} },
  "an unknown time zone": { timeZone: "Nowhere/Land", hours: { "1": ["08:00", "17:00"] } },
  "closing before opening": { hours: { "1": ["17:00", "08:00"] } },
};

beforeAll(async () => {
  await seedDatabase();
  const group = await db.group.findFirstOrThrow();
  for (const [name, calendar] of Object.entries(unusable))
    await db.queue.create({ data: { name, groupId: group.id, calendar, ...sla } });
  await db.queue.create({
    data: {
      name: "weekdays",
      groupId: group.id,
      calendar: { timeZone: "Europe/Berlin", hours: { "1": ["08:00", "17:00"] } },
      ...sla,
    },
  });
});

afterEach(() => vi.restoreAllMocks());

async function ticketIn(queue: string) {
  const { id: queueId } = await db.queue.findUniqueOrThrow({ where: { name: queue } });
  return createTicket({
    scope: systemScope,
    customer: { email: "cal@example.org" },
    title: `In ${queue}`,
    queueId,
    actor: SYSTEM,
    article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
  });
}

const dueTimes = (id: number) =>
  db.ticket.findUniqueOrThrow({
    where: { id },
    select: { firstResponseDueAt: true, solutionDueAt: true, escalationDueAt: true, state: true },
  });

describe.each(Object.keys(unusable))("a queue calendar with %s", (queue) => {
  it("still takes new tickets, without SLA, and logs why", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const ticket = await ticketIn(queue);
    expect(await dueTimes(ticket.id)).toMatchObject({
      firstResponseDueAt: null,
      solutionDueAt: null,
      escalationDueAt: null,
    });
    expect(String(logged.mock.calls[0]?.[0])).toContain(`ticket ${ticket.number} gets no SLA`);
  });

  it("still takes follow-ups and agent changes", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const ticket = await ticketIn(queue);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "open" },
    });
    const result = await addFollowUp({
      scope: systemScope,
      ticketId: ticket.id,
      senderEmail: "cal@example.org",
      actor: { kind: "customer", customerId: ticket.customerId, email: "cal@example.org" },
      article: { channel: "email", direction: "in", visibleToCustomer: true, text: "more" },
    });
    expect(result.ticketId).toBe(ticket.id);
    expect(await dueTimes(ticket.id)).toMatchObject({ state: "open", escalationDueAt: null });
  });

  it("still takes inbound mail", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const raw = [
      "From: Mail Sender <mail@example.org>",
      "To: desk@example.org",
      `Subject: Mail into ${queue}`,
      `Message-ID: <${encodeURIComponent(queue)}@example.org>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hello",
    ].join("\r\n");
    const result = await receiveInboundMail({
      providerId: `calendar-${queue}`,
      raw: Buffer.from(raw),
      queueHint: queue,
    });
    expect(result.status).toBe("processed");
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.ticketNumber } });
    expect(ticket.escalationDueAt).toBeNull();
  });
});

describe("a valid queue calendar", () => {
  it("gives SLA due times in business hours", async () => {
    const error = vi.spyOn(console, "error");
    const ticket = await ticketIn("weekdays");
    const stored = await dueTimes(ticket.id);
    expect(stored.firstResponseDueAt).not.toBeNull();
    expect(stored.escalationDueAt).toEqual(stored.firstResponseDueAt);
    expect(error).not.toHaveBeenCalled();
  });
});
