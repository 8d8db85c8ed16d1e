// Splitting an article into a new ticket (issue 15).
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { SYSTEM } from "@/lib/actor";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { scopeWithAccess } from "@/tests/kit/scopes";
import { addFollowUp } from "./add-follow-up";
import { createTicket } from "./create-ticket";
import { getCollabState } from "./get-collab-state";
import { listTicketLinks } from "./list-ticket-links";
import { splitArticle } from "./split-article";

let adminId: number;

beforeAll(async () => {
  await seedDatabase();
  adminId = (await db.agent.findFirstOrThrow()).id;
});

describe("splitArticle", () => {
  it("makes a customer's second problem a new linked ticket with the article and its files copied", async () => {
    const queue = await db.queue.findFirstOrThrow({ where: { name: "WLAN" } });
    const old = await createTicket({
      scope: systemScope,
      customer: { email: "wanda@example.org", name: "Wanda" },
      title: "Eduroam drops",
      queueId: queue.id,
      actor: SYSTEM,
      article: { channel: "web", direction: "in", visibleToCustomer: true, text: "WLAN drops." },
    });
    const followUp = await addFollowUp({
      ticketId: old.id,
      scope: systemScope,
      senderEmail: "wanda@example.org",
      actor: { kind: "customer", customerId: old.customerId, email: "wanda@example.org" },
      article: {
        channel: "email",
        direction: "in",
        visibleToCustomer: true,
        subject: "Also: printer jams",
        text: "And the printer on floor 2 jams.",
        attachments: [
          { filename: "jam.jpg", contentType: "image/jpeg", content: Buffer.from("JPEGDATA") },
        ],
      },
    });
    const jobsBefore = await db.job.count({ where: { type: "mail.send" } });

    const created = await splitArticle({
      articleId: followUp.articleId,
      agentId: adminId,
      scope: systemScope,
    });

    const ticket = await db.ticket.findUniqueOrThrow({
      where: { id: created.id },
      include: { articles: { include: { attachments: true } }, customer: true },
    });
    expect(ticket).toMatchObject({
      title: "Also: printer jams",
      queueId: queue.id,
      customer: { email: "wanda@example.org" },
    });
    expect(ticket.articles).toHaveLength(1);
    const [copy] = ticket.articles;
    expect(copy).toMatchObject({
      text: "And the printer on floor 2 jams.",
      copiedFromId: followUp.articleId,
      visibleToCustomer: true,
      authorCustomerId: old.customerId,
    });
    expect(copy.attachments.map((a) => [a.filename, Buffer.from(a.content!).toString()])).toEqual([
      ["jam.jpg", "JPEGDATA"],
    ]);
    // The original stays, marked by its copy; no auto-response for the split.
    expect(await db.article.findUnique({ where: { id: followUp.articleId } })).not.toBeNull();
    expect(await db.article.count({ where: { copiedFromId: followUp.articleId } })).toBe(1);
    expect(await db.job.count({ where: { type: "mail.send" } })).toBe(jobsBefore);
    // Linked (the old ticket is the parent) and recorded on both.
    expect(await listTicketLinks({ ticketId: old.id, scope: systemScope })).toEqual([
      expect.objectContaining({
        role: "child",
        other: expect.objectContaining({ number: created.number }),
      }),
    ]);
    const history = await db.historyEntry.findMany({
      where: { type: "split", ticketId: { in: [old.id, created.id] } },
      orderBy: { ticketId: "asc" },
    });
    expect(history.map((h) => h.newValue)).toEqual([`to ${created.number}`, `from ${old.number}`]);
  });

  it("refuses an article of a ticket the agent cannot write", async () => {
    const queue = await db.queue.findFirstOrThrow({ where: { name: "WLAN" } });
    const old = await createTicket({
      scope: systemScope,
      customer: { email: "xaver@example.org" },
      title: "Elsewhere",
      queueId: queue.id,
      actor: SYSTEM,
      article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
    });
    const other = await db.queue.findFirstOrThrow({ where: { id: { not: queue.id } } });
    const scope = await scopeWithAccess({ [other.name]: "rw", [queue.name]: "ro" });
    const before = await db.ticket.count();
    await expect(
      splitArticle({ articleId: old.articleId, agentId: adminId, scope }),
    ).rejects.toMatchObject({ key: "notFound" });
    expect(await db.ticket.count()).toBe(before);
  });

  it("marks the split article and its copy on the zoom, and nothing on a ticket without copies", async () => {
    const queue = await db.queue.findFirstOrThrow({ where: { name: "WLAN" } });
    const make = (title: string) =>
      createTicket({
        scope: systemScope,
        customer: { email: "mark@example.org", name: "Mark" },
        title,
        queueId: queue.id,
        actor: SYSTEM,
        article: { channel: "web", direction: "in", visibleToCustomer: true, text: title },
      });
    const plain = await make("Nothing copied here");
    const old = await make("Two problems");
    const article = await db.article.findFirstOrThrow({ where: { ticketId: old.id } });
    const created = await splitArticle({
      articleId: article.id,
      agentId: adminId,
      scope: systemScope,
    });
    const copy = await db.article.findFirstOrThrow({ where: { ticketId: created.id } });

    expect((await getCollabState({ ticketId: plain.id, scope: systemScope }))?.marks).toEqual({});
    expect((await getCollabState({ ticketId: old.id, scope: systemScope }))?.marks).toEqual({
      [article.id]: { copiedTo: [created.number] },
    });
    expect((await getCollabState({ ticketId: created.id, scope: systemScope }))?.marks).toEqual({
      [copy.id]: { copiedFrom: { number: old.number, kind: "split" }, copiedTo: [] },
    });
  });
});
