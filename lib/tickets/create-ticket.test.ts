import { scopeWithAccess } from "../../tests/kit/scopes";
import { systemScope } from "../access/system-scope";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { getSettings } from "../settings/get-settings";
import { changeSettings } from "../../tests/kit/settings";
import { SYSTEM } from "../actor";
import type { UserFacingError } from "../errors";
import { createTicket } from "./create-ticket";
import { isValidTicketNumber } from "./ticket-number";
import { updateTicket } from "./update-ticket";
import { addArticle } from "./add-article";

async function queueId(name: string) {
  return (await db.queue.findUniqueOrThrow({ where: { name } })).id;
}

describe("createTicket", () => {
  it("creates customer, ticket, first article, history and event job in one go", async () => {
    await seedDatabase();
    const ticket = await createTicket({
      scope: systemScope,
      customer: { email: "  Alice@Example.ORG ", name: "Alice" },
      title: "Printer on fire",
      queueId: await queueId("Misc"),
      actor: SYSTEM,
      article: {
        channel: "web",
        direction: "in",
        visibleToCustomer: true,
        text: "It smokes.",
        attachments: [
          { filename: "a.txt", contentType: "text/plain", content: Buffer.from("hello") },
        ],
      },
    });
    expect(isValidTicketNumber(ticket.number)).toBe(true);
    expect(ticket.customer.email).toBe("alice@example.org");

    const stored = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      include: { articles: { include: { attachments: true } }, history: true },
    });
    expect(stored.state).toBe("new");
    expect(stored.articles).toHaveLength(1);
    expect(stored.articles[0].authorCustomerId).toBe(ticket.customerId);
    expect(stored.articles[0].attachments[0].sha256).toBe(
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    );
    expect(stored.history.map((h) => h.type)).toEqual(["created"]);
    const jobs = await db.job.findMany({ where: { type: "ticket.event" } });
    expect(jobs.map((j) => (j.payload as { ticketId: number }).ticketId)).toContain(ticket.id);
    const mails = await db.job.findMany({ where: { type: "mail.send" } });
    expect(mails.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({
        kind: "auto-response",
        to: "alice@example.org",
        ticketId: ticket.id,
      }),
    );
    expect(ticket.autoResponseQueued).toBe(true);

    // Same address in another case: same customer.
    const second = await createTicket({
      scope: systemScope,
      customer: { email: "ALICE@example.org" },
      title: "Again",
      queueId: await queueId("Misc"),
      actor: SYSTEM,
      article: { channel: "email", direction: "in", visibleToCustomer: true, text: "x" },
    });
    expect(second.customerId).toBe(ticket.customerId);
    expect(second.number).not.toBe(ticket.number);
  });

  it("rolls back everything when a part fails", async () => {
    const before = {
      tickets: await db.ticket.count(),
      jobs: await db.job.count(),
      history: await db.historyEntry.count(),
    };
    await expect(
      createTicket({
        scope: systemScope,
        customer: { email: "bob@example.org" },
        title: "Broken",
        queueId: 999_999,
        actor: SYSTEM,
        article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
      }),
    ).rejects.toThrow();
    expect({
      tickets: await db.ticket.count(),
      jobs: await db.job.count(),
      history: await db.historyEntry.count(),
    }).toEqual(before);
  });
});

describe("createTicket, several at once (group commit)", () => {
  const article = (text: string, attachments: string[] = []) => ({
    channel: "web" as const,
    direction: "in" as const,
    visibleToCustomer: true,
    text,
    attachments: attachments.map((name) => ({
      filename: name,
      contentType: "text/plain",
      content: Buffer.from(`content of ${name}`),
    })),
  });

  it("gives each ticket of a batch its own number, customer, article, attachments, history, SLA and jobs", async () => {
    await seedDatabase();
    const misc = await queueId("Misc");
    const wlan = await db.queue.update({
      where: { name: "WLAN" },
      data: { slaFirstResponseMinutes: 60, slaSolutionMinutes: 480 },
    });
    // Alone first: the SLA due time a ticket of that queue gets.
    const alone = await createTicket({
      scope: systemScope,
      customer: { email: "alone@example.org" },
      title: "Alone",
      queueId: wlan.id,
      actor: SYSTEM,
      article: article("alone"),
    });
    const inputs = Array.from({ length: 12 }, (_, i) => ({
      scope: systemScope,
      // Tickets 0, 4 and 8 come from one new address, written differently, named once.
      customer:
        i % 4 === 0
          ? {
              email: i === 4 ? "  SAME@example.org" : "same@example.org",
              name: i === 8 ? "Sam" : "",
            }
          : { email: `batch-${i}@example.org`, name: `Person ${i}` },
      title: `Batch ticket ${i}`,
      queueId: i % 3 === 0 ? wlan.id : misc,
      priority: (i % 5) + 1,
      actor: SYSTEM,
      article: article(`text ${i}`, i % 2 ? [`a${i}.txt`, `b${i}.txt`] : []),
    }));
    const created = await Promise.all(inputs.map((input) => createTicket(input)));

    expect(new Set(created.map((t) => t.number)).size).toBe(12);
    expect(created.every((t) => isValidTicketNumber(t.number))).toBe(true);
    const same = created.filter((_, i) => i % 4 === 0);
    expect(new Set(same.map((t) => t.customerId)).size).toBe(1);
    expect(same[0].customer.email).toBe("same@example.org");
    expect(
      (await db.customer.findUniqueOrThrow({ where: { email: "same@example.org" } })).name,
    ).toBe("Sam");
    for (const [i, ticket] of created.entries()) {
      const stored = await db.ticket.findUniqueOrThrow({
        where: { id: ticket.id },
        include: {
          customer: true,
          articles: { include: { attachments: { orderBy: { filename: "asc" } } } },
          history: true,
        },
      });
      expect(stored.title).toBe(`Batch ticket ${i}`);
      expect(stored.priority).toBe((i % 5) + 1);
      expect(stored.queueId).toBe(i % 3 === 0 ? wlan.id : misc);
      if (i % 4) expect(stored.customer.email).toBe(`batch-${i}@example.org`);
      expect(stored.articles.map((a) => [a.text, a.authorCustomerId])).toEqual([
        [`text ${i}`, stored.customerId],
      ]);
      expect(stored.articles[0].attachments.map((a) => a.filename)).toEqual(
        i % 2 ? [`a${i}.txt`, `b${i}.txt`] : [],
      );
      expect(stored.articles[0].attachments.map((a) => a.size)).toEqual(
        i % 2 ? [`content of a${i}.txt`.length, `content of b${i}.txt`.length] : [],
      );
      expect(stored.history.map((h) => [h.type, h.newValue])).toEqual([
        ["created", `${i % 3 === 0 ? "WLAN" : "Misc"}; web`],
      ]);
      // The answer is the row as stored, SLA due times included.
      expect(ticket.article.id).toBe(stored.articles[0].id);
      expect(ticket.firstResponseDueAt).toEqual(stored.firstResponseDueAt);
      if (i % 3 === 0)
        expect(stored.firstResponseDueAt!.getTime() - stored.createdAt.getTime()).toBe(
          alone.firstResponseDueAt!.getTime() - alone.createdAt.getTime(),
        );
      else expect(stored.firstResponseDueAt).toBeNull();
    }
    const jobs = await db.job.findMany({ where: { type: { in: ["ticket.event", "mail.send"] } } });
    for (const ticket of created) {
      const mine = jobs.filter((j) => (j.payload as { ticketId?: number }).ticketId === ticket.id);
      expect(mine.map((j) => j.type).sort()).toEqual(["mail.send", "ticket.event"]);
      expect(ticket.autoResponseQueued).toBe(true);
    }
    const escalations = await db.job.findMany({ where: { type: "ticket.escalation" } });
    expect(escalations.map((j) => (j.payload as { ticketId: number }).ticketId).sort()).toEqual(
      [alone, ...created.filter((_, i) => i % 3 === 0)].map((t) => t.id).sort(),
    );
  });

  it("uses a customer record it is given as it is, beside addresses in the same batch", async () => {
    await seedDatabase();
    const misc = await queueId("Misc");
    const known = await db.customer.create({
      data: { email: "known@example.org", name: "Known", locale: "de" },
    });
    const base = { scope: systemScope, queueId: misc, actor: SYSTEM, article: article("x") };
    const created = await Promise.all([
      createTicket({ ...base, customer: { email: "New1@Example.org", name: "N1" }, title: "a" }),
      createTicket({ ...base, customer: known, title: "b" }),
      createTicket({ ...base, customer: { email: "new2@example.org" }, title: "c" }),
      createTicket({ ...base, customer: known, title: "d" }),
      createTicket({ ...base, customer: { email: "known@example.org" }, title: "e" }),
    ]);
    expect(created.map((t) => t.customer.email)).toEqual([
      "new1@example.org",
      "known@example.org",
      "new2@example.org",
      "known@example.org",
      "known@example.org",
    ]);
    const stored = await db.ticket.findMany({
      where: { id: { in: created.map((t) => t.id) } },
      select: { title: true, customerId: true, articles: { select: { authorCustomerId: true } } },
      orderBy: { title: "asc" },
    });
    const ids = created.map((t) => t.customer.id);
    expect(stored.map((t) => t.customerId)).toEqual(ids);
    expect(stored.map((t) => t.articles[0].authorCustomerId)).toEqual(ids);
    expect(new Set([ids[1], ids[3], ids[4]])).toEqual(new Set([known.id]));
    // The record's language reaches its confirmation.
    const confirmations = await db.job.findMany({ where: { type: "mail.send" } });
    const localeOf = (ticketId: number) =>
      confirmations
        .map((job) => job.payload as { ticketId: number; locale?: string })
        .find((payload) => payload.ticketId === ticketId)?.locale;
    expect(localeOf(created[1].id)).toBe("de");
  });

  it("fails a creation of a batch alone and leaves nothing of it", async () => {
    await seedDatabase();
    const misc = await queueId("Misc");
    const reader = await scopeWithAccess({ Misc: "ro" });
    const base = { scope: systemScope, queueId: misc, actor: SYSTEM, article: article("x") };
    const outcomes = await Promise.allSettled([
      createTicket({ ...base, customer: { email: "ok1@example.org" }, title: "Fine 1" }),
      createTicket({
        ...base,
        customer: { email: "bad1@example.org" },
        title: "Bad 1",
        queueId: 999_999,
      }),
      createTicket({ ...base, customer: { email: "ok2@example.org" }, title: "Fine 2" }),
      // A reader may not write the queue: refused as an unknown queue.
      createTicket({
        ...base,
        customer: { email: "bad2@example.org" },
        title: "Bad 2",
        scope: reader,
      }),
      createTicket({
        ...base,
        customer: { email: "bad3@example.org" },
        title: "Bad 3",
        onCreated: async () => {
          throw new Error("onCreated broke");
        },
      }),
      createTicket({ ...base, customer: { email: "ok3@example.org" }, title: "Fine 3" }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "rejected",
      "rejected",
      "fulfilled",
    ]);
    const reasons = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(reasons.map((r) => (r as UserFacingError).key ?? (r as Error).message)).toEqual([
      "unknownQueue",
      "unknownQueue",
      "onCreated broke",
    ]);
    const titles = (await db.ticket.findMany({ select: { title: true } })).map((t) => t.title);
    expect(titles.filter((t) => /^(Fine|Bad)/.test(t)).sort()).toEqual([
      "Fine 1",
      "Fine 2",
      "Fine 3",
    ]);
  });

  it("counts a batch's auto-responses against the daily cap in order", async () => {
    await seedDatabase();
    const misc = await queueId("Misc");
    const { autoMailDailyCap } = await getSettings();
    await changeSettings({ autoMailDailyCap: 2 });
    try {
      const results = await Promise.all(
        ["loop@example.org", "LOOP@example.org", "other@example.org", "loop@example.org"].map(
          (email) => createTicketIn(misc, email),
        ),
      );
      expect(results.map((r) => r.autoResponseQueued)).toEqual([true, true, true, false]);
      // The cap holds across batches: the next one from that address gets none either.
      expect((await createTicketIn(misc, "loop@example.org")).autoResponseQueued).toBe(false);
      // Each creation counts in the day of its own time (a replayed mail of another day).
      const days = ["2031-05-01T12:00:00Z", "2031-05-02T12:00:00Z", "2031-05-02T13:00:00Z"];
      await changeSettings({ autoMailDailyCap: 1 });
      const dated = await Promise.all(
        days.map((day) => createTicketIn(misc, "replay@example.org", new Date(day))),
      );
      expect(dated.map((r) => r.autoResponseQueued)).toEqual([true, true, false]);
    } finally {
      await changeSettings({ autoMailDailyCap });
    }
  });
});

describe("updateTicket and addArticle", () => {
  it("records one history entry per change and keeps the pending timer in step", async () => {
    await seedDatabase();
    const ticket = await createTicket({
      scope: systemScope,
      customer: { email: "carol@example.org" },
      title: "VPN",
      queueId: await queueId("Misc"),
      actor: SYSTEM,
      article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
    });
    const until = new Date(Date.now() + 3_600_000);
    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: {
        state: "pending_reminder",
        pendingUntil: until,
        priority: 4,
        queueId: await queueId("VoIP"),
      },
    });
    const timer = await db.job.findUniqueOrThrow({
      where: { dedupeKey: `ticket:${ticket.id}:pending` },
    });
    expect(timer.runAt.getTime()).toBe(until.getTime());

    await updateTicket({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      changes: { state: "closed_successful" },
    });
    expect(await db.job.count({ where: { dedupeKey: `ticket:${ticket.id}:pending` } })).toBe(0);

    const history = await db.historyEntry.findMany({
      where: { ticketId: ticket.id },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => h.type)).toEqual([
      "created",
      "state",
      "priority",
      "queue",
      "pending_time",
      "state",
      "pending_time",
    ]);
    const closed = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.pendingUntil).toBeNull();

    await expect(
      updateTicket({
        scope: systemScope,
        ticketId: ticket.id,
        actor: SYSTEM,
        changes: { state: "pending_auto_close" },
      }),
    ).rejects.toThrow(/pending time/);

    const admin = await db.agent.findFirstOrThrow();
    await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: { kind: "agent", agentId: admin.id },
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        text: "answer",
        authorAgentId: admin.id,
      },
    });
    const answered = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(answered.firstResponseAt).not.toBeNull();
    const reply = await db.job.findMany({ where: { type: "mail.send" } });
    expect(reply.map((j) => j.payload)).toContainEqual(
      expect.objectContaining({
        kind: "agent-reply",
        to: "carol@example.org",
        ticketId: ticket.id,
      }),
    );
  });

  it("refuses writes outside the caller's queues", async () => {
    await seedDatabase();
    const ticket = await createTicket({
      scope: systemScope,
      customer: { email: "dave@example.org" },
      title: "Scoped",
      queueId: await queueId("Web"),
      actor: SYSTEM,
      article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
    });
    await expect(
      updateTicket({
        scope: await scopeWithAccess({ WLAN: "rw", Web: "ro" }),
        ticketId: ticket.id,
        actor: SYSTEM,
        changes: { priority: 5 },
      }),
    ).rejects.toThrow(/not found/i);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).priority).toBe(3);
  });
});

describe("auto-responses", () => {
  it("stop at the per-address daily cap and never go to a bouncing address", async () => {
    await seedDatabase();
    const misc = await queueId("Misc");
    const { autoMailDailyCap } = await getSettings();
    await changeSettings({ autoMailDailyCap: 2 });
    try {
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await createTicketIn(misc, "chatty@example.org"));
      expect(results.map((r) => r.autoResponseQueued)).toEqual([true, true, false]);
      // Another address has its own allowance.
      expect((await createTicketIn(misc, "quiet@example.org")).autoResponseQueued).toBe(true);
    } finally {
      await changeSettings({ autoMailDailyCap });
    }

    await db.customer.upsert({
      where: { email: "bounced@example.org" },
      create: { email: "bounced@example.org", bouncingAt: new Date() },
      update: { bouncingAt: new Date() },
    });
    expect((await createTicketIn(misc, "bounced@example.org")).autoResponseQueued).toBe(false);
    const jobs = await db.job.findMany({ where: { type: "mail.send" } });
    expect(jobs.filter((j) => JSON.stringify(j.payload).includes("bounced@example.org"))).toEqual(
      [],
    );
  });
});

function createTicketIn(queue: number, email: string, now?: Date) {
  return createTicket({
    scope: systemScope,
    customer: { email },
    title: "Loop?",
    queueId: queue,
    actor: SYSTEM,
    now,
    article: { channel: "email", direction: "in", visibleToCustomer: true, text: "x" },
  });
}
