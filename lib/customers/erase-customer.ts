import "server-only";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { customerSearchText } from "./customer-search-text";
import { refreshTicketSearchText } from "./manage-customers";

/** What an erased customer's own articles say instead of their words. */
export const ERASED_TEXT = "[erased on request of the person concerned]";

/** The address an erased customer keeps (unique, never deliverable: .invalid). */
export const erasedAddress = (customerId: number) => `erased-${customerId}@erased.invalid`;

/**
 * Erases a customer on request (GDPR Art. 17), in one transaction with audit
 * "customer.erase". Name, address and organisation are anonymised; every
 * article the customer wrote keeps its place in the ticket but its text,
 * HTML, subject, sender and attachments are removed; the raw inbound mail
 * behind those articles is dropped; their links, sessions and merged
 * addresses are deleted. Tickets stay for the record (numbers, states,
 * agents' articles). `confirmEmail` must repeat the address (`confirmMismatch`).
 * Throws `notFound`.
 */
export async function eraseCustomer(options: {
  actor: AuditActor;
  customerId: number;
  confirmEmail: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  return transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: options.customerId } });
    if (!customer || customer.erasedAt) throw new NotFoundError("Customer not found");
    if (options.confirmEmail.trim().toLowerCase() !== customer.email)
      throw new UserFacingError(
        "The address does not match",
        "validation",
        { confirmEmail: ["mismatch"] },
        "confirmMismatch",
      );
    const articles = await tx.article.findMany({
      where: { authorCustomerId: customer.id },
      select: { id: true },
    });
    const articleIds = articles.map((a) => a.id);
    await tx.attachment.deleteMany({ where: { articleId: { in: articleIds } } });
    await tx.inboundMessage.updateMany({
      where: { articleId: { in: articleIds } },
      data: { raw: null, payload: null, headers: null },
    });
    await tx.article.updateMany({
      where: { id: { in: articleIds } },
      data: {
        text: ERASED_TEXT,
        html: null,
        subject: "",
        fromAddress: "",
        cc: "",
        contentHash: null,
      },
    });
    await tx.customerToken.deleteMany({ where: { customerId: customer.id } });
    await tx.customerAlias.deleteMany({ where: { customerId: customer.id } });
    const email = erasedAddress(customer.id);
    await tx.customer.update({
      where: { id: customer.id },
      data: {
        email,
        name: "",
        organisation: null,
        locale: null,
        erasedAt: now,
        searchText: customerSearchText({ email, name: "" }),
      },
    });
    await refreshTicketSearchText(tx, customer.id);
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.erase",
      objectType: "customer",
      objectId: customer.id,
      // The audit keeps no personal data of an erased person.
      objectName: email,
      before: { erased: false, articlesBlanked: 0 },
      after: { erased: true, articlesBlanked: articleIds.length },
    });
    return { articlesBlanked: articleIds.length };
  });
}
