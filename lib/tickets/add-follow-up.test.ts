import { systemScope } from "../access/system-scope";
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { addFollowUp } from "./add-follow-up";
import { createTicket } from "./create-ticket";
import { updateTicket } from "./update-ticket";

let queueId: number;
const customer = { kind: "customer" as const, customerId: 0, email: "fu@example.org" };
const followUp = (ticketId: number, senderEmail = "fu@example.org", now?: Date) =>
  addFollowUp({
    scope: systemScope,
    ticketId,
    senderEmail,
    actor: customer,
    now,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      text: `from ${senderEmail}`,
    },
  });

beforeAll(async () => {
  await seedDatabase();
  queueId = (await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } })).id;
});

async function ticketIn(
  state: "pending_reminder" | "closed_successful" | "open",
  closedDaysAgo = 0,
) {
  const t = await createTicket({
    scope: systemScope,
    customer: { email: "FU@example.org" },
    title: "Phone broken",
    queueId,
    actor: SYSTEM,
    article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
  });
  const pendingUntil = state === "pending_reminder" ? new Date(Date.now() + 86_400_000) : undefined;
  await updateTicket({
    scope: systemScope,
    ticketId: t.id,
    actor: SYSTEM,
    changes: { state, pendingUntil },
  });
  if (closedDaysAgo) {
    await db.ticket.update({
      where: { id: t.id },
      data: { closedAt: new Date(Date.now() - closedDaysAgo * 86_400_000) },
    });
  }
  return t;
}

describe("addFollowUp", () => {
  it("reopens a pending ticket and drops its timer", async () => {
    const t = await ticketIn("pending_reminder");
    const result = await followUp(t.id);
    expect(result).toMatchObject({
      ticketId: t.id,
      reopened: true,
      newTicket: false,
      isForeignSender: false,
    });
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(stored).toMatchObject({ state: "open", pendingUntil: null });
    expect(await db.job.count({ where: { dedupeKey: `ticket:${t.id}:pending` } })).toBe(0);
  });

  it("reopens a closed ticket inside the queue's window, starts a linked ticket past it", async () => {
    const recent = await ticketIn("closed_successful", 2);
    expect(await followUp(recent.id)).toMatchObject({ ticketId: recent.id, reopened: true });

    const old = await ticketIn("closed_successful", 45);
    const result = await followUp(old.id);
    expect(result.newTicket).toBe(true);
    expect(result.ticketId).not.toBe(old.id);
    const created = await db.ticket.findUniqueOrThrow({ where: { id: result.ticketId } });
    const pointer = await db.historyEntry.findFirst({ where: { ticketId: old.id, type: "link" } });
    expect(pointer?.newValue).toBe(`follow_up ${created.number}`);
    expect(await db.ticketLink.findMany({ where: { targetId: created.id } })).toEqual([
      expect.objectContaining({ type: "follow_up", sourceId: old.id }),
    ]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: old.id } })).state).toBe(
      "closed_successful",
    );
  });

  it("keeps a stranger's mail, marked and hidden from the customer, without reopening", async () => {
    const t = await ticketIn("pending_reminder");
    const result = await followUp(t.id, "someone-else@example.org");
    expect(result).toMatchObject({ ticketId: t.id, reopened: false, isForeignSender: true });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article).toMatchObject({
      isForeignSender: true,
      visibleToCustomer: false,
      authorCustomerId: null,
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).state).toBe(
      "pending_reminder",
    );
    const event = await db.job.findFirst({
      where: { type: "ticket.event" },
      orderBy: { id: "desc" },
    });
    expect(event?.payload).toMatchObject({ event: "follow_up", isForeignSender: true });
  });

  it("keeps an auto-reply on the ticket without reopening it or starting a new one", async () => {
    const pending = await ticketIn("pending_reminder");
    const auto = (ticketId: number) =>
      addFollowUp({
        scope: systemScope,
        ticketId,
        senderEmail: "fu@example.org",
        actor: customer,
        allowAutoResponse: false,
        article: {
          channel: "email",
          direction: "in",
          visibleToCustomer: true,
          isAutomatic: true,
          text: "I am away",
        },
      });
    expect(await auto(pending.id)).toMatchObject({
      ticketId: pending.id,
      reopened: false,
      newTicket: false,
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe(
      "pending_reminder",
    );

    const old = await ticketIn("closed_successful", 45);
    expect(await auto(old.id)).toMatchObject({
      ticketId: old.id,
      reopened: false,
      newTicket: false,
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: old.id } })).state).toBe(
      "closed_successful",
    );
  });

  it("follows a merged ticket to the one it was merged into", async () => {
    const target = await ticketIn("open");
    const merged = await ticketIn("open");
    await db.ticket.update({
      where: { id: merged.id },
      data: { state: "merged", mergedIntoId: target.id },
    });
    expect((await followUp(merged.id)).ticketId).toBe(target.id);
  });
});
