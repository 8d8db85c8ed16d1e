// POST /api/inbound/mime against the built app and a real database.
import { systemScope } from "@/lib/access/system-scope";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addArticle } from "@/lib/tickets/add-article";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiToken } from "@/lib/agents/api-tokens";
import { SYSTEM } from "@/lib/actor";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { computeCheckDigit } from "@/lib/tickets/ticket-number";
import { apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail, deliveryReport, newMessageId, postMime } from "@/tests/kit/mail";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { newWebhookSecret, signWebhook } from "@/tests/kit/webhooks";

let app: RunningApp;
let stub: ResendStub;
const secret = newWebhookSecret();
const post = (raw: Buffer, options?: Parameters<typeof postMime>[3]) =>
  postMime(app.url, raw, secret, options);

/** An outgoing mail article of ours on the ticket, with this Message-ID. */
const addOutgoingMail = (ticketId: number, messageId: string, text: string) =>
  addArticle({
    scope: systemScope,
    ticketId,
    actor: SYSTEM,
    article: { channel: "email", direction: "out", visibleToCustomer: true, text, messageId },
  });

const ticketOf = (number: string) =>
  db.ticket.findUniqueOrThrow({
    where: { number },
    // Inbound articles only: the worker may already have stored the auto-response.
    include: {
      queue: true,
      customer: true,
      articles: { where: { direction: "in" }, orderBy: { id: "asc" } },
    },
  });

async function autoResponseJobs(ticketId: number) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" } });
  return jobs.filter((job) => {
    const payload = job.payload as { kind?: string; ticketId?: number };
    return payload.kind === "auto-response" && payload.ticketId === ticketId;
  });
}

beforeAll(async () => {
  await seedDatabase();
  const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
  await db.queueAddress.create({ data: { address: "wlan@desk.example", queueId: wlan.id } });
  stub = await startResendStub();
  app = await startApp({
    shareDatabase: true,
    env: {
      INBOUND_WEBHOOK_SECRET: secret,
      INBOUND_MAX_BYTES: "100000",
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: stub.url,
    },
  });
});

afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

describe("signature", () => {
  it("accepts a valid one: 202 processed with the ticket number", async () => {
    const res = await post(buildMail({ subject: "Signed" }));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: "processed", inboundId: expect.any(Number) });
    expect((await ticketOf(res.body.ticketNumber)).title).toBe("Signed");
  });

  it("answers 401 for tampered, expired and missing signatures and stores nothing", async () => {
    const before = await db.inboundMessage.count();
    const raw = buildMail();
    const tampered = await fetch(`${app.url}/api/inbound/mime`, {
      method: "POST",
      headers: signWebhook(raw, secret),
      body: new Uint8Array(Buffer.concat([raw, Buffer.from("x")])),
    });
    expect(tampered.status).toBe(401);
    const expired = await post(raw, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(expired.status).toBe(401);
    const missing = await fetch(`${app.url}/api/inbound/mime`, {
      method: "POST",
      body: new Uint8Array(raw),
    });
    expect(missing.status).toBe(401);
    const wrongSecret = await postMime(app.url, raw, newWebhookSecret());
    expect(wrongSecret.status).toBe(401);
    expect(await db.inboundMessage.count()).toBe(before);
  });

  it("answers 413 over INBOUND_MAX_BYTES", async () => {
    const res = await post(buildMail({ text: "x".repeat(120_000) }));
    expect(res.status).toBe(413);
  });
});

describe("routing and customers", () => {
  it("routes by recipient address, by ?queue= and falls back to Raw", async () => {
    const byAddress = await post(buildMail({ to: "WLAN Team <WLAN@desk.example>" }));
    expect((await ticketOf(byAddress.body.ticketNumber)).queue.name).toBe("WLAN");
    const byHint = await post(buildMail(), { query: "?queue=VoIP" });
    expect((await ticketOf(byHint.body.ticketNumber)).queue.name).toBe("VoIP");
    const fallback = await post(buildMail({ to: "unknown@desk.example" }));
    expect((await ticketOf(fallback.body.ticketNumber)).queue.name).toBe("Raw");
  });

  it("matches customers case-insensitively and keeps the display name", async () => {
    const first = await post(buildMail({ from: "Erika Mustermann <Erika.M@Example.ORG>" }));
    const second = await post(buildMail({ from: "ERIKA.M@example.org" }));
    const a = await ticketOf(first.body.ticketNumber);
    const b = await ticketOf(second.body.ticketNumber);
    expect(a.customer).toMatchObject({ email: "erika.m@example.org", name: "Erika Mustermann" });
    expect(b.customerId).toBe(a.customerId);
  });
});

describe("duplicates", () => {
  it("a redelivery (same webhook id) adds no article and answers duplicate", async () => {
    const raw = buildMail({ subject: "Redelivered" });
    const first = await post(raw, { id: "msg_redelivery" });
    const again = await post(raw, { id: "msg_redelivery" });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      status: "duplicate",
      ticketNumber: first.body.ticketNumber,
    });
    expect((await ticketOf(first.body.ticketNumber)).articles).toHaveLength(1);
    expect(await db.inboundMessage.count({ where: { providerId: "msg_redelivery" } })).toBe(2);
  });

  it("the same mail sent to two of our addresses becomes one article", async () => {
    const messageId = newMessageId();
    const date = new Date().toUTCString();
    const first = await post(buildMail({ messageId, date, to: "support@desk.example" }));
    const second = await post(
      buildMail({
        messageId,
        date,
        to: "support@desk.example",
        headers: { "Delivered-To": "wlan@desk.example" },
      }),
    );
    expect(second.body).toMatchObject({
      status: "duplicate",
      ticketNumber: first.body.ticketNumber,
    });
    expect((await ticketOf(first.body.ticketNumber)).articles).toHaveLength(1);
  });

  it("our own mail coming back is ignored, before any incoming copy of its Message-ID", async () => {
    const messageId = newMessageId();
    const raw = buildMail({ messageId, subject: "Comes back" });
    const first = await post(raw);
    const ticket = await ticketOf(first.body.ticketNumber);
    // An outgoing article with the same Message-ID, written after the incoming one.
    await addOutgoingMail(ticket.id, messageId, "x");
    const back = await post(raw);
    expect(back.body).toMatchObject({ status: "ignored", ticketNumber: ticket.number });
    expect((await ticketOf(ticket.number)).articles).toHaveLength(1); // incoming ones
  });

  it("mail without a Message-ID is a duplicate by its content alone", async () => {
    const raw = buildMail({ messageId: null, subject: "No id", text: `only once ${Date.now()}` });
    const first = await post(raw);
    const second = await post(raw);
    expect(first.body.status).toBe("processed");
    expect(second.body).toMatchObject({
      status: "duplicate",
      ticketNumber: first.body.ticketNumber,
    });
    const changed = await post(
      buildMail({ messageId: null, subject: "No id", text: `another ${Date.now()}` }),
    );
    expect(changed.body.status).toBe("processed");
    expect(changed.body.ticketNumber).not.toBe(first.body.ticketNumber);
  });

  it("a reused Message-ID with different content is a new mail", async () => {
    const messageId = newMessageId();
    const first = await post(buildMail({ messageId, text: "one" }));
    const second = await post(buildMail({ messageId, text: "two" }));
    expect(second.body.status).toBe("processed");
    expect(second.body.ticketNumber).not.toBe(first.body.ticketNumber);
  });
});

describe("threading", () => {
  it("follows up by our Message-ID in References and reopens a closed ticket", async () => {
    const created = await post(buildMail({ from: "thread@example.org", subject: "Thread me" }));
    const ticket = await ticketOf(created.body.ticketNumber);
    const ourId = `<reply-${Date.now()}@desk.example>`;
    await addOutgoingMail(ticket.id, ourId, "Fixed?");
    await db.ticket.update({
      where: { id: ticket.id },
      data: { state: "closed_successful", closedAt: new Date() },
    });
    const reply = await post(
      buildMail({
        from: "thread@example.org",
        subject: "Re: something else entirely",
        inReplyTo: ourId,
        references: `${ticket.articles[0].messageId} ${ourId}`,
      }),
    );
    expect(reply.body).toMatchObject({ status: "processed", ticketNumber: ticket.number });
    const after = await ticketOf(ticket.number);
    expect(after.articles).toHaveLength(2);
    expect(after.state).toBe("open");
  });

  it("follows up by subject tag; a wrong check digit makes a new ticket", async () => {
    const created = await post(buildMail({ from: "tag@example.org", subject: "Tag me" }));
    const number: string = created.body.ticketNumber;
    const byTag = await post(
      buildMail({ from: "tag@example.org", subject: `Re: [Ticket#${number}] Tag me` }),
    );
    expect(byTag.body.ticketNumber).toBe(number);
    expect((await ticketOf(number)).articles).toHaveLength(2);

    const wrongDigit = `${number.slice(0, -1)}${(Number(number.slice(-1)) + 1) % 10}`;
    expect(computeCheckDigit(wrongDigit.slice(0, -1))).not.toBe(Number(wrongDigit.slice(-1)));
    const wrong = await post(
      buildMail({ from: "tag@example.org", subject: `Re: [Ticket#${wrongDigit}] Tag me` }),
    );
    expect(wrong.body.status).toBe("processed");
    expect(wrong.body.ticketNumber).not.toBe(number);
    expect((await ticketOf(number)).articles).toHaveLength(2);
  });

  it("threads by a received Message-ID only for the ticket's own customer", async () => {
    const first = newMessageId();
    const created = await post(
      buildMail({ from: "own@example.org", subject: "Scanner", messageId: first }),
    );
    const number: string = created.body.ticketNumber;
    // The customer answers their own earlier mail (no tag, no mail of ours yet).
    const own = await post(
      buildMail({ from: "own@example.org", subject: "Re: Scanner", inReplyTo: first }),
    );
    expect(own.body.ticketNumber).toBe(number);
    // A stranger quoting the same Message-ID does not get onto that ticket.
    const stranger = await post(
      buildMail({ from: "stranger@example.org", subject: "Re: Scanner", inReplyTo: first }),
    );
    expect(stranger.body.status).toBe("processed");
    expect(stranger.body.ticketNumber).not.toBe(number);
  });

  it("keeps a follow-up from another sender, marked and hidden from the customer", async () => {
    const created = await post(buildMail({ from: "owner@example.org", subject: "Mine" }));
    const number: string = created.body.ticketNumber;
    const foreign = await post(
      buildMail({ from: "Someone Else <else@example.org>", subject: `Re: [Ticket#${number}]` }),
    );
    expect(foreign.body.ticketNumber).toBe(number);
    const ticket = await ticketOf(number);
    const article = ticket.articles.at(-1)!;
    expect(article).toMatchObject({ isForeignSender: true, visibleToCustomer: false });
    expect(article.authorCustomerId).toBeNull();
    expect(ticket.customer.email).toBe("owner@example.org");
  });
});

describe("loops", () => {
  let control: number;
  let autoReply: number;
  let bounced: number;

  it("auto-replies and bounces get no auto-response job; an ordinary mail does", async () => {
    const ordinary = await post(buildMail({ from: "control@example.org", subject: "Control" }));
    const controlTicket = await ticketOf(ordinary.body.ticketNumber);
    control = controlTicket.id;
    expect(await autoResponseJobs(control)).toHaveLength(1);

    const ooo = await post(
      buildMail({
        from: "ooo@example.org",
        subject: "Out of office",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
    );
    autoReply = (await ticketOf(ooo.body.ticketNumber)).id;
    expect(await autoResponseJobs(autoReply)).toHaveLength(0);
    expect((await ticketOf(ooo.body.ticketNumber)).articles[0].isAutomatic).toBe(true);

    // A bounce of our mail to a customer: threaded by the original Message-ID, customer marked.
    const customer = await post(buildMail({ from: "gone@example.org", subject: "Bye" }));
    const gone = await ticketOf(customer.body.ticketNumber);
    const ourId = `<out-${Date.now()}@desk.example>`;
    await addArticle({
      scope: systemScope,
      ticketId: gone.id,
      actor: SYSTEM,
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        text: "Hi",
        toAddress: "Gone <gone@example.org>",
        messageId: ourId,
      },
    });
    const bounce = await post(
      buildMail({
        from: "Mail Delivery System <MAILER-DAEMON@mx.example.org>",
        subject: "Undelivered Mail Returned to Sender",
        body: deliveryReport("gone@example.org", ourId),
      }),
    );
    expect(bounce.body).toMatchObject({ status: "processed", ticketNumber: gone.number });
    bounced = gone.id;
    const after = await ticketOf(gone.number);
    expect(after.articles.at(-1)).toMatchObject({ isAutomatic: true, isForeignSender: true });
    expect(after.customer.bouncingAt).not.toBeNull();
    expect(await autoResponseJobs(bounced)).toHaveLength(1); // the customer's own first mail only
    const bounceJobs = (await autoResponseJobs(bounced)).filter(
      (job) => (job.payload as { articleId?: number }).articleId !== after.articles[0].id,
    );
    expect(bounceJobs).toHaveLength(0);
  });

  it("a forged delivery report about an address we never mailed changes nothing", async () => {
    const customerOf = (email: string) => db.customer.findUniqueOrThrow({ where: { email } });
    await post(buildMail({ from: "victim@example.org", subject: "Hello" }));
    // The forger knows the Message-ID of our reply to themselves and names the victim.
    const forger = await ticketOf(
      (await post(buildMail({ from: "forger@example.org", subject: "Hi" }))).body.ticketNumber,
    );
    const toForger = `<out-forger-${Date.now()}@desk.example>`;
    await addArticle({
      scope: systemScope,
      ticketId: forger.id,
      actor: SYSTEM,
      article: {
        channel: "email",
        direction: "out",
        visibleToCustomer: true,
        text: "Hello forger",
        toAddress: "forger@example.org",
        messageId: toForger,
      },
    });
    const reportFrom = "Mail Delivery System <MAILER-DAEMON@mx.example.org>";
    for (const original of [toForger, newMessageId("desk.example")]) {
      const forged = await post(
        buildMail({
          from: reportFrom,
          subject: "Undelivered Mail Returned to Sender",
          body: deliveryReport("victim@example.org", original),
        }),
      );
      expect(forged.body.status).toBe("processed");
    }
    expect((await customerOf("victim@example.org")).bouncingAt).toBeNull();
    expect((await customerOf("forger@example.org")).bouncingAt).toBeNull();
  });

  it("an ordinary mail from a bouncing customer clears the mark; an automatic one does not", async () => {
    const customerOf = () =>
      db.customer.findUniqueOrThrow({ where: { email: "gone@example.org" } });
    expect((await customerOf()).bouncingAt).not.toBeNull();
    await post(
      buildMail({
        from: "gone@example.org",
        subject: "Out of office",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
    );
    expect((await customerOf()).bouncingAt).not.toBeNull();

    const back = await post(buildMail({ from: "gone@example.org", subject: "I am back" }));
    expect(back.body.status).toBe("processed");
    expect((await customerOf()).bouncingAt).toBeNull();
    // Cleared before the ticket was written: the new request gets its auto-response again.
    expect(await autoResponseJobs((await ticketOf(back.body.ticketNumber)).id)).toHaveLength(1);
  });

  it("the Resend stub receives the control's auto-response and nothing for the others", async () => {
    // The app's background worker (instrumentation.ts) sends the jobs through the SDK.
    const deadline = Date.now() + 20_000;
    const sentTo = () =>
      stub.emails().flatMap((email) => [email.to].flat().map((to) => String(to).toLowerCase()));
    while (Date.now() < deadline && !sentTo().some((to) => to.includes("control@example.org")))
      await new Promise((r) => setTimeout(r, 250));
    expect(sentTo().filter((to) => to.includes("control@example.org"))).toHaveLength(1);
    expect(sentTo().filter((to) => to.includes("ooo@example.org"))).toHaveLength(0);
    expect(sentTo().filter((to) => to.includes("mailer-daemon"))).toHaveLength(0);
  });
});

describe("re-processing", () => {
  it("lets an admin re-process a failed message; others get 404, as the admin pages answer", async () => {
    const res = await post(buildMail({ subject: "Will fail" }));
    const ticketId = (await ticketOf(res.body.ticketNumber)).id;
    await db.inboundMessage.update({
      where: { id: res.body.inboundId },
      data: { status: "failed", error: "simulated", ticketId: null, articleId: null },
    });
    await db.ticket.delete({ where: { id: ticketId } });

    const admin = apiClient(app);
    const agent = await createAgent({
      email: "plain-agent@example.org",
      name: "Plain",
      password: "plain-password",
      groups: [],
    });
    const plain = apiClient(app, (await createApiToken({ agentId: agent.id, name: "t" })).token);
    // Admins find it in the review list; other agents may not list inbound mail.
    const failed = await admin("GET", "/api/v1/inbound?status=failed");
    expect(failed.status).toBe(200);
    expect(failed.body.data).toContainEqual(
      expect.objectContaining({ id: res.body.inboundId, status: "failed", error: "simulated" }),
    );
    expect(JSON.stringify(failed.body)).not.toContain("Will fail"); // no raw mail in the list
    expect((await plain("GET", "/api/v1/inbound?status=failed")).status).toBe(404);
    expect((await admin("GET", "/api/v1/inbound?status=bogus")).status).toBe(422);

    const path = `/api/v1/inbound/${res.body.inboundId}/reprocess`;
    expect((await plain("POST", path)).status).toBe(404);
    const again = await admin("POST", path);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ inboundId: res.body.inboundId, status: "processed" });
    // Who re-processed it, through the API, old → new status (issue 14: every change audited).
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "inbound.reprocess", objectId: String(res.body.inboundId) },
    });
    expect(audit.via).toBe("api");
    expect(audit.changes).toMatchObject({ status: { old: "failed", new: "processed" } });
    expect((await ticketOf(again.body.ticketNumber)).title).toBe("Will fail");
    // A processed one is re-read in place: same ticket, still one article.
    const inPlace = await admin("POST", path);
    expect(inPlace.status).toBe(200);
    expect(inPlace.body).toMatchObject({
      status: "processed",
      ticketNumber: again.body.ticketNumber,
    });
    expect((await ticketOf(again.body.ticketNumber)).articles).toHaveLength(1);
    // Duplicates stay as they are.
    const raw = buildMail({ subject: "Twice" });
    await post(raw, { id: "msg_reprocess_dup" });
    const dup = await post(raw, { id: "msg_reprocess_dup" });
    expect((await admin("POST", `/api/v1/inbound/${dup.body.inboundId}/reprocess`)).status).toBe(
      409,
    );
    expect((await admin("POST", "/api/v1/inbound/999999/reprocess")).status).toBe(404);
  });
});
