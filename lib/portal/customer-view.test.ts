import { systemScope } from "../access/system-scope";
import { describe, expect, it } from "vitest";
import { agentActor, SYSTEM } from "../actor";
import { db } from "../db";
import { addArticle } from "../tickets/add-article";
import { addFollowUp } from "../tickets/add-follow-up";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { addCustomerFollowUp } from "./add-customer-follow-up";
import { getCustomerAttachment } from "./get-customer-attachment";
import { getCustomerTicket } from "./get-customer-ticket";
import { listCustomerTickets } from "./list-customer-tickets";
import { freshIp, signInCustomer as signIn, submitRequest } from "@/tests/kit/portal";

const SECRET = "INTERNAL-ONLY-7f3a";

describe("the customer's view of a ticket", () => {
  it("never contains internal articles, hidden articles or foreign senders' mail", async () => {
    const { number } = await submitRequest({ email: "gina@example.org" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number } });
    const admin = await db.agent.findFirstOrThrow();
    const note = await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(admin.id),
      article: {
        channel: "note",
        direction: "internal",
        visibleToCustomer: false,
        text: `${SECRET} note`,
        authorAgentId: admin.id,
        attachments: [
          { filename: "secret.txt", contentType: "text/plain", content: Buffer.from(SECRET) },
        ],
      },
    });
    // Even a note wrongly flagged visible stays internal.
    await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(admin.id),
      article: {
        channel: "note",
        direction: "internal",
        visibleToCustomer: true,
        text: `${SECRET} flagged`,
      },
    });
    await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(admin.id),
      article: {
        channel: "phone",
        direction: "out",
        visibleToCustomer: false,
        text: `${SECRET} hidden`,
      },
    });
    await addFollowUp({
      scope: systemScope,
      ticketId: ticket.id,
      senderEmail: "stranger@example.org",
      actor: SYSTEM,
      article: {
        channel: "email",
        direction: "in",
        visibleToCustomer: true,
        text: `${SECRET} foreign`,
      },
    });
    await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: agentActor(admin.id),
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        text: "We are on it.",
        fromAddress: admin.email,
        authorAgentId: admin.id,
      },
    });

    const session = await signIn("gina@example.org");
    const view = await getCustomerTicket({ session, number, locale: "en" });
    expect(view!.articles.map((a) => a.text)).toEqual(["It smokes.", "We are on it."]);
    expect(view!.articles.map((a) => a.isFromCustomer)).toEqual([true, false]);
    const serialised = JSON.stringify(view);
    expect(serialised).not.toContain(SECRET);
    expect(serialised).not.toContain(admin.email);
    expect(Object.keys(view!).sort()).toEqual(
      [
        "articles",
        "createdAt",
        "mergedInto",
        "number",
        "queueName",
        "state",
        "title",
        "updatedAt",
      ].sort(),
    );

    const internalAttachment = await db.attachment.findFirstOrThrow({
      where: { articleId: note.article.id },
    });
    expect(
      await getCustomerAttachment({ session, number, attachmentId: internalAttachment.id }),
    ).toBeNull();
    // Another customer sees nothing of it.
    await submitRequest({ email: "hank@example.org" });
    const other = await signIn("hank@example.org");
    expect(await getCustomerTicket({ session: other, number, locale: "en" })).toBeNull();
    expect((await listCustomerTickets({ session: other })).map((t) => t.number)).not.toContain(
      number,
    );
  });

  it("adds a follow-up that reopens a pending ticket and notifies the owner", async () => {
    const { number } = await submitRequest({ email: "ivy@example.org" });
    const owner = await db.agent.findFirstOrThrow();
    await db.ticket.update({
      where: { number },
      data: {
        state: "pending_reminder",
        pendingUntil: new Date(Date.now() + 86_400_000),
        ownerId: owner.id,
      },
    });
    const session = await signIn("ivy@example.org");
    const result = await addCustomerFollowUp({
      session,
      number,
      ip: freshIp(),
      input: {
        body: "Any news?",
        attachments: [new File(["log"], "log.txt", { type: "text/plain" })],
      },
    });
    expect(result).toEqual({ number, isNewTicket: false });
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { articles: { include: { attachments: true } } },
    });
    expect(ticket.state).toBe("open");
    const last = ticket.articles.at(-1)!;
    expect(last).toMatchObject({
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
      authorCustomerId: session.customerId,
      text: "Any news?",
    });
    expect(last.attachments.map((a) => a.filename)).toEqual(["log.txt"]);
    // The event job (run as the worker would) leaves the owner an in-app notification.
    const failures: unknown[] = [];
    await createWorker({
      handlers: jobHandlers,
      types: ["ticket.event"],
      log: (message, error) => failures.push(error ?? message),
    }).drain();
    expect(failures).toEqual([]);
    const notifications = await db.notification.findMany({ where: { ticketId: ticket.id } });
    expect(notifications).toContainEqual(
      expect.objectContaining({ agentId: owner.id, type: "follow_up", readAt: null }),
    );
    expect(notifications.filter((n) => n.type === "follow_up")).toHaveLength(1);
    await expect(
      addCustomerFollowUp({
        session,
        number: "2026010110000010",
        ip: freshIp(),
        input: { body: "x", attachments: [] },
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
