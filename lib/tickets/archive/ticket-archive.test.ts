import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import { buildMail, newMessageId } from "../../../tests/kit/mail";
import { scopeWithAccess } from "../../../tests/kit/scopes";
import { systemScope } from "../../access/system-scope";
import { db, transaction } from "../../db";
import { receiveInboundMail } from "../../mail/inbound/receive-inbound-mail";
import { seedDatabase } from "../../setup/seed";
import { writeArticle } from "../write-article";
import { archiveLabels } from "./archive-labels";
import { loadTicketArchive } from "./ticket-archive-entries";
import { zipEntries } from "./zip-entries";

const pdf = Buffer.from("%PDF-1.4 printer manual\n");
let number: string;
let raw: Buffer;
let agentId: number;

async function unzip(stream: ReadableStream<Uint8Array>) {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  return unzipSync(new Uint8Array(bytes));
}

beforeAll(async () => {
  await seedDatabase();
  agentId = (await db.agent.findFirstOrThrow()).id;
  raw = buildMail({
    from: "Erika Muster <erika@example.org>",
    subject: "Drucker im 3. Stock",
    messageId: newMessageId(),
    body: {
      contentType: 'multipart/mixed; boundary="b"',
      content: `--b
Content-Type: text/plain; charset=utf-8

Der Drucker druckt nur Streifen.
--b
Content-Type: application/pdf; name="manual.pdf"
Content-Disposition: attachment; filename="manual.pdf"
Content-Transfer-Encoding: base64

${pdf.toString("base64")}
--b--
`,
    },
  });
  const result = await receiveInboundMail({ providerId: `archive-${Date.now()}`, raw });
  const ticket = await db.ticket.findUniqueOrThrow({ where: { number: result.ticketNumber! } });
  number = ticket.number;
  await transaction(async (tx) => {
    await writeArticle(tx, ticket.id, {
      channel: "note",
      direction: "internal",
      visibleToCustomer: false,
      text: "Toner ordered, do not tell the customer yet.",
      authorAgentId: agentId,
    });
    await writeArticle(tx, ticket.id, {
      channel: "email",
      direction: "out",
      visibleToCustomer: true,
      subject: `[Ticket#${number}] Drucker im 3. Stock`,
      fromAddress: "Help Desk <support@desk.example>",
      toAddress: "erika@example.org",
      text: "We are on it.",
      messageId: "<reply-1@desk.example>",
      inReplyTo: "<original@example.org>",
      authorAgentId: agentId,
      attachments: [
        { filename: "../../etc/pass:wd.txt", contentType: "text/plain", content: Buffer.from("x") },
      ],
    });
  });
});

describe("ticket archive", () => {
  it("holds the original mail byte for byte, rebuilt outgoing mail, notes, attachments and history", async () => {
    const archive = await loadTicketArchive({
      scope: systemScope,
      number,
      labels: archiveLabels("en"),
    });
    const files = await unzip(zipEntries(archive!.entries));
    const names = Object.keys(files);
    expect(names).toEqual([
      "ticket.txt",
      "articles/001-email-in.eml",
      "attachments/001/manual.pdf",
      "articles/002-note-internal.txt",
      "articles/003-email-out.eml",
      "attachments/003/pass_wd.txt",
      "history.txt",
    ]);
    expect(Buffer.from(files["articles/001-email-in.eml"]).equals(raw)).toBe(true);
    expect(Buffer.from(files["attachments/001/manual.pdf"]).equals(pdf)).toBe(true);
    const out = strFromU8(files["articles/003-email-out.eml"]);
    expect(out).toMatch(/^Message-ID: <reply-1@desk\.example>$/m);
    expect(out).toMatch(/^In-Reply-To: <original@example\.org>$/m);
    expect(out).toMatch(/^Subject: \[Ticket#\d{16}\]/m);
    expect(out).toContain("We are on it.");
    expect(out).toMatch(/filename=.?pass:wd\.txt|pass_wd/);
    const note = strFromU8(files["articles/002-note-internal.txt"]);
    expect(note).toContain("Internal: not visible to the customer");
    expect(note).toContain("Toner ordered");
    const summary = strFromU8(files["ticket.txt"]);
    expect(summary).toContain(`Ticket: ${number}`);
    expect(summary).toContain("Erika Muster <erika@example.org>");
    // The history as the zoom writes it: sentences with names, never stored codes.
    const history = strFromU8(files["history.txt"]);
    expect(history).toMatch(/created the ticket in queue \w+/);
    expect(history).not.toMatch(/\bcreated\b.*;\s*email|\b(email|note)\/(in|out|internal)\b/);
  });

  it("speaks the agent's language", async () => {
    const archive = await loadTicketArchive({
      scope: systemScope,
      number,
      labels: archiveLabels("de"),
    });
    const files = await unzip(zipEntries(archive!.entries));
    expect(strFromU8(files["articles/002-note-internal.txt"])).toContain(
      "Intern: für den Kunden nicht sichtbar",
    );
    expect(strFromU8(files["ticket.txt"])).toContain("Titel: Drucker im 3. Stock");
  });

  it("rebuilds inbound mail whose raw message is no longer kept, and says so", async () => {
    const ticket = await db.ticket.findUniqueOrThrow({ where: { number } });
    const saved = await db.inboundMessage.findMany({ where: { ticketId: ticket.id } });
    await db.inboundMessage.updateMany({ where: { ticketId: ticket.id }, data: { raw: null } });
    try {
      const archive = await loadTicketArchive({
        scope: systemScope,
        number,
        labels: archiveLabels("en"),
      });
      const files = await unzip(zipEntries(archive!.entries));
      const rebuilt = strFromU8(files["articles/001-email-in-rebuilt.eml"]);
      expect(rebuilt).toContain("Der Drucker druckt nur Streifen.");
      expect(rebuilt).toMatch(/manual\.pdf/);
      expect(strFromU8(files["ticket.txt"])).toContain("no longer kept");
    } finally {
      for (const m of saved)
        await db.inboundMessage.update({ where: { id: m.id }, data: { raw: m.raw } });
    }
  });

  it("is not found for an agent without access to the ticket's queue, found with ro", async () => {
    const ticket = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { queue: true },
    });
    const other = (await db.queue.findFirstOrThrow({ where: { id: { not: ticket.queueId } } }))
      .name;
    const outsider = await scopeWithAccess({ [other]: "rw" });
    expect(
      await loadTicketArchive({ scope: outsider, number, labels: archiveLabels("en") }),
    ).toBeNull();
    const reader = await scopeWithAccess({ [ticket.queue.name]: "ro" });
    expect(
      await loadTicketArchive({ scope: reader, number, labels: archiveLabels("en") }),
    ).not.toBeNull();
  });
});
