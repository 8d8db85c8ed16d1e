// The new-ticket confirmation carries a direct access link — only for the
// ticket's own customer, created by the send job, never kept in an article.
import { systemScope } from "@/lib/access/system-scope";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { db, transaction } from "../db";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { config } from "../config";
import { parseMailbox } from "../mail/inbound/parse-address";
import { isOwnAddress, loadOwnAddresses } from "../mail/own-addresses";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { addFollowUp } from "../tickets/add-follow-up";
import { createTicket } from "../tickets/create-ticket";
import { exchangeToken } from "./exchange-token";
import { getCustomerSession } from "./get-customer-session";
import { getCustomerTicket } from "./get-customer-ticket";
import { publicQueueId, submitRequest, tokenOf } from "@/tests/kit/portal";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";

const LINK = /https?:\/\/[^\s]+\/access\/([A-Za-z0-9_-]{43})/;
let stub: ResendStub;

beforeAll(async () => {
  stub = await startResendStub();
});
afterAll(async () => {
  await stub.close();
});
beforeEach(async () => {
  await db.job.deleteMany();
  stub.requests.length = 0;
});
afterEach(() => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
});

async function runMailJobs(now = new Date()) {
  const failures: unknown[] = [];
  await createWorker({
    handlers: jobHandlers,
    types: ["mail.send"],
    clock: () => now,
    log: (message, error) => failures.push(error ?? message),
  }).drain();
  return failures;
}

/** The dev outbox's copy of the last mail to an address (what the customer received). */
const outboxTo = (to: string) =>
  db.outboxMail.findFirst({ where: { toAddress: to }, orderBy: { id: "desc" } });

const firstArticleId = async (ticketId: number) =>
  (await db.article.findFirstOrThrow({ where: { ticketId }, orderBy: { id: "asc" } })).id;

async function confirmationTo(email: string) {
  const mail = await outboxTo(email);
  expect(mail?.subject).toContain("[Ticket#");
  return mail!;
}

describe("the confirmation's direct link", () => {
  it("opens the new ticket for its customer; the stored article and job keep no secret", async () => {
    const { number } = await submitRequest({ email: "lena@example.org" });
    const now = new Date(Date.now() + 1000);
    expect(await db.customerToken.count({ where: { kind: "access" } })).toBe(0); // not at creation
    expect(await runMailJobs(now)).toEqual([]);

    const mail = await confirmationTo("lena@example.org");
    const token = LINK.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    expect(mail.html).toContain(`/access/${token}`);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number } });
    const stored = await db.customerToken.findFirstOrThrow({ where: { kind: "access" } });
    expect(stored).toMatchObject({ ticketId: ticket.id, customerId: ticket.customerId });
    expect(stored.tokenHash).not.toContain(token!);
    // As long as a status lookup's link (PORTAL_ACCESS_LINK_DAYS, default 7).
    expect(stored.expiresAt.getTime() - now.getTime()).toBe(7 * 86_400_000);

    // The sent mail's copy on the ticket says a link was there, without it.
    const article = await db.article.findFirstOrThrow({
      where: { ticketId: ticket.id, direction: "out", isAutomatic: true },
    });
    expect(article.text).not.toContain(token!);
    expect(article.text).not.toMatch(/\/access\//);
    expect(article.text).toContain("[personal link, not stored]");
    const job = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    expect(job.status).toBe("done");
    expect(JSON.stringify(job.payload)).not.toContain(token!);

    // The link works: it opens this ticket (and only this one).
    const session = await getCustomerSession({
      token: (await exchangeToken({ token: tokenOf(LINK.exec(mail.text)![0]) }))!.sessionToken,
    });
    expect(session).toMatchObject({ ticketId: ticket.id });
    expect(await getCustomerTicket({ session: session!, number, locale: "en" })).not.toBeNull();
  });

  it("is written in the customer's language", async () => {
    await db.customer.create({ data: { email: "jonas@example.org", locale: "de" } });
    await submitRequest({ email: "jonas@example.org" });
    await runMailJobs();
    const mail = await confirmationTo("jonas@example.org");
    expect(mail.text).toContain("persönlichen Link");
    expect(mail.text).toMatch(LINK);
  });

  it("goes to no foreign sender, no desk address, and no mail answering another's article", async () => {
    const queueId = await publicQueueId();
    await db.queueAddress.create({ data: { address: "wlan@uni.example", queueId } });
    // A ticket whose customer is one of the desk's own addresses.
    const desk = await createTicket({
      scope: systemScope,
      customer: { email: "wlan@uni.example" },
      title: "Loop",
      queueId,
      actor: SYSTEM,
      article: { channel: "email", direction: "in", visibleToCustomer: true, text: "x" },
    });
    // A confirmation job addressed to someone who is not the ticket's customer,
    // and one to the customer but answering a foreign sender's article.
    const own = await submitRequest({ email: "olga@example.org" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number: own.number } });
    const foreign = await addFollowUp({
      scope: systemScope,
      ticketId: ticket.id,
      senderEmail: "mallory@example.org",
      actor: SYSTEM,
      article: { channel: "email", direction: "in", visibleToCustomer: true, text: "me too" },
    });
    await transaction(async (tx) => {
      await enqueueMail(tx, {
        kind: "auto-response",
        to: "mallory@example.org",
        ticketId: ticket.id,
        articleId: foreign.articleId,
      });
      await enqueueMail(tx, {
        kind: "auto-response",
        to: "olga@example.org",
        ticketId: ticket.id,
        articleId: foreign.articleId,
      });
    });
    expect(await runMailJobs()).toEqual([]);

    const outbox = await db.outboxMail.findMany({ orderBy: { id: "asc" } });
    const byRecipient = (to: string) => outbox.filter((m) => m.toAddress === to);
    // The desk never mails its own address (DESIGN "Own addresses"): nothing to carry a link.
    expect(byRecipient("wlan@uni.example")).toHaveLength(0);
    expect(byRecipient("mallory@example.org")).toHaveLength(1);
    for (const m of [...byRecipient("wlan@uni.example"), ...byRecipient("mallory@example.org")])
      expect(m.text).not.toMatch(/\/access\//);
    // Olga got two confirmations: her own (with link) and the one answering Mallory (without).
    const olga = byRecipient("olga@example.org");
    const answers = await Promise.all(
      olga.map(async (m) => {
        const job = await db.job.findUniqueOrThrow({ where: { id: m.jobId! } });
        return [(job.payload as { articleId: number }).articleId, LINK.test(m.text)];
      }),
    );
    expect(answers).toEqual(
      expect.arrayContaining([
        [await firstArticleId(ticket.id), true],
        [foreign.articleId, false],
      ]),
    );
    expect(answers).toHaveLength(2);
    expect(await db.customerToken.count({ where: { ticketId: desk.id } })).toBe(0);
    // The desk's sender address counts as its own too.
    expect(
      isOwnAddress(
        ` ${parseMailbox(config.mailFrom)!.address.toUpperCase()}`,
        await loadOwnAddresses(),
      ),
    ).toBe(true);
    expect(await db.customerToken.count({ where: { ticketId: ticket.id } })).toBe(1);
  });

  it("is the same link in every retry, so Resend sends the mail once", async () => {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.RESEND_BASE_URL = stub.url;
    const { number } = await submitRequest({ email: "ruth@example.org" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number } });
    await db.job.deleteMany({ where: { type: { not: "mail.send" } } });
    stub.failNext(1);
    const start = Date.now() + 1000;
    expect((await runMailJobs(new Date(start))).length).toBe(1); // the 500
    expect(await runMailJobs(new Date(start + 31_000))).toEqual([]);

    const attempts = stub.requests.filter((r) => r.method === "POST" && r.path === "/emails");
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    const bodies = attempts.map((r) => JSON.stringify(r.body));
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[1]).toMatch(LINK);
    expect(await db.customerToken.count({ where: { ticketId: ticket.id } })).toBe(1);
    const job = await db.job.findFirstOrThrow({ where: { type: "mail.send" } });
    expect(job.status).toBe("done");
    expect(JSON.stringify(job.payload)).not.toMatch(/\/access\//);
  });
});
