// Forward with the original attachments (issue 13): the ids posted by the reply form are
// re-read in the ticket's write scope, counted against the attachment limits, stored on
// the new article with the same bytes and mailed with them (inline images stay inline).
import { beforeEach, describe, expect, it } from "vitest";
import { changeSettings, resetSettings } from "../../tests/kit/settings";
import { createAgentWithAccess } from "../../tests/kit/scopes";
import { scopeForAgent, type Scope } from "../access/scope";
import { systemScope } from "../access/system-scope";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { composeMail } from "../mail/outbound/compose-mail";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "./create-ticket";
import { sendAgentReply } from "./send-agent-reply";

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3000, 7), Buffer.from("%%EOF")]);
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

let scope: Scope;
let agent: { id: number; email: string };

async function inboundTicket(queue: string, title: string) {
  const queueId = (await db.queue.findUniqueOrThrow({ where: { name: queue } })).id;
  const ticket = await createTicket({
    customer: { email: "carol@example.org" },
    title,
    queueId,
    scope: systemScope,
    actor: SYSTEM,
    allowAutoResponse: false,
    article: {
      channel: "email",
      direction: "in",
      visibleToCustomer: true,
      subject: title,
      text: "See the attached report.",
      html: '<p>See the report.</p><img src="cid:logo@customer.example">',
      fromAddress: "carol@example.org",
      attachments: [
        { filename: "report.pdf", contentType: "application/pdf", content: PDF },
        {
          filename: "logo.png",
          contentType: "image/png",
          content: PNG,
          contentId: "logo@customer.example",
          isInline: true,
        },
      ],
    },
  });
  const attachments = await db.attachment.findMany({
    where: { article: { ticketId: ticket.id } },
    orderBy: { id: "asc" },
  });
  return { ...ticket, attachmentIds: attachments.map((a) => a.id) };
}

const forward = (number: string, originalAttachments: number[]) =>
  sendAgentReply({
    scope,
    agent,
    input: {
      number,
      mode: "forward",
      to: "vendor@example.net",
      cc: "",
      bcc: "",
      subject: `Fwd: ${number}`,
      body: "Please have a look.",
      nextState: "",
      pendingUntil: "",
      originalAttachments,
    },
    attachments: [],
  });

const articleCount = (ticketId: number) => db.article.count({ where: { ticketId } });

beforeEach(async () => {
  await seedDatabase();
  await resetSettings();
  const writer = await createAgentWithAccess({ WLAN: "rw" });
  scope = await scopeForAgent(writer);
  agent = writer;
});

describe("forwarding with the original attachments", () => {
  it("stores and mails the chosen attachments with the same bytes; inline images stay inline", async () => {
    const ticket = await inboundTicket("WLAN", "Report attached");
    const { articleId } = await forward(ticket.number, ticket.attachmentIds);
    const copies = await db.attachment.findMany({ where: { articleId }, orderBy: { id: "asc" } });
    expect(copies.map((a) => [a.filename, a.contentType, a.isInline, a.contentId])).toEqual([
      ["report.pdf", "application/pdf", false, null],
      ["logo.png", "image/png", true, "logo@customer.example"],
    ]);
    expect(Buffer.from(copies[0].content!).equals(PDF)).toBe(true);
    expect(copies[0].size).toBe(PDF.byteLength);

    const { mail } = await composeMail(
      { kind: "agent-reply", to: "vendor@example.net", ticketId: ticket.id, articleId },
      "<fwd@desk.example>",
    );
    expect(mail.attachments?.map((a) => [a.filename, a.contentId ?? null])).toEqual([
      ["report.pdf", null],
      ["logo.png", "logo@customer.example"],
    ]);
    expect(mail.attachments![0].content.equals(PDF)).toBe(true);
  });

  it("sends only what the agent left ticked", async () => {
    const ticket = await inboundTicket("WLAN", "Only the PDF");
    const { articleId } = await forward(ticket.number, [ticket.attachmentIds[0]]);
    const copies = await db.attachment.findMany({ where: { articleId } });
    expect(copies.map((a) => a.filename)).toEqual(["report.pdf"]);
  });

  it("refuses an attachment of another ticket or of a foreign queue as not found, and writes nothing", async () => {
    const ticket = await inboundTicket("WLAN", "Mine");
    const sibling = await inboundTicket("WLAN", "Another ticket, same queue");
    const foreign = await inboundTicket("VoIP", "A queue the agent cannot see");
    const jobs = await db.job.count();
    for (const id of [sibling.attachmentIds[0], foreign.attachmentIds[0], 999_999]) {
      await expect(forward(ticket.number, [ticket.attachmentIds[0], id])).rejects.toMatchObject({
        code: "not_found",
        key: "notFound",
      });
    }
    expect(await articleCount(ticket.id)).toBe(1);
    expect(await db.job.count()).toBe(jobs);
  });

  it("counts the original attachments against the attachment limits", async () => {
    const ticket = await inboundTicket("WLAN", "Limits");
    await changeSettings({ attachmentMaxCount: 1 });
    await expect(forward(ticket.number, ticket.attachmentIds)).rejects.toMatchObject({
      key: "tooManyFiles",
      fields: { attachments: expect.any(Array) },
    });
    // 3 kB of PDF against a limit of about 1 kB per file.
    await changeSettings({ attachmentMaxCount: 5, attachmentMaxMegabytes: 0.001 });
    await expect(forward(ticket.number, [ticket.attachmentIds[0]])).rejects.toMatchObject({
      key: "fileTooLarge",
      fields: { originalAttachments: expect.any(Array) },
    });
    expect(await articleCount(ticket.id)).toBe(1);
    // The small inline image still fits.
    await expect(forward(ticket.number, [ticket.attachmentIds[1]])).resolves.toBeTruthy();
  });
});
