// Merging tickets (issue 15): copies in time order, the chain A→B→C, follow-ups to the old
// number by tag, Message-ID and portal, and two customers who never read each other's words.
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { agentActor, SYSTEM } from "@/lib/actor";
import { db } from "@/lib/db";
import { processInboundMessage } from "@/lib/mail/inbound/process-inbound-message";
import { storeInboundMessage } from "@/lib/mail/inbound/store-inbound-message";
import { addCustomerFollowUp } from "@/lib/portal/add-customer-follow-up";
import { getCustomerAttachment } from "@/lib/portal/get-customer-attachment";
import { getCustomerTicket } from "@/lib/portal/get-customer-ticket";
import { seedDatabase } from "@/lib/setup/seed";
import { buildMail, newMessageId } from "@/tests/kit/mail";
import { freshIp, signInCustomer } from "@/tests/kit/portal";
import { scopeWithAccess } from "@/tests/kit/scopes";
import { addArticle } from "./add-article";
import { createTicket } from "./create-ticket";
import { mergeTickets } from "./merge-tickets";

let adminId: number;

beforeAll(async () => {
  await seedDatabase();
  adminId = (await db.agent.findFirstOrThrow()).id;
});

/** A ticket started by a customer's mail (so it has a Message-ID and a tag), via the inbound path. */
async function mailTicket(from: string, text: string, messageId = newMessageId()) {
  const raw = buildMail({ from, subject: `Request of ${from}`, text, messageId });
  const result = await processInboundMessage(
    (await storeInboundMessage({ provider: "mime", raw })).id,
  );
  const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.ticketNumber! } });
  return { ...ticket, messageId };
}

const merge = (sourceId: number, targetNumber: string) =>
  mergeTickets({ sourceId, targetNumber, scope: systemScope, actor: agentActor(adminId) });

async function deliver(mail: Parameters<typeof buildMail>[0]) {
  const stored = await storeInboundMessage({ provider: "mime", raw: buildMail(mail) });
  return processInboundMessage(stored.id);
}

const texts = async (ticketId: number) =>
  (
    await db.article.findMany({
      where: { ticketId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    })
  ).map((a) => a.text.trim());

describe("mergeTickets", () => {
  it("copies the articles and attachments onto the target in time order and closes the source as merged", async () => {
    const queueId = (await db.queue.findFirstOrThrow()).id;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));
    const open = (title: string, text: string, minute: number) =>
      createTicket({
        scope: systemScope,
        customer: { email: "mona@example.org" },
        title,
        queueId,
        actor: SYSTEM,
        now: at(minute),
        article: {
          channel: "phone",
          direction: "in",
          visibleToCustomer: true,
          text,
          createdAt: at(minute),
          attachments:
            minute === 1
              ? [{ filename: "log.txt", contentType: "text/plain", content: Buffer.from("LOG") }]
              : [],
        },
      });
    const source = await open("Mail quota", "first (source)", 1);
    const target = await open("Mail quota again", "second (target)", 2);
    await addArticle({
      scope: systemScope,
      ticketId: source.id,
      actor: agentActor(adminId),
      now: at(3),
      article: {
        channel: "note",
        direction: "internal",
        visibleToCustomer: false,
        text: "third (note on source)",
        createdAt: at(3),
      },
    });

    const plan = await merge(source.id, target.number);

    expect(plan.isSameCustomer).toBe(true);
    expect(await texts(target.id)).toEqual([
      "first (source)",
      "second (target)",
      "third (note on source)",
    ]);
    const copies = await db.article.findMany({
      where: { ticketId: target.id, copiedFromId: { not: null } },
      include: { attachments: true },
      orderBy: { createdAt: "asc" },
    });
    expect(copies).toHaveLength(2);
    expect(
      copies[0].attachments.map((a) => [a.filename, Buffer.from(a.content!).toString()]),
    ).toEqual([["log.txt", "LOG"]]);
    expect(copies[1].visibleToCustomer).toBe(false); // the note stays internal
    // The source keeps its own record, closed as merged and pointing at the target.
    expect(await texts(source.id)).toEqual(["first (source)", "third (note on source)"]);
    const merged = await db.ticket.findUniqueOrThrow({ where: { id: source.id } });
    expect(merged).toMatchObject({ state: "merged", mergedIntoId: target.id });
    expect(merged.closedAt).not.toBeNull();
    const history = await db.historyEntry.findMany({
      where: { type: "merge", ticketId: { in: [source.id, target.id] } },
      orderBy: { ticketId: "asc" },
    });
    expect(history.map((h) => h.newValue)).toEqual([
      `into ${target.number}`,
      `from ${source.number}`,
    ]);
  });

  it("refuses a self-merge, a second merge and a target outside the agent's queues", async () => {
    const a = await mailTicket("olga@example.org", "A");
    const b = await mailTicket("olga@example.org", "B");
    await expect(merge(a.id, a.number)).rejects.toMatchObject({ key: "mergeIntoItself" });
    await expect(merge(a.id, "2026010110999999")).rejects.toMatchObject({ key: "notFound" });
    const queue = await db.queue.findUniqueOrThrow({ where: { id: a.queueId } });
    const other = await db.queue.findFirstOrThrow({ where: { id: { not: queue.id } } });
    await db.ticket.update({ where: { id: b.id }, data: { queueId: other.id } });
    const narrow = await scopeWithAccess({ [queue.name]: "rw" });
    await expect(
      mergeTickets({ sourceId: a.id, targetNumber: b.number, scope: narrow, actor: SYSTEM }),
    ).rejects.toMatchObject({ key: "notFound" });
    await merge(a.id, b.number);
    await expect(merge(a.id, b.number)).rejects.toMatchObject({ key: "alreadyMerged" });
    expect(await db.article.count({ where: { ticketId: b.id } })).toBe(2);
  });

  it("follows a chain A→B→C: a mail with A's tag, a reply to A's thread and a portal follow-up to A land on C", async () => {
    const customer = "paul@example.org";
    const a = await mailTicket(customer, "A's request");
    const b = await mailTicket(customer, "B's request");
    const c = await mailTicket(customer, "C's request");
    await merge(a.id, b.number);
    await merge(b.id, c.number);
    expect(await texts(c.id)).toEqual(["A's request", "B's request", "C's request"]);

    const tagged = await deliver({
      from: customer,
      subject: `Re: [Ticket#${a.number}] Request`,
      text: "By tag",
    });
    expect(tagged).toMatchObject({ status: "processed", ticketNumber: c.number });
    const threaded = await deliver({
      from: customer,
      subject: "Re: my request",
      inReplyTo: a.messageId,
      references: a.messageId,
      text: "By Message-ID",
    });
    expect(threaded).toMatchObject({ status: "processed", ticketNumber: c.number });
    const session = await signInCustomer(customer);
    const portal = await addCustomerFollowUp({
      session,
      number: a.number,
      ip: freshIp(),
      input: { body: "By portal", attachments: [] },
    });
    expect(portal).toEqual({ number: c.number, isNewTicket: false });
    expect((await texts(c.id)).slice(-3)).toEqual(["By tag", "By Message-ID", "By portal"]);
    expect(await texts(a.id)).toEqual(["A's request"]);
    // Merged into B, then B into C: each points one step on.
    expect((await db.ticket.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBe(b.id);
    // C's customer (the same) reads everything on C.
    const view = await getCustomerTicket({ session, number: c.number, locale: "en" });
    expect(view!.articles.map((x) => x.text.trim())).toContain("A's request");
  });

  it("never shows one customer's words to the other when their tickets are merged", async () => {
    const rita = await mailTicket("rita@example.org", "RITA-PRIVATE: my password is on a sticker");
    await addArticle({
      scope: systemScope,
      ticketId: rita.id,
      actor: agentActor(adminId),
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        text: "RITA-REPLY: we reset it",
        authorAgentId: adminId,
        attachments: [
          { filename: "rita.txt", contentType: "text/plain", content: Buffer.from("RITA-FILE") },
        ],
      },
    });
    const sam = await mailTicket("sam@example.org", "SAM-PRIVATE: same outage here");

    const plan = await merge(rita.id, sam.number);

    expect(plan.isSameCustomer).toBe(false);
    // Agents read everything on the target …
    expect(await texts(sam.id)).toEqual(
      expect.arrayContaining([
        "RITA-PRIVATE: my password is on a sticker",
        "SAM-PRIVATE: same outage here",
      ]),
    );
    // … Sam's page has none of Rita's words or files …
    const samSession = await signInCustomer("sam@example.org");
    const samView = await getCustomerTicket({
      session: samSession,
      number: sam.number,
      locale: "en",
    });
    expect(JSON.stringify(samView)).not.toMatch(/RITA/);
    expect(samView!.articles.map((x) => x.text.trim())).toEqual(["SAM-PRIVATE: same outage here"]);
    const copiedFile = await db.attachment.findFirstOrThrow({
      where: { filename: "rita.txt", article: { ticketId: sam.id } },
    });
    expect(
      await getCustomerAttachment({
        session: samSession,
        number: sam.number,
        attachmentId: copiedFile.id,
      }),
    ).toBeNull();
    // … and Rita still reads her own conversation on her (merged) ticket, and nothing of Sam's.
    const ritaSession = await signInCustomer("rita@example.org");
    const ritaView = await getCustomerTicket({
      session: ritaSession,
      number: rita.number,
      locale: "en",
    });
    expect(ritaView!.state).toBe("merged");
    expect(ritaView!.mergedInto).toEqual({ number: sam.number, isVisible: false });
    expect(ritaView!.articles.map((x) => x.text.trim())).toEqual([
      "RITA-PRIVATE: my password is on a sticker",
      "RITA-REPLY: we reset it",
    ]);
    expect(JSON.stringify(ritaView)).not.toMatch(/SAM/);
    expect(
      await getCustomerTicket({ session: ritaSession, number: sam.number, locale: "en" }),
    ).toBeNull();

    // Rita's later mail to her old number reaches the agents on Sam's ticket, never Sam.
    const later = await deliver({
      from: "rita@example.org",
      subject: `Re: [Ticket#${rita.number}] Request`,
      text: "RITA-LATER: still broken",
    });
    expect(later.ticketNumber).toBe(sam.number);
    const samAgain = await getCustomerTicket({
      session: samSession,
      number: sam.number,
      locale: "en",
    });
    expect(JSON.stringify(samAgain)).not.toMatch(/RITA/);
  });
});
