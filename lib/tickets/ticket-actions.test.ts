// The agent's actions on a ticket (issue 13): what a writer changes, and that read-only
// and no access change nothing — asserted on the data, not only on the error.
import { beforeEach, describe, expect, it } from "vitest";
import { createAgentWithAccess } from "../../tests/kit/scopes";
import { scopeForAgent, type Scope } from "../access/scope";
import { systemScope } from "../access/system-scope";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { jobHandlers } from "../jobs/handlers";
import { createWorker } from "../jobs/worker";
import { seedDatabase } from "../setup/seed";
import { addAgentNote } from "./add-agent-note";
import { changeTicket, type AgentTicketChange } from "./change-ticket";
import { createAgentTicket } from "./create-agent-ticket";
import { createTicket } from "./create-ticket";
import { readReplyDraft, saveReplyDraft } from "./reply-drafts";
import { sendAgentReply } from "./send-agent-reply";

// The queues' domain is verified at the provider, so replies go out from the queue's own
// address (the sender rule, lib/mail/outbound/pick-sender.ts; the other case is tested there).
process.env.MAIL_VERIFIED_DOMAINS = "desk.example";

const drain = () => createWorker({ handlers: jobHandlers, log: () => {} }).drain();
const queueId = async (name: string) => (await db.queue.findUniqueOrThrow({ where: { name } })).id;

let writer: Awaited<ReturnType<typeof createAgentWithAccess>>;
let colleague: Awaited<ReturnType<typeof createAgentWithAccess>>;
let writerScope: Scope;

beforeEach(async () => {
  await seedDatabase();
});

async function arrange() {
  writer = await createAgentWithAccess({ WLAN: "rw", VoIP: "rw" });
  await db.agent.update({ where: { id: writer.id }, data: { name: "Tom Becker" } });
  colleague = await createAgentWithAccess({});
  const wlanGroup = (await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } })).groupId;
  await db.groupMember.create({
    data: { groupId: wlanGroup, agentId: colleague.id, permission: "rw" },
  });
  writerScope = await scopeForAgent(writer);
  await db.queueAddress.upsert({
    where: { address: "wlan@desk.example" },
    create: { address: "wlan@desk.example", queueId: await queueId("WLAN"), isPrimary: true },
    update: {},
  });
  const ticket = await createTicket({
    customer: { email: "carol@example.org", name: "Carol Meyer" },
    title: "Eduroam drops",
    queueId: await queueId("WLAN"),
    scope: systemScope,
    actor: SYSTEM,
    allowAutoResponse: false,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      subject: "Eduroam drops",
      text: "It drops every hour.",
      fromAddress: "carol@example.org",
      toAddress: "wlan@desk.example",
      cc: "dave@example.org",
      messageId: "<first@customer.example>",
    },
  });
  await drain();
  return ticket;
}

/** Everything an action could have changed about the ticket. */
async function snapshot(ticketId: number) {
  const ticket = await db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  return {
    ticket,
    articles: await db.article.count({ where: { ticketId } }),
    history: await db.historyEntry.count({ where: { ticketId } }),
    jobs: await db.job.count(),
    drafts: await db.formDraft.count(),
    tickets: await db.ticket.count(),
  };
}

const replyInput = (number: string) => ({
  number,
  mode: "replyAll" as const,
  to: "carol@example.org",
  cc: "dave@example.org",
  bcc: "boss@example.org",
  subject: `Re: Eduroam drops`,
  body: "Please try again now.",
  nextState: "pending_reminder" as const,
  pendingUntil: "2026-12-03T09:00",
});

describe("a writer's actions", () => {
  it("replies by mail: From the agent via the desk, threaded, Cc and Bcc, attachment, next state, draft gone", async () => {
    const ticket = await arrange();
    await saveReplyDraft({
      scope: writerScope,
      agentId: writer.id,
      number: ticket.number,
      draft: { values: { body: "half" } },
    });
    expect(await readReplyDraft({ agentId: writer.id, ticketId: ticket.id })).not.toBeNull();
    await sendAgentReply({
      scope: writerScope,
      agent: writer,
      // A desk address typed as a copy is left out of the mail.
      input: { ...replyInput(ticket.number), cc: "dave@example.org, wlan@desk.example" },
      attachments: [
        { filename: "steps.txt", contentType: "text/plain", content: Buffer.from("1. reboot") },
      ],
    });
    const after = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(after.state).toBe("pending_reminder");
    // As OTRS: the reply took the lock and, the ticket having no owner, the ownership.
    expect(after).toMatchObject({ lockedById: writer.id, ownerId: writer.id });
    // TIME_ZONE is UTC in tests: the wall time is the instant.
    expect(after.pendingUntil?.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(await readReplyDraft({ agentId: writer.id, ticketId: ticket.id })).toBeNull();

    await drain();
    const mail = await db.outboxMail.findFirstOrThrow({
      where: { toAddress: "carol@example.org" },
      orderBy: { id: "desc" },
    });
    expect(mail.fromAddress).toBe('"Tom Becker via Help Desk" <wlan@desk.example>');
    expect(mail.subject).toBe(`[Ticket#${ticket.number}] Re: Eduroam drops`);
    expect(mail.headers).toMatchObject({
      "In-Reply-To": "<first@customer.example>",
      Cc: "dave@example.org",
      Bcc: "boss@example.org",
    });
    const article = await db.article.findFirstOrThrow({
      where: { ticketId: ticket.id, direction: "out", channel: "email" },
      include: { attachments: true },
    });
    expect(article).toMatchObject({
      cc: "dave@example.org, wlan@desk.example",
      authorAgentId: writer.id,
    });
    expect(article.attachments.map((a) => a.filename)).toEqual(["steps.txt"]);
  });

  it("adds an internal note and a customer-visible outgoing phone call", async () => {
    const ticket = await arrange();
    const base = { number: ticket.number, subject: "", call: "in" as const };
    await addAgentNote({
      scope: writerScope,
      agent: writer,
      input: { ...base, kind: "note", body: "internal only", visibleToCustomer: true },
    });
    await addAgentNote({
      scope: writerScope,
      agent: writer,
      input: { ...base, kind: "phone", call: "out", body: "called back", visibleToCustomer: true },
    });
    const articles = await db.article.findMany({
      where: { ticketId: ticket.id, authorAgentId: writer.id },
      orderBy: { id: "asc" },
    });
    expect(articles.map((a) => [a.channel, a.direction, a.visibleToCustomer])).toEqual([
      ["note", "internal", false],
      ["phone", "out", true],
    ]);
  });

  it("transfers the ticket to a colleague, who is notified, and moves it to another queue", async () => {
    const ticket = await arrange();
    const change = (c: AgentTicketChange) =>
      changeTicket({ scope: writerScope, agentId: writer.id, number: ticket.number, change: c });
    await change({ kind: "owner", agent: colleague.email });
    await change({ kind: "responsible", agent: writer.email });
    await change({ kind: "priority", priority: 5 });
    await drain();
    expect(
      await db.notification.count({
        where: { agentId: colleague.id, ticketId: ticket.id, type: "assigned" },
      }),
    ).toBe(1);
    await change({ kind: "queue", queueId: await queueId("VoIP") });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      ownerId: colleague.id,
      responsibleId: writer.id,
      priority: 5,
      queueId: await queueId("VoIP"),
    });
    // The colleague has no write access to VoIP: not assignable there; Misc is not writable.
    await expect(change({ kind: "owner", agent: colleague.email })).rejects.toMatchObject({
      key: "unknownAgent",
    });
    await expect(change({ kind: "queue", queueId: await queueId("Misc") })).rejects.toMatchObject({
      key: "unknownQueue",
    });
  });

  it("opens an e-mail ticket that goes out and a phone ticket pending with its time", async () => {
    await arrange();
    const input = {
      customerEmail: "new@example.org",
      customerName: "Nina New",
      queueId: await queueId("WLAN"),
      subject: "Your access point",
      body: "We will replace it.",
      pendingUntil: "",
    };
    const mail = await createAgentTicket({
      scope: writerScope,
      agent: writer,
      input: { ...input, kind: "email", state: "open" },
    });
    const phone = await createAgentTicket({
      scope: writerScope,
      agent: writer,
      input: {
        ...input,
        kind: "phone",
        state: "pending_reminder",
        pendingUntil: "2026-12-04T10:30",
      },
    });
    await drain();
    const sent = await db.outboxMail.findFirstOrThrow({ where: { toAddress: "new@example.org" } });
    expect(sent.subject).toBe(`[Ticket#${mail.number}] Your access point`);
    expect(sent.fromAddress).toBe('"Tom Becker via Help Desk" <wlan@desk.example>');
    const phoneTicket = await db.ticket.findUniqueOrThrow({
      where: { number: phone.number },
      include: { articles: true },
    });
    expect(phoneTicket.state).toBe("pending_reminder");
    expect(phoneTicket.pendingUntil?.toISOString()).toBe("2026-12-04T10:30:00.000Z");
    expect(phoneTicket.articles.map((a) => [a.channel, a.direction])).toEqual([["phone", "in"]]);
    // No "we received your request" mail for either.
    expect(await db.outboxMail.count({ where: { toAddress: "new@example.org" } })).toBe(1);
  });
});

describe("read-only and no access change nothing", () => {
  for (const access of ["ro", "none"] as const) {
    it(`${access}: every action is "not found" and the ticket stays as it was`, async () => {
      const ticket = await arrange();
      const other = await createAgentWithAccess(access === "ro" ? { WLAN: "ro" } : { VoIP: "rw" });
      const scope = await scopeForAgent(other);
      const agent = { id: other.id, email: other.email };
      const before = await snapshot(ticket.id);
      const number = ticket.number;
      const attempts: [string, () => Promise<unknown>][] = [
        [
          "reply",
          () => sendAgentReply({ scope, agent, input: replyInput(number), attachments: [] }),
        ],
        [
          "note",
          () =>
            addAgentNote({
              scope,
              agent,
              input: {
                number,
                kind: "note",
                call: "in",
                subject: "",
                body: "x",
                visibleToCustomer: false,
              },
            }),
        ],
        [
          "phone",
          () =>
            addAgentNote({
              scope,
              agent,
              input: {
                number,
                kind: "phone",
                call: "in",
                subject: "",
                body: "x",
                visibleToCustomer: true,
              },
            }),
        ],
        [
          "draft",
          () => saveReplyDraft({ scope, agentId: other.id, number, draft: { values: {} } }),
        ],
        ...(
          [
            { kind: "state", state: "closed_successful", pendingUntil: "" },
            { kind: "priority", priority: 1 },
            { kind: "queue", queueId: ticket.queueId },
            { kind: "owner", agent: other.email },
            { kind: "responsible", agent: "" },
          ] as AgentTicketChange[]
        ).map((change): [string, () => Promise<unknown>] => [
          change.kind,
          () => changeTicket({ scope, agentId: other.id, number, change }),
        ]),
      ];
      for (const [name, attempt] of attempts) {
        await expect(attempt(), name).rejects.toMatchObject({ code: "not_found" });
      }
      // A ticket in a queue it cannot write is refused too.
      await expect(
        createAgentTicket({
          scope,
          agent,
          input: {
            kind: "phone",
            customerEmail: "x@example.org",
            customerName: "",
            queueId: ticket.queueId,
            subject: "s",
            body: "b",
            state: "open",
            pendingUntil: "",
          },
        }),
      ).rejects.toMatchObject({ key: "unknownQueue" });
      expect(await snapshot(ticket.id)).toEqual(before);
    });
  }
});
