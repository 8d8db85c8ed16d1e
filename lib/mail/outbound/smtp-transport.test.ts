// Sending through SMTP (a recording SMTP server) and the customer's answer
// coming back through IMAP (a real Dovecot): an agent's reply arrives with the
// ticket tag, its Message-ID, In-Reply-To of the thread and its attachment;
// a refused send is retried by the job queue; the reply to it threads back.
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scopeForAgent } from "@/lib/access/scope";
import { agentActor } from "@/lib/actor";
import { db } from "@/lib/db";
import { jobHandlers } from "@/lib/jobs/handlers";
import { createWorker } from "@/lib/jobs/worker";
import { acquireAccountLease } from "@/lib/mail/accounts/account-lease";
import { fetchMailAccount } from "@/lib/mail/accounts/fetch-mail-account";
import { createImapClient } from "@/lib/mail/accounts/imap-client";
import { createMailAccount } from "@/lib/mail/accounts/manage-mail-accounts";
import { receiveInboundMail } from "@/lib/mail/inbound/receive-inbound-mail";
import { seedDatabase } from "@/lib/setup/seed";
import { adminActor } from "@/tests/kit/audit-actor";
import { addArticle } from "@/lib/tickets/add-article";
import { composeAgentArticle } from "@/lib/tickets/compose-agent-article";
import { dovecotMissing, startDovecot, type Dovecot } from "@/tests/kit/dovecot";
import { buildMail, newMessageId } from "@/tests/kit/mail";
import { createAgentWithAccess } from "@/tests/kit/scopes";
import { startSmtpSink, type SmtpSink } from "@/tests/kit/smtp-sink";
import { mailTransport } from "./transport";

let sink: SmtpSink;
let dovecot: Dovecot | undefined;
// The worker's clock runs ahead to make a retry due (never a sleep).
let ahead = 0;
const worker = createWorker({
  handlers: jobHandlers,
  clock: () => new Date(Date.now() + ahead),
  log: () => {},
});

beforeAll(async () => {
  await seedDatabase();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  if (!dovecotMissing) dovecot = await startDovecot();
}, 60_000);
afterAll(async () => {
  delete process.env.SMTP_URL;
  await sink?.close();
  await dovecot?.stop();
});

/** A customer's new ticket, by mail; its auto-response is sent. */
async function customerTicket(subject: string) {
  const customerMessageId = newMessageId();
  const received = await receiveInboundMail({
    providerId: `smtp-test-${customerMessageId}`,
    raw: buildMail({ messageId: customerMessageId, subject }),
  });
  await worker.drain();
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { number: received.ticketNumber! },
    include: { customer: true },
  });
  return { ticket, customerMessageId };
}

/** An agent's e-mail reply with a file (queued; the worker sends it). */
async function agentReply(ticket: Awaited<ReturnType<typeof customerTicket>>["ticket"]) {
  const agent = await createAgentWithAccess({ Raw: "rw" }, { role: "admin" });
  const { article } = await addArticle({
    ticketId: ticket.id,
    scope: await scopeForAgent(agent),
    actor: agentActor(agent.id),
    article: {
      ...composeAgentArticle({
        channel: "email",
        ticket,
        agent,
        text: "Please import the attached certificate.",
      }),
      attachments: [
        {
          filename: "vpn.pem",
          contentType: "application/x-pem-file",
          content: Buffer.from("-----BEGIN CERTIFICATE-----\nMIIB\n"),
        },
      ],
    },
  });
  return db.article.findUniqueOrThrow({ where: { id: article.id } });
}

const sentWith = (messageId: string) =>
  Promise.all(sink.messages.map((m) => simpleParser(m.raw))).then((all) =>
    all.filter((mail) => mail.messageId === messageId),
  );

describe("sending through SMTP", () => {
  it("is chosen by SMTP_URL", () => {
    expect(mailTransport()).toBe("smtp");
  });

  it("delivers an agent's reply with the ticket tag, Message-ID, In-Reply-To and its attachment, once, after a refused attempt", async () => {
    const { ticket, customerMessageId } = await customerTicket("VPN certificate expired");
    const article = await agentReply(ticket);
    sink.failNext(1);

    await worker.drain();

    // Refused (451): nothing arrived, the job waits for its retry.
    expect(await sentWith(article.messageId!)).toHaveLength(0);
    const jobs = await db.job.findMany({ where: { type: "mail.send" } });
    const job = jobs.find((j) => (j.payload as { articleId?: number }).articleId === article.id)!;
    expect(job).toMatchObject({ status: "queued", attempts: 1 });
    expect(job.lastError).toMatch(/451|try again/i);

    ahead = 10 * 60_000;
    await worker.drain();

    const [sent] = await sentWith(article.messageId!);
    expect(await sentWith(article.messageId!)).toHaveLength(1);
    expect(sent.subject).toContain(`[Ticket#${ticket.number}]`);
    expect(sent.inReplyTo).toBe(customerMessageId);
    expect(sent.references).toContain(customerMessageId);
    expect(sent.to && "text" in sent.to ? sent.to.text : "").toContain(ticket.customer.email);
    expect(sent.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([
      ["vpn.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n"],
    ]);
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "done",
    });
    // Automatic mail keeps its headers through SMTP too.
    const autoResponse = (await Promise.all(sink.messages.map((m) => simpleParser(m.raw)))).find(
      (mail) => mail.inReplyTo === customerMessageId && mail.messageId !== article.messageId,
    );
    expect(autoResponse?.headers.get("auto-submitted")).toBe("auto-replied");
  });

  it.skipIf(!!dovecotMissing)(
    "threads the customer's answer to it, fetched from the IMAP mailbox, back onto the ticket",
    async () => {
      const { ticket } = await customerTicket("Printer queue stuck");
      const article = await agentReply(ticket);
      await worker.drain();
      const [sent] = await sentWith(article.messageId!);
      const account = await createMailAccount(
        {
          name: "Support inbox",
          host: dovecot!.host,
          port: dovecot!.port,
          security: "none",
          username: dovecot!.user,
          password: dovecot!.password,
          folder: "INBOX",
          afterStore: "move",
          moveTo: "Processed",
          queueId: null,
          pollSeconds: 60,
          active: true,
        },
        await adminActor(),
      );
      // The customer answers the mail they got (their client quotes our Message-ID).
      await dovecot!.append("INBOX", [
        buildMail({
          messageId: newMessageId(),
          subject: `Re: ${sent.subject}`,
          inReplyTo: sent.messageId!,
          references: sent.messageId!,
          text: "Works now, thanks!",
        }),
      ]);

      expect(
        await acquireAccountLease({ accountId: account.id, owner: "t", leaseMs: 60_000 }),
      ).toBe(true);
      const row = await db.mailAccount.findUniqueOrThrow({ where: { id: account.id } });
      const client = createImapClient(row);
      await client.connect();
      try {
        expect(await fetchMailAccount({ client, account: row, owner: "t" })).toMatchObject({
          stored: 1,
        });
      } finally {
        await client.logout();
      }

      const articles = await db.article.findMany({
        where: { ticketId: ticket.id },
        orderBy: { id: "asc" },
      });
      expect(articles.at(-1)).toMatchObject({
        direction: "in",
        text: expect.stringContaining("Works now"),
      });
      expect(await db.ticket.count({ where: { title: { contains: "Printer queue stuck" } } })).toBe(
        1,
      );
    },
    60_000,
  );
});
