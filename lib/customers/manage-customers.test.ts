// Customers (issue 14): search, edit, merge two records of one person, export
// (GDPR Art. 15) and erase (Art. 17), each audited in its transaction.
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../access/system-scope";
import { SYSTEM } from "../actor";
import type { AuditActor } from "../admin/record-audit";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "../tickets/create-ticket";
import { eraseCustomer, ERASED_TEXT } from "./erase-customer";
import { exportCustomerData } from "./export-customer-data";
import { findOrCreateCustomer } from "./find-or-create-customer";
import { listCustomers, updateCustomer } from "./manage-customers";
import { mergeCustomers } from "./merge-customers";
import { buildMail } from "../../tests/kit/mail";
import { processInboundMessage } from "../mail/inbound/process-inbound-message";
import { storeInboundMessage } from "../mail/inbound/store-inbound-message";
import { ticketTag } from "../tickets/ticket-number";

let actor: AuditActor;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
});

async function ticketFrom(email: string, text: string, withAttachment = false) {
  const queue = await db.queue.findUniqueOrThrow({ where: { name: "Web" } });
  return createTicket({
    scope: systemScope,
    customer: { email, name: "" },
    title: "A request",
    queueId: queue.id,
    actor: SYSTEM,
    article: {
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
      text,
      fromAddress: email,
      attachments: withAttachment
        ? [{ filename: "cv.txt", contentType: "text/plain", content: Buffer.from("private cv") }]
        : undefined,
    },
  });
}

describe("customers", () => {
  it("are found by address, name and organisation, and edited with an audit entry", async () => {
    await ticketFrom("Moe.Miller@Example.org", "hello");
    const moe = await db.customer.findUniqueOrThrow({ where: { email: "moe.miller@example.org" } });
    await updateCustomer({ actor, customerId: moe.id, name: "Moe Müller", organisation: "Physik" });
    for (const q of ["MOE.MILLER", "müller", "physik"]) {
      expect((await listCustomers({ q })).customers.map((c) => c.id)).toContain(moe.id);
    }
    expect((await listCustomers({ q: "nobody-like-this" })).customers).toEqual([]);
    expect(
      await db.auditEntry.findFirst({
        where: { action: "customer.update", objectId: String(moe.id) },
      }),
    ).toMatchObject({
      changes: { name: { old: "", new: "Moe Müller" }, organisation: { old: null, new: "Physik" } },
    });
  });

  it("merge: tickets, articles and tokens move; the old address maps to the person", async () => {
    const a = await ticketFrom("kim@home.example", "from home");
    const b = await ticketFrom("kim@work.example", "from work");
    const keep = await db.customer.findUniqueOrThrow({ where: { email: "kim@work.example" } });
    const gone = await db.customer.findUniqueOrThrow({ where: { email: "kim@home.example" } });
    await db.customerToken.create({
      data: {
        kind: "magic",
        tokenHash: "merge-test-hash",
        customerId: gone.id,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await mergeCustomers({ actor, customerId: keep.id, otherEmail: "KIM@home.example" });
    expect(await db.customer.findUnique({ where: { id: gone.id } })).toBeNull();
    const tickets = await db.ticket.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(tickets.map((t) => t.customerId)).toEqual([keep.id, keep.id]);
    expect(await db.article.count({ where: { authorCustomerId: keep.id } })).toBe(2);
    expect(
      await db.customerToken.findUnique({ where: { tokenHash: "merge-test-hash" } }),
    ).toMatchObject({
      customerId: keep.id,
    });
    expect((await findOrCreateCustomer({ email: "kim@home.example" })).id).toBe(keep.id);
    expect((await listCustomers({ q: "kim@home" })).customers.map((c) => c.id)).toEqual([keep.id]);
    expect(
      await db.auditEntry.findFirst({
        where: { action: "customer.merge", objectId: String(keep.id) },
      }),
    ).toMatchObject({ changes: { aliases: { old: [], new: ["kim@home.example"] } } });
    await expect(
      mergeCustomers({ actor, customerId: keep.id, otherEmail: "kim@work.example" }),
    ).rejects.toMatchObject({ key: "invalid" });
  });

  it("export holds the customer's record, tickets, visible articles and attachments", async () => {
    const ticket = await ticketFrom("lea@example.org", "my words", true);
    const lea = await db.customer.findUniqueOrThrow({ where: { email: "lea@example.org" } });
    const data = await exportCustomerData({ actor, customerId: lea.id });
    expect(data.customer.email).toBe("lea@example.org");
    expect(data.tickets).toHaveLength(1);
    expect(data.tickets[0]).toMatchObject({ number: ticket.number });
    expect(data.tickets[0].articles[0]).toMatchObject({ text: "my words" });
    expect(
      Buffer.from(data.tickets[0].articles[0].attachments[0].contentBase64!, "base64").toString(),
    ).toBe("private cv");
    expect(
      await db.auditEntry.count({ where: { action: "customer.export", objectId: String(lea.id) } }),
    ).toBe(1);
  });

  it("erase anonymises the person and blanks their words; the ticket stays", async () => {
    const ticket = await ticketFrom("ned@example.org", "my secret words", true);
    const ned = await db.customer.findUniqueOrThrow({ where: { email: "ned@example.org" } });
    await updateCustomer({ actor, customerId: ned.id, name: "Ned Nobody", organisation: "Org" });
    await db.customerToken.create({
      data: {
        kind: "magic",
        tokenHash: "erase-test-hash",
        customerId: ned.id,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    await expect(
      eraseCustomer({ actor, customerId: ned.id, confirmEmail: "someone@example.org" }),
    ).rejects.toMatchObject({ key: "confirmMismatch" });
    await eraseCustomer({ actor, customerId: ned.id, confirmEmail: "NED@example.org" });

    const erased = await db.customer.findUniqueOrThrow({ where: { id: ned.id } });
    expect(erased).toMatchObject({ name: "", organisation: null });
    expect(erased.email).not.toContain("ned");
    expect(erased.erasedAt).not.toBeNull();
    const kept = await db.ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      include: { articles: { include: { attachments: true } } },
    });
    expect(kept.articles[0].text).toBe(ERASED_TEXT);
    expect(kept.articles[0].attachments).toEqual([]);
    expect(kept.searchText).not.toContain("ned");
    expect(await db.customerToken.count({ where: { customerId: ned.id } })).toBe(0);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "customer.erase", objectId: String(ned.id) },
    });
    expect(JSON.stringify(audit)).not.toMatch(/ned@|Ned Nobody/);
    // The address is free again: new mail from it is a new customer.
    expect((await findOrCreateCustomer({ email: "ned@example.org" })).id).not.toBe(ned.id);
  });

  it("after a merge, mail from the merged address is the person's own follow-up", async () => {
    const ticket = await ticketFrom("ria@work.example", "first");
    await ticketFrom("ria@home.example", "other");
    const keep = await db.customer.findUniqueOrThrow({ where: { email: "ria@work.example" } });
    await mergeCustomers({ actor, customerId: keep.id, otherEmail: "ria@home.example" });
    const raw = buildMail({
      from: "Ria <ria@home.example>",
      subject: `${ticketTag(ticket.number)} more`,
      text: "From my other address.",
    });
    const { id } = await storeInboundMessage({ provider: "mime", raw });
    await processInboundMessage(id);
    const article = await db.article.findFirstOrThrow({
      where: { ticketId: ticket.id, text: { contains: "other address" } },
    });
    expect(article).toMatchObject({
      isForeignSender: false,
      visibleToCustomer: true,
      authorCustomerId: keep.id,
    });
  });
});
