import "server-only";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { db, transaction } from "../db";
import { NotFoundError } from "../errors";

/**
 * A customer's data as one JSON document (GDPR Art. 15): their record and
 * merged addresses, their tickets (number, title, state, queue as customers
 * name it, dates) with the articles they can see, each with its attachments
 * (base64). Internal notes and history are not theirs to see and are left out.
 * Writes audit "customer.export" (who took the data out, and when).
 * Throws `notFound`.
 */
export async function exportCustomerData(options: { actor: AuditActor; customerId: number }) {
  const customer = await db.customer.findUnique({
    where: { id: options.customerId },
    include: {
      aliases: { select: { address: true } },
      tickets: {
        orderBy: { id: "asc" },
        include: {
          queue: { select: { name: true, publicNameEn: true } },
          articles: {
            where: { visibleToCustomer: true },
            orderBy: { id: "asc" },
            include: { attachments: true },
          },
        },
      },
    },
  });
  if (!customer) throw new NotFoundError("Customer not found");
  await transaction((tx) =>
    recordAudit(tx, {
      actor: options.actor,
      action: "customer.export",
      objectType: "customer",
      objectId: customer.id,
      objectName: customer.email,
    }),
  );
  return {
    exportedAt: new Date().toISOString(),
    customer: {
      email: customer.email,
      otherAddresses: customer.aliases.map((a) => a.address),
      name: customer.name,
      organisation: customer.organisation,
      language: customer.locale,
      createdAt: customer.createdAt.toISOString(),
    },
    tickets: customer.tickets.map((ticket) => ({
      number: ticket.number,
      title: ticket.title,
      state: ticket.state,
      topic: ticket.queue.publicNameEn ?? ticket.queue.name,
      createdAt: ticket.createdAt.toISOString(),
      closedAt: ticket.closedAt?.toISOString() ?? null,
      articles: ticket.articles.map((article) => ({
        from: article.fromAddress,
        to: article.toAddress,
        subject: article.subject,
        text: article.text,
        createdAt: article.createdAt.toISOString(),
        attachments: article.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
          contentBase64: a.content ? Buffer.from(a.content).toString("base64") : null,
        })),
      })),
    })),
  };
}
