// OTRS "auto follow up" and "auto reject": a queue's follow-up and rejected-follow-up
// texts go out when their event happens, through POST /api/inbound/mime, the app's own
// worker and the Resend stub, with the new-ticket response's loop guards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { startApp, type RunningApp } from "@/tests/kit/app-server";
import { buildMail, postMime } from "@/tests/kit/mail";
import { startResendStub, type ResendStub } from "@/tests/kit/resend-stub";
import { changeSettings } from "@/tests/kit/settings";
import { newWebhookSecret } from "@/tests/kit/webhooks";

let app: RunningApp;
let stub: ResendStub;
const secret = newWebhookSecret();
const post = async (mail: Parameters<typeof buildMail>[0]) => {
  const res = await postMime(app.url, buildMail(mail), secret);
  expect(res.body.status).toBe("processed");
  return res.body as { ticketNumber: string; inboundId: number };
};
const ticketOf = (number: string) => db.ticket.findUniqueOrThrow({ where: { number } });

/** Auto-response jobs of a ticket for `event` (new_ticket jobs carry no event). */
async function autoResponseJobs(ticketId: number, event: string) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" } });
  return jobs.filter((job) => {
    const payload = job.payload as { kind?: string; ticketId?: number; autoResponseEvent?: string };
    return (
      payload.kind === "auto-response" &&
      payload.ticketId === ticketId &&
      (payload.autoResponseEvent ?? "new_ticket") === event
    );
  });
}

/** Mails the stub accepted for `address`, waiting up to 20 s for at least `count`. */
async function mailsTo(address: string, count: number) {
  const deadline = Date.now() + 20_000;
  const matching = () =>
    stub.emails().filter((email) => String([email.to].flat()).toLowerCase().includes(address));
  while (Date.now() < deadline && matching().length < count)
    await new Promise((r) => setTimeout(r, 250));
  return matching() as { subject: string; text: string; headers?: Record<string, string> }[];
}

beforeAll(async () => {
  await seedDatabase();
  const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
  const voip = await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } });
  await db.queueAddress.create({ data: { address: "wlan@desk.example", queueId: wlan.id } });
  await db.queueAddress.create({ data: { address: "voip@desk.example", queueId: voip.id } });
  const web = await db.queue.findUniqueOrThrow({ where: { name: "Web" } });
  await db.queueAddress.create({ data: { address: "web@desk.example", queueId: web.id } });
  await db.queue.update({ where: { id: voip.id }, data: { followUpPolicy: "reject" } });
  await db.autoResponse.createMany({
    data: [
      {
        queueId: wlan.id,
        event: "follow_up",
        locale: "en",
        subject: "Added to [Ticket#{{ticket.number}}]",
        body: "Dear {{customer.name}}, we added your message to ticket {{ticket.number}}.",
      },
      {
        queueId: voip.id,
        event: "reject",
        locale: "en",
        subject: "Closed: [Ticket#{{ticket.number}}]",
        body: "Dear {{customer.name}}, ticket {{ticket.number}} is closed; please write a new request.",
      },
      // Only German: sent also to a customer whose language is English.
      {
        queueId: web.id,
        event: "follow_up",
        locale: "de",
        subject: "Nachfrage zu [Ticket#{{ticket.number}}]",
        body: "Hallo {{customer.name}}, wir haben Ihre Nachricht erhalten.",
      },
      // An inactive text sends nothing.
      {
        queueId: voip.id,
        event: "follow_up",
        locale: "en",
        subject: "never",
        body: "never",
        active: false,
      },
    ],
  });
  await changeSettings({ autoMailDailyCap: 3 });
  stub = await startResendStub();
  app = await startApp({
    shareDatabase: true,
    env: { INBOUND_WEBHOOK_SECRET: secret, RESEND_API_KEY: "re_test", RESEND_BASE_URL: stub.url },
  });
});

afterAll(async () => {
  await app?.stop();
  await stub?.close();
});

describe("follow-up auto-response", () => {
  it("a customer's follow-up gets the queue's follow-up text, filled in, as automatic mail", async () => {
    const from = "Ada Lovelace <ada@example.org>";
    const created = await post({ from, to: "wlan@desk.example", subject: "No signal" });
    const ticket = await ticketOf(created.ticketNumber);
    await post({ from, to: "wlan@desk.example", subject: `Re: [Ticket#${ticket.number}]` });
    expect(await autoResponseJobs(ticket.id, "follow_up")).toHaveLength(1);

    const mails = await mailsTo("ada@example.org", 2); // the confirmation and the follow-up text
    expect(mails).toHaveLength(2);
    const followUp = mails.find((mail) => mail.subject.startsWith("Added to"));
    expect(followUp?.subject).toContain(`[Ticket#${ticket.number}]`);
    expect(followUp?.text).toContain(
      `Dear Ada Lovelace, we added your message to ticket ${ticket.number}.`,
    );
    expect(followUp?.headers?.["Auto-Submitted"]).toBe("auto-replied");
    // The sent text is on the ticket as an automatic outgoing article.
    const deadline = Date.now() + 10_000;
    const stored = () =>
      db.article.findFirst({ where: { ticketId: ticket.id, subject: { startsWith: "Added to" } } });
    while (Date.now() < deadline && !(await stored())) await new Promise((r) => setTimeout(r, 250));
    expect(await stored()).toMatchObject({ direction: "out", isAutomatic: true });
  });

  it("is not sent for automatic mail, mail asking not to be answered, a desk address or a queue without a text", async () => {
    const from = "grace@example.org";
    const created = await post({ from, to: "wlan@desk.example", subject: "Roaming" });
    const ticket = await ticketOf(created.ticketNumber);
    const reply = `Re: [Ticket#${ticket.number}] Roaming`;
    await post({
      from,
      to: "wlan@desk.example",
      subject: reply,
      headers: { "Auto-Submitted": "auto-replied" },
    });
    await post({
      from,
      to: "wlan@desk.example",
      subject: reply,
      headers: { "X-Auto-Response-Suppress": "All" },
    });
    await post({ from: "wlan@desk.example", to: "wlan@desk.example", subject: reply });
    expect(await autoResponseJobs(ticket.id, "follow_up")).toHaveLength(0);
    expect(await db.article.count({ where: { ticketId: ticket.id, direction: "in" } })).toBe(4);

    const raw = await post({ from: "linus@example.org", subject: "Unsorted" }); // Raw: no text
    const rawTicket = await ticketOf(raw.ticketNumber);
    await post({ from: "linus@example.org", subject: `Re: [Ticket#${rawTicket.number}]` });
    expect(await autoResponseJobs(rawTicket.id, "follow_up")).toHaveLength(0);

    // VoIP's follow-up text is inactive: an open VoIP ticket's follow-up gets nothing.
    const voip = await post({ from: "barbara@example.org", to: "voip@desk.example" });
    const voipTicket = await ticketOf(voip.ticketNumber);
    await post({ from: "barbara@example.org", subject: `Re: [Ticket#${voipTicket.number}]` });
    expect(await autoResponseJobs(voipTicket.id, "follow_up")).toHaveLength(0);
  });

  it("sends the queue's text in another language when it has none in the customer's", async () => {
    const from = "Alan Turing <alan@example.org>";
    const created = await post({ from, to: "web@desk.example", subject: "Site down" });
    const ticket = await ticketOf(created.ticketNumber);
    await post({ from, subject: `Re: [Ticket#${ticket.number}] Site down` });
    const mails = await mailsTo("alan@example.org", 2);
    const followUp = mails.find((mail) => mail.subject.startsWith("Nachfrage zu"));
    expect(followUp?.text).toContain("Hallo Alan Turing, wir haben Ihre Nachricht erhalten.");
  });

  it("keeps to the daily cap of automatic mail per address", async () => {
    const from = "chatty@example.org";
    const created = await post({ from, to: "wlan@desk.example", subject: "Again and again" });
    const ticket = await ticketOf(created.ticketNumber);
    for (let i = 0; i < 3; i++)
      await post({ from, to: "wlan@desk.example", subject: `Re: [Ticket#${ticket.number}] ${i}` });
    // Cap 3: the confirmation and two follow-up texts; the third follow-up gets none.
    expect(await autoResponseJobs(ticket.id, "new_ticket")).toHaveLength(1);
    expect(await autoResponseJobs(ticket.id, "follow_up")).toHaveLength(2);
  });
});

describe("rejected follow-up auto-response", () => {
  it("a follow-up the queue's policy keeps off a closed ticket gets the rejected text", async () => {
    const from = "Edsger Dijkstra <edsger@example.org>";
    const created = await post({ from, to: "voip@desk.example", subject: "Echo on the line" });
    const ticket = await ticketOf(created.ticketNumber);
    await db.ticket.update({
      where: { id: ticket.id },
      data: { state: "closed_successful", closedAt: new Date() },
    });
    await post({ from, subject: `Re: [Ticket#${ticket.number}] one more thing` });
    await post({
      from,
      subject: `Re: [Ticket#${ticket.number}] away`,
      headers: { "Auto-Submitted": "auto-replied" },
    });
    expect((await ticketOf(ticket.number)).state).toBe("closed_successful");
    expect(await autoResponseJobs(ticket.id, "reject")).toHaveLength(1);
    expect(await autoResponseJobs(ticket.id, "follow_up")).toHaveLength(0);

    const mails = await mailsTo("edsger@example.org", 2);
    expect(mails).toHaveLength(2);
    const rejected = mails.find((mail) => mail.subject.startsWith("Closed:"));
    expect(rejected?.text).toContain(
      `Dear Edsger Dijkstra, ticket ${ticket.number} is closed; please write a new request.`,
    );
    expect(rejected?.headers?.["Auto-Submitted"]).toBe("auto-replied");
  });
});
