// Issue 11: mail as real clients send it — Outlook headers, the desk's own addresses, 8-bit text,
// TNEF, invitations — through BOTH inbound endpoints of the built app: the signed raw-MIME
// endpoint and the Resend webhook (the stub serving the raw mail).
import { systemScope } from "@/lib/access/system-scope";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/actor";
import { db } from "@/lib/db";
import { jobHandlers } from "@/lib/jobs/handlers";
import { createWorker } from "@/lib/jobs/worker";
import { seedDatabase } from "@/lib/setup/seed";
import { addArticle } from "@/lib/tickets/add-article";
import { ADMIN, apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail, newMessageId, postMime } from "@/tests/kit/mail";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { buildTnef } from "@/tests/kit/tnef";
import { newWebhookSecret, signWebhook } from "@/tests/kit/webhooks";

// The worker drained here (notifications, auto-responses) must know the desk's addresses too
// (config is read lazily, so setting them before the first call is enough).
process.env.MAIL_FROM = "Help Desk <help@desk.example>";
process.env.SYSTEM_SENDERS = "monitor@uni.example, Alerts@Uni.Example";

let app: RunningApp;
let stub: ResendStub;
let adminId: number;
const mimeSecret = newWebhookSecret();
const resendSecret = newWebhookSecret();
const worker = createWorker({ handlers: jobHandlers, log: () => {} });

type Via = "mime" | "resend";
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
type Answer = { status: number; body: any };

/** Delivers raw bytes through one endpoint: signed raw MIME, or a Resend event + raw download. */
async function deliver(via: Via, raw: Buffer): Promise<Answer> {
  if (via === "mime") return postMime(app.url, raw, mimeSecret);
  const id = `em_${randomUUID()}`;
  stub.rawFiles.set(id, raw);
  stub.receiving.set(id, {
    object: "email",
    id,
    to: ["support@desk.example"],
    from: "x@example.org",
    created_at: new Date().toISOString(),
    subject: "(see raw)",
    message_id: `<${id}@example.org>`,
    html: null,
    text: null,
    headers: {},
    raw: {
      download_url: `${stub.url}/raw/${id}`,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    },
    attachments: [],
  });
  const body = JSON.stringify({
    type: "email.received",
    created_at: new Date().toISOString(),
    data: { email_id: id, from: "x@example.org", to: ["support@desk.example"], subject: "s" },
  });
  const res = await fetch(`${app.url}/api/inbound/resend`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...signWebhook(body, resendSecret, { prefix: "svix" }),
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const ticketOf = (number: string) =>
  db.ticket.findUniqueOrThrow({
    where: { number },
    include: {
      customer: true,
      queue: true,
      articles: {
        where: { direction: "in" },
        orderBy: { id: "asc" },
        include: { attachments: { orderBy: { id: "asc" } } },
      },
    },
  });

async function mailJobs(ticketId: number, kind: string) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" } });
  return jobs.filter((job) => {
    const payload = job.payload as { kind?: string; ticketId?: number };
    return payload.kind === kind && payload.ticketId === ticketId;
  });
}

/** A customer's ticket with one mail of ours on it, pending, owned by the admin (who is notified). */
async function pendingTicketWithOurMail(via: Via, customer: string) {
  const created = await deliver(via, buildMail({ from: customer, subject: `Pending ${via}` }));
  const ticket = await ticketOf(created.body.ticketNumber);
  const ourId = newMessageId("desk.example");
  await addArticle({
    scope: systemScope,
    ticketId: ticket.id,
    actor: SYSTEM,
    article: {
      channel: "email",
      direction: "out",
      visibleToCustomer: true,
      text: "Does it work now?",
      toAddress: customer,
      messageId: ourId,
    },
  });
  await setPending(ticket.id);
  return { ticket, ourId };
}

const setPending = (ticketId: number) =>
  db.ticket.update({
    where: { id: ticketId },
    data: {
      state: "pending_reminder",
      pendingUntil: new Date(Date.now() + 86_400_000),
      ownerId: adminId,
    },
  });

/** Follow-up notifications (in the app and by mail) for a ticket, after the worker ran. */
async function followUpNotifications(ticketId: number) {
  await worker.drain();
  const inApp = await db.notification.count({ where: { ticketId, type: "follow_up" } });
  const mails = (await mailJobs(ticketId, "notification")).filter(
    (job) => (job.payload as { data?: { event?: string } }).data?.event === "follow_up",
  ).length;
  return { inApp, mails };
}

beforeAll(async () => {
  await seedDatabase();
  adminId = (await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } })).id;
  const queue = (name: string) => db.queue.findUniqueOrThrow({ where: { name } });
  await db.queueAddress.createMany({
    data: [
      { address: "help@desk.example", queueId: (await queue("Misc")).id },
      { address: "wlan@desk.example", queueId: (await queue("WLAN")).id },
    ],
  });
  stub = await startResendStub();
  app = await startApp({
    shareDatabase: true,
    env: {
      INBOUND_WEBHOOK_SECRET: mimeSecret,
      RESEND_WEBHOOK_SECRET: resendSecret,
      RESEND_API_KEY: "re_test",
      RESEND_BASE_URL: stub.url,
      MAIL_FROM: process.env.MAIL_FROM!,
      SYSTEM_SENDERS: process.env.SYSTEM_SENDERS!,
      WORKER_IN_WEB: "false",
    },
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

describe.each<Via>(["mime", "resend"])("through %s", (via) => {
  describe("a person's mail that only asks not to be answered is a follow-up", () => {
    it("an Outlook reply with X-Auto-Response-Suppress reopens the pending ticket", async () => {
      const customer = `outlook-${via}@example.org`;
      const { ticket, ourId } = await pendingTicketWithOurMail(via, customer);
      for (const value of ["None", "OOF", "DR, RN, NRN, OOF, AutoReply", "All"]) {
        await setPending(ticket.id);
        const reply = await deliver(
          via,
          buildMail({
            from: `Kunde <${customer}>`,
            subject: "RE: Pending",
            inReplyTo: ourId,
            headers: { "X-Auto-Response-Suppress": value, "X-MS-Has-Attach": "" },
          }),
        );
        expect(reply.body, value).toMatchObject({
          status: "processed",
          ticketNumber: ticket.number,
        });
        const after = await ticketOf(ticket.number);
        expect(after.state, value).toBe("open");
        expect(after.articles.at(-1), value).toMatchObject({
          isAutomatic: false,
          isForeignSender: false,
          visibleToCustomer: true,
        });
      }
    });

    it("a reply through a mailing list or Google group (List-Id, Precedence, X-Loop) reopens too", async () => {
      const customer = `group-${via}@example.org`;
      const { ticket } = await pendingTicketWithOurMail(via, customer);
      for (const headers of <Record<string, string>[]>[
        { "List-Id": "<support.groups.example.org>", Precedence: "list" },
        { Precedence: "bulk" },
        { "X-Loop": customer },
      ]) {
        await setPending(ticket.id);
        const reply = await deliver(
          via,
          buildMail({ from: customer, subject: `Re: [Ticket#${ticket.number}] Pending`, headers }),
        );
        expect(reply.body.ticketNumber).toBe(ticket.number);
        expect((await ticketOf(ticket.number)).state, JSON.stringify(headers)).toBe("open");
      }
      // Such a mail opening a ticket is stored as a person's, but gets no auto-response.
      const listMail = await deliver(
        via,
        buildMail({ from: customer, subject: "New via list", headers: { "List-Id": "<l.x>" } }),
      );
      const listTicket = await ticketOf(listMail.body.ticketNumber);
      expect(listTicket.articles[0].isAutomatic).toBe(false);
      expect(await mailJobs(listTicket.id, "auto-response")).toHaveLength(0);
    });
  });

  describe("automatic mail", () => {
    it("stays on the pending ticket without reopening it or notifying agents as a follow-up", async () => {
      const customer = `auto-${via}@example.org`;
      const { ticket, ourId } = await pendingTicketWithOurMail(via, customer);
      await followUpNotifications(ticket.id); // settle what creating the ticket queued
      const before = await followUpNotifications(ticket.id);
      const samples: { name: string; mail: Buffer }[] = [
        ["Auto-Submitted", "auto-replied"],
        ["X-MS-Exchange-Generated-Message-Source", "Mailbox Rules Agent"],
        ["X-MS-Exchange-Inbox-Rules-Loop", customer],
        ["Precedence", "auto_reply"],
        ["X-Autoreply", "yes"],
      ].map(([name, value]) => ({
        name,
        mail: buildMail({
          from: customer,
          subject: "Automatic reply: Pending",
          inReplyTo: ourId,
          headers: { [name]: value },
        }),
      }));
      samples.push({
        name: "read receipt",
        mail: buildMail({
          from: customer,
          subject: "Read: Pending",
          inReplyTo: ourId,
          body: {
            contentType: 'multipart/report; report-type=disposition-notification; boundary="r"',
            content: `--r\nContent-Type: text/plain\n\nYour message was read.\n--r\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822;${customer}\nOriginal-Message-ID: ${ourId}\nDisposition: manual-action/MDN-sent-manually; displayed\n--r--\n`,
          },
        }),
      });
      for (const { name, mail } of samples) {
        const res = await deliver(via, mail);
        expect(res.body, name).toMatchObject({ status: "processed", ticketNumber: ticket.number });
        const after = await ticketOf(ticket.number);
        expect(after.state, name).toBe("pending_reminder");
        expect(after.articles.at(-1)?.isAutomatic, name).toBe(true);
      }
      expect(await followUpNotifications(ticket.id)).toEqual(before);

      // The control: the customer's own reply notifies (in the app and by mail).
      await deliver(via, buildMail({ from: customer, subject: "Re: Pending", inReplyTo: ourId }));
      const after = await followUpNotifications(ticket.id);
      expect(after.inApp).toBe(before.inApp + 1);
      expect(after.mails).toBe(before.mails + 1);
    });
  });

  describe("the desk's own addresses", () => {
    it("mail from MAIL_FROM makes a ticket of the desk's own customer: never mailed, not the customer's words", async () => {
      const res = await deliver(
        via,
        buildMail({
          from: "Help Desk <HELP@Desk.Example>",
          to: "wlan@desk.example",
          subject: `Shared mailbox note ${via}`,
        }),
      );
      expect(res.body.status).toBe("processed");
      const ticket = await ticketOf(res.body.ticketNumber);
      expect(ticket.queue.name).toBe("WLAN");
      expect(ticket.customer).toMatchObject({ email: "help@desk.example", isDeskAddress: true });
      expect(ticket.lastCustomerContactAt).toBeNull();
      expect(ticket.articles[0]).toMatchObject({
        visibleToCustomer: false,
        isForeignSender: true,
        authorCustomerId: null,
      });
      expect(await mailJobs(ticket.id, "auto-response")).toHaveLength(0);

      // An agent's reply on it is never sent to the desk itself.
      await addArticle({
        scope: systemScope,
        ticketId: ticket.id,
        actor: SYSTEM,
        article: { channel: "email", direction: "out", visibleToCustomer: true, text: "Noted." },
      });
      await worker.drain();
      expect(
        await db.outboxMail.count({ where: { toAddress: { contains: "help@desk.example" } } }),
      ).toBe(0);
      const history = await db.historyEntry.findMany({
        where: { ticketId: ticket.id, type: "mail_suppressed" },
      });
      expect(history).toHaveLength(1);
    });

    it("a readable forward from a queue address or a system sender belongs to the original sender", async () => {
      const inline = await deliver(
        via,
        buildMail({
          from: "WLAN Team <wlan@desk.example>",
          to: "help@desk.example",
          subject: "Fwd: eduroam broken",
          text: `FYI, for your queue.\n\n---------- Forwarded message ---------\nFrom: Erika Muster <Erika.${via}@Example.org>\nDate: Mon, 30 Nov 2026 at 09:12\nSubject: eduroam broken\nTo: <wlan@desk.example>\n\neduroam does not connect.\n`,
        }),
      );
      const forwarded = await ticketOf(inline.body.ticketNumber);
      expect(forwarded.queue.name).toBe("Misc"); // one queue forwarding to another makes a ticket
      expect(forwarded.customer).toMatchObject({
        email: `erika.${via}@example.org`,
        name: "Erika Muster",
        isDeskAddress: false,
      });
      expect(forwarded.articles[0]).toMatchObject({
        visibleToCustomer: false,
        authorCustomerId: null,
      });
      expect(await mailJobs(forwarded.id, "auto-response")).toHaveLength(0);

      const outlook = await deliver(
        via,
        buildMail({
          from: "alerts@uni.example",
          subject: "FW: printer",
          text: `-----Original Message-----\nFrom: Paul Prof [mailto:paul.${via}@example.org]\nSent: Monday\nSubject: printer\n\nJammed.\n`,
        }),
      );
      expect((await ticketOf(outlook.body.ticketNumber)).customer.email).toBe(
        `paul.${via}@example.org`,
      );

      const attached = await deliver(
        via,
        buildMail({
          from: "monitor@uni.example",
          subject: "Fwd: VPN",
          body: {
            contentType: 'multipart/mixed; boundary="f"',
            content: `--f\nContent-Type: text/plain\n\nForwarded as attachment.\n--f\nContent-Type: message/rfc822\n\nFrom: =?utf-8?Q?J=C3=BCrgen?= <juergen.${via}@example.org>\nSubject: VPN\n\nVPN is down.\n--f--\n`,
          },
        }),
      );
      expect((await ticketOf(attached.body.ticketNumber)).customer).toMatchObject({
        email: `juergen.${via}@example.org`,
        name: "Jürgen",
      });
    });

    it("a desk address writing on a customer's ticket is kept, marked and reopens nothing", async () => {
      const customer = `owned-${via}@example.org`;
      const { ticket } = await pendingTicketWithOurMail(via, customer);
      const contact = (await ticketOf(ticket.number)).lastCustomerContactAt;
      const note = await deliver(
        via,
        buildMail({
          from: "help@desk.example",
          subject: `Re: [Ticket#${ticket.number}] Pending`,
        }),
      );
      expect(note.body.ticketNumber).toBe(ticket.number);
      const after = await ticketOf(ticket.number);
      expect(after.state).toBe("pending_reminder");
      expect(after.lastCustomerContactAt).toEqual(contact);
      expect(after.articles.at(-1)).toMatchObject({
        isForeignSender: true,
        visibleToCustomer: false,
        authorCustomerId: null,
      });
      expect(after.customer.email).toBe(customer);
      const desk = await db.customer.findUniqueOrThrow({ where: { email: "help@desk.example" } });
      expect(desk.isDeskAddress).toBe(true);
    });
  });

  describe("undeclared 8-bit text", () => {
    const latin1 = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "latin1");

    it("reads a Latin-1 mail without MIME headers: title, text and the auto-response", async () => {
      const customer = `latin-${via}@example.org`;
      const res = await deliver(
        via,
        latin1(
          `From: J\xFCrgen <${customer}>\nTo: support@desk.example\nSubject: Gr\xFC\xDFe aus K\xF6ln\nMessage-ID: ${newMessageId()}\n\nDer Drucker ist gr\xF6\xDFer als gedacht \x80 \x93ok\x94.\n`,
        ),
      );
      const ticket = await ticketOf(res.body.ticketNumber);
      expect(ticket.title).toBe("Grüße aus Köln");
      expect(ticket.customer.name).toBe("Jürgen");
      expect(ticket.articles[0].text.trim()).toBe("Der Drucker ist größer als gedacht € “ok”.");
      await worker.drain();
      const sent = await db.outboxMail.findFirstOrThrow({ where: { toAddress: customer } });
      expect(sent.subject).toContain("Grüße aus Köln");
    });

    it("falls back per part and keeps valid UTF-8 as it is", async () => {
      const res = await deliver(
        via,
        Buffer.concat([
          Buffer.from(
            'From: a@example.org\r\nSubject: Grüße – 日本\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n',
            "utf8",
          ),
          latin1(
            "Stra\xDFe\n--b\nContent-Type: text/plain; charset=iso-8859-2\n\n\xB1\xB6\n--b--\n",
          ),
        ]),
      );
      const ticket = await ticketOf(res.body.ticketNumber);
      expect(ticket.title).toBe("Grüße – 日本");
      expect(ticket.articles[0].text).toContain("Straße");
      expect(ticket.articles[0].text).toContain("ąś");
    });

    it("re-processing a stored 8-bit mail fixes the same article and the title it set", async () => {
      const raw = latin1(
        `From: ${via}-reprocess@example.org\nSubject: Gr\xFC\xDFe\nMessage-ID: ${newMessageId()}\n\ngr\xF6\xDFer\n`,
      );
      const res = await deliver(via, raw);
      const ticket = await ticketOf(res.body.ticketNumber);
      const articleId = ticket.articles[0].id;
      // As the parser before the fix stored it.
      await db.article.update({
        where: { id: articleId },
        data: { subject: "Gr\uFFFD\uFFFDe", text: "gr\uFFFD\uFFFDer" },
      });
      await db.ticket.update({ where: { id: ticket.id }, data: { title: "Gr\uFFFD\uFFFDe" } });
      // A follow-up mangled the same way: re-processing it must not touch the title.
      const follow = await deliver(
        via,
        latin1(
          `From: ${via}-reprocess@example.org\nSubject: Re: [Ticket#${ticket.number}] Gr\xFC\xDFe nochmal\n\nK\xE4se\n`,
        ),
      );
      const followArticle = (await ticketOf(ticket.number)).articles[1];
      await db.article.update({ where: { id: followArticle.id }, data: { text: "K\uFFFDse" } });

      const admin = apiClient(app);
      const again = await admin("POST", `/api/v1/inbound/${res.body.inboundId}/reprocess`);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: "processed", ticketNumber: ticket.number });
      const second = await admin("POST", `/api/v1/inbound/${follow.body.inboundId}/reprocess`);
      expect(second.status).toBe(200);

      const after = await ticketOf(ticket.number);
      expect(after.title).toBe("Grüße");
      expect(after.articles.map((a) => a.id)).toEqual([articleId, followArticle.id]);
      expect(after.articles[0]).toMatchObject({ subject: "Grüße", text: "größer\n" });
      expect(after.articles[1].text.trim()).toBe("Käse");
      expect(await db.article.count({ where: { ticketId: ticket.id, direction: "in" } })).toBe(2);
      const history = await db.historyEntry.count({
        where: { ticketId: ticket.id, type: "article_redecoded" },
      });
      expect(history).toBe(2);
    });
  });

  describe("Outlook's winmail.dat and calendar invitations", () => {
    it("unpacks winmail.dat into the article and keeps the original", async () => {
      const pdf = Buffer.from("%PDF-1.4 test");
      const tnef = buildTnef({ "Angebot.pdf": pdf, "readme.txt": Buffer.from("read me") });
      const res = await deliver(
        via,
        buildMail({
          subject: "TNEF",
          body: {
            contentType: 'multipart/mixed; boundary="t"',
            content: `--t\nContent-Type: text/plain\n\nSee attached.\n--t\nContent-Type: application/ms-tnef; name="winmail.dat"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename="winmail.dat"\n\n${tnef.toString("base64")}\n--t--\n`,
          },
        }),
      );
      const [article] = (await ticketOf(res.body.ticketNumber)).articles;
      expect(article.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ["winmail.dat", "application/ms-tnef"],
        ["Angebot.pdf", "application/pdf"],
        ["readme.txt", "text/plain"],
      ]);
      expect(Buffer.from(article.attachments[1].content!).equals(pdf)).toBe(true);
      // node-tnef used to replace String.prototype.replaceAll in the server process:
      // Next.js then filled "[...nextauth]" as a pattern and agents could not sign in.
      const csrf = await fetch(`${app.url}/api/auth/csrf`);
      expect(csrf.status).toBe(200);
      expect(await csrf.json()).toHaveProperty("csrfToken");
      const api = await apiClient(app, ADMIN.apiToken)(
        "GET",
        `/api/v1/tickets/${res.body.ticketNumber}`,
      );
      expect(api.status).toBe(200);
    });

    it("says what an invitation is when it is the only content", async () => {
      const ics = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        "UID:x@example.org",
        "SUMMARY:Sprechstunde",
        "DTSTART;TZID=Europe/Berlin:20261204T140000",
        "DTEND;TZID=Europe/Berlin:20261204T150000",
        "LOCATION:Raum 101",
        "ORGANIZER;CN=Jana:mailto:jana@example.org",
        "END:VEVENT",
        "END:VCALENDAR",
      ].join("\n");
      const res = await deliver(
        via,
        buildMail({
          subject: "Einladung",
          body: { contentType: "text/calendar; method=REQUEST; charset=utf-8", content: ics },
        }),
      );
      const [article] = (await ticketOf(res.body.ticketNumber)).articles;
      expect(article.text).toContain("Summary: Sprechstunde");
      expect(article.text).toContain("Start: 2026-12-04 14:00 (Europe/Berlin)");
      expect(article.text).toContain("Location: Raum 101");
      expect(article.text).toContain("Organiser: Jana <jana@example.org>");
      expect(article.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
    });
  });
});
